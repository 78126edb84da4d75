"""Shared test helpers: paths to the shipped plans, writing plan variants, running `drp`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console import i18n
from console.cli import main
from console.clock import FixedClock
from console.i18n import DRP_LANG, ask, reload, set_language, use

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_PLAN = ROOT / "plan.toml"
MINIMAL_PLAN = ROOT / "tests" / "fixtures" / "minimal.toml"
TEMPLATE = ROOT / "console" / "plan" / "templates" / "plan.toml"
"""The template as shipped: its comments marked for translation (`console.plan.template`)."""
FROZEN_NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


@dataclass
class Result:
    """What a `drp` run left behind."""

    status: int
    out: str
    err: str


@pytest.fixture
def clock() -> FixedClock:
    """A clock frozen on a fixed day."""
    return FixedClock(FROZEN_NOW)


@pytest.fixture
def drp(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `drp` in this process with the given arguments."""

    def run(*args: str) -> Result:
        status = main(list(args))
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


def run_drp_process(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """Run `python -m console` as a real process, on this checkout's code."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=60,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def private_copy(tmp_path: Path) -> Callable[..., Path]:
    """Write plan text (or a copy of a plan file) to a mode-0600 file in tmp_path."""

    def write(source: Path | str, name: str = "plan.toml") -> Path:
        text = source.read_text("utf-8") if isinstance(source, Path) else source
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        return path

    return write


@pytest.fixture(autouse=True)
def english_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks English, whatever the plan's language, unless it chooses another.

    The shipped plan is Dutch: without this, a test's words would depend on
    the catalogs present. `DRP_LANG=en` holds for the processes a test starts
    too; a test of the language order deletes it (`monkeypatch.delenv`) or
    sets another (`speak`).
    """
    monkeypatch.setenv(DRP_LANG, "en")
    ask(None)
    use("en")
    yield
    ask(None)
    use("en")


Messages = dict[str, dict[str | tuple[str, str], str | tuple[str, ...]]]


@pytest.fixture
def catalogs(tmp_path: Path) -> Iterator[Callable[[Messages], None]]:
    """Compile small catalogs of our own, {language: {msgid: msgstr}}, and speak from them.

    For the tests of the machinery (the choice of a catalog, dates and numbers
    in the language of the text) that must not wait for drp's own catalogs.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    def compile_(messages: Messages) -> None:
        for language, translated in messages.items():
            catalog = Catalog(locale=language, domain="drp")
            for msgid, msgstr in translated.items():
                catalog.add(msgid, msgstr)
            folder = tmp_path / "locale" / language / "LC_MESSAGES"
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / "drp.mo").open("wb") as mo:
                write_mo(mo, catalog)
        reload(tmp_path / "locale")

    shipped = i18n.LOCALE_DIR
    yield compile_
    reload(shipped)


@pytest.fixture
def english() -> None:
    """Assert on the English source strings (as every test does unless it chooses another)."""


@pytest.fixture
def speak(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    """Speak a language from here on, in this process and in the processes it starts."""

    def choose(language: str) -> str:
        monkeypatch.setenv(DRP_LANG, language)
        return set_language(None)

    return choose
