"""The assessment pages and the index, as the build renders them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import Build, assessment_slugs

SLUGS = assessment_slugs()


def page(site: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.output / path / "index.html").read_text(), "html.parser")


def test_the_index_lists_every_assessment(site: Build) -> None:
    links = {
        a["href"].strip("./").split("/")[-1] for a in page(site, "assessments").select(".card a")
    }
    assert links == set(SLUGS)


def test_every_question_is_a_labelled_control_in_a_form_that_sends_nowhere(site: Build) -> None:
    for slug in SLUGS:
        soup = page(site, f"assessments/{slug}")
        form = soup.select_one("form.assessment-form")
        assert form is not None and not form.get("action") and not form.get("method")
        questions = form.select("[data-question]")
        assert questions
        for question in questions:
            if question.name == "fieldset":
                assert question.legend.get_text(strip=True)
                inputs = question.select("input")
                assert inputs and all(soup.find("label", attrs={"for": i["id"]}) for i in inputs)
                assert len({i["name"] for i in inputs}) == 1
            else:
                field = question.select_one("input[type=number]")
                assert soup.find("label", attrs={"for": field["id"]})
                assert field["min"] and field["max"]


def test_optional_questions_offer_prefer_not_to_say(site: Build) -> None:
    soup = page(site, "assessments/rope-tally")
    skips = soup.select(".choice--skip label")
    assert skips and all(label.get_text(strip=True) == "Prefer not to say" for label in skips)


def test_likert_questions_show_every_point_of_their_scale(site: Build) -> None:
    soup = page(site, "assessments/connection-check")
    first = soup.select_one("fieldset.question--likert")
    values = [i["value"] for i in first.select("input[type=radio]")]
    assert values == ["1", "2", "3", "4", "5"]


def test_the_page_says_scoring_needs_javascript_and_that_answers_stay(site: Build) -> None:
    soup = page(site, "assessments/check-in")
    assert "needs JavaScript" in soup.noscript.get_text()
    assert "never sent anywhere" in soup.select_one(".privacy-note").get_text()


def test_knowledge_checks_have_no_page_and_are_not_listed(site: Build) -> None:
    checks = assessment_slugs("knowledge-check")
    assert len(checks) >= 2
    index = (site.output / "assessments" / "index.html").read_text()
    for slug in checks:
        assert not (site.output / "assessments" / slug).exists()
        assert slug not in index
