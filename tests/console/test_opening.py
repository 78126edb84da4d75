"""How `drp` opens: a first frame before the plan is checked, then the console or why not.

`drp` shows the organisation, the tabs and the active incident's clocks
(from a first look at the raw journal), or "Opening the plan and the
journal…" when there is none, before it loads the schema, checks the plan and
reads the journal. Keys pressed meanwhile act once the console is open. These
tests build the app the way `drp` does (`opening_app`), on a real plan file
and a real state directory; `load` is wrapped only to look at the console
while the plan is being checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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
from console.tui.factory import open_console, opening_app
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


def console(
    path: Path, state: Path, while_loading: Callable[[DrpApp], None] = lambda app: None
) -> DrpApp:
    """The console as `drp` opens it; `while_loading(app)` runs as the plan is being checked."""
    app = opening_app(read_source(path), state, FixedClock(NOW))
    load = app.load

    def looking() -> tuple[ConsoleContext, Session]:
        while_loading(app)
        return load()

    app.load = looking
    return app


def is_open(app: DrpApp) -> bool:
    """Whether the console is complete: every tab in place and no key still held."""
    return len(app.query(ConsoleTab)) == len(TABS) and app.complete


async def test_the_header_says_it_is_opening_until_the_plan_is_loaded(tmp_path: Path) -> None:
    seen_while_loading: list[tuple[tuple[str, str], bool | None]] = []

    def look(app: DrpApp) -> None:
        seen_while_loading.append((header(app), app.check_action("declare", ())))

    app = console(plan_file(tmp_path), tmp_path / "state", look)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: is_open(app))
        assert seen_while_loading == [(("OCMW Zonnedaal", OPENING), False)]
        title, clocks = header(app)
        assert title == "OCMW Zonnedaal · no active disaster"
        assert clocks.startswith("Press D to declare")
        assert app.check_action("declare", ()) is True
        assert app.query_one("#overview-tab")


async def test_the_first_frame_shows_the_incident_s_clocks_before_the_plan_is_checked(
    tmp_path: Path,
) -> None:
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    seen_while_loading: list[tuple[str, str]] = []
    app = console(path, state, lambda app: seen_while_loading.append(header(app)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: is_open(app))
        [(title, clocks)] = seen_while_loading
        assert title.startswith("OCMW Zonnedaal · ") and "DRILL" not in title
        assert clocks.startswith("T+4:00 ")
        assert clocks.index("B 1d 20:00 left") < clocks.index("A 2d 20:00 left")  # nearest first
        assert header(app) == (title, clocks)  # the checked state says the same


async def test_a_plan_with_mistakes_closes_the_console_with_them(tmp_path: Path) -> None:
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    journal = {p: p.read_bytes() for p in (state / "journal").iterdir()}
    text = SHIPPED_PLAN.read_text("utf-8").replace(
        'timezone = "Europe/Brussels"', 'timezone = "Europe/Bruxelles"', 1
    )
    plan_file(tmp_path, text)  # the first look reads no time zone: only the check finds it
    seen_while_loading: list[tuple[str, str]] = []
    app = console(path, state, lambda app: seen_while_loading.append(header(app)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: app.failure is not None)
    [(_title, clocks)] = seen_while_loading
    assert clocks.startswith("T+4:00")  # the clocks were on screen from the raw data
    assert isinstance(app.failure, PlanError)
    assert app.return_code == 1
    [problem] = app.failure.problems
    assert problem.line is not None and "timezone" in str(problem)
    assert {p: p.read_bytes() for p in (state / "journal").iterdir()} == journal


async def test_keys_pressed_while_the_console_opens_act_once_it_is_open(tmp_path: Path) -> None:
    """`6`, `5` and `r` typed before the plan is checked: the restore dialog of the backups."""
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))

    def type_ahead(app: DrpApp) -> None:
        for key in "65r":  # as the terminal delivers them while the plan is being checked
            app.post_message(events.Key(key, key).set_sender(app))

    app = console(path, state, type_ahead)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, RestoreDialog))
        assert app.screen.query_one("#restore-dialog")
        await pilot.press("escape")
        assert app.query_one(TabbedContent).active == "backups"
        assert app.focused is not None and app.focused.id == "restores"


async def test_keys_pressed_as_the_console_opens_act_in_order(tmp_path: Path) -> None:
    """Keys pressed at once, whether held or not, act in the order they were pressed."""
    app = console(plan_file(tmp_path), tmp_path / "state")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "4", "2")
        await settle(pilot, lambda: is_open(app))
        assert app.query_one(TabbedContent).active == "checklist"
        assert app.focused is not None and app.focused.id == "checklist-table"


def test_the_first_frame_needs_no_schema(tmp_path: Path) -> None:
    """What `drp` loads before its first frame: pydantic is what would slow it down.

    The console as `drp` builds it has taken its first look at the journal
    (the incident's clocks) without loading the schemas or the fold.
    """
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "import console.cli\n"
        "from console.clock import SystemClock\n"
        "from console.plan.source import read_source\n"
        "from console.tui.factory import opening_app\n"
        f"app = opening_app(read_source({str(path)!r}), Path({str(state)!r}), SystemClock())\n"
        "assert app.first_look is not None\n"
        "heavy = ('pydantic', 'console.plan.model', 'console.incident.events',\n"
        "         'console.incident.fold', 'console.incident.session')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_first_frame_needs_no_babel(tmp_path: Path, language: str) -> None:
    """Babel writes dates and numbers once the console is open, never for its first frame.

    The first frame's clocks are durations ("T+4:00", "2d 20:00 left"), which
    the catalog writes; Babel's data would only slow the first frame down.
    The probe runs the console as `drp` opens it, in each language, and
    looks at what is loaded when the plan starts to be checked.
    """
    path, state = plan_file(tmp_path), tmp_path / "state"
    declared(Session(load_plan(path), state, FixedClock(NOW)))
    probe = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "import console.cli\n"
        "from console.clock import SystemClock\n"
        "from console.i18n import set_language\n"
        "from console.plan.source import read_source\n"
        f"source = read_source({str(path)!r})\n"
        "set_language(source.language)\n"
        "from console.tui.factory import opening_app\n"
        f"app = opening_app(source, Path({str(state)!r}), SystemClock())\n"
        "load, seen = app.load, []\n"
        "def looking():\n"
        "    seen.append(sorted({m.split('.')[0] for m in sys.modules if m.startswith('babel')}))\n"
        "    return load()\n"
        "app.load = looking\n"
        "async def main():\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        while not seen:\n"
        "            await pilot.pause()\n"
        "        print(app.query_one('#header-clocks').render())\n"
        "asyncio.run(main())\n"
        "print(seen[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DRP_LANG": language},
    )
    clocks, loaded = result.stdout.strip().splitlines()[-2:]
    assert clocks.startswith("T+")  # the incident's clocks are in that first frame
    assert loaded == "[]"


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


async def test_an_end_asked_for_while_the_console_opens_comes_once_it_is_open(
    tmp_path: Path,
) -> None:
    """A signal in the middle of the opening (`drp demo`) ends the console cleanly, not with a
    tab's pane pulled away while the tab is put in it."""
    app = console(plan_file(tmp_path), tmp_path / "state", lambda app: app.end(130))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: app.return_code is not None)
        assert len(app.query(ConsoleTab)) == len(TABS)  # every tab was put in place first
    assert app.return_code == 130
