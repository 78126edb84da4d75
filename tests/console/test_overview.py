"""The overview tab: the countdown, the progress, what is late, who was reached, the latest events.

The lines are read back as text (each `Line` keeps what it shows), so the
tests say what the coordinator reads, markers included. The note key is
driven through its dialog and checked in the journal. Snapshots at 80x24
cover the calm console, the hours before the decision, a busy incident and
a late one.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Digits, Input

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.people import Access
from console.tui.app import DrpApp
from console.tui.screens.note import NoteDialog
from console.tui.tabs.overview import OverviewTab, countdown
from console.tui.widgets.line import Line
from tests.console.conftest import (
    BRUSSELS,
    DECLARED,
    LOGIN,
    NOW,
    Build,
    Notices,
    busy,
    declared,
    journal,
)

SIZE = (80, 24)


def line(app: DrpApp, name: str) -> str:
    return app.query_one(f"#overview-{name}", Line).text


def digits(app: DrpApp) -> Digits:
    return app.query_one("#overview-digits", Digits)


async def note_dialog(pilot: Any) -> None:
    """Wait until the overview has the keyboard, press n, wait for the note dialog."""
    app = pilot.app
    for _attempt in range(100):
        if isinstance(app.screen, NoteDialog):
            return
        if focused(app) == "overview-body":
            await pilot.press("n")
        await pilot.pause(0.02)
    raise AssertionError("the note dialog did not open")


async def settled(pilot: Any) -> None:
    """Wait until the overview has taken the keyboard, as it does once it is shown."""
    for _attempt in range(100):
        if focused(pilot.app) == "overview-body":
            return
        await pilot.pause(0.02)
    raise AssertionError("the overview did not take the keyboard")


def focused(app: DrpApp) -> str | None:
    """The id of the widget that has the keyboard."""
    return app.focused.id if app.focused is not None else None


def decided_c(session: Session) -> None:
    """Scenario C (cyber attack), which has the GDPR notification deadline."""
    declared(session)
    actions.decide(session, "C", at=DECLARED.replace(hour=11))


def test_countdown_text() -> None:
    now = NOW.astimezone(UTC)  # real hours, across the change to summer time
    assert countdown(now + timedelta(hours=68), NOW) == "68:00"
    assert countdown(now + timedelta(hours=100, seconds=59), NOW) == "100:00"
    assert countdown(now + timedelta(minutes=5), NOW) == "0:05"
    assert countdown(now - timedelta(minutes=10), NOW) == "-0:10"


async def test_no_active_disaster_is_calm(console: Build) -> None:
    app = console()
    async with app.run_test(size=SIZE):
        calm = line(app, "calm")
        assert calm.startswith("No active disaster. All is calm.")
        assert "presses D to declare" in calm
        assert "scenarios A 72 h, B 48 h, C 72 h; crisis staff of 9" in calm
        assert not app.query_one("#overview-body").display
        assert app.query_one(OverviewTab).check_action("note", ()) is None  # greyed out


async def test_before_the_decision_the_nearest_target(console: Build) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE):
        assert digits(app).value == "44:00"
        assert line(app, "target").startswith("No scenario decided; nearest target B:")
        # 48 real hours across the change to summer time
        assert line(app, "left") == "due Monday, 30 March 2026 at 11:00 CEST · 1d 20:00 left"
        # reported: done by the declaration; gather: past due; the meeting: due now
        assert line(app, "steps") == (
            "Step plan 1/5 done: gather LATE  meeting !  evaluation ·  decision ·"
        )
        assert line(app, "late-title") == "Overdue tasks (1):"
        assert line(app, "late").splitlines() == ["gather  LATE 1:00  Verzamelen op contactadres"]
        assert line(app, "priorities-title").startswith("Priority services: once a scenario")


async def test_busy_incident(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE):
        assert digits(app).value == "68:00"
        assert line(app, "target") == (
            "Target of scenario A: Voortzetting van diensten in de uitwijklocatie"
        )
        assert line(app, "left") == "due Tuesday, 31 March 2026 at 11:00 CEST · 2d 20:00 left"
        assert line(app, "staff") == "Crisis staff reached: 1/9, no answer: 1, unreachable: 0"
        # the meeting and the decision are done by their events, reported by the declaration
        assert line(app, "steps") == ("Step plan 4/5 done: evaluation ·")
        assert line(app, "late-title") == "Overdue tasks: none"
        assert line(app, "tickets") == "wan-000B INC-4471  SLA due 15:45  ! 1:45 left"
        priorities = line(app, "priorities").splitlines()
        assert len(priorities) == 5
        assert priorities[0].startswith("1 todo  20:00 left     Diensten i.v.m.")
        assert line(app, "priorities-title") == (
            "Priority services of scenario A (scenario tasks done 0/15):"
        )
        events = line(app, "events").splitlines()
        assert events == [
            f"13:30 {LOGIN}  note: Persbericht verstuurd",
            f"13:00 {LOGIN}  restore: main running, "
            "restore point Friday, 27 March 2026 at 22:00 CET",
            f"12:16 {LOGIN}  assigned: a-tech-suppliers to Tom Maes",
            f"12:15 {LOGIN}  task: a-tech-suppliers doing",
            f"12:00 {LOGIN}  decision: scenario A: uitwijk naar de bibliotheek",
        ]
        assert not app.query_one("#overview-deadlines-title").display


async def test_late_and_soon_read_without_colour(console: Build, clock: FixedClock) -> None:
    app = console(busy)
    clock.set(NOW.replace(hour=15, minute=30))
    async with app.run_test(size=SIZE) as pilot:
        assert line(app, "tickets").endswith("! 0:15 left")
        assert line(app, "steps").endswith("done: evaluation ·")  # 2:30 left
        # the marks of a step mean what they mean next to a time: "!" under two hours left
        clock.set(NOW.replace(hour=17, minute=54))
        app.tick()
        await pilot.pause()
        assert line(app, "steps").endswith("done: evaluation !")  # 0:06 left
        assert line(app, "late-title") == "Overdue tasks: none"
        # and "LATE" past due
        clock.set(NOW.replace(hour=18, minute=10))
        app.tick()
        await pilot.pause()
        assert line(app, "steps").endswith("done: evaluation LATE")
        assert line(app, "late") == "evaluation  LATE 0:10  Evaluatie van de rampsituatie"
    clock.set(NOW.replace(day=31, hour=12, minute=10))
    app = console()
    async with app.run_test(size=SIZE):
        assert digits(app).value == "-1:10"
        assert digits(app).has_class("late")
        assert line(app, "left") == "due Tuesday, 31 March 2026 at 11:00 CEST · LATE 1:10"


async def test_after_midnight_the_latest_events_carry_their_day(
    console: Build, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        assert line(app, "events").splitlines()[0] == f"13:30 {LOGIN}  note: Persbericht verstuurd"
        # Midnight in Brussels is 23:00 UTC: still the 28th in UTC, the 29th for the plan.
        clock.set(NOW.replace(hour=23, minute=59) + timedelta(minutes=1))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        events = line(app, "events").splitlines()
        assert events[0] == f"Sat 28 Mar 13:30 {LOGIN}  note: Persbericht verstuurd"
        assert all(event.startswith("Sat 28 Mar ") for event in events)


async def test_a_long_list_of_late_tasks_is_cut(console: Build, clock: FixedClock) -> None:
    app = console(decided_c)
    clock.set(NOW.replace(day=31, hour=12, minute=10))
    async with app.run_test(size=SIZE):
        late = line(app, "late").splitlines()
        assert line(app, "late-title") == "Overdue tasks (20):"
        assert len(late) == 6
        assert late[0].startswith("c-tech-isolate   LATE 3d 00:10  Netwerk isoleren")
        assert late[-1] == "… and 15 more: see the checklist (2)"


async def test_the_countdown_moves_once_a_minute(console: Build, clock: FixedClock) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        clock.set(NOW + timedelta(seconds=40))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert digits(app).value == "68:00"
        clock.set(NOW + timedelta(minutes=1, seconds=5))
        app.tick()
        await pilot.pause()
        assert digits(app).value == "67:59"
        assert line(app, "left").endswith("2d 19:59 left")
        clock.set(NOW.replace(day=31, hour=9, minute=30))
        app.tick()
        await pilot.pause()
        assert digits(app).value == "1:30"
        assert digits(app).has_class("soon")
        assert line(app, "left").endswith("! 1:30 left")


async def test_extra_deadlines(console: Build) -> None:
    app = console(decided_c)
    async with app.run_test(size=SIZE):
        assert line(app, "deadlines-title") == "Deadlines:"
        assert line(app, "deadlines").splitlines() == [
            "20:00 left  Sun 29 Mar 11:00  Vroegtijdige waarschuwing aan het CCB (NIS2-stijl)",
            "2d 20:00 left  Tue 31 Mar 11:00  Melding datalek aan de"
            " Gegevensbeschermingsautoriteit (GBA)",
        ]


async def test_changes_elsewhere_show_up(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.contact(other, "koen-claeys", "unreachable")
        actions.close_ticket(other, "wan-000B", "hersteld")
        actions.set_task(other, "a-prio-1", "done")
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        assert line(app, "staff") == "Crisis staff reached: 1/9, no answer: 1, unreachable: 1"
        assert line(app, "tickets-title") == "Open SLA tickets: none"
        assert line(app, "priorities").splitlines()[0].startswith("1 done")
        assert set(line(app, "events").splitlines()[:3]) == {  # same minute: any order
            "14:00 cli  contact: Koen Claeys unreachable",
            "14:00 cli  ticket closed: wan-000B: hersteld",
            "14:00 cli  task: a-prio-1 done",
        }


async def test_note(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await note_dialog(pilot)
        await pilot.press(*"Pers", "tab")
        app.screen.query_one("#at", Input).value = "2026-03-28 13:50"
        await pilot.press("enter")
        await pilot.pause()
        event = journal(state_dir)[-1]
        assert (event.kind, event.text) == ("note", "Pers")  # type: ignore[union-attr]
        assert event.at == NOW.replace(hour=13, minute=50).astimezone(BRUSSELS)
        assert line(app, "events").splitlines()[0] == f"13:50 {LOGIN}  note: Pers"


async def test_a_viewer_cannot_add_a_note(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    access = Access(coordinators=["boss"], viewers=["viewer-test"])
    plan = shipped_plan.model_copy(update={"access": access})
    console(busy, login="boss", plan=plan)  # recorded by a coordinator
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        tab = app.query_one(OverviewTab)
        assert tab.check_action("note", ()) is False
        assert list(tab.commands()) == []
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)
        tab.action_note()
        await pilot.pause()
        assert notices.messages == ["viewer-test is a viewer and cannot change anything"]
        assert len(journal(state_dir)) == 13


async def test_palette_command(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        [(title, _help, run, _discover)] = app.query_one(OverviewTab).commands()
        assert title == "Add a note"
        run()
        await pilot.pause()
        await pilot.press(*"palet", "enter")
        await pilot.pause()
        assert journal(state_dir)[-1].kind == "note"


def test_snapshot_calm(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(), terminal_size=SIZE)


def test_snapshot_before_the_decision(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(declared), terminal_size=SIZE, run_before=settled)


def test_snapshot_busy(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, run_before=settled)


def test_snapshot_late(console: Build, clock: FixedClock, snap_compare: Any) -> None:
    app = console(decided_c)
    clock.set(NOW.replace(day=31, hour=12, minute=10))
    assert snap_compare(app, terminal_size=SIZE, run_before=settled)


def test_snapshot_note_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, run_before=note_dialog, press=[*"Pers"])
