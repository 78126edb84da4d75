"""drp's vocabulary: every status, mark and event reads one way, on every face.

`console.incident.words` is the one place where a status becomes a word or a
mark and an event becomes a line; the console, `drp status`, the command
line's confirmations and the reports all read it. These tests check that
every status of every family has its own word and mark, that every event
kind is described, and that the command line prints exactly the
confirmation the console shows.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from rich.cells import cell_len

from console.clock import FixedClock
from console.incident import actions
from console.incident.events import (
    AUDIENCES,
    COMPONENT_STATUSES,
    CONTACT_RESULTS,
    REPORT_KINDS,
    RESTORE_STATUSES,
    TASK_STATUSES,
    Event,
    Extent,
    TaskStatus,
    TicketOpened,
)
from console.incident.session import Session
from console.incident.state import ContactStatus, TaskState
from console.incident.urgency import SOON_MARK, mark, marked_left
from console.incident.words import (
    audience_word,
    backdated,
    component_marker,
    component_word,
    confirmation,
    contact_word,
    describe,
    extent_word,
    report_word,
    restore_marker,
    restore_meaning,
    restore_word,
    task_mark,
    task_mark_at,
    task_marked,
    task_word,
)
from console.plan.loader import load_plan
from console.store.journal import JournalReader
from tests.conftest import SHIPPED_PLAN, Result
from tests.strategies import PLAN, incident_events

CONTACT_STATUSES: tuple[ContactStatus, ...] = ("pending", *CONTACT_RESULTS)
EXTENTS: tuple[Extent, ...] = typing.get_args(Extent)


@pytest.mark.parametrize(
    ("statuses", "word"),
    [
        (TASK_STATUSES, task_word),
        (CONTACT_STATUSES, contact_word),
        (COMPONENT_STATUSES, component_word),
        (RESTORE_STATUSES, restore_word),
        (RESTORE_STATUSES, restore_meaning),
        (EXTENTS, extent_word),
        (REPORT_KINDS, report_word),
        (AUDIENCES, audience_word),
    ],
    ids=[
        "task",
        "contact",
        "component",
        "restore",
        "restore-meaning",
        "extent",
        "report",
        "audience",
    ],
)
def test_every_status_has_its_own_words(
    statuses: tuple[str, ...], word: Callable[[typing.Any], str]
) -> None:
    words = [word(status) for status in statuses]
    assert all(words)
    assert len(set(words)) == len(words)


def test_task_marks_are_one_character_each_and_none_is_a_clock_marker() -> None:
    marks = [task_mark(status) for status in TASK_STATUSES]
    assert all(cell_len(mark) == 1 for mark in marks)
    assert len(set(marks)) == len(marks)
    assert SOON_MARK not in marks and "LATE" not in marks
    assert task_marked("done") == "[✓] done"
    assert task_marked("todo") == "[·] todo"


def test_component_markers_line_up_and_read_without_colour() -> None:
    markers = [component_marker(status) for status in COMPONENT_STATUSES]
    assert {cell_len(marker) for marker in markers} == {6}
    assert len(set(markers)) == len(markers)
    assert component_marker("down") == "[DOWN]"


def test_restore_markers_name_the_status() -> None:
    assert restore_marker(None) == "[ ]"
    assert [restore_marker(s) for s in RESTORE_STATUSES] == [
        "[planned]",
        "[running]",
        "[restored]",
        "[verified ✓]",
    ]


def test_time_left_has_one_marker_per_urgency() -> None:
    due = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    assert marked_left(due, due - timedelta(hours=5)) == "5:00 left"
    assert marked_left(due, due - timedelta(minutes=65)) == "! 1:05 left"
    assert marked_left(due, due + timedelta(minutes=10)) == "LATE 0:10"


@pytest.mark.parametrize(
    ("before_due", "alone", "with_time"),
    [
        (timedelta(hours=5), "", "5:00 left"),
        (timedelta(hours=2, minutes=1), "", "2:01 left"),
        (timedelta(hours=2), "!", "! 2:00 left"),
        (timedelta(minutes=6), "!", "! 0:06 left"),
        (timedelta(0), "!", "! 0:00 left"),
        (timedelta(minutes=-1), "LATE", "LATE 0:01"),
    ],
)
def test_the_marker_alone_is_the_one_before_the_time(
    before_due: timedelta, alone: str, with_time: str
) -> None:
    due = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    now = due - before_due
    assert mark(due, now) == alone
    assert marked_left(due, now) == with_time
    assert with_time.startswith(alone)


@pytest.mark.parametrize(
    ("status", "before_due", "expected"),
    [
        ("todo", timedelta(hours=3), "·"),
        ("doing", timedelta(hours=3), ">"),
        ("todo", timedelta(minutes=6), "!"),
        ("blocked", timedelta(minutes=6), "!"),
        ("todo", timedelta(minutes=-10), "LATE"),
        ("doing", timedelta(hours=-30), "LATE"),
        ("done", timedelta(minutes=-10), "✓"),
        ("skipped", timedelta(minutes=6), "-"),
    ],
)
def test_a_task_in_a_strip_carries_the_clock_marker_while_open(
    status: TaskStatus, before_due: timedelta, expected: str
) -> None:
    due = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    task = TaskState("meeting", "Vergadering", "step", "coordinator", status, due_at=due)
    assert task_mark_at(task, due - before_due) == expected
    undated = TaskState("meeting", "Vergadering", "step", "coordinator", status)
    assert task_mark_at(undated, due - before_due) == task_mark(status)


@settings(max_examples=60, deadline=None)
@given(events=incident_events(max_size=20))
def test_every_event_is_described_on_one_line(events: list[Event]) -> None:
    for event in events:
        what, detail = describe(event, PLAN)
        assert what
        assert "\n" not in detail
        line = confirmation(event, PLAN)
        assert line and "\n" not in line


def test_a_backdated_event_is_one_recorded_over_a_minute_later(tmp_path: Path) -> None:
    now = datetime(2026, 3, 28, 13, 0, tzinfo=UTC)
    session = Session(PLAN, tmp_path, FixedClock(now), login="tom", host="laptop")
    actions.declare(session, at=now - timedelta(hours=1))
    late = actions.note(session, "written down later", at=now - timedelta(minutes=5))
    prompt = actions.note(session, "written down at once", at=now - timedelta(seconds=30))
    session.close()
    assert backdated(late)
    assert not backdated(prompt)


def test_the_command_line_prints_the_confirmation_the_console_shows(
    tmp_path: Path, drp: Callable[..., Result]
) -> None:
    plan = load_plan(SHIPPED_PLAN)
    common = ("--plan", str(SHIPPED_PLAN), "--state", str(tmp_path))
    lines = [
        drp("declare", "--summary", "Brand", "--at", "2026-03-28T10:00", *common).out,
        drp("task", "reported", "done", "--note", "gemeld", *common).out,
        drp("ticket", "open", "wan", "--ref", "INC-1", *common).out,
    ]
    events = sorted(JournalReader(tmp_path).poll().events, key=lambda e: e.recorded_at)
    assert lines == [confirmation(event, plan) + "\n" for event in events]
    assert lines[0].startswith("Declared disaster ")
    assert "task" in lines[1] and "reported done: gemeld" in lines[1]
    opened = events[2]
    assert isinstance(opened, TicketOpened)
    assert lines[2].startswith(f"Opened ticket {opened.ticket} with wan at ")
