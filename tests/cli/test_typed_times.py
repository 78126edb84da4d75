"""Times on the command line: refused in one line, exit 2, never moved and never a traceback.

`--at`, `--now`, `--since` and `--point` are read the same way: a local time
that the clocks skip or repeat in Brussels, or a year before 1970 or after
2100, is refused; an event is never dated before its incident's declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from console.store.journal import JournalReader
from tests.conftest import SHIPPED_PLAN, Result, run_drp_process

Run = Callable[..., Result]
DECLARED = "2026-03-29T01:00"
"""An hour before the clocks go forward: the skipped hour is after the declaration."""


@pytest.fixture
def run(tmp_path: Path, drp: Run, english: None) -> Run:
    """`drp` on the shipped plan with a fresh state directory."""

    def call(*args: str) -> Result:
        return drp(*args, "--plan", str(SHIPPED_PLAN), "--state", str(tmp_path / "state"))

    return call


@pytest.fixture
def declared(run: Run) -> Run:
    """The same, with a disaster declared at `DECLARED` (Brussels time)."""
    result = run("declare", "--summary", "Brand", "--at", DECLARED)
    assert result.status == 0, result.err
    return run


def journal(tmp_path: Path) -> list[Any]:
    return sorted(JournalReader(tmp_path / "state").poll().events, key=lambda e: e.recorded_at)


def refused(result: Result) -> str:
    """The one line of a refusal (exit 2, no traceback)."""
    assert result.status == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    assert "internal error" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_time_in_the_skipped_hour_is_refused_with_the_nearest_times(
    declared: Run, tmp_path: Path
) -> None:
    line = refused(declared("note", "brandweer ter plaatse", "--at", "2026-03-29T02:30"))
    assert line == (
        "drp: --at: 2026-03-29 02:30 does not exist in Europe/Brussels (the clocks went "
        "forward from 02:00 to 03:00): use 01:59 +01:00 or 03:00 +02:00, the nearest times "
        "that do"
    )
    assert [e.kind for e in journal(tmp_path)] == ["declared"]


def test_a_time_in_the_repeated_hour_asks_for_the_offset(run: Run, tmp_path: Path) -> None:
    assert run("declare", "--at", "2026-10-24T22:00").status == 0
    line = refused(run("note", "stroom terug", "--at", "2026-10-25T02:30"))
    assert line == (
        "drp: --at: 2026-10-25 02:30 happened twice in Europe/Brussels (the clocks went back "
        "from 03:00 to 02:00): add the offset, 02:30 +02:00 for the first time (CEST) or "
        "02:30 +01:00 for the second (CET)"
    )
    assert run("note", "stroom terug", "--at", "2026-10-25T02:30+01:00").status == 0
    assert journal(tmp_path)[-1].at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("at", ["1900-01-01", "0001-01-01", "2026-03-29T00:59"])
def test_a_note_before_the_declaration_is_refused(declared: Run, tmp_path: Path, at: str) -> None:
    line = refused(declared("note", "te vroeg", "--at", at))
    assert line.startswith("drp: ")
    assert ("before incident" in line) or ("drp takes times in the years 1970 to 2100" in line)
    assert [e.kind for e in journal(tmp_path)] == ["declared"]


def test_every_action_refuses_a_time_before_the_declaration(declared: Run) -> None:
    for action in (
        ("meeting",),
        ("assess", "gebouw B bruikbaar"),
        ("decide", "A"),
        ("contact", "pieter-vandenbroeck", "reached"),
        ("component", "wan1", "down"),
        ("ticket", "open", "wan"),
        ("restore", "main", "running"),
        ("close",),
    ):
        line = refused(declared(*action, "--at", "2026-03-28T23:00"))
        assert "Saturday, 28 March 2026 at 23:00 CET is before incident" in line, action
        assert "was declared, at Sunday, 29 March 2026 at 01:00 CET" in line, action


def test_a_time_in_the_declarations_own_minute_counts_from_the_declaration(
    run: Run, tmp_path: Path
) -> None:
    assert run("declare", "--at", "2026-03-28T10:00:40").status == 0
    assert run("note", "gebeld", "--at", "2026-03-28T10:00").status == 0
    declaration, note = journal(tmp_path)
    assert note.at == declaration.at == datetime(2026, 3, 28, 9, 0, 40, tzinfo=UTC)


def test_a_year_out_of_range_is_refused_everywhere(declared: Run, drp: Run) -> None:
    expected = "0001-01-01 00:00 is out of range: drp takes times in the years 1970 to 2100"
    assert refused(declared("status", "--now", "0001-01-01")) == f"drp: --now: {expected}"
    assert refused(declared("report", "--since", "0001-01-01")) == f"drp: --since: {expected}"
    check = drp("check", "--plan", str(SHIPPED_PLAN), "--now", "0001-01-01")
    assert refused(check) == f"drp: --now: {expected}"
    restore = declared("restore", "main", "running", "--point", "0001-01-01")
    assert refused(restore) == f"drp: --point: {expected}"
    assert refused(declared("declare", "--drill", "--at", "2101-06-01T12:00")).endswith(
        "2101-06-01 12:00 is out of range: drp takes times in the years 1970 to 2100"
    )


def test_a_restore_point_in_the_skipped_hour_is_refused(declared: Run) -> None:
    line = refused(declared("restore", "main", "running", "--point", "2026-03-29T02:15"))
    assert line.startswith("drp: --point: 2026-03-29 02:15 does not exist in Europe/Brussels")


def test_a_declaration_in_the_skipped_hour_is_refused(run: Run, tmp_path: Path) -> None:
    line = refused(run("declare", "--at", "2026-03-29T02:30"))
    assert "use 01:59 +01:00 or 03:00 +02:00" in line
    assert journal(tmp_path) == []


def test_year_one_is_one_line_from_a_real_process(tmp_path: Path) -> None:
    """`--at 0001-01-01` used to end in OverflowError and exit status 70."""
    state = str(tmp_path / "state")
    plan = str(SHIPPED_PLAN)
    declared = run_drp_process("declare", "--plan", plan, "--state", state)
    assert declared.status == 0, declared.err
    result = run_drp_process("note", "x", "--at", "0001-01-01", "--plan", plan, "--state", state)
    assert refused(result).startswith("drp: --at: 0001-01-01 00:00 is out of range")
