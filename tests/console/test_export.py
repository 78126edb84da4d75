"""`e` exports a report from the console, as `drp report` writes it.

The dialog suggests a file beside the state directory named after the
report and the moment, follows the choices until the user types a name,
refuses to clobber a file unless asked, and writes exactly what the command
line would. Exporting records what was told to whom; a viewer exports and
records nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Label

from console.incident.events import ReportIssued
from console.plan.model import Plan
from console.plan.people import Access
from console.report.reports import render_report
from console.tui.screens.export import ExportDialog
from tests.console.conftest import NOW, Build, Notices, busy, journal, settle

SIZE = (80, 24)


def issued(state_dir: Path) -> list[ReportIssued]:
    return [e for e in journal(state_dir) if isinstance(e, ReportIssued)]


async def test_e_exports_the_status_report_beside_the_state_directory(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        state = app.session.state(app.session.active().id)  # type: ignore[union-attr]
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        expected = state_dir.parent / "status-20260328-1400.md"
        assert app.screen.query_one("#path").value == str(expected)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(issued(state_dir)))
    assert expected.read_text("utf-8") == render_report(
        shipped_plan, state, NOW, "status", "board", "md"
    )
    assert expected.stat().st_mode & 0o777 == 0o600
    [report] = issued(state_dir)
    assert (report.report, report.audience, report.format) == ("status", "board", "md")
    assert f"Wrote {expected}." in notices.messages


async def test_the_name_follows_the_choices_until_the_user_types_one(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog: Any = app.screen
        await pilot.press("right")  # after-action report
        await pilot.press("space")
        await pilot.pause()
        assert dialog.query_one("#path").value.endswith("after-action-20260328-1400.md")
        assert "after-action report" in str(dialog.query_one("#readout", Label).content)
        dialog.query_one("#path").value = str(state_dir.parent / "board.md")
        await pilot.press("left", "space")  # back to the status report
        await pilot.pause()
        assert dialog.query_one("#path").value == str(state_dir.parent / "board.md")


async def test_an_existing_file_is_replaced_only_when_asked(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    target = state_dir.parent / "status-20260328-1400.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("keep me", "utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # still open, saying why
        assert "exists" in str(app.screen.query_one("#error", Label).content)
        assert target.read_text("utf-8") == "keep me"
        app.screen.query_one("#replace").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: not isinstance(app.screen, ExportDialog))
    assert target.read_text("utf-8").startswith("**uiterst vertrouwelijk**")


async def test_a_viewer_exports_and_records_nothing(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = shipped_plan.model_copy(
        update={"access": Access(coordinators=["coordinator-test"], viewers=["viewer-test"])}
    )
    console(busy, plan=plan)
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        assert app.check_action("export", ()) is True
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: any(m.startswith("Wrote ") for m in notices.messages))
    assert (state_dir.parent / "status-20260328-1400.md").exists()
    assert issued(state_dir) == []


async def test_with_no_incident_there_is_nothing_to_export(
    console: Build, notices: Notices
) -> None:
    app = console()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(app.screen, ExportDialog))
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(notices.messages))
    assert notices.messages == ["no incident in this state directory yet: nothing to report"]


def test_snapshot_export_dialog(console: Build, snap_compare: Any) -> None:
    async def open_it(pilot: Pilot[None]) -> None:
        await pilot.press("e")
        await settle(pilot, lambda: isinstance(pilot.app.screen, ExportDialog))
        # the suggestion is beside a temporary state directory: show a name that stays put
        pilot.app.screen.query_one("#path", Input).value = "/srv/drp/status-20260328-1400.md"

    assert snap_compare(console(busy), terminal_size=SIZE, run_before=open_it)
