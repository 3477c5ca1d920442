"""Every built page: well-formed head, one h1, a strict policy, links that resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SITEURL, Build
from tests.website.pages import Page, html_pages, is_other_origin, resolve

# Attributes that make a browser fetch something as the page loads or submits.
RESOURCE_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
    "preconnect",
    "dns-prefetch",
}


def resource_references(page: Page) -> list[tuple[str, str]]:
    """(description, URL) of everything the page would fetch or send to."""
    refs = []
    for tag in page.soup.find_all(src=True):
        refs.append((f"<{tag.name} src>", tag["src"]))
    for tag in page.soup.find_all(srcset=True):
        for candidate in tag["srcset"].split(","):
            if candidate.strip():
                refs.append((f"<{tag.name} srcset>", candidate.split()[0]))
    for tag in page.soup.find_all("link", href=True):
        if RESOURCE_LINK_RELS & set(tag.get("rel", [])):
            refs.append((f"<link rel={' '.join(tag['rel'])}>", tag["href"]))
    for tag in page.soup.find_all("form"):
        if tag.get("action"):
            refs.append(("<form action>", tag["action"]))
    for tag in page.soup.find_all(attrs={"formaction": True}):
        refs.append((f"<{tag.name} formaction>", tag["formaction"]))
    for tag in page.soup.find_all("object", data=True):
        refs.append(("<object data>", tag["data"]))
    return refs


@pytest.fixture(scope="module")
def pages(site: Build) -> list[Page]:
    found = list(html_pages(site.output))
    assert len(found) > 20, "the build wrote suspiciously few pages"
    return found


def test_every_page_has_a_language_title_one_h1_and_a_description(pages: list[Page]) -> None:
    problems = []
    for page in pages:
        html = page.soup.find("html")
        if not html or not html.get("lang"):
            problems.append(f"{page.path}: no lang on <html>")
        title = page.soup.find("title")
        if not title or not title.get_text(strip=True):
            problems.append(f"{page.path}: no <title>")
        if len(page.soup.find_all("h1")) != 1:
            problems.append(f"{page.path}: {len(page.soup.find_all('h1'))} h1 elements")
        description = page.soup.find("meta", attrs={"name": "description"})
        if not description or len(description.get("content", "").strip()) < 30:
            problems.append(f"{page.path}: no meta description (or a very short one)")
    assert problems == []


def test_every_page_carries_a_strict_content_security_policy(pages: list[Page]) -> None:
    problems = []
    for page in pages:
        meta = page.soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if meta is None:
            problems.append(f"{page.path}: no CSP meta")
            continue
        policy = meta["content"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
        )
        if "'unsafe-inline'" in policy or "'unsafe-eval'" in policy:
            problems.append(f"{page.path}: policy allows unsafe-inline or unsafe-eval")
        if directives.get("default-src") != ["'none'"]:
            problems.append(f"{page.path}: default-src is not 'none'")
        if directives.get("form-action") != ["'none'"]:
            problems.append(f"{page.path}: form-action is not 'none'")
        for directive, sources in directives.items():
            for source in sources:
                if source.startswith(("http:", "https:", "*")) or "//" in source:
                    problems.append(f"{page.path}: {directive} allows another origin ({source})")
    assert problems == []


def test_no_page_fetches_or_submits_anything_to_another_origin(pages: list[Page]) -> None:
    offending = [
        f"{page.path}: {what} -> {url}"
        for page in pages
        for what, url in resource_references(page)
        if is_other_origin(page, url)
    ]
    assert offending == []


def test_no_page_has_inline_script_or_style(pages: list[Page]) -> None:
    # The policy forbids them; finding one means a feature silently broke.
    offending = [
        f"{page.path}: <{tag.name}>"
        for page in pages
        for tag in page.soup.find_all(["script", "style"])
        if tag.name == "style" or not tag.get("src")
    ]
    offending += [
        f"{page.path}: style attribute on <{tag.name}>"
        for page in pages
        for tag in page.soup.find_all(style=True)
    ]
    assert offending == []


def test_every_internal_link_and_asset_resolves(site: Build, pages: list[Page]) -> None:
    ids_by_path = {page.path: {tag["id"] for tag in page.soup.find_all(id=True)} for page in pages}
    broken = []
    for page in pages:
        references = [tag["href"] for tag in page.soup.find_all(["a", "link"], href=True)]
        references += [url for _what, url in resource_references(page)]
        for reference in references:
            target = resolve(page, reference)
            if target is None:
                continue
            path, fragment = target
            if not (site.output / path).is_file():
                broken.append(f"{page.path}: {reference} -> missing {path}")
            elif (
                fragment and path.endswith(".html") and fragment not in ids_by_path.get(path, set())
            ):
                broken.append(f"{page.path}: {reference} -> no id '{fragment}' in {path}")
    assert broken == []


def test_production_pages_have_canonical_and_open_graph_urls(pages: list[Page]) -> None:
    for page in pages:
        if page.path == "404.html":
            continue
        canonical = page.soup.find("link", rel="canonical")
        assert canonical is not None, page.path
        expected = SITEURL + "/" + page.path.removesuffix("index.html")
        assert canonical["href"] == expected, page.path
        og_url = page.soup.find("meta", property="og:url")
        assert og_url is not None and og_url["content"] == expected, page.path


def test_preview_pages_use_no_absolute_site_url(preview_site: Build) -> None:
    for page in html_pages(preview_site.output):
        assert page.soup.find("link", rel="canonical") is None, page.path


def test_the_404_page_links_back_with_absolute_urls(site: Build) -> None:
    page = next(p for p in html_pages(site.output) if p.path == "404.html")
    hrefs = [a["href"] for a in page.soup.select("main a[href]")]
    assert hrefs and all(href.startswith(SITEURL + "/") for href in hrefs)


QUICK_EXIT_SCRIPT = re.compile(r"/theme/js/quick-exit\.[0-9a-f]{10}\.js$")


def test_every_page_runs_the_quick_exit_script_and_guides_nothing_more_unless_they_hold_a_quiz(
    pages: list[Page],
) -> None:
    for page in pages:
        scripts = [script["src"] for script in page.soup.find_all("script")]
        quick_exit = [src for src in scripts if QUICK_EXIT_SCRIPT.search(src)]
        assert len(quick_exit) == 1, page.path
        assert resolve(page, quick_exit[0]) is not None, f"{page.path}: from another origin"
        if page.path.startswith(("guides/", "practices/")):
            others = [src for src in scripts if src not in quick_exit]
            if page.soup.select_one(".embedded-quiz"):
                # The page script, after the check that tells the reader when it cannot load.
                assert len(others) == 2, page.path
                assert "/theme/assessments/boot." in others[0], page.path
                assert "/theme/assessments/assessment." in others[1], page.path
            else:
                assert others == [], page.path


def test_pages_without_a_form_allow_only_their_own_script_and_no_connection(
    pages: list[Page],
) -> None:
    for page in pages:
        if page.soup.find("form"):
            continue  # assessment pages: their policy is tested with the assessments
        policy = page.soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        directives = {
            part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
        }
        assert directives["script-src"] == ["'self'"], page.path
        assert directives["connect-src"] == ["'none'"], page.path
        assert directives["trusted-types"] == ["'none'"], page.path
        assert "worker-src" not in directives, page.path


def test_the_favicon_is_served_from_the_site(site: Build, pages: list[Page]) -> None:
    home = next(p for p in pages if p.path == "index.html")
    icon = home.soup.find("link", rel="icon")
    assert icon is not None
    path, _fragment = resolve(home, icon["href"])
    assert (Path(site.output) / path).read_text().startswith("<svg")


def test_every_page_reaches_the_safety_page_and_the_quick_exit_in_one_tap(
    pages: list[Page],
) -> None:
    problems = []
    for page in pages:
        bar = page.soup.select_one(".quick-exit-bar")
        if bar is None or bar.find_parent("main") is not None:
            problems.append(f"{page.path}: no quick-exit bar outside the main text")
            continue
        help_links = [
            a
            for a in bar.find_all("a", href=True)
            if resolve(page, a["href"]) == ("safety/index.html", "")
        ]
        if not help_links:
            problems.append(f"{page.path}: no link to the safety page beside the quick exit")
        exit_link = bar.select_one("a[data-quick-exit]")
        if exit_link is None or not is_other_origin(page, exit_link["href"]):
            problems.append(f"{page.path}: no quick exit to a neutral site")
        elif exit_link.get_text(" ", strip=True).split(" (")[0] != "Leave this site":
            problems.append(f"{page.path}: the quick exit is not labelled 'Leave this site'")
        footer = page.soup.select_one(".site-footer")
        if footer is None or footer.find("a", string="If you don't feel safe") is None:
            problems.append(f"{page.path}: no 'If you don't feel safe' in the footer")
    assert problems == []


def test_the_quick_exit_script_can_only_leave(site: Build) -> None:
    """It replaces the page and touches nothing else: no network, no storage."""
    scripts = list((site.output / "theme" / "js").glob("quick-exit.*.js"))
    assert len(scripts) == 1
    source = scripts[0].read_text(encoding="utf-8")
    assert "location.replace(" in source
    for api in (
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "WebSocket",
        "localStorage",
        "sessionStorage",
        "document.cookie",
        "innerHTML",
        "import(",
        "eval(",
    ):
        assert api not in source, api


STATIC_IMPORT = re.compile(
    r'^(?:import|export)\b[^;]*?\bfrom\s+"(\./[^"]+)"', re.MULTILINE | re.DOTALL
)


def test_every_module_the_page_script_imports_is_preloaded_beside_it(
    site: Build, pages: list[Page]
) -> None:
    # An import the page does not preload is found only once the importing
    # module has arrived: one more round trip before the form is wired and
    # scoring starts (about 0.4 s each on the slow profile).
    checked = 0
    for page in pages:
        script = page.soup.select_one("script[src*='/theme/assessments/assessment.']")
        if script is None:
            continue
        found = resolve(page, script["src"])
        assert found is not None, page.path
        entry = site.output / found[0]
        imported: set[str] = set()
        pending = [entry]
        while pending:
            module = pending.pop()
            for name in STATIC_IMPORT.findall(module.read_text(encoding="utf-8")):
                path = (module.parent / name).resolve()
                if path.name not in imported:
                    imported.add(path.name)
                    pending.append(path)
        preloaded = {
            link["href"].rsplit("/", 1)[-1] for link in page.soup.select("link[rel=modulepreload]")
        }
        assert imported, f"{page.path}: the page script imports nothing?"
        assert imported <= preloaded, f"{page.path}: not preloaded: {sorted(imported - preloaded)}"
        checked += 1
    assert checked > 0, "no page carries the page script"
