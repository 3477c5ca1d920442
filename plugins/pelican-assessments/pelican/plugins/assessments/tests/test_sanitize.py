"""A Markdown field becomes only the HTML Markdown makes of text: raw HTML and
attributes an author adds are removed (sanitize.py)."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown import Markdown

from ..sanitize import safe_html

EXTENSIONS = ["markdown.extensions.toc", "markdown.extensions.extra", "markdown.extensions.smarty"]


class Shape(HTMLParser):
    """A page's elements, attributes and text, however they are serialised."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[object] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append((tag, sorted(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"/{tag}")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(text: str) -> str:
    markdown = Markdown(extensions=EXTENSIONS, output_format="html5")
    return safe_html(markdown.convert(text))


def test_scripts_handlers_and_script_links_are_removed() -> None:
    html = rendered(
        "Fine <script>alert(1)</script><img src=x onerror=alert(2)> "
        "[one](javascript:alert(3)) <a href='javascript:alert(4)'>two</a>\n"
        '{: onclick="alert(5)" style="color: red" }\n\n'
        '<div markdown="1" onmouseover="alert(6)">**in**</div>\n\n'
        "<iframe src='https://example.org/'></iframe><!-- a comment -->"
    )
    for word in ("script", "alert(1)", "onerror", "javascript", "onclick", "style", "iframe"):
        assert word not in html, word
    assert "onmouseover" not in html and "comment" not in html
    assert '<img src="x">' in html and "<strong>in</strong>" in html
    assert "Fine" in html and "one" in html and "two" in html  # the text stays


def test_what_markdown_makes_of_text_is_kept() -> None:
    source = (
        "## A heading\n\n*Some* **text**, a [link]({filename}../guides/x.md#part) and "
        '[another](https://example.org/?a=1&b=2 "A title"), `code`[^1].\n\n'
        "- one\n- two\n\n3. three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "Term\n: Definition\n\n![A picture](../img/x.png)\n\n[^1]: A footnote.\n"
    )
    unsanitised = Markdown(extensions=EXTENSIONS, output_format="html5").convert(source)
    # The same elements, attributes and text as Markdown made.
    assert Shape(rendered(source)).parts == Shape(unsanitised).parts
    for piece in (
        '<h2 id="a-heading">A heading</h2>',
        '<a href="{filename}../guides/x.md#part">link</a>',
        '<a href="https://example.org/?a=1&amp;b=2" title="A title">another</a>',
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>',
        "<td>1</td>",
        "<dt>Term</dt>",
        '<img alt="A picture" src="../img/x.png">',
        '<li id="fn:1">',
    ):
        assert piece in rendered(source), piece
