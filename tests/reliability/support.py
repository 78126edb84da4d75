"""Helpers shared by the reliability tests: writer processes, declaring, snapshots of files.

A writer is a real process (`tests.reliability.writer`) whose stdout is read
with a timeout, so that a writer that hangs fails the test instead of hanging
the suite; its acknowledged ids are the lines that are ids.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from console.clock import SystemClock
from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import journal_folder
from tests.conftest import ROOT

ULID = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "DRP_LANG": "en"}
STARTED: list[subprocess.Popen[bytes]] = []


class Writer:
    """A writer process started with a mode of `tests.reliability.writer`."""

    def __init__(self, *args: str, umask: int = -1) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writer", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=ENV,
            umask=umask,
        )
        STARTED.append(self.proc)
        self._buffer = b""

    def line(self, timeout: float = 30.0) -> str:
        """The next line the writer printed; fails the test on a timeout or an early exit."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.proc.stdout], [], [], max(left, 0))
            if not ready:
                raise AssertionError(f"writer {self.proc.args!r} printed nothing in {timeout} s")
            data = os.read(self.proc.stdout.fileno(), 65536)
            if not data:
                raise AssertionError(f"writer exited early: {self._stderr()}")
            self._buffer += data
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def send(self, text: str = "") -> None:
        """Write a line to the writer's stdin (the go signal)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()

    def kill(self) -> list[str]:
        """SIGKILL the writer; return the complete lines it printed and nobody read yet."""
        os.kill(self.proc.pid, signal.SIGKILL)
        return self._rest()

    def finish(self) -> list[str]:
        """Close its stdin, wait for a clean exit, return the lines nobody read yet."""
        lines = self._rest()
        assert self.proc.returncode == 0, self._stderr()
        return lines

    def _rest(self) -> list[str]:
        out, _err = self.proc.communicate(timeout=30)
        data = self._buffer + out
        self._buffer = b""
        complete = data[: data.rfind(b"\n") + 1]
        return complete.decode().splitlines()

    def _stderr(self) -> str:
        self.proc.kill()
        _out, err = self.proc.communicate(timeout=30)
        return err.decode(errors="replace")


def end_leftovers() -> None:
    """SIGKILL the writers a failed test left running (only those this suite started)."""
    while STARTED:
        proc = STARTED.pop()
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def ids(lines: list[str]) -> list[str]:
    """The acknowledged ids among a writer's lines."""
    return [line for line in lines if ULID.fullmatch(line)]


def declare(plan: Path, state: Path) -> str:
    """Declare a disaster through the console's own path; return the incident id."""
    session = Session(load_plan(plan), state, SystemClock())
    session.refresh()
    try:
        return actions.declare(session, summary="reliability test").incident
    finally:
        session.close()


def journal_files(state: Path) -> list[Path]:
    """Every journal file of a state directory, sorted."""
    folder = journal_folder(state)
    return sorted(folder.glob("*.toml")) if folder.exists() else []


def snapshot(state: Path) -> dict[Path, bytes]:
    """The exact bytes of every journal file, to prove that nothing was rewritten."""
    return {path: path.read_bytes() for path in journal_files(state)}


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1
