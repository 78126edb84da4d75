"""`drp demo`: every tab alive with one command, and nothing left behind however it ends.

In process, the demo's folder is built as `drp demo` builds it and the
console opened on it as `drp` opens one, at 80x24; as a real process in a
pseudo-terminal, it is quit with `q` and ended by signals, and each time
its temporary folder must be gone.
"""

from __future__ import annotations

import signal
import sys
import tempfile
from datetime import UTC
from pathlib import Path

import pytest
from textual.widgets import DataTable

from benchmarks.startup import Terminal
from console.clock import FixedClock
from console.commands.common import DEFAULT_STATE_FOLDER
from console.commands.demo import PLAN_NAME, demo_folder
from console.plan.source import read_source
from console.tui.app import TABS, DrpApp
from console.tui.factory import opening_app
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import Line
from tests.console.conftest import NOW, Build, Notices, all_tabs_mounted, settle
from tests.console.test_app import header


def tab_text(app: DrpApp, tab_id: str) -> str:
    """Every line and table cell a tab shows, one per line."""
    tab = app.query_one(f"#{tab_id}-tab", ConsoleTab)
    found = [line.text for line in tab.query(Line)]
    for table in tab.query(DataTable):
        for row in range(table.row_count):
            found.extend(str(cell) for cell in table.get_row_at(row))
    return "\n".join(found)


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the demo's temporary folder goes: checked empty afterwards."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


async def test_the_demo_opens_with_every_tab_alive_and_leaves_nothing(temporary: Path) -> None:
    clock = FixedClock(NOW)
    with demo_folder(clock) as folder:
        assert folder.parent == temporary
        assert (folder / PLAN_NAME).stat().st_mode & 0o777 == 0o600
        source = read_source(folder / PLAN_NAME)
        app = opening_app(source, folder / DEFAULT_STATE_FOLDER, clock)
        app.animation_level = "none"
        async with app.run_test(size=(80, 24)) as pilot:
            await all_tabs_mounted(pilot)
            await settle(pilot, lambda: app.complete)
            state = app.incident
            assert state is not None and state.drill and state.scenario is not None
            assert "DRILL" in header(app)[0] and state.id in header(app)[0]
            now = clock.now().astimezone(UTC)
            done = [t for t in state.tasks if t.phase != "step" and t.status == "done"]
            doing = [t for t in state.tasks if t.status == "doing"]
            late = [t for t in state.tasks if t.overdue(now)]
            assert done and doing and late
            texts = {}
            for number, (tab_id, _label, _name) in enumerate(TABS, start=1):
                await pilot.press(str(number))
                await settle(pilot, app.query_one(f"#{tab_id}-tab", ConsoleTab).filled)
                texts[tab_id] = tab_text(app, tab_id)
            assert "no answer: 1" in texts["overview"] and late[0].title[:20] in texts["overview"]
            checklist = texts["checklist"]
            assert all(task.id in checklist for task in (done[0], doing[0], late[0]))
            assert "LATE" in checklist and "done" in checklist and "doing" in checklist
            assert "reached" in texts["contacts"] and "no answer" in texts["contacts"]
            assert "[DOWN]" in texts["infrastructure"] and "DEMO-0001" in texts["infrastructure"]
            assert "running" in texts["backups"]
            assert "press release sent" in texts["timeline"]
            assert all(texts.values())
    assert list(temporary.iterdir()) == []  # the folder and its journal are gone


def test_the_demo_folder_is_removed_on_an_error(temporary: Path) -> None:
    with pytest.raises(RuntimeError), demo_folder(FixedClock(NOW)) as folder:
        assert (folder / DEFAULT_STATE_FOLDER / "journal").is_dir()
        raise RuntimeError("the console failed")
    assert list(temporary.iterdir()) == []


async def test_ctrl_c_ends_the_demo_but_not_the_console(console: Build, notices: Notices) -> None:
    app = console()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running and notices.messages == ["Press q to quit."]
        app.end_on_signals = True  # as `drp demo` sets it
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130


def demo_process(tmp_path: Path) -> tuple[Terminal, Path]:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    terminal = Terminal([sys.executable, "-m", "console", "demo"], env={"TMPDIR": str(temporary)})
    return terminal, temporary


def test_the_demo_as_a_real_process_quits_on_q_and_leaves_nothing(tmp_path: Path) -> None:
    terminal, temporary = demo_process(tmp_path)
    try:
        terminal.wait_for(b"DRILL")
        terminal.wait_for(b"Step plan")  # the overview, once the plan is checked
        assert len(list(temporary.iterdir())) == 1  # its folder, while it runs
        terminal.press("6")
        terminal.read(1.0)
        terminal.press("q")
        assert terminal.process.wait(timeout=20) == 0
        terminal.read(0.5)
        assert b"The demo and its folder are gone" in terminal.output
        assert b"Traceback" not in terminal.output
    finally:
        terminal.close()
    assert list(temporary.iterdir()) == []


def test_ctrl_c_in_the_real_demo_quits_and_leaves_nothing(tmp_path: Path) -> None:
    terminal, temporary = demo_process(tmp_path)
    try:
        terminal.wait_for(b"Step plan")
        terminal.press("\x03")
        assert terminal.process.wait(timeout=20) == 130
        terminal.read(0.5)
        assert b"Traceback" not in terminal.output
    finally:
        terminal.close()
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_demo_ended_by_a_signal_leaves_nothing(tmp_path: Path, signum: int) -> None:
    terminal, temporary = demo_process(tmp_path)
    try:
        terminal.wait_for(b"Step plan")
        terminal.process.send_signal(signum)
        status = terminal.process.wait(timeout=20)
        terminal.read(0.5)
        assert status == 128 + signum, terminal.output[-3000:]
        assert b"Traceback" not in terminal.output
        assert b"\x1b[?1049l" in terminal.output  # the terminal's own screen is back
    finally:
        terminal.close()
    assert list(temporary.iterdir()) == []
