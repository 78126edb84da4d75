"""The console's typed times: the dialogs refuse what `drp --at` refuses, in the same words.

The declare, note and restore dialogs read a time the way the command line
does (`console.incident.typed_time`): an hour the clocks skip or repeat, an
implausible year, and (for what is recorded in an incident) a time before
its declaration stay in the dialog with the command line's message, and
nothing is recorded. The time a dialog fills in is never refused itself,
not even in the hour that happens twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.widgets import Input, Label

from console.clock import FixedClock
from console.incident.typed_time import TimeError, not_before_declaration, typed_instant
from console.tui.screens.declare import DeclareDialog
from console.tui.screens.note import NoteDialog
from console.tui.screens.restore import RestoreDialog
from tests.console.conftest import DECLARED, Build, busy, declared, journal, settle
from tests.console.test_backups import open_tab
from tests.console.test_timeline import open_dialog, show_timeline

BRUSSELS = ZoneInfo("Europe/Brussels")
SIZE = (80, 24)
SKIPPED = "2026-03-29 02:30"
REPEATED = "2026-10-25 02:30"


def words(text: str) -> str:
    """What the command line says of `text` after the option's name."""
    try:
        typed_instant(text, BRUSSELS)
    except TimeError as error:
        return error.message
    raise AssertionError(f"{text} was not refused")


def error_of(screen: object) -> str:
    assert isinstance(screen, DeclareDialog | NoteDialog | RestoreDialog)
    return str(screen.query_one("#error", Label).render())


async def test_the_note_dialog_refuses_what_the_command_line_refuses(
    console: Build, state_dir: Path, english: None
) -> None:
    app = console(declared)
    before = datetime(2026, 3, 28, 9, 0, tzinfo=BRUSSELS)
    with_declaration = ""
    try:
        not_before_declaration(before, DECLARED, journal(state_dir)[0].incident, BRUSSELS)
    except TimeError as error:
        with_declaration = error.message
    assert "is before incident" in with_declaration
    async with app.run_test(size=SIZE) as pilot:
        await show_timeline(pilot)
        await open_dialog(pilot, "n")
        await pilot.press(*"brandweer")
        for typed, expected in (
            (SKIPPED, words(SKIPPED)),
            (REPEATED, words(REPEATED)),
            ("1900-01-01 10:00", words("1900-01-01 10:00")),
            ("2026-03-28 09:00", with_declaration),
        ):
            app.screen.query_one("#at", Input).value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, NoteDialog), typed
            assert error_of(app.screen) == expected
        await pilot.press("escape")
        await pilot.pause()
    assert [e.kind for e in journal(state_dir)] == ["declared"]


async def test_the_declare_dialog_refuses_the_skipped_hour(
    console: Build, state_dir: Path, english: None
) -> None:
    app = console()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D", *"Overstroming")
        await settle(pilot, lambda: isinstance(app.screen, DeclareDialog))
        app.screen.query_one("#at", Input).value = SKIPPED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DeclareDialog)
        assert error_of(app.screen) == words(SKIPPED)
        app.screen.query_one("#at", Input).value = "0001-01-01 00:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app.screen) == words("0001-01-01 00:00")
    assert journal(state_dir) == []


async def test_declaring_now_in_the_repeated_hour_is_not_refused(
    console: Build, state_dir: Path, clock: FixedClock
) -> None:
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second time
    clock.set(second)
    app = console()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("D", *"Stroomuitval")
        await settle(pilot, lambda: isinstance(app.screen, DeclareDialog))
        assert app.screen.query_one("#at", Input).value == "2026-10-25 02:30 +01:00"
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: bool(journal(state_dir)))
    [event] = journal(state_dir)
    assert event.at == second


async def test_the_restore_dialog_refuses_a_point_in_the_repeated_hour(
    console: Build, state_dir: Path, english: None
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "r")
        await settle(pilot, lambda: isinstance(app.screen, RestoreDialog))
        app.screen.query_one("#point", Input).value = "2025-10-26 02:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RestoreDialog)
        assert error_of(app.screen) == words("2025-10-26 02:30")
        assert "happened twice" in error_of(app.screen)
    assert len([e for e in journal(state_dir) if e.kind == "restore"]) == 1  # only busy's
