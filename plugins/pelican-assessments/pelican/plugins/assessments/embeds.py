"""Quizzes embedded in guides and pages with one line of Markdown:

    [quiz: check-in]
    [quiz: check-in inline]

The line becomes a marker in the content, and the item's content, as any
theme reads it (`{{ article.content }}`), carries the quiz's form in its
place, with the page's own relative links and, before the first quiz, the
page script. An unknown slug is a build error naming the file and the line,
and so is anything that looks like an embed and is not exactly one
(`[Quiz: x]`, `[quiz_x]`, words after it, inside a list item), with the line
it most likely meant."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import unescape
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup

from .problems import AuthorProblem

DIRECTIVE = re.compile(r"<p>\[quiz:\s*([a-z0-9-]+)(\s+inline)?\s*\]</p>")
MARKER = re.compile(r"<!--quiz:(\d+)-->")
# Anything an author may have meant as an embed: `[quiz` in any case, then a
# separator of any kind (or none), up to the closing bracket. What DIRECTIVE
# takes is removed first, so every match left is a near miss.
NEAR_MISS = re.compile(r"\[\s*quiz(?:[\s:_=-][^\]<\n]*)?\]", re.IGNORECASE)
WELL_FORMED = re.compile(r"\[quiz:\s*[a-z0-9-]+(\s+inline)?\s*\]")
# Code shows the syntax rather than using it: never a near miss.
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TEMPLATE = "_embedded_quiz.html"


class Embed(NamedTuple):
    slug: str
    inline: bool


def find_embeds(item: Any, quizzes: Mapping[str, Any]) -> list[AuthorProblem]:
    """Replace each directive in `item`'s content by a marker and list the
    embeds on `item.quiz_embeds`; return a problem for each unknown slug."""
    problems: list[AuthorProblem] = []
    embeds: list[Embed] = []

    def replace(match: re.Match[str]) -> str:
        slug = match.group(1)
        if slug not in quizzes:
            known = ", ".join(sorted(quizzes)) or "none"
            problems.append(
                AuthorProblem(
                    item.relative_source_path,
                    line_of(Path(item.source_path), f"[quiz: {slug}"),
                    f"quiz '{slug}' does not exist; known: {known}",
                )
            )
            return match.group(0)
        embeds.append(Embed(slug, bool(match.group(2))))
        return f"<!--quiz:{len(embeds) - 1}-->"

    content = item._content or ""
    problems.extend(near_misses(item, DIRECTIVE.sub("", content)))
    item._content = DIRECTIVE.sub(replace, content)
    item.quiz_embeds = embeds
    return problems


def near_misses(item: Any, html: str) -> list[AuthorProblem]:
    """A problem for each text in `html` that looks like an embed and is not
    one (wrong case or separator, words around it, inside a list): left
    alone, it would reach the page as bracketed text."""
    problems = []
    for match in NEAR_MISS.finditer(CODE.sub("", html)):
        text = unescape(match.group(0))
        words = re.sub(r"^\[\s*quiz[\s:_=-]*|\]$", "", text, flags=re.IGNORECASE).split()
        slug = words[0].lower() if words else "slug"
        inline = " inline" if len(words) > 1 and words[1].lower() == "inline" else ""
        if WELL_FORMED.fullmatch(text):
            what = "embeds a quiz only as a line of its own, not in a list or beside other words"
        else:
            what = "looks like a quiz embed but is not one"
        problems.append(
            AuthorProblem(
                item.relative_source_path,
                line_of(Path(item.source_path), text),
                f"'{text}' {what}; did you mean `[quiz: {slug}{inline}]` on a line of its own?",
            )
        )
    return problems


def line_of(path: Path, text: str) -> int:
    """The first line of `path` holding `text` (spaces as Markdown folds them)."""
    wanted = " ".join(text.split())
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if wanted in " ".join(line.split()):
            return number
    return 1


def attach_embeds(item: Any, env: Any, context: Mapping[str, Any]) -> None:
    """From now on, `item`'s content as the theme reads it holds its quizzes.

    Pelican turns an item's text into the content of one page with
    `_update_content(text, siteurl)`, siteurl being that page's (relative)
    site root; wrapping it for this item alone renders each quiz there, so
    every link in the quiz is right for the page that shows it."""
    if not item.quiz_embeds:
        return
    update: Callable[[str, str], str] = item._update_content

    def with_quizzes(content: str, siteurl: str) -> str:
        return update(render_embeds(env, content, item, context, siteurl), siteurl)

    item._update_content = with_quizzes


def render_embeds(
    env: Any, html: str, item: Any, context: Mapping[str, Any], siteurl: str
) -> Markup:
    """Each marker in `html` becomes its quiz's form."""
    embeds: list[Embed] = getattr(item, "quiz_embeds", [])
    if not embeds:
        return Markup(html)
    template = env.get_template(TEMPLATE)
    quizzes = context["quizzes_by_slug"]

    def render(match: re.Match[str]) -> str:
        index = int(match.group(1))
        embed = embeds[index]
        return template.render(
            {
                **context,
                "SITEURL": siteurl,
                "quiz": quizzes[embed.slug],
                "inline": embed.inline,
                "prefix": f"quiz{index + 1}-",
                "first": index == 0,
            }
        )

    return Markup(MARKER.sub(render, str(html)))
