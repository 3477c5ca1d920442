"""Taking an assessment together in Chromium: on one phone passed between two
people, and on two phones by a link, with nothing leaving either device but
the link they chose to send."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pelican.plugins.assessments.engine.together import BROKEN_LINK, OLD_LINK
from playwright.sync_api import Browser, BrowserContext, Page, Request

from tests.browser.answers import page_answers, reader_answers
from tests.browser.reader import answer_all, see_results
from tests.browser.serve import Options, Received, serve
from tests.browser.test_accessibility import serious_violations
from tests.conftest import Build
from tests.pyodide.engines import built_wheel, in_cpython

RESULTS = "#results:not([hidden])"
WRONG_WORD = "That word does not unlock the link."

# What the comparison shows, read in one go.
SHOWN = """() => {
  const region = document.querySelector("#results");
  const all = (selector) => [...region.querySelectorAll(selector)];
  return {
    hidden: region.hidden,
    title: region.querySelector("#results-title").textContent,
    headline: region.querySelector("[data-role=headline]").textContent,
    table: all("[data-role=comparison-table] tbody tr").map((row) =>
      [row.dataset.dimension, ...[...row.cells].slice(1).map((cell) => cell.textContent)]),
    prompts: all("[data-prompt]").map((e) => e.dataset.prompt),
    choices: all("[data-choice]").map((e) => [e.dataset.choice, e.dataset.same]),
    text: region.innerText,
    focused: document.activeElement && document.activeElement.id,
  };
}"""


def ask_cpython(output: Path, tmp_path: Path, kind: str, payload: dict[str, Any]) -> Any:
    cases = tmp_path / f"{kind}.json"
    cases.write_text(json.dumps([{"type": kind, "payload": payload}]))
    (outcome,) = in_cpython(built_wheel(output), "run", cases)
    return outcome


def expected_comparison(
    output: Path, tmp_path: Path, assessment: str, first: dict[str, Any], second: dict[str, Any]
) -> dict[str, Any]:
    payload = {"assessment": assessment, "answers": [first, second]}
    return ask_cpython(output, tmp_path, "compare", payload)["result"]


def differences(shown: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Where the page's comparison differs from the engine's (none: they agree)."""
    found = []
    if shown["hidden"]:
        found.append("the comparison is hidden")
    both = [d for d in expected["dimensions"] if d["difference"] is not None]
    table = [[d["id"], *map(str, d["scores"]), str(d["difference"])] for d in both]
    if shown["table"] != table:
        found.append(f"table {shown['table']} instead of {table}")
    prompts = [p["about"] for p in expected["prompts"]]
    if shown["prompts"] != prompts:
        found.append(f"prompts {shown['prompts']} instead of {prompts}")
    choices = [[c["question"], str(c["same"]).lower()] for c in expected["choices"]]
    if shown["choices"] != choices:
        found.append(f"choices {shown['choices']} instead of {choices}")
    if shown["focused"] != "results-title":
        found.append(f"focus on {shown['focused']!r}, not the results' title")
    return found


def checked_answers(page: Page, catalog: dict[str, Any], assessment: str) -> dict[str, Any]:
    """The answers the form holds now, read from its checked inputs."""
    answers: dict[str, Any] = {}
    for question in catalog[assessment]["questions"]:
        values = page.locator(f"[data-question='{question['id']}'] input:checked").evaluate_all(
            "inputs => inputs.map((input) => input.value)"
        )
        if values:
            value = values[0]
            answers[question["id"]] = None if value == "" else int(value)
    return answers


def press_until(page: Page, key: str, condition: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(condition):
            return
    raise AssertionError(f"{condition} never held")


def answer_by_keyboard(page: Page, count: int, offset: int) -> None:
    """From just before the first question: each radio group entered with Tab,
    its first choice taken with Space, and moved along with the arrow keys."""
    for number in range(count):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        page.keyboard.press("Space")
        for _ in range((number + offset) % 5):
            page.keyboard.press("ArrowDown")


def test_two_people_compare_the_connection_check_on_one_phone_by_keyboard_alone(
    browser: Browser, site: Build, site_url: str, catalog: dict[str, Any], tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(f"{site_url}assessments/connection-check/")
    # from the top of the page, Tab until the first answer
    press_until(page, "Tab", "document.activeElement.type === 'radio'")
    page.keyboard.press("Shift+Tab")
    count = len(catalog["connection-check"]["questions"])
    answer_by_keyboard(page, count, offset=1)
    first = checked_answers(page, catalog, "connection-check")
    assert len(first) == count
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "See my results"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Pass it to my partner"
    page.keyboard.press("Enter")

    # The first person's answers are hidden, the form cleared, no result shown.
    assert page.evaluate("document.activeElement.textContent") == "Now pass it to your partner."
    assert page.locator("form.assessment-form").is_hidden()
    assert page.locator("form.assessment-form input:checked").count() == 0
    assert page.locator("#results").is_hidden()
    page.keyboard.press("Tab")
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    page.keyboard.type("Alex")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.textContent") == "I'm the partner: start my answers"
    )
    page.keyboard.press("Enter")
    assert "Now answering: Alex." in page.locator("[data-role=together]").inner_text()
    answer_by_keyboard(page, count, offset=3)
    second = checked_answers(page, catalog, "connection-check")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "See how we compare"
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS, timeout=60_000)

    shown = page.evaluate(SHOWN)
    expected = expected_comparison(site.output, tmp_path, "connection-check", first, second)
    assert differences(shown, expected) == []
    assert shown["title"] == "How your answers compare"
    assert "Sam" in shown["text"] and "Alex" in shown["text"]
    for prompt in expected["prompts"]:
        assert prompt["title"] in shown["text"]

    # Start over clears both people's answers: the page is as first opened.
    page.get_by_role("button", name="Start over").click()
    page.get_by_role("button", name="Clear my answers").click()
    assert page.locator("#results").is_hidden()
    assert page.locator("form.assessment-form input:checked").count() == 0
    assert page.get_by_role("button", name="Pass it to my partner").is_visible()
    assert page.get_by_role("button", name="See my results").is_visible()
    assert page.locator("[data-role=together]").is_hidden()
    page.close()


@pytest.fixture
def recorded(site: Build) -> Iterator[tuple[str, list[Received]]]:
    """The site served with a record of every request the server receives."""
    log: list[Received] = []
    with serve(site.output, options=Options(log=log)) as base:
        yield base, log


def take_alone_and_make_link(
    page: Page, site_url: str, catalog: dict[str, Any], answers: dict[str, Any], word: str = ""
) -> str:
    page.goto(f"{site_url}assessments/connection-check/")
    answer_all(page, catalog["connection-check"]["questions"], answers)
    see_results(page)
    page.get_by_role("button", name="Compare with your partner").click()
    assert "could read your answers" in page.locator("[data-role=together-share]").inner_text()
    if word:
        page.get_by_label("Lock it with a word", exact=False).fill(word)
    page.get_by_role("button", name="Make the link").click()
    link = page.locator("[data-role=together-link]")
    link.wait_for()
    return link.input_value()


def answer_and_compare(page: Page, catalog: dict[str, Any], answers: dict[str, Any]) -> None:
    answer_all(page, catalog["connection-check"]["questions"], answers)
    page.get_by_role("button", name="See how we compare").click()
    page.wait_for_selector(RESULTS, timeout=60_000)


def everything_sent(requests: list[Request], log: list[Received]) -> str:
    """Every request as the browser reported it and as the server received it."""
    parts = [f"{r.method} {r.url} {json.dumps(r.headers)} {r.post_data or ''}" for r in requests]
    parts += [f"{r.method} {r.target} {json.dumps(r.headers)} {r.body!r}" for r in log]
    return "\n".join(parts)


def test_two_phones_compare_by_a_link_and_only_the_link_leaves_a_phone(
    browser: Browser,
    site: Build,
    catalog: dict[str, Any],
    recorded: tuple[str, list[Received]],
    tmp_path: Path,
) -> None:
    site_url, log = recorded
    questions = catalog["connection-check"]["questions"]
    first = reader_answers(questions, seed=16)
    second = reader_answers(questions, seed=61)
    requests: list[Request] = []
    phones: list[BrowserContext] = [browser.new_context() for _ in range(2)]
    for phone in phones:
        phone.on("request", lambda request: requests.append(request))

    link = take_alone_and_make_link(phones[0].new_page(), site_url, catalog, first)
    token = link.split("#together=")[1]
    data = token.split(".")[2]
    # The partner's phone has visited the site before: its service worker
    # sees the link's navigation, and must keep nothing of the fragment.
    partner = phones[1].new_page()
    partner.goto(f"{site_url}assessments/connection-check/")
    partner.locator("form.assessment-form input").first.focus()
    partner.evaluate("navigator.serviceWorker.ready.then(() => true)")
    partner.goto("about:blank")
    partner.goto(link)
    partner.get_by_text("Your partner's answers are here").wait_for(timeout=60_000)
    assert partner.evaluate("location.hash") == ""
    assert partner.evaluate("navigator.serviceWorker.controller !== null")
    assert "#" not in partner.url
    answer_and_compare(partner, catalog, second)

    shown = partner.evaluate(SHOWN)
    expected = expected_comparison(
        site.output,
        tmp_path,
        "connection-check",
        page_answers(questions, first),
        page_answers(questions, second),
    )
    assert differences(shown, expected) == []
    assert "Your partner" in shown["text"]

    # History holds no entry with the fragment: back is the blank page, forward the plain one.
    partner.go_back()
    assert partner.url == "about:blank"
    partner.go_forward()
    assert partner.url == link.split("#")[0]
    stored = partner.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            urls.push(...(await cache.keys()).map((request) => request.url));
          }
          return urls;
        }"""
    )
    assert stored, "the service worker cached nothing: this check would prove nothing"
    assert [url for url in stored if "#" in url or data in url] == []
    for phone in phones:
        phone.close()

    sent = everything_sent(requests, log)
    assert len(log) > 20  # both phones' pages, scripts, runtime and package
    assert data not in sent
    assert "together=" not in sent


def test_a_locked_link_opens_only_with_the_word(
    browser: Browser,
    site: Build,
    catalog: dict[str, Any],
    recorded: tuple[str, list[Received]],
    tmp_path: Path,
) -> None:
    site_url, log = recorded
    questions = catalog["connection-check"]["questions"]
    first = reader_answers(questions, seed=5)
    link = take_alone_and_make_link(browser.new_page(), site_url, catalog, first, "blue moon")
    plain = ask_cpython(
        site.output,
        tmp_path,
        "pack",
        {"assessment": "connection-check", "answers": page_answers(questions, first)},
    )["result"]
    token = link.split("#together=")[1]
    assert token.split(".")[2] == "k"
    assert plain.split(".")[2] not in link  # the answers are in it only encrypted

    partner = browser.new_page()
    partner.goto(link)
    partner.get_by_label("The word").fill("blue mon")
    partner.get_by_role("button", name="Unlock").click()
    partner.get_by_text(WRONG_WORD).wait_for()
    partner.get_by_label("The word").fill("blue moon")
    partner.get_by_role("button", name="Unlock").click()
    partner.get_by_text("Your partner's answers are here").wait_for(timeout=60_000)
    second = reader_answers(questions, seed=50)
    answer_and_compare(partner, catalog, second)
    expected = expected_comparison(
        site.output,
        tmp_path,
        "connection-check",
        page_answers(questions, first),
        page_answers(questions, second),
    )
    assert differences(partner.evaluate(SHOWN), expected) == []
    assert token.split(".")[3] not in "\n".join(r.target for r in log)


def spoilt(link: str, how: str) -> str:
    page, token = link.split("#together=")
    form, version, *rest = token.split(".")
    if how == "cut":
        return link[:-7]
    if how == "changed":
        data = rest[0]
        middle = len(data) // 2
        swapped = data[:middle] + ("A" if data[middle] != "A" else "B") + data[middle + 1 :]
        return f"{page}#together={form}.{version}.{swapped}.{rest[1]}"
    return f"{page}#together={form}.00000000.{'.'.join(rest)}"  # made for another version


@pytest.mark.parametrize(
    ("how", "word", "message"),
    [
        ("cut", "", BROKEN_LINK),
        ("changed", "", BROKEN_LINK),
        ("old", "", OLD_LINK),
        ("old", "blue moon", OLD_LINK),  # refused before any word is asked for
    ],
)
def test_a_cut_changed_or_old_link_is_refused_with_its_message(
    browser: Browser, site_url: str, catalog: dict[str, Any], how: str, word: str, message: str
) -> None:
    answers = reader_answers(catalog["connection-check"]["questions"], seed=9)
    link = take_alone_and_make_link(browser.new_page(), site_url, catalog, answers, word)
    partner = browser.new_page()
    partner.goto(spoilt(link, how))
    partner.get_by_text(message).wait_for(timeout=60_000)
    assert partner.get_by_label("The word").count() == 0
    assert "#" not in partner.url
    # The reader can still take it alone.
    answer_all(partner, catalog["connection-check"]["questions"], answers)
    see_results(partner)
    assert partner.locator("#results-title").text_content() == "Your results"


def test_axe_finds_no_serious_violation_in_a_comparison(browser: Browser, site_url: str) -> None:
    context = browser.new_context(bypass_csp=True)  # axe is a script the policy would refuse
    page = context.new_page()
    page.goto(f"{site_url}assessments/connection-style/")
    for turn in range(2):
        for fieldset in page.locator("fieldset.question").all():
            fieldset.locator("label").nth(turn).click()
        if turn == 0:
            page.get_by_role("button", name="Pass it to my partner").click()
            assert serious_violations(page) == []  # the screen that hands the phone over
            page.get_by_role("button", name="I'm the partner: start my answers").click()
    page.get_by_role("button", name="See how we compare").click()
    page.wait_for_selector(RESULTS, timeout=60_000)
    assert "What each of you needs" in page.locator("#results").inner_text()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert serious_violations(page) == []
    context.close()
