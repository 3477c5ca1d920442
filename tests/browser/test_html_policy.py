"""The page's Trusted Types policy cleans every HTML string by the build's own
allow-list before it is used: what an author's module might put in a result
cannot become markup the build did not mean."""

from __future__ import annotations

from playwright.sync_api import Browser

HOSTILE = (
    '<p class="lede" onclick="steal()">Kept <b>bold</b>'
    ' <img src="x" onerror="steal()"><script>steal()</script>'
    '<a href="javascript:steal()">a script link</a>'
    ' <a href="guides/repair/">a page of the site</a>'
    ' <a href="https://example.org/" style="color: red">the web</a></p>'
    "<iframe src='https://example.org/'></iframe><marquee>moving text</marquee>"
)

CLEAN = """async (hostile) => {
  const url = performance.getEntriesByType("resource").map((entry) => entry.name)
    .find((name) => /\\/policy\\.[0-9a-f]{10}\\.js$/.test(name));
  const { policy } = await import(url);
  return policy.createHTML(hostile).toString();
}"""


def test_the_policy_keeps_the_builds_html_and_drops_everything_else(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}assessments/check-in/")
    page.locator("form.assessment-form").wait_for()
    cleaned = page.evaluate(CLEAN, HOSTILE)
    assert cleaned == (
        '<p class="lede">Kept <b>bold</b> <img src="x">'
        "<a>a script link</a>"
        ' <a href="guides/repair/">a page of the site</a>'
        ' <a href="https://example.org/">the web</a></p>moving text'
    )
    page.close()
