"""Settings: defaults in one place, and a site's mistakes refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.assessments.cache import cache_folder
from pelican.plugins.assessments.settings import SETTINGS, SettingsError, apply_defaults

from .conftest import build


def test_every_setting_has_a_default_and_a_description_and_shares_the_prefix() -> None:
    for name, setting in SETTINGS.items():
        assert name.startswith("ASSESSMENT_")
        assert setting.description.endswith(".")
        assert isinstance(setting.default, setting.kind)


def test_defaults_fill_in_what_a_site_leaves_out_and_keep_what_it_sets() -> None:
    settings = {"ASSESSMENT_URL": "quizzes/{slug}/"}
    apply_defaults(settings)
    assert settings["ASSESSMENT_URL"] == "quizzes/{slug}/"
    assert settings["ASSESSMENT_RUNTIME_DIR"] == "py"
    assert settings["ASSESSMENT_CSP"].endswith("trusted-types assessments")


def test_the_trusted_types_policy_name_is_one_setting_used_by_the_policy() -> None:
    settings = {"ASSESSMENT_TRUSTED_TYPES_POLICY": "mysite"}
    apply_defaults(settings)
    assert "trusted-types mysite" in settings["ASSESSMENT_CSP"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"ASSESSMENT_RUNTIME_DIRS": "py"},
            "assessments: unknown setting ASSESSMENT_RUNTIME_DIRS; known settings: ",
        ),
        (
            {"ASSESSMENT_BYTE_COMPILE": "yes"},
            "assessments: setting ASSESSMENT_BYTE_COMPILE must be True or False, not 'yes'",
        ),
        (
            {"ASSESSMENT_PATHS": "assessments"},
            "assessments: setting ASSESSMENT_PATHS must be a list of folder names, "
            "not 'assessments'",
        ),
        (
            {"ASSESSMENT_STDLIB": "tiny"},
            "assessments: setting ASSESSMENT_STDLIB must be 'cut' or 'full', not 'tiny'",
        ),
        (
            {"ASSESSMENT_CACHE_DIR": ".cache"},
            "assessments: setting ASSESSMENT_CACHE_DIR is gone; use CACHE_PATH",
        ),
    ],
)
def test_a_wrong_setting_is_refused_with_a_sentence_naming_it(
    settings: dict[str, object], message: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        apply_defaults(settings)
    assert str(refused.value).startswith(message)


def test_a_wrong_setting_stops_the_build_with_that_sentence(tmp_path: Path) -> None:
    built = build(tmp_path, {"ASSESSMENT_BYTE_COMPILE": "no"})
    assert built.returncode != 0
    assert "setting ASSESSMENT_BYTE_COMPILE must be True or False, not 'no'" in built.log
    assert "Traceback" not in built.log


def test_the_cache_lives_under_cache_path_and_can_be_turned_off() -> None:
    assert cache_folder({"CACHE_PATH": "/tmp/x"}) == Path("/tmp/x/assessments")
    assert cache_folder({"CACHE_PATH": "/tmp/x", "ASSESSMENT_CACHE": False}) is None


def test_with_the_cache_off_the_build_writes_no_cache(tmp_path: Path) -> None:
    built = build(tmp_path, {"ASSESSMENT_CACHE": False, "ASSESSMENT_BYTE_COMPILE": False})
    assert built.returncode == 0, built.log
    assert not (tmp_path / "cache" / "assessments").exists()


def test_a_missing_runtime_is_one_message_naming_the_setting_and_the_command(
    tmp_path: Path,
) -> None:
    built = build(tmp_path, {"ASSESSMENT_PYODIDE_DIR": str(tmp_path / "nowhere")})
    assert built.returncode != 0
    assert "(the setting ASSESSMENT_PYODIDE_DIR)" in built.log
    assert "npm install pyodide@" in built.log


def test_the_readme_lists_every_setting_with_its_description() -> None:
    readme = (Path(__file__).parents[4] / "README.md").read_text(encoding="utf-8")
    for name, setting in SETTINGS.items():
        assert f"| `{name}` |" in readme, name
        assert setting.description in readme, name
