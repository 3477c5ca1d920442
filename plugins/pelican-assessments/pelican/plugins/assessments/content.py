"""The Pelican content object for one assessment page."""

from __future__ import annotations

from typing import Any

from pelican.contents import Content

from .engine.model import Assessment as AssessmentModel
from .engine.together import version


class Assessment(Content):
    """An assessment as Pelican sees it: a page with a URL (ASSESSMENT_URL),
    linkable with {filename}, listed in the index, the sitemap and "Related"."""

    mandatory_properties = ("title",)
    default_status = "published"
    default_template = "assessment"

    # The author's validated data, and the definition compiled from it (text in
    # HTML, links relative to the site root): what the engine receives.
    source_data: dict[str, Any]
    # Each Markdown text of source_data rendered to HTML, links not yet resolved.
    markdown_html: dict[str, str]
    definition: dict[str, Any]

    @property
    def questions(self) -> list[dict[str, Any]]:
        return [q for section in self.definition["sections"] for q in section["questions"]]

    @property
    def has_page(self) -> bool:
        """Knowledge checks live inside guides; assessments have pages too."""
        return self.definition.get("kind", "assessment") != "knowledge-check"

    @property
    def together_version(self) -> str | None:
        """The version a partner's link carries (engine/together.py), for the
        form's data-version; None for a knowledge check, which is never compared."""
        if not self.has_page:
            return None
        return version(AssessmentModel.from_definition(self.definition))

    @property
    def minutes(self) -> int | None:
        return self.definition.get("minutes")
