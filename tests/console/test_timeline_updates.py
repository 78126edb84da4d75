"""The timeline as the journal grows: new events are added in place, never a rebuild.

A disaster of several days writes thousands of events; the timeline must stay
fluid and an idle console must send nothing. These tests count the table's
rebuilds (`clear`) and added rows while events arrive from another console,
while the minute changes, while the filter is typed, and with 10,000 events
fed to the tab alone.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from console.clock import FixedClock
from console.incident import actions
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.fold import fold
from console.incident.session import Session
from console.plan.model import Plan
from console.tui.context import ConsoleContext
from console.tui.tabs.timeline import TimelineTab
from tests.console.conftest import (
    DECLARED,
    HOST,
    LOGIN,
    NOW,
    Build,
    SequentialIds,
    busy,
)
from tests.console.test_timeline import SIZE, counted, line, rows, show_timeline, table


async def test_a_filter_that_keeps_every_row_does_not_rebuild(
    console: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        calls: list[str] = []
        monkeypatch.setattr(table(app), "clear", counted(table(app).clear, calls, "clear"))
        await pilot.press("slash", *"coord")  # every event is by the coordinator
        assert calls == []
        assert line(app, "count") == "13 of 13 events"


async def test_a_filtered_table_takes_only_matching_new_events(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("slash", *"kabel")
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.note(other, "kabel hersteld")
        actions.note(other, "koffie")
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        assert [r[3] for r in rows(app)] == ["kabel hersteld", "wan1 down: kabel"]
        assert line(app, "count") == "2 of 15 events"


async def test_new_events_are_added_in_place_without_a_rebuild(
    console: Build,
    shipped_plan: Plan,
    state_dir: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("down", "down", "down")
        shown = table(app)
        kept_row = shown.get_row_at(3)
        calls: list[str] = []
        monkeypatch.setattr(shown, "clear", counted(shown.clear, calls, "clear"))
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.note(other, "nu")
        actions.note(other, "vergeten", at=DECLARED.replace(minute=2))
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        texts = [r[3] for r in rows(app)]
        assert texts[0] == "nu"
        assert texts[-2:] == ["vergeten", "total disaster: Brand in het administratief centrum"]
        assert calls == []
        assert shown.get_row_at(4) == kept_row  # the cursor's event moved down with its row
        assert shown.cursor_row == 4
        assert rows(app)[-2][0] == "10:02 ↶"


async def test_the_minute_does_not_touch_the_table(
    console: Build, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        shown = table(app)
        calls: list[str] = []
        monkeypatch.setattr(shown, "add_row", counted(shown.add_row, calls, "add"))
        monkeypatch.setattr(shown, "clear", counted(shown.clear, calls, "clear"))
        clock.set(NOW + timedelta(minutes=3))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert app.minute == NOW + timedelta(minutes=3)  # the minute did move
        assert calls == []


async def test_at_midnight_the_times_of_the_day_before_take_their_day(
    console: Build, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await pilot.press("down", "down")
        shown = table(app)
        kept = shown.get_row_at(2)
        calls: list[str] = []
        monkeypatch.setattr(shown, "add_row", counted(shown.add_row, calls, "add"))
        monkeypatch.setattr(shown, "clear", counted(shown.clear, calls, "clear"))
        clock.set(NOW.replace(hour=23, minute=59))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert rows(app)[0][0] == "13:30 ↶"  # still today
        # Midnight in Brussels is 23:00 UTC: still the 28th in UTC, the 29th for the plan.
        clock.set(NOW.replace(hour=23, minute=59) + timedelta(minutes=1))
        app.tick()
        await pilot.pause()
        stamps = [row[0] for row in rows(app)]
        assert stamps[0] == "Sat 28 Mar 13:30 ↶"
        assert stamps[-1].startswith("Sat 28 Mar 10:00")  # the declaration
        assert all(stamp.startswith("Sat 28 Mar ") for stamp in stamps)
        assert calls == []  # the time cells are rewritten in place, the table is not rebuilt
        assert shown.columns[ColumnKey("time")].content_width == len("Sat 28 Mar 13:30 ↶")
        assert shown.cursor_row == 2
        assert shown.get_row_at(2)[1:] == kept[1:]
        await pilot.press("slash", *"28 mar")  # the filter finds the events by their day now
        assert line(app, "count") == "13 of 13 events"


class Harness(App[None]):
    """The timeline tab alone, to feed it a state without a journal on disk."""

    CSS_PATH = "../../console/tui/tabs/timeline.tcss"

    def __init__(self, context: ConsoleContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        yield TimelineTab(self.context, id="timeline-tab")


def many_events(count: int) -> list[Event]:
    ids = SequentialIds()
    start = DECLARED
    events: list[Event] = []
    for number in range(count):
        at = start + timedelta(seconds=20 * number)
        fields: dict[str, Any] = {"kind": "declared"} if number == 0 else {"kind": "note"}
        if number:
            fields["text"] = f"bericht {number}"
        events.append(
            EVENT_ADAPTER.validate_python(
                {
                    "id": ids(at),
                    "incident": "20260328-MANY",
                    "at": at,
                    "recorded_at": at,
                    "actor": "cli",
                    "host": HOST,
                    **fields,
                }
            )
        )
    return events


async def test_ten_thousand_events(
    shipped_plan: Plan, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = ConsoleContext(plan=shipped_plan, clock=clock, login=LOGIN, role="coordinator")
    events = many_events(10_001)
    app = Harness(context)
    async with app.run_test(size=SIZE) as pilot:
        tab = app.query_one(TimelineTab)
        tab.incident = fold(shipped_plan, events[:-1])
        await pilot.pause()
        shown = app.query_one(DataTable)
        assert shown.row_count == 10_000
        added: list[str] = []
        monkeypatch.setattr(shown, "add_row", counted(shown.add_row, added, "add"))
        monkeypatch.setattr(shown, "clear", counted(shown.clear, added, "clear"))
        tab.incident = fold(shipped_plan, events)
        await pilot.pause()
        assert added == ["add"]  # one more event is one more row, not a rebuild
        assert shown.get_row_at(0)[3].plain == "bericht 10000"
