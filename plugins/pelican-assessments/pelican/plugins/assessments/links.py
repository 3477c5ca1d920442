"""Links inside compiled assessment text are relative to the site root, so the
same text works on any page that shows it; this makes them page-relative."""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup

# What a recommendation may name: slug -> (title, url) of every guide, practice,
# page and assessment.
Links = Mapping[str, tuple[str, str]]

# href/src values that are neither absolute (scheme:, //, /) nor in-page (#).
SITE_RELATIVE = re.compile(r"""\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]*)\"""")


def site_links(html: str, siteurl: str) -> Markup:
    """Jinja filter: prefix site-root-relative links with the page's SITEURL.
    The text is HTML the build rendered from Markdown, so it is marked safe
    here, explicitly, for templates that escape everything else."""
    if not siteurl:
        return Markup(html)
    return Markup(SITE_RELATIVE.sub(lambda m: f'{m.group(1)}="{siteurl}/{m.group(2)}"', html))
