"""Reading time and table of contents, measured on rendered HTML."""

from __future__ import annotations

from reading.text import Section, measure, reading_minutes

HTML = """
<p>Two people &amp; one   kettle.</p>
<h2 id="why">Why <em>small</em>
   moments matter</h2>
<p>It’s the turning toward that counts.</p>
<h2>No anchor, no entry</h2>
<h3 id="deeper">Deeper headings stay out</h3>
<h2 id="try">Try it today</h2>
"""


def test_words_are_counted_in_text_only() -> None:
    words = measure(HTML).words
    # "Two people one kettle" 4, "Why small moments matter" 4, "It’s the turning
    # toward that counts" 6, "No anchor no entry" 4, "Deeper headings stay out" 4,
    # "Try it today" 3: markup, entities and punctuation are not words.
    assert words == 25


def test_sections_are_second_level_headings_with_an_id() -> None:
    assert measure(HTML).sections == [
        Section("why", "Why small moments matter"),
        Section("try", "Try it today"),
    ]


def test_reading_time_rounds_up_and_is_never_zero() -> None:
    assert reading_minutes(0, 200) == 1
    assert reading_minutes(200, 200) == 1
    assert reading_minutes(201, 200) == 2
