"""`drp init`: a fresh plan that loads, fails readiness until filled, and never overwrites.

Its explanations are in the language drp speaks (`--lang nl|fr|en`), from
the catalog like every other string; its data is the same in every
language, and names that language as the plan's.
"""

from __future__ import annotations

import gettext
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from console.clock import FixedClock
from console.i18n import LOCALE_DIR
from console.plan.loader import read_plan
from console.plan.readiness import check_readiness
from console.plan.template import pieces, render, template_source, template_text
from tests.conftest import TEMPLATE, Result, run_drp_process


def test_init_writes_the_template_privately(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    result = drp("init", str(path))
    assert result.status == 0
    assert f"Wrote {path}." in result.out
    assert path.read_text("utf-8") == template_text("en")  # the tests speak English
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_fresh_plan_passes_the_schema_and_fails_readiness(
    tmp_path: Path, drp: Callable[..., Result], clock: FixedClock
) -> None:
    path = tmp_path / "plan.toml"
    drp("init", str(path))
    document = read_plan(path)
    assert [s.id for s in document.plan.scenarios] == ["A", "B"]
    assert [s.id for s in document.plan.steps] == [
        "reported",
        "gather",
        "meeting",
        "evaluation",
        "decision",
    ]
    readiness = check_readiness(document, clock)
    checks = {f.check for f in readiness.findings}
    assert "placeholder" in checks
    assert "revision" in checks
    assert "permissions" not in checks
    result = drp("check", "--plan", str(path))
    assert result.status == 1
    assert "placeholder '<" in result.out


def test_template_explains_access_in_a_comment() -> None:
    text = template_text("en")
    assert "# [access]" in text
    for key in ("coordinators", "members", "viewers"):
        assert f"# {key} = [" in text


def test_init_refuses_to_overwrite(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("# my own plan, weeks of work\n")
    result = drp("init", str(path))
    assert result.status == 2
    assert f"drp: {path} already exists; drp init never overwrites a plan" in result.err
    assert path.read_text() == "# my own plan, weeks of work\n"


def test_init_into_missing_folder(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "nowhere" / "plan.toml"
    result = drp("init", str(path))
    assert result.status == 2
    assert "does not exist" in result.err


def test_init_onto_a_directory(tmp_path: Path, drp: Callable[..., Result]) -> None:
    result = drp("init", str(tmp_path))
    assert result.status == 2
    assert "already exists" in result.err or "is a directory" in result.err


def test_init_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.toml"
    result = run_drp_process("init", str(path), cwd=tmp_path)
    assert result.status == 0, result.err
    assert path.exists()
    result = run_drp_process("check", "--plan", str(path), cwd=tmp_path)
    assert result.status == 1
    assert "Traceback" not in result.err


def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("drp", LOCALE_DIR, [language], fallback=language == "en")


def data_lines(text: str) -> list[str]:
    """The template's lines that are not comments, the explanations after values cut off."""
    lines = []
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            lines.append(line.split("  #", 1)[0].rstrip())
    return lines


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_init_lang_writes_the_explanations_in_that_language(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"plan-{language}.toml"
    result = run_drp_process("init", str(path), "--lang", language, env={"DRP_LANG": ""})
    assert result.status == 0, result.err
    text = path.read_text("utf-8")
    assert text == render(template_source(), catalog(language).gettext, language)
    plan = read_plan(path).plan
    assert plan.organisation.language == language  # the console and reports follow it
    english = data_lines(template_text("en"))
    assert data_lines(text) == [
        line.replace('language = "en"', f'language = "{language}"') for line in english
    ]


def test_the_dutch_explanations_are_the_catalogs() -> None:
    """Each explanation is one message: the Dutch catalog has them, in the seed's Dutch."""
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "drp.po").open("rb") as handle:
        dutch_catalog = read_po(handle)
    messages = [p.text for p in pieces(template_source()) if p.kind != "verbatim"]
    assert len(messages) > 90
    assert [m for m in messages if not (found := dutch_catalog.get(m)) or not found.string] == []
    dutch = render(template_source(), catalog("nl").gettext, "nl")
    assert "# Dit is uw rampenplan als gegevensbestand." in dutch
    assert "# Titelblad ---" in dutch


def test_the_template_as_shipped_is_a_plan_and_marks_every_comment() -> None:
    """Every comment line of the source is marked: nothing reaches a user untranslated."""
    source = TEMPLATE.read_text("utf-8")
    assert read_plan(TEMPLATE).plan.organisation.language == "nl"
    for number, line in enumerate(source.splitlines(), start=1):
        if line.startswith("#"):
            assert line == "#" or line[:2] in ("# ", "#|", "#-", "#:"), (number, line)
    english = template_text("en")
    assert "#:" not in english and "#|" not in english and "#-" not in english
