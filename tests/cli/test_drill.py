"""`drp drill` end to end, and the other commands on a drill's clock.

`drp drill` runs as a real process; the commands that read or record on a
drill run in this process, on a journal written with a frozen clock where
the test needs to know the real time (`--now` is the real time: the drill's
follows from it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import JournalReader
from tests.conftest import SHIPPED_PLAN, Result, run_drp_process
from tests.console.conftest import SequentialIds

Run = Callable[..., Result]
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PLAN = load_plan(SHIPPED_PLAN)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def run(state: Path, drp: Run) -> Run:
    """`drp` in this process, on the shipped plan and a fresh state directory."""

    def call(*args: str) -> Result:
        return drp(*args, "--plan", str(SHIPPED_PLAN), "--state", str(state))

    return call


def as_json(result: Result) -> Any:
    assert result.status == 0, result.err
    return json.loads(result.out)


def drill_at_start(state: Path, speed: int = 60, scenario: str | None = None) -> str:
    """A drill started at START on a frozen clock; its id."""
    session = Session(
        PLAN, state, FixedClock(START), login="c", host="h", id_source=SequentialIds()
    )
    session.refresh()
    try:
        return actions.start_drill(session, speed, scenario)[0].incident
    finally:
        session.close()


def test_drp_drill_starts_a_drill_as_a_real_process(state: Path) -> None:
    scenario = PLAN.scenarios[-1].id
    where = ("--plan", str(SHIPPED_PLAN), "--state", str(state))
    result = run_drp_process("drill", "--speed", "12", "--scenario", scenario, *where)
    assert result.status == 0, result.err
    assert "Declared drill DRILL-" in result.out
    assert f"scenario {scenario}" in result.out
    assert "12 times as fast as real time" in result.out
    assert result.err == ""
    shown = run_drp_process("status", "--json", *where)
    incident = as_json(shown)["incident"]
    assert incident["drill"] is True and incident["speed"] == 12
    assert incident["scenario"] == scenario
    kinds = [e.kind for e in JournalReader(state).poll().events]
    assert sorted(kinds) == ["decided", "declared"]


@pytest.mark.parametrize("speed", ["0", "-3", "abc", "1.5", "1001", ""])
def test_a_bad_speed_gets_one_line_and_exit_2(run: Run, state: Path, speed: str) -> None:
    result = run("drill", "--speed", speed)
    assert result.status == 2
    assert result.err == f"drp: --speed: '{speed}' is not a whole number from 1 to 1000\n"
    assert not (state / "journal").exists() or JournalReader(state).poll().events == []


def test_a_bad_speed_as_a_real_process(state: Path) -> None:
    where = ("--plan", str(SHIPPED_PLAN), "--state", str(state))
    result = run_drp_process("drill", "--speed", "0", *where)
    assert result.status == 2
    assert result.err.splitlines() == ["drp: --speed: '0' is not a whole number from 1 to 1000"]
    assert "Traceback" not in result.err


def test_an_unknown_scenario_gets_one_line_and_exit_2_and_records_nothing(
    run: Run, state: Path
) -> None:
    scenario = PLAN.scenarios[0].id
    result = run("drill", "--scenario", scenario + "x")
    assert result.status == 2
    assert result.err.splitlines() == [
        f"drp: no scenario '{scenario}x'; did you mean '{scenario}'?"
    ]
    result = run("drill", "--scenario", "nothing-like-it")
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert run("incidents", "--json").out.strip() == "[]"


def test_status_json_of_a_drill_says_drill_and_speed_in_drill_time(run: Run, state: Path) -> None:
    incident = drill_at_start(state, 60)
    real_now = START + timedelta(minutes=90)
    data = as_json(run("status", "--json", "--now", real_now.isoformat()))
    assert data["incident"]["id"] == incident
    assert data["incident"]["drill"] is True and data["incident"]["speed"] == 60
    assert datetime.fromisoformat(data["now"]) == START + timedelta(hours=90)  # drill time
    text = run("status", "--now", real_now.isoformat()).out
    assert text.startswith("DRILL ")
    assert "60 times as fast as real time" in text and "T+3d 18:00" in text


def test_a_real_incident_declared_during_a_drill_wins_every_command(run: Run, state: Path) -> None:
    assert run("drill", "--speed", "60").status == 0
    drill = as_json(run("status", "--json"))["incident"]["id"]
    assert run("declare", "--summary", "Brand").status == 0
    real = as_json(run("status", "--json"))["incident"]
    assert real["drill"] is False and real["speed"] == 1
    assert as_json(run("status", "--json", "--incident", drill))["incident"]["speed"] == 60

    assert run("note", "voor de echte ramp").status == 0
    assert run("note", "voor de oefening", "--incident", drill).status == 0
    notes = {e.text: e for e in JournalReader(state).poll().events if e.kind == "note"}
    assert notes["voor de echte ramp"].incident == real["id"]
    assert notes["voor de echte ramp"].real_at is None
    on_drill = notes["voor de oefening"]
    assert on_drill.incident == drill and on_drill.real_at is not None
    assert on_drill.at > on_drill.real_at  # drill time runs ahead of the real time

    assert run("close", "--incident", drill).status == 0
    again = run("drill", "--speed", "12")
    assert again.status == 0 and "A real disaster is open and comes first" in again.out
    assert as_json(run("status", "--json"))["incident"]["id"] == real["id"]
    listing = as_json(run("incidents", "--json"))
    assert [(i["id"], i["drill"]) for i in listing][:2] == [(drill, True), (real["id"], False)]
    assert listing[2]["drill"] is True and listing[2]["closed_at"] is None


def test_drp_close_ends_a_drill_and_its_after_action_report_is_the_exercise_report(
    run: Run, state: Path
) -> None:
    scenario = PLAN.scenarios[0]
    incident = drill_at_start(state, 60, scenario.id)
    session = Session(PLAN, state, FixedClock(START + timedelta(minutes=3)), login="c", host="h")
    session.refresh()
    actions.meeting(session, "eerste vergadering")  # three drill hours in
    session.close()
    assert run("close", "--note", "oefening voorbij").status == 0
    assert as_json(run("status", "--json"))["incident"] is None  # no drill open

    report = run("report", "--kind", "after-action", "--format", "txt", "--incident", incident)
    assert report.status == 0, report.err
    assert "DRILL — EXERCISE" in report.out and f"Exercise report {incident}" in report.out
    data = as_json(
        run("report", "--kind", "after-action", "--format", "json", "--incident", incident)
    )
    met = next(step for step in PLAN.steps if step.done_by == "meeting")
    task = next(t for t in data["tasks"] if t["id"] == met.id)
    assert task["done_offset_seconds"] == 3 * 3600
    assert data["incident"]["speed"] == 60 and data["report"]["drill"] is True
