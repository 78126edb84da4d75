"""The timeline tab: every event newest first, the filter, and notes, assessments, meetings.

Each action is driven through its keys and checked in the journal; the
filter is checked on the table itself. Snapshots at 80x24 cover the tab, the
filter and the note dialog. How the table keeps up with a growing journal is
in `test_timeline_updates.py`; the helpers here serve both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.widgets import DataTable, Input, Label, TabbedContent

from console.plan.model import Plan
from console.plan.people import Access
from console.tui.app import DrpApp
from console.tui.screens.note import NoteDialog
from console.tui.tabs.timeline import TimelineTab
from console.tui.widgets.line import Line
from tests.console.conftest import (
    BRUSSELS,
    LOGIN,
    NOW,
    Build,
    Notices,
    all_tabs_mounted,
    busy,
    declared,
    journal,
)

SIZE = (80, 24)


async def until(pilot: Any, ready: Callable[[], bool]) -> None:
    """Let the app work until `ready()` (a tab takes the keyboard once it is shown)."""
    for _attempt in range(100):
        if ready():
            return
        await pilot.pause(0.02)
    raise AssertionError("the console did not get there")


async def show_timeline(pilot: Any) -> None:
    """Show the timeline and wait until it has the keyboard (if it has a table to show).

    A key pressed while the console is still starting can be lost (the tabs
    settle on their first one), so "6" is pressed again until it takes.
    """
    app = pilot.app
    await all_tabs_mounted(pilot)
    tabs = app.query_one(TabbedContent)
    for _attempt in range(100):
        if tabs.active == "timeline" and (
            focused(app) == "timeline-table" or app.query_one(TimelineTab).incident is None
        ):
            return
        if tabs.active != "timeline":
            await pilot.press("6")
        await pilot.pause(0.02)
    raise AssertionError("the timeline did not take the keyboard")


async def open_dialog(pilot: Any, key: str) -> None:
    """Press `key` on the timeline and wait for the note dialog."""
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog))


def table(app: DrpApp) -> DataTable[Text]:
    return app.query_one("#timeline-table", DataTable)


def rows(app: DrpApp) -> list[list[str]]:
    """The table's rows as plain text, top to bottom."""
    shown = table(app)
    return [[cell.plain for cell in shown.get_row_at(i)] for i in range(shown.row_count)]


def line(app: DrpApp, name: str) -> str:
    return app.query_one(f"#timeline-{name}", Line).text


def focused(app: DrpApp) -> str | None:
    """The id of the widget that has the keyboard."""
    return app.focused.id if app.focused is not None else None


def counted(method: Callable[..., Any], calls: list[str], name: str) -> Callable[..., Any]:
    """`method`, noting each call in `calls`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return method(*args, **kwargs)

    return wrapper


def viewer_plan(plan: Plan) -> Plan:
    return plan.model_copy(update={"access": Access(coordinators=["boss"])})


async def test_every_event_newest_first(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        shown = rows(app)
        assert len(shown) == 13
        assert shown[0] == ["13:30 ↶", LOGIN, "note", "Persbericht verstuurd"]
        assert shown[-1][2:] == ["declared", "total disaster: Brand in het administratief centrum"]
        assert ["contact", "Sofie De Wilde no answer"] in [r[2:] for r in shown]
        assert ["task", "a-tech-suppliers doing"] in [r[2:] for r in shown]
        assert ["decision", "scenario A: uitwijk naar de bibliotheek"] in [r[2:] for r in shown]
        assert line(app, "count") == "13 events"
        assert focused(app) == "timeline-table"


async def test_the_highlighted_event_in_full(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        full = line(app, "full")
        assert full.startswith(
            "Saturday, 28 March 2026 at 13:30 CET · coordinator-test on console-test · note:"
        )
        assert "recorded later, at Saturday, 28 March 2026 at 14:00 CET" in full
        await pilot.press("down")
        assert "restore: main running, restore point Friday, 27 March 2026 at 22:00 CET" in line(
            app, "full"
        )


async def test_note_now_is_not_backdated(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"Brandweer", "enter")
        await pilot.pause()
        event = journal(state_dir)[-1]
        assert (event.kind, event.text) == ("note", "Brandweer")  # type: ignore[union-attr]
        assert event.at == event.recorded_at == NOW
        assert rows(app)[0] == ["14:00", LOGIN, "note", "Brandweer"]


async def test_backdated_note(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        await pilot.press(*"Brandweer", "tab")
        app.screen.query_one("#at", Input).value = "2026-03-28 10:40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        event = journal(state_dir)[-1]
        assert event.at == datetime(2026, 3, 28, 10, 40, tzinfo=BRUSSELS)
        assert event.recorded_at == NOW
        assert rows(app)[0] == ["10:40 ↶", LOGIN, "note", "Brandweer"]


async def test_the_note_dialog_refuses_mistakes(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        await pilot.press("enter")
        error = app.screen.query_one("#error", Label)
        assert "Write something first" in str(error.content)
        await pilot.press(*"te laat")
        for typed, complaint in (
            ("gisteren", "must look like 2026-03-28 14:30"),
            ("2026-03-28 15:00", "in the future"),
        ):
            app.screen.query_one("#at", Input).value = typed
            await pilot.press("ctrl+s")
            assert complaint in str(error.content)
            assert focused(app) == "at"
        await pilot.press("escape")
        await pilot.pause()
        assert [e.kind for e in journal(state_dir)] == ["declared"]


async def test_escape_cancels_the_note(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        await pilot.press(*"toch niet", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)
        assert [e.kind for e in journal(state_dir)] == ["declared"]


async def test_assessment(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "a")
        await pilot.press(*"Kelder nat", "enter")
        await pilot.pause()
        event = journal(state_dir)[-1]
        assert (event.kind, event.note) == ("assessment", "Kelder nat")  # type: ignore[union-attr]
        assert rows(app)[0][2:] == ["assessment", "Kelder nat"]


async def test_meeting_needs_no_text(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "m")
        await pilot.press("enter")
        await pilot.pause()
        event = journal(state_dir)[-1]
        assert (event.kind, event.note) == ("meeting", "")  # type: ignore[union-attr]
        assert event.incident == journal(state_dir)[0].incident


async def test_filter_by_any_words_in_any_case(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("slash")
        assert focused(app) == "timeline-filter"
        await pilot.press(*"WAN")
        assert [r[2] for r in rows(app)] == ["ticket opened", "component"]
        assert line(app, "count") == "2 of 13 events"
        await pilot.press(*" kabel")
        assert [r[3] for r in rows(app)] == ["wan1 down: kabel"]
        await pilot.press("escape")
        assert app.query_one("#timeline-filter", Input).value == ""
        assert len(rows(app)) == 13
        assert focused(app) == "timeline-table"


async def test_filter_by_person_name_and_marker(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("slash", *"tom maes", "enter")
        assert [r[3] for r in rows(app)] == ["a-tech-suppliers to Tom Maes"]
        assert focused(app) == "timeline-table"
        app.query_one("#timeline-filter", Input).value = "backdated"
        await pilot.pause()
        assert len(rows(app)) == 13


async def test_filter_without_a_match_says_so(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("slash", *"overstroming")
        assert rows(app) == []
        assert "No event matches" in line(app, "full")


async def test_no_active_disaster(console: Build) -> None:
    app = console()
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        tab = app.query_one(TimelineTab)
        assert "No active disaster" in line(app, "full")
        assert not table(app).display
        assert tab.check_action("note", ()) is None  # greyed out
        assert [command.title for command in tab.commands()] == ["Filter the timeline"]


async def test_a_viewer_changes_nothing(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = viewer_plan(shipped_plan)
    console(busy, login="boss", plan=plan)  # recorded by a coordinator
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await show_timeline(pilot)
        tab = app.query_one(TimelineTab)
        for action in ("note", "assess", "meeting"):
            assert tab.check_action(action, ()) is False
        await pilot.press("n", "a", "m")
        assert not isinstance(app.screen, NoteDialog)
        tab.action_note()  # reached another way, it is refused
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)
        assert notices.messages == ["viewer-test is a viewer and cannot change anything"]
        assert len(journal(state_dir)) == 13


async def test_palette_commands(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        tab = app.query_one(TimelineTab)
        commands = {command.title: command.callback for command in tab.commands()}
        assert list(commands) == [
            "Add a note",
            "Assess the damage",
            "Record a crisis staff meeting",
            "Filter the timeline",
        ]
        await show_timeline(pilot)
        commands["Record a crisis staff meeting"]()
        await pilot.pause()
        await pilot.press(*"tweede", "enter")
        await pilot.pause()
        assert journal(state_dir)[-1].kind == "meeting"


def test_snapshot_timeline(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, run_before=show_timeline, press=["down"])


def test_snapshot_timeline_filtered(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=show_timeline, press=["slash", *"task"]
    )


def test_snapshot_timeline_without_a_disaster(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(), terminal_size=SIZE, run_before=show_timeline)


def test_snapshot_note_dialog(console: Build, snap_compare: Any) -> None:
    async def note(pilot: Any) -> None:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        await pilot.press(*"Brandweer")

    assert snap_compare(console(busy), terminal_size=SIZE, run_before=note)


def test_snapshot_note_dialog_refusing_a_future_time(console: Build, snap_compare: Any) -> None:
    async def future(pilot: Any) -> None:
        await show_timeline(pilot)
        await open_dialog(pilot, "a")
        await pilot.press(*"Kelder nat")
        pilot.app.screen.query_one("#at", Input).value = "2026-03-28 16:30"
        await pilot.press("ctrl+s")

    assert snap_compare(console(busy), terminal_size=SIZE, run_before=future)
