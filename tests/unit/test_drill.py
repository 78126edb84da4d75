"""Drills on an accelerated clock: every clock of the drill counts in drill time.

A drill is started on a frozen real clock and the real clock is moved by
hand: at speed 60 a real minute is a drill hour. The targets, task due
times, extra deadlines and the providers' SLA clocks are all read against
the drill's time, the events are stamped in it with the real time kept
beside, and the exercise report measures each step in it. The hours come
from the plan, never from the test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.clock import FixedClock
from console.errors import DrpError
from console.incident import actions
from console.incident.events import Declared
from console.incident.session import Session
from console.incident.sla import sla_due
from console.incident.state import later
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.report.after_action import AfterAction
from console.report.render_text import render_text
from console.report.status import status_data, status_text
from console.store.journal import encode_event
from tests.conftest import SHIPPED_PLAN
from tests.console.conftest import SequentialIds

BRUSSELS = ZoneInfo("Europe/Brussels")
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PLAN = load_plan(SHIPPED_PLAN)


def session_on(state: Path, clock: FixedClock, plan: Plan = PLAN) -> Session:
    session = Session(
        plan, state, clock, login="coordinator-test", host="h", id_source=SequentialIds()
    )
    session.refresh()
    return session


def test_at_speed_60_the_target_comes_after_as_many_real_minutes_as_it_has_hours(
    tmp_path: Path,
) -> None:
    scenario = PLAN.scenarios[0]
    real = FixedClock(START)
    session = session_on(tmp_path, real)
    declared, decided = actions.start_drill(session, 60, scenario.id, "oefening")
    assert isinstance(declared, Declared) and declared.speed == 60 and declared.drill
    assert decided.kind == "decided" and decided.at >= declared.at
    incident = declared.incident
    real_minutes = timedelta(minutes=scenario.target_hours)  # 60 drill hours a real hour

    real.set(START + real_minutes - timedelta(seconds=1))
    state, now = session.state(incident), session.now_of(incident)
    assert state.target_at == START + timedelta(hours=scenario.target_hours)
    assert not later(now, state.target_at)
    assert status_data(PLAN, state, now)["incident"]["remaining_seconds"] == 60

    real.set(START + real_minutes)
    now = session.now_of(incident)
    assert now == state.target_at  # the target is reached
    assert status_data(PLAN, state, now)["incident"]["remaining_seconds"] == 0
    real.set(START + real_minutes + timedelta(minutes=1))
    data = status_data(PLAN, state, session.now_of(incident))
    assert data["incident"]["remaining_seconds"] == -3600
    assert "LATE" in status_text(PLAN, state, session.now_of(incident))


def test_the_exercise_report_measures_each_step_in_drill_time(tmp_path: Path) -> None:
    scenario = PLAN.scenarios[0]
    real = FixedClock(START)
    session = session_on(tmp_path, real)
    incident = actions.start_drill(session, 60, scenario.id)[0].incident
    met = next(step for step in PLAN.steps if step.done_by == "meeting")
    assessed = next(step for step in PLAN.steps if step.done_by == "assessment")
    first = scenario.tasks()[0][1]

    real.set(START + timedelta(minutes=2))  # two drill hours in
    actions.meeting(session, "iedereen aanwezig")
    real.set(START + timedelta(minutes=5))
    actions.assess(session, "gebouw onbruikbaar")
    real.set(START + timedelta(minutes=30))
    actions.set_task(session, first.id, "done")
    real.set(START + timedelta(minutes=72))
    actions.close(session, "oefening voorbij")

    state = session.state(incident)
    report = AfterAction(PLAN, state, session.now_of(incident))
    tasks = {task["id"]: task for task in report.data()["tasks"]}
    assert tasks[met.id]["done_offset_seconds"] == 2 * 3600
    assert tasks[assessed.id]["done_offset_seconds"] == 5 * 3600
    assert tasks[first.id]["done_offset_seconds"] == 30 * 3600
    for step in (met, assessed, first):
        assert step.due_hours is not None
        assert tasks[step.id]["due_offset_seconds"] == step.due_hours * 3600
        late = tasks[step.id]["late_seconds"]
        assert late == tasks[step.id]["done_offset_seconds"] - step.due_hours * 3600

    text = render_text(report.document(), width=100)
    assert "Exercise report" in text
    assert "T+2:00" in text and "T+5:00" in text and "T+1d 06:00" in text
    assert "Duration" in text and "3d 00:00" in text  # 72 drill hours
    assert "Real time taken" in text and "1:12" in text  # in 72 real minutes
    assert "60 times as fast as real time" in text


def test_events_are_stamped_in_drill_time_with_the_real_time_kept(tmp_path: Path) -> None:
    real = FixedClock(START)
    session = session_on(tmp_path, real)
    declared = actions.start_drill(session, 60)[0]
    assert declared.real_at == declared.at == START  # its start: both times agree

    real.set(START + timedelta(minutes=10))
    note = actions.note(session, "persbericht verstuurd")
    assert note.at == note.recorded_at == START + timedelta(hours=10)
    assert note.real_at == START + timedelta(minutes=10)

    typed = START + timedelta(hours=9)  # a typed time is drill time too
    backdated = actions.note(session, "eerder gebeld", at=typed)
    assert backdated.at == typed and backdated.recorded_at == START + timedelta(hours=10)
    assert backdated.real_at == START + timedelta(minutes=9)

    ahead = START + timedelta(hours=11)  # in the drill's future, though long past in real time
    with pytest.raises(DrpError, match="in the future"):
        actions.note(session, "te vroeg", at=ahead)


def test_a_real_incident_keeps_real_time_beside_a_running_drill(tmp_path: Path) -> None:
    real = FixedClock(START)
    session = session_on(tmp_path, real)
    drill = actions.start_drill(session, 60)[0].incident
    real.set(START + timedelta(minutes=30))
    disaster = actions.declare(session, "total", "Brand")
    assert disaster.at == START + timedelta(minutes=30) and disaster.real_at is None
    assert session.select().id == disaster.incident  # the real one is the default
    note = actions.note(session, "echt")
    assert note.incident == disaster.incident and note.at == real.now() and note.real_at is None
    on_drill = actions.note(session, "oefening", incident=drill)
    assert on_drill.at == START + timedelta(hours=30)


def test_only_a_drill_runs_faster_and_not_beyond_the_fastest(tmp_path: Path) -> None:
    session = session_on(tmp_path, FixedClock(START))
    with pytest.raises(DrpError, match="only a drill"):
        actions.declare(session, "total", "Brand", speed=12)
    for speed in (0, -1, 1001):
        with pytest.raises(DrpError, match="1 to 1000 times"):
            actions.start_drill(session, speed)
    with pytest.raises(DrpError, match="no scenario 'Z'"):
        actions.start_drill(session, 12, "Z")
    assert session.incidents() == []  # nothing was recorded


def test_a_drill_across_the_change_to_summer_time_keeps_real_hours(tmp_path: Path) -> None:
    """Started on the Saturday before the clocks go forward, its clock crosses the change."""
    scenario = next(s for s in PLAN.scenarios if s.deadlines)
    started = datetime(2026, 3, 28, 12, 0, tzinfo=BRUSSELS)  # CET, +01:00
    real = FixedClock(started)
    session = session_on(tmp_path, real)
    incident = actions.start_drill(session, 60, scenario.id)[0].incident

    real.set(started + timedelta(minutes=24))  # 24 drill hours: past 02:00 on Sunday
    now = session.now_of(incident)
    assert now.astimezone(BRUSSELS) == datetime(2026, 3, 29, 13, 0, tzinfo=BRUSSELS)
    assert now.astimezone(BRUSSELS).tzname() == "CEST"

    state = session.state(incident)
    target = state.target_at
    assert target is not None
    assert target - started.astimezone(UTC) == timedelta(hours=scenario.target_hours)
    wall = started.replace(tzinfo=None) + timedelta(hours=scenario.target_hours)
    assert target.astimezone(BRUSSELS).replace(tzinfo=None) == wall + timedelta(hours=1)
    data = status_data(PLAN, state, now)
    assert data["incident"]["remaining_seconds"] == (scenario.target_hours - 24) * 3600
    for deadline in state.deadlines:
        hours = next(d.hours for d in scenario.deadlines if d.id == deadline.id)
        assert deadline.due_at - started.astimezone(UTC) == timedelta(hours=hours)
    for task in state.tasks:
        if task.due_at is not None:
            assert task.overdue(now) == (
                task.due_at < now and task.status not in ("done", "skipped")
            )

    sla = PLAN.slas[0]
    ticket = actions.open_ticket(session, sla.provider)
    assert ticket.at == now  # the SLA clock starts on drill time
    opened = session.state(incident).tickets[0]
    assert opened.due_at == sla_due(sla, now, BRUSSELS)
    assert opened.due_at is not None and opened.due_at > now


def test_only_an_accelerated_drill_writes_its_speed_and_real_times(tmp_path: Path) -> None:
    """A real incident and a drill on real time are written as before there were fast drills."""
    real = FixedClock(START)
    session = session_on(tmp_path, real)
    plain = actions.start_drill(session, 1)[0]
    disaster = actions.declare(session, "total", "Brand")
    for event in (plain, disaster, actions.note(session, "echt")):
        text = encode_event(event).decode()
        assert "speed" not in text and "real_at" not in text
    actions.close(session, incident=plain.incident)
    fast = actions.start_drill(session, 12)[0]
    real.set(START + timedelta(minutes=1))
    note = actions.note(session, "snel", incident=fast.incident)
    assert "speed = 12\n" in encode_event(fast).decode()
    assert "real_at = 2026-11-27 09:01:00+00:00\n" in encode_event(note).decode()
    assert "at = 2026-11-27 09:12:00+00:00\n" in encode_event(note).decode()
