"""Startup, idle traffic and large-plan figures of the console, as ratios against baselines.

Run: python benchmarks/startup.py. Everything runs through a real pseudo-terminal
of 80x24, as over SSH, and every baseline is measured in the same run:

- startup: process start to the incident's clocks on screen (the header's
  "T+"), in `drp` with an active incident, against process start to the first
  frame of an empty Textual app with a header, a TabbedContent of six panes
  and a footer; the two alternate and the medians are compared (target
  <= 1.5). Beside it: the console complete, the overview filled in once the
  plan is checked and the journal read ("Step plan");
- idle bytes: bytes per second written to the terminal while idle on the
  overview tab, against a minimal app that updates one label each second
  (target <= 3);
- large plan: a generated plan with 2,000 contacts and 1,000 tasks against the
  shipped plan, for the console complete (target <= 2) and for the time from a
  keystroke in the contact search to the next frame (target <= 50 ms).

It prints figures and ratios; it asserts nothing. Python files are compiled
first, as `pip install` does, so that neither program pays for compiling.
"""

from __future__ import annotations

import compileall
import contextlib
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plan.toml"
ROUNDS = 5
CLOCKS = b"T+"
"""In the header's second line once the incident's clocks are on screen."""


def complete_marker() -> bytes:
    """ "Step plan" in the language the console will speak (the plan's, unless DRP_LANG says)."""
    import gettext

    sys.path.insert(0, str(ROOT))  # this checkout's drp, as `python -m console` runs it here
    from console.i18n import LOCALE_DIR, choose

    language = choose(None, tomllib.loads(PLAN.read_text("utf-8"))["organisation"]["language"])
    words = gettext.translation("drp", LOCALE_DIR, [language.language], fallback=True)
    return words.gettext("Step plan").encode("utf-8")


COMPLETE = complete_marker()
"""In the overview once the plan is checked and the journal read."""

BASELINE_STARTUP = """
from textual.app import App
from textual.widgets import Footer, Header, Label, TabbedContent, TabPane

class Baseline(App):
    def compose(self):
        yield Header()
        with TabbedContent():
            for n in range(6):
                with TabPane(f"Tab {n}"):
                    yield Label(f"pane {n} ready")
        yield Footer()

Baseline().run()
"""

BASELINE_IDLE = """
from datetime import datetime
from textual.app import App
from textual.widgets import Label

class Ticker(App):
    def compose(self):
        yield Label("pane 0 ready", id="clock")
    def on_mount(self):
        self.set_interval(1, self.tick)
    def tick(self):
        self.query_one("#clock", Label).update(f"{datetime.now():%H:%M:%S}")

Ticker().run()
"""


class Terminal:
    """A program running in an 80x24 pseudo-terminal."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        full_env = {
            **{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
            "TERM": "xterm-256color",
            "COLUMNS": "80",
            "LINES": "24",
            **(env or {}),
        }
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def read(self, timeout: float) -> int:
        """Read what arrives within `timeout` seconds; return the number of bytes."""
        end = time.perf_counter() + timeout
        total = 0
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            self.output += chunk
            total += len(chunk)
        return total

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds from process start until `marker` has been written."""
        end = time.perf_counter() + timeout
        while marker not in self.output:
            if time.perf_counter() > end:
                raise TimeoutError(marker)
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                self.output += os.read(self.master, 65536)
        return time.perf_counter() - self.started

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def drp(plan: Path, state: Path) -> list[str]:
    return [sys.executable, "-m", "console", "--plan", str(plan), "--state", str(state)]


def script(workdir: Path, name: str, text: str) -> list[str]:
    path = workdir / name
    path.write_text(text)
    return [sys.executable, str(path)]


def declare(plan: Path, state: Path) -> None:
    subprocess.run(
        [*drp(plan, state), "declare", "--summary", "benchmark", "--at", "2026-03-28T10:00"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    subprocess.run(
        [*drp(plan, state), "decide", "A", "--at", "2026-03-28T11:00"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def large_plan(workdir: Path) -> Path:
    data = tomllib.loads(PLAN.read_text("utf-8"))
    people = data["people"]
    for n in range(2000 - len(people)):
        people.append(
            {
                "id": f"person-{n:04d}",
                "name": f"Medewerker {n:04d} Janssens",
                "function": "Maatschappelijk werker" if n % 2 else "Administratief medewerker",
                "phone": f"+32 470 {n // 100:02d} {n % 100:02d} 00",
                "roles": ["staff"],
            }
        )
    scenario = next(s for s in data["scenarios"] if s["id"] == "A")
    for n in range(
        1000
        - sum(
            len(s.get(k, []))
            for s in data["scenarios"]
            for k in ("priorities", "technical", "organisational")
        )
    ):
        scenario["technical"].append(
            {
                "id": f"a-gen-{n:04d}",
                "title": f"Taak {n:04d}: controle van werkpost",
                "owner": "ict",
                "due_hours": 1 + n % 70,
            }
        )
    path = workdir / "large.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    path.chmod(0o600)
    return path


def startup(argv: list[str], markers: tuple[bytes, ...]) -> list[float]:
    """Seconds from process start until each marker has been written, in order."""
    terminal = Terminal(argv)
    try:
        return [terminal.wait_for(marker) for marker in markers]
    finally:
        terminal.close()


def median_startups(runs: list[tuple[list[str], tuple[bytes, ...]]]) -> list[list[float]]:
    """Alternate the programs ROUNDS times; the median time to each marker of each."""
    times: list[list[list[float]]] = [[] for _ in runs]
    for _ in range(ROUNDS):
        for index, (argv, markers) in enumerate(runs):
            times[index].append(startup(argv, markers))
    return [[statistics.median(column) for column in zip(*t, strict=True)] for t in times]


def idle_rate(argv: list[str], marker: bytes, seconds: float = 61.0) -> float:
    terminal = Terminal(argv)
    try:
        terminal.wait_for(marker)
        terminal.read(3.0)  # let it settle
        return terminal.read(seconds) / seconds
    finally:
        terminal.close()


def keystroke_latency(plan: Path, state: Path) -> float:
    terminal = Terminal(drp(plan, state))
    try:
        terminal.wait_for(b"Zonnedaal")
        terminal.read(2.0)
        terminal.press("3")
        terminal.read(2.0)
        terminal.press("/")
        terminal.read(1.0)
        samples = []
        for char in "janssens 12":
            terminal.read(0.3)
            sent = time.perf_counter()
            terminal.press(char)
            ready, _, _ = select.select([terminal.master], [], [], 5.0)
            if ready:
                samples.append(time.perf_counter() - sent)
                terminal.read(0.2)
        return statistics.median(samples)
    finally:
        terminal.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="drp-startup-") as tmp:
        workdir = Path(tmp)
        state, large_state = workdir / "state", workdir / "large-state"
        shipped = workdir / "plan.toml"
        shipped.write_text(PLAN.read_text("utf-8"), encoding="utf-8")
        shipped.chmod(0o600)
        declare(shipped, state)
        large = large_plan(workdir)
        declare(large, large_state)
        baseline = script(workdir, "baseline.py", BASELINE_STARTUP)
        ticker = script(workdir, "ticker.py", BASELINE_IDLE)

        compileall.compile_dir(ROOT / "console", quiet=1)
        print(
            f"drp console benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} cpus, "
            f"80x24 pty, {ROUNDS} alternating rounds"
        )
        [base], [clocks, complete] = median_startups(
            [(baseline, (b"pane 0 ready",)), (drp(shipped, state), (CLOCKS, COMPLETE))]
        )
        print("\nstartup: process start to the incident's clocks on screen (median)")
        print(f"  baseline: header + 6 tabs + footer   {base * 1000:7.0f} ms   (first frame)")
        print(f"  drp, active incident                  {clocks * 1000:7.0f} ms")
        print(f"  ratio {clocks / base:.2f}   target <= 1.5")
        print(f"  drp complete, plan checked, overview  {complete * 1000:7.0f} ms")
        print(f"  ratio {complete / base:.2f}   (no target)")

        print("\nidle traffic on the overview tab (61 s, so a minute turns, after 3 s to settle)")
        base_rate = idle_rate(ticker, b"pane 0 ready")
        our_rate = idle_rate(drp(shipped, state), b"Zonnedaal")
        print(f"  baseline: one label each second       {base_rate:7.0f} B/s")
        print(f"  drp, active incident                  {our_rate:7.0f} B/s")
        print(f"  ratio {our_rate / base_rate:.2f}   target <= 3")

        [small_clocks, small], [big_clocks, big] = median_startups(
            [
                (drp(shipped, state), (CLOCKS, COMPLETE)),
                (drp(large, large_state), (CLOCKS, COMPLETE)),
            ]
        )
        print("\nlarge plan: 2,000 contacts, 1,000 tasks (the console complete)")
        print(f"  startup, shipped plan                 {small * 1000:7.0f} ms")
        print(f"  startup, large plan                   {big * 1000:7.0f} ms")
        print(f"  ratio {big / small:.2f}   target <= 2")
        print(f"  clocks on screen: {small_clocks * 1000:.0f} ms and {big_clocks * 1000:.0f} ms")
        latency = keystroke_latency(large, large_state)
        print(f"  contact search, keystroke to frame    {latency * 1000:7.1f} ms   target <= 50 ms")


if __name__ == "__main__":
    main()
