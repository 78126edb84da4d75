"""Report benchmark: every report of a 10,000-event incident, in every format, within 1 s.

The coordinator exports a report in the middle of a long disaster, from the
command line or the console; it must not keep them waiting. This times the
whole command a person runs, `drp report` as a real process (start, load
and fold the journal, build, render, write), for the status report and the
after-action report in every format, against `drp status --json` on the same
journal, measured in the same run: the ratio says what a report costs on top
of reading the incident at all. It prints and asserts nothing: run
`python -m benchmarks.report` from the repository.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.journal import build  # the same realistic incident as the journal benchmark
from console.plan.loader import load_plan
from console.report.reports import report_formats

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plan.toml"
EVENTS = 10_000
RUNS = 3
TARGET_S = 1.0


def timed(args: list[str], env: dict[str, str]) -> float:
    """The median wall time of `drp ARGS` as a real process, over `RUNS` runs."""
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "console", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    plan = load_plan(PLAN)
    with tempfile.TemporaryDirectory() as folder:
        state = Path(folder) / "state"
        build(plan, state, EVENTS)
        env = {**os.environ, "DRP_PLAN": str(PLAN), "DRP_STATE": str(state)}
        now = ["--now", time.strftime("%Y-%m-%dT%H:%M:%S%z")]
        print(f"drp report, {EVENTS:,} events, median of {RUNS} runs as real processes")
        print(
            f"  python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores"
        )
        base = timed(["status", "--json", *now], env)
        print(f"  baseline: drp status --json            {base:6.2f} s")
        worst = 0.0
        for kind in ("status", "after-action"):
            for fmt in report_formats():
                seconds = timed(["report", "--kind", kind, "--format", fmt, *now], env)
                worst = max(worst, seconds)
                verdict = "ok" if seconds <= TARGET_S else "SLOW"
                print(
                    f"  {kind:<12} {fmt:<5} {seconds:6.2f} s   "
                    f"ratio {seconds / base:4.2f}   target <= {TARGET_S:.1f} s: {verdict}"
                )
        print(f"  slowest report: {worst:.2f} s ({worst / base:.2f}x drp status --json)")


if __name__ == "__main__":
    main()
