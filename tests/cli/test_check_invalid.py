"""`drp check` on every kind of bad input: one clear message with its place, exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, Result

MINIMAL = MINIMAL_PLAN.read_text("utf-8")


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which `needle` first appears in `text`."""
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "syntax",
            'name = "OCMW Testdorp"',
            'name = "OCMW Testdorp',
            "TOML syntax",
        ),
        (
            "wrong type",
            "target_hours = 48",
            'target_hours = "twee dagen"',
            "scenarios[0].target_hours: must be a number, not 'twee dagen'",
        ),
        (
            "unknown key",
            'phone = "+32 470 00 00 01"',
            'phon = "+32 470 00 00 01"',
            "people[0].phon: unknown key 'phon'; did you mean 'phone'?",
        ),
        (
            "dangling reference",
            'coordinator = "jan"',
            'coordinator = "piet"',
            "crisis.coordinator: no person 'piet' (known: jan)",
        ),
        (
            "wrong literal",
            'name = "OCMW Testdorp"',
            'name = "OCMW Testdorp"\nlanguage = "de"',
            "organisation.language: must be one of 'nl', 'fr' or 'en', not 'de'",
        ),
        (
            "unknown event for a step",
            'title = "Melding van de ramp"',
            'title = "Melding van de ramp"\ndone_by = "vergadering"',
            "steps[0].done_by: must be one of 'declared', 'meeting', 'assessment', 'decided' or "
            "'recovery', not 'vergadering'",
        ),
        (
            "done_by outside the step plan",
            'id = "b-restore"',
            'id = "b-restore"\ndone_by = "decided"',
            "scenarios[0].technical[0].done_by: unknown key 'done_by'",
        ),
        (
            "bad id",
            'id = "main"',
            'id = "hoofd zetel"',
            "sites[0].id: 'hoofd zetel' is not a valid id",
        ),
        (
            "bad time window",
            "[[revisions]]",
            '[[slas]]\nid = "s"\nprovider = "p"\nservice = "x"\nrepair_hours = 5\n'
            'hours = { mon = "20:00-08:00" }\n\n[[revisions]]',
            "'20:00-08:00' is not a time window",
        ),
    ],
)
def test_invalid_plan_names_file_line_and_field(
    name: str,
    old: str,
    new: str,
    expected: str,
    private_copy: Callable[..., Path],
    drp: Callable[..., Result],
) -> None:
    text = MINIMAL.replace(old, new, 1)
    assert text != MINIMAL, name
    path = private_copy(text)
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    assert expected in result.err
    first = result.err.splitlines()[0]
    assert first.startswith(f"{path}:"), first
    assert "Traceback" not in result.err


def test_message_points_at_the_offending_line(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace('coordinator = "jan"', 'coordinator = "piet"')
    path = private_copy(text)
    result = drp("check", "--plan", str(path))
    line = line_of(text, 'coordinator = "piet"')
    assert f"{path}:{line}:1: crisis.coordinator:" in result.err


def test_an_unknown_done_by_points_at_its_line(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace('owner = "coordinator"', 'owner = "coordinator"\ndone_by = "Meeting"', 1)
    path = private_copy(text)
    result = drp("check", "--plan", str(path))
    line = line_of(text, 'done_by = "Meeting"')
    assert result.status == 2
    assert f"{path}:{line}:1: steps[0].done_by: must be one of 'declared'," in result.err
    assert "not 'Meeting'" in result.err


def test_syntax_error_points_at_line_and_column(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace("target_hours = 48", "target_hours = = 48")
    path = private_copy(text)
    result = drp("check", "--plan", str(path))
    line = line_of(text, "target_hours = = 48")
    assert result.status == 2
    assert f"{path}:{line}:" in result.err
    assert "TOML syntax" in result.err


def test_duplicate_ids_are_reported_at_the_second(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace(
        "[holders]",
        '[[people]]\nid = "jan"\nname = "Jan Tweede"\nphone = "+32 470 00 00 02"\n\n[holders]',
    )
    path = private_copy(text)
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    line = line_of(text, 'name = "Jan Tweede"') - 1
    assert (
        f"{path}:{line}:1: people[1].id: duplicate person id 'jan', already used at people[0].id"
        in (result.err)
    )


def test_duplicate_task_ids_across_sections(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace('id = "b-restore"', 'id = "reported"')
    result = drp("check", "--plan", str(private_copy(text)))
    assert result.status == 2
    assert "scenarios[0].technical[0].id: duplicate task id 'reported'" in result.err


def test_every_problem_is_reported_not_only_the_first(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = (
        MINIMAL.replace("target_hours = 48", "target_hours = -1")
        .replace('phone = "+32 470 00 00 01"', "phone = 470")
        .replace('title = "Melding van de ramp"', 'titel = "Melding van de ramp"')
    )
    result = drp("check", "--plan", str(private_copy(text)))
    assert result.status == 2
    assert "people[0].phone: must be text in quotes, not 470" in result.err
    assert "steps[0].titel: unknown key 'titel'; did you mean 'title'?" in result.err
    assert "steps[0].title: required, but missing" in result.err
    assert "scenarios[0].target_hours: must be more than 0, not -1" in result.err
    assert "invalid, 4 problems" in result.err


def test_missing_required_section(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    text = MINIMAL.replace('[communication]\nlead = "jan"\n', "")
    result = drp("check", "--plan", str(private_copy(text)))
    assert result.status == 2
    assert ": communication: required, but missing" in result.err


def test_empty_file(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("# nothing yet\n\n")
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    assert f"{path}: the file is empty" in result.err


def test_non_utf8_file(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(MINIMAL.replace("Coördinator", "Co\xf6rdinator").encode("latin-1"))
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    line = line_of(MINIMAL, "Coördinator")
    assert f"{path}:{line}:" in result.err
    assert "is not UTF-8 text (byte 0xf6); save it as UTF-8" in result.err


def test_binary_file(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    assert f"{path}: is a binary file, not a TOML plan" in result.err


def test_directory(tmp_path: Path, drp: Callable[..., Result]) -> None:
    result = drp("check", "--plan", str(tmp_path))
    assert result.status == 2
    assert f"{tmp_path}: is a folder, not a plan file" in result.err


def test_missing_path(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "nowhere.toml"
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    assert f"{path}: no such file; create one with `drp init {path}`" in result.err


def test_unreadable_file(tmp_path: Path, drp: Callable[..., Result]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "plan.toml"
    path.write_text(MINIMAL)
    path.chmod(0)
    result = drp("check", "--plan", str(path))
    assert result.status == 2
    assert "permission denied" in result.err


def test_invalid_plan_as_json(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    import json

    text = MINIMAL.replace('coordinator = "jan"', 'coordinator = "piet"')
    path = private_copy(text)
    result = drp("check", "--plan", str(path), "--json")
    assert result.status == 2
    report = json.loads(result.out)
    assert report["valid"] is False
    assert report["exit"] == 2
    [error] = report["errors"]
    assert error["field"] == "crisis.coordinator"
    assert error["line"] == line_of(text, 'coordinator = "piet"')
    assert error["file"] == str(path)


def test_no_plan_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drp: Callable[..., Result]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRP_PLAN", raising=False)
    result = drp("check")
    assert result.status == 2
    assert "no plan here: pass --plan PATH, set DRP_PLAN" in result.err


def test_plan_from_environment(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    private_copy: Callable[..., Path],
    drp: Callable[..., Result],
) -> None:
    path = private_copy(MINIMAL, "elsewhere.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRP_PLAN", str(path))
    result = drp("check", "--now", "2026-11-29T10:00")
    assert result.status == 0, result.out + result.err
    assert "valid and ready" in result.out
