"""The Pelican generator: read, check and compile every assessment, then write
their pages, the index and the browser package."""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.generators import Generator

from .across_files import Loaded, is_source, shared_ids, slug_collisions, unread_files
from .author_module import scorer_path_of
from .cache import cache_folder, cached_value, code_of, installed_version, key_of
from .checked import checked
from .compile import compile_definition, markdown_texts
from .content import Assessment
from .contract import browser_contract
from .package import build_package
from .problems import AuthorProblem, report
from .pyodide_check import Authored, PyodideCheckError, check_in_pyodide
from .sanitize import safe_html
from .source import SourceError, SourceMap, read_source
from .stale import remove_stale_files, remove_stale_folders, remove_stale_pages
from .static import static_names, write_static_files

log = logging.getLogger("assessments")


class AssessmentGenerator(Generator):
    """Reads content/assessments/*.yaml. A file with any problem is reported
    in full and left out: nothing half-checked reaches the site."""

    def generate_context(self) -> None:
        # Every compiled definition: assessments (with pages of their own) and
        # knowledge checks (only ever embedded in guides).
        self.quizzes: list[Assessment] = []
        self.scorer_files: dict[str, Path] = {}
        # slug -> (its file as authors are shown it, its lines), for the
        # assessments with a scoring module: what the check under Pyodide reports at.
        self.scorer_sources: dict[str, tuple[str, SourceMap]] = {}
        # Knowledge checks' files under PATH (posix) -> slug: they have no page to link to.
        self.knowledge_check_files: dict[str, str] = {}
        problems: list[AuthorProblem] = []
        files = sorted(self.get_files(self.settings["ASSESSMENT_PATHS"], extensions=False))
        problems.extend(
            unread_files(
                (relative, self._display_path(Path(self.path) / relative)) for relative in files
            )
        )
        loaded: list[Loaded] = []
        cache = cache_folder(self.settings)
        for relative in filter(is_source, files):
            path = Path(self.path) / relative
            display = self._display_path(path)
            try:
                data, source_map = read_source(
                    path, cache, self.settings["ASSESSMENT_MAX_FILE_BYTES"]
                )
            except SourceError as error:
                problems.append(AuthorProblem(display, error.line, error.message))
                continue
            loaded.append(Loaded(relative, display, data, source_map))
        # Files that clash with another are left out whole (see across_files).
        clashes = shared_ids(loaded) + slug_collisions(loaded, self._item_slugs())
        problems.extend(clashes)
        clashing = {problem.file for problem in clashes}
        loaded = [item for item in loaded if item.display not in clashing]

        titles = {
            data["id"]: str(data.get("title", ""))
            for *_, data, _map in loaded
            if isinstance(data, dict)
            and isinstance(data.get("id"), str)
            and data.get("kind") != "knowledge-check"
        }
        links = self._links = self._link_table(titles)
        for relative, display, data, source_map in loaded:
            path = Path(self.path) / relative
            found = checked(path, display, data, source_map, links, cache)
            if found:
                problems.extend(found)
                continue
            self._add(relative, path, data, links)
            if data["id"] in self.scorer_files:
                self.scorer_sources[data["id"]] = (display, source_map)

        report(problems)
        self.assessments = sorted(
            (quiz for quiz in self.quizzes if quiz.has_page),
            key=lambda a: (a.minutes or 0, a.title),
        )
        self.context["assessments"] = self.assessments
        self.context["quizzes_by_slug"] = {quiz.slug: quiz for quiz in self.quizzes}
        self.context["assessment_problems"] = problems

    def finalize(self) -> None:
        """Once every generator has read its content (and before any page is
        written): resolve links in the definitions' text (relative to the site
        root) and build the package, whose folders the pages name."""
        for quiz in self.quizzes:
            quiz.definition = compile_definition(
                quiz.source_data,
                lambda text, q=quiz: q._update_content(q.markdown_html[text], ""),
                self._links.__getitem__,
            )
        layout = None
        while self.quizzes:
            # A missing runtime stops the build (RuntimeMissing, one sentence
            # naming the setting): every page with a form would be broken.
            layout = build_package(
                definitions={q.slug: q.definition for q in self.quizzes},
                scorer_files={
                    q.slug: self.scorer_files[q.slug]
                    for q in self.quizzes
                    if q.slug in self.scorer_files
                },
                settings=self.settings,
                output_path=Path(self.output_path),
            )
            refused = self._refused_in_pyodide(layout)
            if not refused:
                break
            # As with every other problem, what fails is left out, and the
            # package is built again without it (the standard library cut
            # may then be smaller, so the rest is checked again).
            self._leave_out(refused)
            layout = None
        self.context["assessment_contract"] = (
            {
                **browser_contract(layout, self.settings["ASSESSMENT_STATIC_DIR"]),
                "trustedTypesPolicy": self.settings["ASSESSMENT_TRUSTED_TYPES_POLICY"],
            }
            if layout
            else None
        )

    def _refused_in_pyodide(self, layout: Any) -> set[str]:
        """The slugs whose examples fail under Pyodide (each problem reported)."""
        authored = [
            Authored(q.slug, q.definition, *self.scorer_sources[q.slug], self.scorer_files[q.slug])
            for q in self.quizzes
            if q.slug in self.scorer_files
        ]
        if not authored or not self.settings["ASSESSMENT_CHECK_IN_PYODIDE"]:
            return set()
        try:
            problems = check_in_pyodide(
                authored,
                layout,
                Path(self.output_path),
                Path(self.settings["ASSESSMENT_PYODIDE_DIR"]),
                cache_folder(self.settings),
            )
        except PyodideCheckError as error:
            log.error("%s", error)  # the site's to fix, not an author's: nothing left out
            return set()
        report([problem for found in problems.values() for problem in found])
        return set(problems)

    def _leave_out(self, slugs: set[str]) -> None:
        """Drop the quizzes of `slugs` from the site, as if they had failed to check."""
        self.quizzes[:] = [q for q in self.quizzes if q.slug not in slugs]
        self.assessments[:] = [a for a in self.assessments if a.slug not in slugs]
        for slug in slugs:
            self.context["quizzes_by_slug"].pop(slug, None)
            self.scorer_files.pop(slug, None)

    def generate_output(self, writer: Any) -> None:
        # Before any page is written: the build owns its assessment pages.
        remove_stale_pages(
            Path(self.output_path),
            self.settings["ASSESSMENT_SAVE_AS"],
            (assessment.slug for assessment in self.assessments),
        )
        static_dir = Path(self.output_path) / self.settings["ASSESSMENT_STATIC_DIR"]
        if self.quizzes:
            write_static_files(static_dir)
        else:
            # No package was built (finalize() prunes the folder when one is):
            # what earlier builds left of the runtime and the scripts goes too.
            remove_stale_folders(
                Path(self.output_path) / self.settings["ASSESSMENT_RUNTIME_DIR"], keep=()
            )
            remove_stale_files(static_dir, static_names())
        for assessment in self.assessments:
            writer.write_file(
                assessment.save_as,
                self.get_template(assessment.template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                assessment=assessment,
                url=assessment.url,
            )
        if not self.settings["ASSESSMENT_INDEX_SAVE_AS"]:
            return
        writer.write_file(
            self.settings["ASSESSMENT_INDEX_SAVE_AS"],
            self.get_template("assessments"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings["ASSESSMENT_INDEX_URL"],
        )

    def _add(
        self, relative: str, path: Path, data: dict[str, Any], links: dict[str, tuple[str, str]]
    ) -> None:
        # Text stays Markdown until finalize() renders it with links resolved;
        # only the intro (the page's content) is needed as HTML now.
        definition = compile_definition(data, str, links.__getitem__)
        markdown_html = self._render_markdown(data)
        assessment = Assessment(
            markdown_html[data["intro"]] if "intro" in data else "",
            # Pelican's titles and summaries are HTML, and themes print them as
            # such; an author's are plain text, so they are escaped once here.
            metadata={
                "title": escape(data["title"]),
                "slug": data["id"],
                "summary": escape(data["summary"]),
            },
            settings=self.settings,
            source_path=str(path),
            context=self.context,
        )
        assessment.definition = definition
        assessment.source_data = data
        assessment.markdown_html = markdown_html
        scorer_path = scorer_path_of(path, data)
        if scorer_path is not None:
            self.scorer_files[assessment.slug] = scorer_path
        if assessment.has_page:
            self.add_source_path(assessment)
        else:
            self.knowledge_check_files[Path(relative).as_posix()] = assessment.slug
        self.quizzes.append(assessment)

    def _item_slugs(self) -> dict[str, str]:
        """slug -> the file of each article and page, as authors are shown it."""
        items = [
            *self.context.get("articles", []),
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
        ]
        return {item.slug: self._display_path(Path(item.source_path)) for item in items}

    def _link_table(self, assessment_titles: dict[str, str]) -> dict[str, tuple[str, str]]:
        """slug -> (title, url) for everything a recommendation may name."""
        table: dict[str, tuple[str, str]] = {}
        for item in self.context.get("articles", []) + self.context.get("pages", []):
            table.setdefault(item.slug, (item.title, item.url))
        url_pattern = self.settings["ASSESSMENT_URL"]
        for slug, title in assessment_titles.items():
            table.setdefault(slug, (title, url_pattern.format(slug=slug)))
        return table

    def _render_markdown(self, data: dict[str, Any]) -> dict[str, str]:
        """Each Markdown text of `data` as HTML (before links are resolved),
        reused from an earlier build when the texts and the Markdown set-up
        are the same: rendering is most of what a rebuild of unchanged
        assessments would otherwise cost."""
        texts = sorted(set(markdown_texts(data)))
        key = key_of(
            [
                *texts,
                repr(self.settings["MARKDOWN"]),
                installed_version("markdown"),
                # A change to what is allowed must not serve HTML cleaned by the old rules.
                installed_version("nh3"),
                code_of("sanitize"),
            ]
        )
        return cached_value(
            cache_folder(self.settings),
            "markdown",
            data["id"],
            key,
            lambda: {text: self._markdown(text) for text in texts},
        )

    def _markdown(self, text: str) -> str:
        if not hasattr(self, "_markdown_converter"):
            config = self.settings["MARKDOWN"]
            self._markdown_converter = Markdown(
                extensions=list(config.get("extension_configs", {})),
                extension_configs=config.get("extension_configs", {}),
                output_format=config.get("output_format", "html5"),
            )
        # Raw HTML and attr_list attributes are the author's, not Markdown's: cleaned here.
        return safe_html(self._markdown_converter.reset().convert(text))

    def _display_path(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)
