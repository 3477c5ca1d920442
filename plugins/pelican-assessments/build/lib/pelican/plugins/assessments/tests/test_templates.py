"""A theme overrides any of the plugin's templates by its file name."""

from __future__ import annotations

from pathlib import Path

from .conftest import build

BASE = """<!doctype html><html><head><title>{% block title %}{% endblock %}</title>
{% block head %}{% endblock %}</head><body>{% block content %}{% endblock %}</body></html>"""


def test_a_themes_own_template_wins_over_the_plugins(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    (theme / "templates" / "questions").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "base.html").write_text(BASE, encoding="utf-8")
    for name in ("index", "article", "archives", "categories", "category", "tags", "tag"):
        (theme / "templates" / f"{name}.html").write_text(
            '{% extends "base.html" %}{% block content %}{% if article %}{{ article.content }}'
            "{% endif %}{% endblock %}",
            encoding="utf-8",
        )
    (theme / "templates" / "questions" / "scale.html").write_text(
        '<p class="my-scale" data-question="{{ question.id }}">{{ question.text }}</p>',
        encoding="utf-8",
    )
    built = build(tmp_path, {"THEME": str(theme), "ARCHIVES_SAVE_AS": "", "INDEX_SAVE_AS": ""})
    assert built.returncode == 0, built.log
    page = built.page("assessments/mood/index.html")
    assert '<p class="my-scale" data-question="rating">How much energy did you have?</p>' in page
    # the other types keep the plugin's own templates
    assert 'data-question="rested" data-reads="choice"' in page
