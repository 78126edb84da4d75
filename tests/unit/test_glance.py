"""The first look at the raw journal agrees with the fold, for everything the header shows.

The console draws its header's clocks from `first_look` before pydantic is
loaded, then replaces them with the checked state: the two must agree, or
the clocks would jump a moment after the console opens. The journals here
are written by the real `JournalWriter` and read by the real `JournalReader`,
whose peeked tables the session then checks and folds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from console.clock import FixedClock
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.glance import first_look
from console.incident.session import Session
from console.incident.state import IncidentState
from console.plan.source import read_source
from console.store.journal import JournalReader, JournalWriter, ensure_state_dir
from tests.conftest import SHIPPED_PLAN
from tests.strategies import FIELDS, INCIDENT, PLAN, START, event_ids, incident_events, instants

RAW_PLAN = read_source(SHIPPED_PLAN).data
HEADER_FIELDS = (
    "id",
    "declared_at",
    "declared_by",
    "drill",
    "speed",
    "extent",
    "summary",
    "scenario",
    "decided_at",
    "recovery_started_at",
    "closed_at",
    "targets",
    "deadlines",
)
"""What `first_look` fills in: the header's title and clocks read these."""


def facts(state: IncidentState | None) -> dict[str, Any] | None:
    """The fields of a state that the first look fills in."""
    return None if state is None else {name: getattr(state, name) for name in HEADER_FIELDS}


def write(path: Path, files: list[list[Event]]) -> None:
    ensure_state_dir(path)
    for number, events in enumerate(files):
        writer = JournalWriter(path, host=f"host{number}")
        for event in events:
            writer.append(event)
        writer.close()


@st.composite
def decided_again(draw: st.DrawFn, incident: str = INCIDENT) -> list[Event]:
    """An incident's events with more decisions, recoveries and closings than chance gives."""
    events = draw(incident_events(incident=incident, max_size=8))
    kinds = draw(st.lists(st.sampled_from(["decided", "decided", "recovery", "closed"])))
    taken = {event.id for event in events}
    for event_id, kind in zip(draw(event_ids(len(kinds))), kinds, strict=True):
        if event_id in taken:  # ids are unique
            continue
        at = draw(instants)
        common = {"incident": incident, "at": at, "recorded_at": at, "actor": "tom"}
        fields = {"id": event_id, "kind": kind, "host": "laptop", **common}
        events.append(EVENT_ADAPTER.validate_python({**fields, **draw(FIELDS[kind])}))
    return events


@settings(max_examples=80, deadline=None)
@given(
    real=decided_again(),
    other=decided_again(incident="20261120-ZZZZ"),
    third=incident_events(incident="20261125-AAAA", max_size=4),
)
def test_the_first_look_is_the_folded_state_of_the_active_incident(
    tmp_path_factory: pytest.TempPathFactory,
    real: list[Event],
    other: list[Event],
    third: list[Event],
) -> None:
    taken = {e.id for e in real}
    other = [e for e in other if e.id not in taken]  # ids are unique across incidents
    taken |= {e.id for e in other}
    third = [e for e in third if e.id not in taken]
    state_dir = tmp_path_factory.mktemp("state")
    write(state_dir, [real + third[:2], other + third[2:]])
    reader = JournalReader(state_dir)
    look = first_look(RAW_PLAN, [table for table, _origin in reader.peek()])

    session = Session(PLAN, state_dir, FixedClock(START), login="test", reader=reader)
    session.refresh()  # checks the tables the first look peeked at
    assert len(session.events) == len([*real, *other, *third])
    active = session.active()
    assert facts(look) == facts(session.state(active.id) if active else None)


def declared(**changes: object) -> dict[str, object]:
    at = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    table: dict[str, object] = {
        "id": "01KMSTART0000000000000000A",
        "incident": "20260328-ABCD",
        "at": at,
        "recorded_at": at,
        "actor": "tom",
        "host": "server",
        "kind": "declared",
        "summary": "Brand",
    }
    return {**table, **changes}


def test_a_declaration_gives_every_scenario_s_target() -> None:
    look = first_look(RAW_PLAN, [declared()])
    assert look is not None and look.id == "20260328-ABCD"
    start = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert look.targets == {s.id: start + timedelta(hours=s.target_hours) for s in PLAN.scenarios}
    assert look.scenario is None and look.deadlines == []


@pytest.mark.parametrize(
    "wrong",
    [
        {"at": datetime(2026, 3, 28, 9, 0)},  # no time zone
        {"drill": "yes"},
        {"extent": "everything"},
        {"id": "too-short"},
        {"actor": 7},
    ],
    ids=["naive-at", "drill-not-a-boolean", "unknown-extent", "short-id", "actor-not-text"],
)
def test_an_event_the_schema_would_refuse_is_left_out(wrong: dict[str, object]) -> None:
    assert first_look(RAW_PLAN, [declared(**wrong)]) is None


@pytest.mark.parametrize(
    "wrong",
    [
        {"speed": 12},  # a real disaster never runs on an accelerated clock
        {"drill": True, "speed": 0},
        {"drill": True, "speed": 1001},
        {"drill": True, "speed": True},
        {"drill": True, "speed": "12"},
    ],
    ids=["real-and-accelerated", "speed-zero", "too-fast", "speed-a-boolean", "speed-as-text"],
)
def test_a_declaration_with_a_speed_the_schema_refuses_is_left_out(
    wrong: dict[str, object],
) -> None:
    with pytest.raises(ValidationError):
        EVENT_ADAPTER.validate_python(declared(**wrong))
    assert first_look(RAW_PLAN, [declared(**wrong)]) is None


def test_a_drill_s_speed_is_in_the_first_look() -> None:
    look = first_look(RAW_PLAN, [declared(drill=True, speed=12)])
    assert look is not None and look.drill and look.speed == 12
    assert first_look(RAW_PLAN, [declared()]) == first_look(RAW_PLAN, [declared(speed=1)])


@pytest.mark.parametrize(
    "scenario",
    [
        {"id": "A", "target_hours": "72"},
        {"target_hours": 72},
        {"id": "A", "target_hours": 0},
        {"id": "A", "target_hours": 72, "deadlines": [{"id": "gba", "hours": 72}]},
    ],
    ids=["hours-as-text", "no-id", "no-hours", "deadline-without-a-name"],
)
def test_a_plan_whose_scenarios_are_not_valid_gives_no_first_look(
    scenario: dict[str, object],
) -> None:
    assert first_look({"scenarios": [scenario]}, [declared()]) is None
