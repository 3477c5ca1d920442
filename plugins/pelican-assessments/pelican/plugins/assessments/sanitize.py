"""The HTML an author's Markdown field may become: what Markdown itself makes
of text, and nothing an author typed as raw HTML.

Markdown passes raw HTML through (`<script>`, `<img onerror>`), and its
attr_list extension lets `{: onclick=...}` add any attribute. Fields such as
a band's text or an option's feedback reach the reader's page twice: in the
page (the intro) and through the results script, which inserts them as HTML.
So each rendered field is cleaned here, once, by an allow-list sanitizer made
for the job (nh3, the bindings to Rust's ammonia): the browser then only
ever inserts HTML the build produced. What is not allowed is removed (a
script with its content, other tags leaving their text), not shown as text.
"""

from __future__ import annotations

import nh3

# What Python-Markdown and the extensions a site is likely to enable (extra:
# tables, footnotes, definition lists, abbreviations, fenced code; toc; smarty)
# produce from plain Markdown.
TAGS = frozenset(
    {
        *("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "b", "i"),
        *("ul", "ol", "li", "dl", "dt", "dd", "a", "img", "abbr", "sup", "sub", "del"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "div", "span"),
        *("table", "thead", "tbody", "tr", "th", "td"),
    }
)
# No event handlers, no style (the pages' policy refuses inline style anyway):
# links and images, the ids headings and footnotes link to, classes for the
# theme's styles, the colspan of a table cell.
ATTRIBUTES = {
    "*": {"class"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    **{tag: {"id", "class"} for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li", "sup", "div")},
}
# Relative links (the site's own pages, {filename} links not yet resolved)
# are kept as they are; absolute ones only to the web and to e-mail.
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def allowed_html() -> dict[str, object]:
    """The same allow-list for the browser (the contract's "html"): the page's
    Trusted Types policy cleans every HTML string by it before it is used."""
    return {
        "tags": sorted(TAGS),
        "attributes": {tag: sorted(names) for tag, names in sorted(ATTRIBUTES.items())},
        "schemes": sorted(URL_SCHEMES),
    }


def safe_html(html: str) -> str:
    """`html` (a Markdown field, rendered) with only TAGS and ATTRIBUTES left."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        # Links stay as Markdown wrote them: they lead to the site's own pages.
        link_rel=None,
        strip_comments=True,
    )
