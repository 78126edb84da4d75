"""The backups tab: restore tracking on key 5, the restore dialog, the drawn retention grid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label
from textual.widgets.data_table import ColumnKey

from console.clock import FixedClock
from console.incident import actions
from console.incident.errors import NoActiveIncident
from console.incident.session import Session
from console.incident.words import restore_marker as marker
from console.plan.model import Plan
from console.plan.people import Access
from console.present.backups import age, retention_lines
from console.tui.app import DrpApp
from console.tui.screens.restore import RestoreDialog, next_status
from console.tui.tabs.backups import BackupsTab
from console.tui.widgets.line import Line
from tests.console.conftest import (
    DECLARED,
    LOGIN,
    NOW,
    Build,
    Notices,
    all_tabs_mounted,
    busy,
    journal,
    settle,
)

UTC_NOW = NOW.astimezone(UTC)
"""The test clock's instant: add to it in real time (the night to the 29th is an hour short)."""
POINT = datetime(2026, 3, 27, 21, tzinfo=UTC)
"""The restore point `busy` records for "main": 22:00 in Brussels the evening before."""


def tab(app: DrpApp) -> BackupsTab:
    return app.query_one(BackupsTab)


def row(app: DrpApp, system: str) -> list[str]:
    table = app.query_one("#restores", DataTable)
    return [str(cell) for cell in table.get_row(system)]


def restores(state_dir: Path) -> list[Any]:
    return [event for event in journal(state_dir) if event.kind == "restore"]


async def open_tab(pilot: Pilot[Any]) -> None:
    await all_tabs_mounted(pilot)
    await pilot.press("5")
    await pilot.pause()


def hv1_restored(session: Session) -> None:
    """`busy`, and the restore of a host (a component, not a backup) under way."""
    busy(session)
    actions.restore(session, "hv1", "planned", at=DECLARED.replace(hour=13, minute=40))


# The table ------------------------------------------------------------------


async def test_every_backup_has_a_row_with_its_restore(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        table = app.query_one("#restores", DataTable)
        assert [key.value for key in table.rows] == ["main", "offline", "m365-backup"]
        assert row(app, "main")[1:] == ["[running]", "Fri 27 Mar 22:00", "16:00 old", "13:00"]
        assert row(app, "offline")[1:] == ["[ ]", "—", "—", "—"]
        assert row(app, "main")[0].startswith("main Dagelijkse")  # the typed id first
        assert app.focused is table  # key 5 puts the tab's keys under the fingers


async def test_other_systems_appear_once_their_restore_is_tracked(console: Build) -> None:
    app = console(hv1_restored)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        table = app.query_one("#restores", DataTable)
        assert [key.value for key in table.rows] == ["main", "offline", "m365-backup", "hv1"]
        assert row(app, "hv1")[:2] == ["hv1 Hyper-V host 1", "[planned]"]


async def test_long_names_are_cut_to_fit_80_columns(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        table = app.query_one("#restores", DataTable)
        assert table.virtual_size.width <= 78
        assert row(app, "m365-backup")[0].endswith("…")


async def test_without_an_incident_nothing_is_tracked(console: Build) -> None:
    app = console()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert [row(app, s)[1] for s in ("main", "offline", "m365-backup")] == ["[ ]"] * 3


async def test_the_age_moves_with_the_clock_and_only_its_cell_redraws(
    console: Build, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        table = app.query_one("#restores", DataTable)
        updates: list[tuple[str, str]] = []
        original = table.update_cell

        def counting(row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:
            updates.append((str(row_key), str(column_key)))
            original(row_key, column_key, value, **kwargs)

        table.update_cell = counting  # type: ignore[method-assign]
        clock.set(UTC_NOW + timedelta(hours=9, minutes=5))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert row(app, "main")[3] == "1d 01:05 old"
        assert updates == [("main", "age")]
        updates.clear()
        clock.set(UTC_NOW + timedelta(hours=9, minutes=5, seconds=30))
        app.tick()
        await pilot.pause()
        assert updates == []  # the same minute: nothing is sent


async def test_the_next_day_a_time_takes_its_day_and_its_room(
    console: Build, clock: FixedClock
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        table = app.query_one("#restores", DataTable)
        name_width = table.columns[ColumnKey("system")].width
        assert row(app, "main")[1:] == ["[running]", "Fri 27 Mar 22:00", "16:00 old", "13:00"]
        # 00:05 in Brussels, still the 28th in UTC: the restore was changed yesterday.
        clock.set(NOW.replace(hour=23, minute=59) + timedelta(minutes=6))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert row(app, "main")[2:] == ["Fri 27 Mar 22:00", "1d 02:05 old", "Sat 28 Mar 13:00"]
        assert table.columns[ColumnKey("system")].width < name_width  # the day takes its room
        assert table.virtual_size.width <= 78


async def test_selecting_a_row_scrolls_to_its_backup(console: Build) -> None:
    app = console(hv1_restored)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        config = app.query_one("#backups-config", VerticalScroll)
        await pilot.press("down")
        await pilot.pause()
        card = app.query_one("#backup-offline")
        assert config.scroll_y == card.virtual_region.y
        await pilot.press("down", "down")  # hv1: the first backup that protects it
        await pilot.pause()
        assert config.scroll_y == app.query_one("#backup-main").virtual_region.y


async def test_a_plan_without_backups_says_so(console: Build, shipped_plan: Plan) -> None:
    app = console(plan=shipped_plan.model_copy(update={"backups": []}))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        assert app.query_one("#restores", DataTable).row_count == 0
        assert "no backup systems" in app.query_one("#backups-config .backup", Line).text
        await pilot.press("r")  # no row: nothing to ask about
        await pilot.pause()
        assert not isinstance(app.screen, RestoreDialog)


# Recording a restore ----------------------------------------------------------


async def test_r_moves_the_restore_on_and_keeps_its_point(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RestoreDialog)
        assert "RESTORED" in str(app.screen.query_one("#chosen", Label).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        event = restores(state_dir)[-1]
        assert (event.system, event.status, event.point) == ("main", "restored", POINT)
        assert row(app, "main")[1] == "[restored]"


async def test_choose_a_status_and_type_a_point(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "r")  # the offline copy: nothing yet, "planned" first
        await pilot.pause()
        await pilot.press("down", "enter")  # running
        await pilot.press("tab", *"2026-03-27 14:00", "enter")
        await pilot.pause()
        event = restores(state_dir)[-1]
        assert (event.system, event.status) == ("offline", "running")
        assert event.point == datetime(2026, 3, 27, 13, tzinfo=UTC)  # CET is UTC+1
        assert row(app, "offline")[1:] == ["[running]", "Fri 27 Mar 14:00", "1d 00:00 old", "14:00"]


async def test_enter_on_a_row_opens_the_dialog(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RestoreDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        event = restores(state_dir)[-1]
        assert (event.system, event.status, event.point) == ("m365-backup", "planned", None)


async def test_an_unreadable_or_future_point_is_refused(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "r", "tab", *"gisteren", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RestoreDialog)
        assert "must look like" in str(dialog.query_one("#error", Label).render())
        dialog.query_one("#point", Input).value = "2026-03-28 14:01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "future" in str(dialog.query_one("#error", Label).render())
        assert len(restores(state_dir)) == 1  # only busy's
        dialog.query_one("#point", Input).value = ""  # unknown is fine
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert restores(state_dir)[-1].point is None


async def test_escape_cancels(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot)
        await pilot.press("r", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, RestoreDialog)
        assert len(restores(state_dir)) == 1


async def test_no_dialog_without_an_active_disaster(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    app = console()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await open_tab(pilot)
        assert tab(app).check_action("restore", ()) is None  # greyed out in the footer
        await pilot.press("r")
        tab(app).action_restore("main")  # reached another way: told why not
        await pilot.pause()
        assert not isinstance(app.screen, RestoreDialog)
        assert notices.messages == [NoActiveIncident().message]
        assert restores(state_dir) == []


async def test_a_viewer_cannot_record_a_restore(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = shipped_plan.model_copy(update={"access": Access(coordinators=[LOGIN])})
    console(busy, plan=plan)  # the coordinator records first
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await open_tab(pilot)
        backups = tab(app)
        assert backups.check_action("restore", ()) is False  # hidden from the footer
        assert list(backups.commands()) == []
        backups.action_restore("main")  # and refused if reached another way
        await pilot.pause()
        assert not isinstance(app.screen, RestoreDialog)
        assert "viewer-test is a viewer and cannot change anything" in notices.messages
        assert len(restores(state_dir)) == 1


async def test_the_palette_offers_every_backup_and_component(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        commands = list(tab(app).commands())
        titles = [command.title for command in commands]
        assert titles[:3] == [
            "Restore status: Dagelijkse back-up van de virtuele servers",
            "Restore status: Offline kopie op verwisselbare schijven",
            "Restore status: Back-up van Microsoft 365 (mail, OneDrive, SharePoint, Teams)",
        ]
        [hv2] = [c for c in commands if c.title == "Restore status: Hyper-V host 2"]
        assert "(hv2)" in hv2.help
        hv2.callback()
        await settle(pilot, lambda: isinstance(app.screen, RestoreDialog))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (restores(state_dir)[-1].system, restores(state_dir)[-1].status) == (
            "hv2",
            "planned",
        )


# The drawings -----------------------------------------------------------------


def test_the_retention_grid_is_drawn_a_week_per_row(shipped_plan: Plan) -> None:
    main = shipped_plan.backups[0]
    assert retention_lines(main) == [
        "           1 2 3 4 5 6 7",
        "Day 1-7    ■ ■ ■ ■ ■ ■ ■",
        "Day 8-14   ■ ■ ■ ■ ■ ■ ■",
        "Day 15-21  · · · · · · ■",
        "Day 22-28  · · · · · · ■",
        "Day 29-35  · · · · · · ■",
        "Day 36-42  · · · · · · ■",
        "Day 43-49  · · · · · · ■",
        "Day 50-56  · · · · · · ■",
        "Day 57-60  · · · ■",
    ]


def test_markers_and_ages_read_without_colour() -> None:
    assert [marker(s) for s in (None, "planned", "running", "restored", "verified")] == [
        "[ ]",
        "[planned]",
        "[running]",
        "[restored]",
        "[verified ✓]",
    ]
    assert age(POINT, NOW) == "16:00 old"
    assert age(POINT, UTC_NOW + timedelta(days=2, hours=3)) == "2d 19:00 old"
    assert age(None, NOW) == "—"
    assert [next_status(s) for s in (None, "planned", "running", "restored", "verified")] == [
        "planned",
        "running",
        "restored",
        "verified",
        "verified",
    ]


# Snapshots at 80x24 -------------------------------------------------------------


def test_snapshot_tab(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(hv1_restored), terminal_size=(80, 24), run_before=all_tabs_mounted, press=["5", "_"]
    )


def test_snapshot_scrolled_to_the_retention_grid(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy),
        terminal_size=(80, 24),
        run_before=all_tabs_mounted,
        press=["5", "_", "tab", "pagedown"],
    )


def test_snapshot_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy),
        terminal_size=(80, 24),
        run_before=all_tabs_mounted,
        press=["5", "_", "r", "_"],
    )


def test_snapshot_dialog_with_an_error(console: Build, snap_compare: Any) -> None:
    async def type_a_bad_point(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # run_before runs before the first layout
        await open_tab(pilot)
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("tab", *"morgen", "enter")
        await pilot.pause()
        pilot.app.screen.query_one("#point", Input).cursor_blink = False  # a still picture

    assert snap_compare(console(busy), terminal_size=(80, 24), run_before=type_a_bad_point)
