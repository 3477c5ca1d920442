"""Generate a large site from this site's own files: N guides and M assessments.

Guides are copies of the real guides and practices (same length, headings,
tags, metadata and embedded quizzes), each with a new slug, date and
`Related:` list. Their `{filename}` links point at other generated guides,
never at assessments, so the very same Markdown builds without the assessments
plugin too (where a `[quiz: ...]` line stays a line of text). The assessments
are this site's own (the guides embed some of them) plus copies of
content/assessments/connection-check.yaml with new ids, M in all; their links
to guides point at generated guides.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .paths import CONTENT

TEMPLATE_ASSESSMENT = "connection-check"
LINK = re.compile(r"\{filename\}/(guides|practices|assessments|pages)/([\w.-]+?)\.(md|yaml)")
FIELD = re.compile(r"^(\w+):\s*(.*)$")
START = datetime(2020, 1, 1, 9, 0)


@dataclass(frozen=True)
class Template:
    folder: str  # guides | practices
    slug: str
    header: dict[str, str]
    body: str


def read_templates(content: Path = CONTENT) -> list[Template]:
    templates = []
    for folder in ("guides", "practices"):
        for path in sorted((content / folder).glob("*.md")):
            head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
            header = {}
            for line in head.splitlines():
                match = FIELD.match(line)
                if match:
                    header[match[1]] = match[2]
            templates.append(Template(folder, header["Slug"], header, body))
    return templates


class Generated:
    """Slugs and files of a generated site of `guides` guides."""

    def __init__(self, templates: list[Template], guides: int, assessments: int) -> None:
        self.templates = templates
        self.guides = guides
        self.assessments = assessments
        self.index = {t.slug: i for i, t in enumerate(templates)}

    def template(self, n: int) -> Template:
        return self.templates[n % len(self.templates)]

    def slug(self, n: int) -> str:
        return f"{self.template(n).slug}-{n:05d}"

    def path(self, n: int) -> str:
        return f"{self.template(n).folder}/{self.slug(n)}.md"

    def copy_of(self, template_slug: str, near: int) -> int:
        """The generated guide made from `template_slug` closest to guide `near`."""
        size = len(self.templates)
        i = self.index.get(template_slug, near % size)
        n = (near // size) * size + i
        return n if n < self.guides else i

    def link(self, match: re.Match[str], near: int) -> str:
        folder, name = match[1], match[2]
        if folder == "pages":
            return match[0]
        # Assessments become guides too: plain Pelican must resolve every link.
        return "{filename}/" + self.path(self.copy_of(name, near + 1))

    def guide(self, n: int) -> str:
        template = self.template(n)
        header = dict(template.header)
        header["Title"] = f"{header['Title']} ({n})"
        header["Slug"] = self.slug(n)
        header["Date"] = (START + timedelta(hours=n)).strftime("%Y-%m-%d %H:%M")
        header["Related"] = ", ".join(self.slug((n + k) % self.guides) for k in (1, 2, 3))
        body = LINK.sub(lambda m: self.link(m, n), template.body)
        return "".join(f"{k}: {v}\n" for k, v in header.items()) + "\n" + body

    def assessment_link(self, match: re.Match[str]) -> str:
        if match[1] in ("guides", "practices"):
            return "{filename}/" + self.path(self.copy_of(match[2], 0))
        return match[0]

    def assessment(self, source: str, names: dict[str, str]) -> str:
        """An assessment's YAML with guide slugs (and `names`) renamed."""
        names = {t.slug: self.slug(self.copy_of(t.slug, 0)) for t in self.templates} | names
        pattern = re.compile(
            r"(?<![\w-])("
            + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
            + r")(?![\w-])"
        )
        return LINK.sub(self.assessment_link, pattern.sub(lambda m: names[m[1]], source))

    def copy(self, k: int, source: str) -> str:
        """Copy `k` of the template assessment: a new id and title."""
        text = self.assessment(
            source,
            {
                TEMPLATE_ASSESSMENT: assessment_id(k),
                "connection-style": assessment_id((k + 1) % self.assessments),
            },
        )
        return re.sub(r"^title: (.*)$", rf"title: \1 {k}", text, count=1, flags=re.M)


def assessment_id(k: int) -> str:
    return f"check-{k:02d}"


def generate(target: Path, guides: int, assessments: int, content: Path = CONTENT) -> Path:
    """Write a content folder with `guides` guides, the real pages and
    `assessments` assessments into `target` (emptied first); return it."""
    if target.exists():
        shutil.rmtree(target)
    site = Generated(read_templates(content), guides, max(assessments, 1))
    for n in range(guides):
        path = target / site.path(n)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(site.guide(n), encoding="utf-8")
    (target / "pages").mkdir(parents=True)
    for page in sorted((content / "pages").glob("*.md")):
        text = LINK.sub(lambda m: site.link(m, 0), page.read_text(encoding="utf-8"))
        (target / "pages" / page.name).write_text(text, encoding="utf-8")
    (target / "assessments").mkdir()
    # This site's own assessments (the guides embed some), then copies up to `assessments`.
    own = sorted((content / "assessments").iterdir())
    for path in own:
        if path.suffix == ".yaml":
            text = site.assessment(path.read_text(encoding="utf-8"), {})
            (target / "assessments" / path.name).write_text(text, encoding="utf-8")
        elif path.is_file():
            shutil.copyfile(path, target / "assessments" / path.name)
    source = (content / "assessments" / f"{TEMPLATE_ASSESSMENT}.yaml").read_text(encoding="utf-8")
    copies = max(assessments - sum(1 for p in own if p.suffix == ".yaml"), 0)
    site.assessments = max(copies, 1)
    for k in range(copies):
        (target / "assessments" / f"{assessment_id(k)}.yaml").write_text(
            site.copy(k, source), encoding="utf-8"
        )
    extra = content / "extra"
    if extra.is_dir():
        shutil.copytree(extra, target / "extra")
    return target


def touch_guide(content: Path, stamp: int) -> Path:
    """Change one guide's text (a new last paragraph), as an author saving it would."""
    path = sorted((content / "guides").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8").rstrip("\n").split("\n\n<!-- bench")[0]
    path.write_text(
        f"{text}\n\n<!-- bench {stamp} -->\nOne more line, edit {stamp}.\n", encoding="utf-8"
    )
    return path
