"""How `drp` opens: a first frame before the plan is checked, then the console or why not.

`drp` shows the organisation, the tabs and "Opening the plan and the
journal…" before it loads the schema, checks the plan and reads the journal.
Keys pressed meanwhile act once the console is open. These tests build the
app the way `drp` does (`load_after_first_frame`), on a real plan file and a
real state directory.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.widgets import TabbedContent

from console.clock import FixedClock
from console.incident.session import Session
from console.plan.errors import PlanError
from console.plan.loader import load_plan
from console.plan.source import read_source
from console.tui.app import TABS, DrpApp
from console.tui.context import ConsoleContext
from console.tui.factory import open_console
from console.tui.screens.restore import RestoreDialog
from console.tui.tabs.base import ConsoleTab
from tests.conftest import SHIPPED_PLAN
from tests.console.conftest import NOW, declared, settle
from tests.console.test_app import header

OPENING = "Opening the plan and the journal…"


def plan_file(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(text if text is not None else SHIPPED_PLAN.read_text("utf-8"), "utf-8")
    path.chmod(0o600)
    return path


async def test_the_header_says_it_is_opening_until_the_plan_is_loaded(tmp_path: Path) -> None:
    source = read_source(plan_file(tmp_path))
    seen_while_loading: list[tuple[tuple[str, str], bool | None]] = []

    def load() -> tuple[ConsoleContext, Session]:
        seen_while_loading.append((header(app), app.check_action("declare", ())))
        return open_console(source, tmp_path / "state", FixedClock(NOW))

    app = DrpApp(source.name, load, load_after_first_frame=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert seen_while_loading == [(("OCMW Zonnedaal", OPENING), False)]
        title, clocks = header(app)
        assert title == "OCMW Zonnedaal · no active disaster"
        assert clocks.startswith("Press D to declare")
        assert app.check_action("declare", ()) is True
        assert app.query_one("#overview-tab")


async def test_the_console_shows_the_active_incident_once_open(tmp_path: Path) -> None:
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    source = read_source(path)
    app = DrpApp(
        source.name,
        lambda: open_console(source, state, FixedClock(NOW)),
        load_after_first_frame=True,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        title, clocks = header(app)
        assert "DRILL" not in title and "OCMW Zonnedaal · " in title
        assert clocks.startswith("T+4:00  ·  A 2d 20:00 left")


async def test_a_plan_with_mistakes_closes_the_console_with_them(tmp_path: Path) -> None:
    text = SHIPPED_PLAN.read_text("utf-8").replace(
        'timezone = "Europe/Brussels"', 'timezone = "Europe/Bruxelles"', 1
    )
    source = read_source(plan_file(tmp_path, text))
    app = DrpApp(
        source.name,
        lambda: open_console(source, tmp_path / "state", FixedClock(NOW)),
        load_after_first_frame=True,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert isinstance(app.failure, PlanError)
    assert app.return_code == 1
    [problem] = app.failure.problems
    assert problem.line is not None and "timezone" in str(problem)
    assert not (tmp_path / "state").exists()  # nothing was written


def is_open(app: DrpApp) -> bool:
    """Whether the console is complete: every tab in place and no key still held."""
    return len(app.query(ConsoleTab)) == len(TABS) and app.complete


async def test_keys_pressed_while_the_console_opens_act_once_it_is_open(tmp_path: Path) -> None:
    """`6`, `5` and `r` typed before the plan is checked: the restore dialog of the backups."""
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    source = read_source(path)

    def load() -> tuple[ConsoleContext, Session]:
        for key in "65r":  # as the terminal delivers them while the plan is being checked
            app.post_message(events.Key(key, key).set_sender(app))
        return open_console(source, state, FixedClock(NOW))

    app = DrpApp(source.name, load, load_after_first_frame=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RestoreDialog))
        assert app.screen.query_one("#restore-dialog")
        await pilot.press("escape")
        assert app.query_one(TabbedContent).active == "backups"
        assert app.focused is not None and app.focused.id == "restores"


async def test_keys_pressed_as_the_console_opens_act_in_order(tmp_path: Path) -> None:
    """Keys pressed at once, whether held or not, act in the order they were pressed."""
    source = read_source(plan_file(tmp_path))
    app = DrpApp(
        source.name,
        lambda: open_console(source, tmp_path / "state", FixedClock(NOW)),
        load_after_first_frame=True,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "4", "2")
        await settle(pilot, lambda: is_open(app))
        assert app.query_one(TabbedContent).active == "checklist"
        assert app.focused is not None and app.focused.id == "checklist-table"


def test_the_first_frame_needs_neither_the_schema_nor_the_journal() -> None:
    """What `drp` imports before its first frame: pydantic is what would slow it down."""
    probe = (
        "import sys\n"
        "import console.cli, console.commands.console, console.plan.source, console.tui.app\n"
        "heavy = ('pydantic', 'console.plan.model', 'console.incident.events',\n"
        "         'console.store.journal', 'console.incident.session')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("language, shown", [("fr", "fr"), (None, "nl")])
def test_the_language_is_read_before_the_plan_is_checked(
    tmp_path: Path, language: str | None, shown: str
) -> None:
    text = SHIPPED_PLAN.read_text("utf-8")
    text = text.replace('language = "nl"\n', f'language = "{language}"\n' if language else "")
    source = read_source(plan_file(tmp_path, text))
    assert source.language == shown
    context, _session = open_console(source, tmp_path / "state", FixedClock(NOW))
    assert context.plan.organisation.language == shown


def test_a_mistake_in_the_console_options_gets_the_whole_usage() -> None:
    """`drp --plan` without a path: the same message as for any other command line."""
    result = subprocess.run(
        [sys.executable, "-m", "console", "--plan"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "COMMAND ..." in result.stderr  # the full parser's usage, with the subcommands
    assert "argument --plan: expected one argument" in result.stderr
