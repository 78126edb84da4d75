"""The checklist tab's views: its order and groups, the live update, the filters, 1,000 tasks.

The rows are read off the table; the filters are driven by their keys; a
minute passing must update the time cells only, and a plan with 1,000 tasks
must stay fluid. The pure layout of the columns is checked without a terminal.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.scenarios import Step
from console.present.checklist import Layout
from console.tui.widgets.line import Line
from tests.console.conftest import NOW, Build, Notices, all_tabs_mounted, busy, declared
from tests.console.test_checklist import SIZE, cursor, goto, line, shown, tab, with_login

# Order, groups and live updates -------------------------------------------------------------


async def test_the_plan_in_order_with_its_groups(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        keys = tab(app).keys
        assert keys[:3] == ["§step", "reported", "gather"]
        assert [k for k in keys if k.startswith("§")] == [
            "§step",
            "§priority",
            "§technical",
            "§organisational",
        ]
        assert len(shown(app)) == 20
        assert app.focused is tab(app).table
        assert cursor(app) == "evaluation"  # the first open task
        assert line(app, "status") == "Tasks 4/20 done · 0 overdue · filter: all"
        row = [cell.plain for cell in tab(app).table.get_row("a-tech-suppliers")]
        assert row == [
            "[>] doing",
            "a-tech-suppliers",
            "Hard- en softwareleve…",
            "Tom Maes",
            "8:00 left",
        ]
        assert line(app, "detail").startswith("evaluation: Evaluatie van de rampsituatie\n")
        assert "due Saturday, 28 March 2026 at 18:00 CET · 4:00 left" in line(app, "detail")


async def test_before_the_decision_a_hint(console: Build) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        assert "appear once the coordinator decides (S)" in line(app, "hint")
        assert shown(app) == ["reported", "gather", "meeting", "evaluation", "decision"]
        reported = [cell.plain for cell in tab(app).table.get_row("reported")]
        assert (reported[0], reported[-1]) == ("[✓] done", "")  # done by the declaration
        assert tab(app).table.get_row("gather")[-1].plain == "LATE 1:00"
        await pilot.press("S", "enter")
        await pilot.pause()
        assert len(shown(app)) == 20
        assert not app.query_one("#checklist-hint", Line).display


async def test_no_incident_no_tasks(console: Build) -> None:
    app = console()
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        assert "No active disaster" in line(app, "status")
        assert tab(app).table.row_count == 0
        assert tab(app).check_action("advance", ()) is None  # greyed out


async def test_wide_terminals_show_the_due_time(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=(150, 30)) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        row = [cell.plain for cell in tab(app).table.get_row("a-prio-1")]
        assert row[4:] == ["Sun 29 Mar 11:00", "20:00 left"]
        assert row[2] == "Diensten i.v.m. dienstverlening (keuken, thuisdiensten)"


async def test_a_minute_updates_only_the_time_cells(
    console: Build, clock: FixedClock, monkeypatch: Any
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        checklist = tab(app)
        rebuilds: list[int] = []
        updates: list[tuple[str, str]] = []
        rebuild, update = checklist.rebuild, checklist.table.update_cell

        def counted_rebuild(*args: Any) -> None:
            rebuilds.append(1)
            rebuild(*args)

        def counted_update(row: Any, column: Any, value: Any) -> None:
            updates.append((str(row), str(column)))
            update(row, column, value)

        monkeypatch.setattr(checklist, "rebuild", counted_rebuild)
        monkeypatch.setattr(checklist.table, "update_cell", counted_update)
        clock.set(NOW + timedelta(minutes=1))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert rebuilds == []
        assert {col for _row, col in updates} == {"left"}
        assert len(updates) == 16  # every open task with a due time
        assert checklist.table.get_row("evaluation")[-1].plain == "3:59 left"
        assert line(app, "status") == "Tasks 4/20 done · 0 overdue · filter: all"


async def test_the_cursor_stays_on_its_task(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "u")
        await goto(app, pilot, "a-tech-backups")
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.set_task(other, "a-prio-1", "done")  # leaves the open tasks: a rebuild
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        assert "a-prio-1" not in shown(app)
        assert cursor(app) == "a-tech-backups"


async def test_the_cursor_steps_over_group_headers(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "decision")
        await pilot.press("down")
        assert cursor(app) == "a-prio-1"
        await pilot.press("up")
        assert cursor(app) == "decision"
        await pilot.press("up", "up", "up", "up", "up")
        assert cursor(app) == "reported"


# Filters ----------------------------------------------------------------------------


async def test_filters_open_overdue_and_all(console: Build, clock: FixedClock) -> None:
    app = console(declared)
    clock.set(NOW + timedelta(minutes=30))  # the meeting was due at 14:00
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "o")
        assert shown(app) == ["gather", "meeting"]  # reported: done by the declaration
        assert tab(app).table.get_row("§step")[2].plain == "1/5 done"  # of the whole group
        assert line(app, "status") == "Tasks 1/5 done · 2 overdue · filter: overdue · 2 shown"
        await pilot.press("space")  # gather: doing, still overdue
        await pilot.press("space")  # gather: done, no longer overdue
        await pilot.pause()
        assert shown(app) == ["meeting"]
        assert cursor(app) == "meeting"
        await pilot.press("u")
        assert shown(app) == ["meeting", "evaluation", "decision"]
        await pilot.press("f")
        assert len(shown(app)) == 5
        await pilot.press("u", "escape")
        assert len(shown(app)) == 5
        assert line(app, "status").endswith("filter: all")


async def test_an_empty_filter_says_so(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "o")
        assert shown(app) == []
        assert line(app, "hint") == "No task matches this filter; f shows them all."


async def test_mine_by_role_and_by_assignment(console: Build, shipped_plan: Plan) -> None:
    def given(session: Session) -> None:
        busy(session)
        actions.assign(session, "a-org-insurance", "tom-maes")

    app = console(given, plan=with_login(shipped_plan, "tom-maes"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "m")
        assert shown(app) == [
            "a-tech-suppliers",
            "a-tech-backups",
            "a-tech-restore",
            "a-tech-providers",
            "a-org-insurance",
        ]
        assert "filter: mine · 5 shown" in line(app, "status")


async def test_mine_without_a_person_in_the_plan(console: Build, notices: Notices) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("2", "m")
        assert len(shown(app)) == 20
        assert tab(app).filter == "all"
        assert any("not in the plan" in message for message in notices.messages)


# A thousand tasks --------------------------------------------------------------------


async def test_a_thousand_tasks_stay_fluid(
    console: Build, shipped_plan: Plan, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A minute passing updates the cells that change; it does not rebuild the table."""
    steps = [
        Step(id=f"step-{n:04d}", title=f"Taak {n}", owner="ict", due_hours=4 + n % 70)
        for n in range(1000)
    ]
    app = console(declared, plan=shipped_plan.model_copy(update={"steps": steps}))
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert len(shown(app)) == 1000
        table: DataTable[Any] = tab(app).table
        await pilot.press("end", "pagedown")
        rebuilt: list[bool] = []
        clear = table.clear

        def counted_clear(columns: bool = False) -> DataTable[Any]:
            rebuilt.append(columns)
            return clear(columns)

        monkeypatch.setattr(table, "clear", counted_clear)
        clock.set(NOW + timedelta(minutes=1))
        app.tick()
        await pilot.pause()
        assert rebuilt == []  # the minute updates cells, it does not rebuild the table
        assert table.row_count == 1001
        assert table.get_row("step-0001")[-1].plain == "! 0:59 left"


# The columns, without a terminal ------------------------------------------------------------


@pytest.mark.parametrize(
    ("width", "title", "owner", "due"),
    [(80, 22, 12, 0), (100, 40, 14, 0), (120, 43, 14, 16), (160, 75, 22, 16)],
)
def test_the_title_gets_what_is_left(width: int, title: int, owner: int, due: int) -> None:
    # due=16: a time of another day, "Sun 29 Mar 09:00"
    widths = Layout.fit(width, status=9, ident=18, left=13, due=16, owner=22).widths
    assert (widths[2], widths[3], widths[4]) == (title, owner, due)
    assert sum(w + 1 for w in widths if w) == width - 1  # the scrollbar's column stays free
