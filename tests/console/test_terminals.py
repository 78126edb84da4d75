"""The console in real terminals: a pseudo-terminal of 80x24, no mouse, no colour, ansi themes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.startup import Terminal
from tests.conftest import SHIPPED_PLAN
from tests.console.conftest import Build, busy
from tests.console.test_app import header

MOUSE_ON = b"\x1b[?1000h"
GREYS = set(range(232, 256))
"""The 256-colour palette's grey ramp."""


def colours(output: bytes | bytearray) -> set[int]:
    """Every 256-colour index the output sets as foreground or background."""
    return {int(n) for n in re.findall(rb"[34]8;5;(\d+)", bytes(output))}


def console_process(tmp_path: Path, *extra: str, env: dict[str, str] | None = None) -> Terminal:
    tmp_path.mkdir(parents=True, exist_ok=True)
    plan = tmp_path / "plan.toml"
    plan.write_text(SHIPPED_PLAN.read_text("utf-8"))
    plan.chmod(0o600)
    state = tmp_path / "state"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "declare",
            "--plan",
            str(plan),
            "--state",
            str(state),
            "--at",
            "2026-03-28T10:00",
        ],
        check=True,
        capture_output=True,
    )
    return Terminal(
        [sys.executable, "-m", "console", "--plan", str(plan), "--state", str(state), *extra],
        env=env,
    )


def test_opens_in_a_real_terminal_and_quits_on_q(tmp_path: Path) -> None:
    terminal = console_process(tmp_path)
    try:
        terminal.wait_for(b"OCMW Zonnedaal")
        terminal.read(1.0)
        assert MOUSE_ON in terminal.output
        terminal.press("q")
        assert terminal.process.wait(timeout=10) == 0
    finally:
        terminal.close()


def test_no_mouse_leaves_the_mouse_alone(tmp_path: Path) -> None:
    terminal = console_process(tmp_path, "--no-mouse")
    try:
        terminal.wait_for(b"OCMW Zonnedaal")
        terminal.read(1.0)
        assert MOUSE_ON not in terminal.output
    finally:
        terminal.close()


def test_no_color_sends_no_colour(tmp_path: Path) -> None:
    terminal = console_process(tmp_path, env={"NO_COLOR": "1"})
    terminal_with = console_process(tmp_path / "with", env={})
    try:
        terminal.wait_for(b"OCMW Zonnedaal")
        terminal_with.wait_for(b"OCMW Zonnedaal")
        terminal.read(1.0)
        terminal_with.read(1.0)
        assert colours(terminal.output) <= GREYS  # only the grey ramp: no colour at all
        assert colours(terminal_with.output) - GREYS  # colours without NO_COLOR
    finally:
        terminal.close()
        terminal_with.close()


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light", "textual-dark", "textual-light"])
async def test_themes_render_every_tab(console: Build, theme: str) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
        assert header(app)[0].startswith("OCMW Zonnedaal")


async def test_no_color_in_process(console: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = console(busy)
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert "target" in header(app)[1]


def test_the_first_frame_shows_the_incident_s_clocks(tmp_path: Path) -> None:
    """With a disaster declared, the header never says "opening": its clocks come first."""
    terminal = console_process(tmp_path)
    try:
        terminal.wait_for(b"T+")
        terminal.wait_for(b"Step plan")  # the overview, once the plan is checked
        assert b"Opening the plan and the journal" not in terminal.output
        assert terminal.output.find(b"T+") < terminal.output.find(b"Step plan")
    finally:
        terminal.close()


def test_a_plan_with_mistakes_closes_the_console_and_says_where(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    text = SHIPPED_PLAN.read_text("utf-8")
    plan.write_text(text.replace('"Europe/Brussels"', '"Europe/Bruxelles"', 1), "utf-8")
    plan.chmod(0o600)
    terminal = Terminal(
        [sys.executable, "-m", "console", "--plan", str(plan), "--state", str(tmp_path / "state")]
    )
    try:
        assert terminal.process.wait(timeout=30) == 2
        terminal.read(0.5)
        line = 1 + text[: text.index('"Europe/Brussels"')].count("\n")
        assert f"{plan}:{line}:".encode() in terminal.output
        assert b"organisation.timezone" in terminal.output
        assert b"Traceback" not in terminal.output
    finally:
        terminal.close()


def test_a_missing_plan_is_reported_before_the_console_opens(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = subprocess.run(
        [sys.executable, "-m", "console", "--plan", str(missing)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{missing}: no such file")
    assert "\x1b[" not in result.stdout + result.stderr  # the terminal was never touched
