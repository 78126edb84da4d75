"""Journal benchmark: how soon an action is durable, and how fast a journal loads and folds.

"An action is durable within milliseconds" and "a plan with thousands of
events stays fluid" are promises about the console's own path, so this times
exactly that: `actions.note` on a `Session` whose journal is already loaded,
and `JournalReader.poll` plus `fold` of a large journal. Machines differ, so
each figure is printed next to a baseline measured in the same run on the same
disk (a bare `os.write` + `os.fdatasync` of the same bytes; one
`tomllib.loads` of the same journal text) and as a ratio to it, beside the
targets. It prints and asserts nothing: run `python benchmarks/journal.py`.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import tempfile
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from console.clock import SystemClock
from console.incident import actions
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.fold import contact_people, fold
from console.incident.ids import new_id, short
from console.incident.session import Session
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.store.journal import JournalReader, JournalWriter, encode_event, journal_folder

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plan.toml"
SIZES = (100, 1_000, 10_000)
APPENDS = 200
LOAD_RUNS = 5
TARGET_APPEND_P95_MS = 10.0
TARGET_LOAD_FOLD_S = 0.5
SCENARIO = "A"

# How often each kind turns up in a long incident: mostly task updates and notes.
MIX: dict[str, int] = {
    "task": 35,
    "note": 25,
    "contact": 15,
    "component": 12,
    "assigned": 5,
    "restore": 3,
    "meeting": 3,
    "assessment": 2,
}


def incident_events(plan: Plan, count: int, rng: random.Random) -> Iterator[Event]:
    """`count` events of one incident against the plan, one second apart, ending a minute ago."""
    start = datetime.now(UTC) - timedelta(seconds=count + 60)
    declared_id = new_id(start)
    local = start.astimezone(ZoneInfo(plan.organisation.timezone))
    incident = f"{local:%Y%m%d}-{short(declared_id)}"
    scenario = plan.scenario(SCENARIO)
    if scenario is None:
        raise SystemExit(f"{PLAN}: no scenario {SCENARIO} to decide")
    tasks = [step.id for step in plan.steps] + [task.id for _phase, task in scenario.tasks()]
    people = contact_people(plan)
    components = [component.id for component in plan.components()]
    backups = [backup.id for backup in plan.backups]
    providers = [provider.id for provider in plan.providers]
    kinds, weights = list(MIX), list(MIX.values())

    def event(index: int, kind: str, **fields: Any) -> Event:
        at = start + timedelta(seconds=index)
        return EVENT_ADAPTER.validate_python(
            {
                "id": declared_id if index == 0 else new_id(at),
                "incident": incident,
                "at": at,
                "recorded_at": at,
                "actor": rng.choice(("coordinator", "sysadmin", "staff")),
                "host": "bench",
                "kind": kind,
                **fields,
            }
        )

    yield event(0, "declared", summary="benchmark: fire in the server room")
    yield event(1, "decided", scenario=SCENARIO, note="the main building is lost")
    tickets = [f"{provider}-{index:04d}" for index, provider in enumerate(rng.sample(providers, 2))]
    yield event(2, "ticket-opened", ticket=tickets[0], provider=tickets[0].split("-")[0])
    yield event(3, "ticket-opened", ticket=tickets[1], provider=tickets[1].split("-")[0])
    for index in range(4, count):
        if index == count // 2:
            yield event(index, "ticket-closed", ticket=tickets[0], note="line repaired")
            continue
        kind = rng.choices(kinds, weights)[0]
        if kind == "task":
            status = rng.choice(("doing", "done", "blocked", "done"))
            yield event(index, kind, task=rng.choice(tasks), status=status, note="update")
        elif kind == "note":
            yield event(index, kind, text=f"note {index}: called the supplier, waiting on parts")
        elif kind == "contact":
            result = rng.choice(("reached", "no-answer", "reached"))
            yield event(index, kind, person=rng.choice(people), result=result)
        elif kind == "component":
            status = rng.choice(("down", "degraded", "up"))
            yield event(index, kind, component=rng.choice(components), status=status)
        elif kind == "assigned":
            yield event(index, kind, task=rng.choice(tasks), person=rng.choice(people))
        elif kind == "restore":
            status = rng.choice(("planned", "running", "restored"))
            yield event(index, kind, system=rng.choice(backups), status=status)
        else:
            yield event(index, kind, note=f"{kind} {index}")


def build(plan: Plan, state: Path, count: int) -> str:
    """Write an incident of `count` events with one writer (one durable append each)."""
    writer = JournalWriter(state, "bench")
    incident = ""
    for event in incident_events(plan, count, random.Random(count)):
        writer.append(event)
        incident = event.incident
    writer.close()
    return incident


def p95(samples: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def append_times(plan: Plan, state: Path) -> tuple[list[float], bytes]:
    """Seconds from `actions.note` to its return (durable), on a session already loaded."""
    session = Session(plan, state, SystemClock(), login="bench", host="bench")
    session.refresh()
    incident = session.select().id
    session.state(incident)  # the console has its state folded before anyone types
    samples = []
    last: Event | None = None
    for index in range(APPENDS):
        start = time.perf_counter()
        last = actions.note(session, f"benchmark note {index}: waiting on the supplier")
        samples.append(time.perf_counter() - start)
    session.close()
    assert last is not None
    return samples, encode_event(last)


def baseline_append_times(folder: Path, chunk: bytes) -> list[float]:
    """Seconds for a bare write + fdatasync of the same bytes to a plain file."""
    fd = os.open(folder / "baseline.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        samples = []
        for _ in range(APPENDS):
            start = time.perf_counter()
            os.write(fd, chunk)
            os.fdatasync(fd)
            samples.append(time.perf_counter() - start)
        return samples
    finally:
        os.close(fd)


def load_and_fold(plan: Plan, state: Path) -> tuple[float, float, float, int]:
    """Median seconds to load, to fold, and to `tomllib.loads` the same text; and the count."""
    text = "".join(p.read_text("utf-8") for p in sorted(journal_folder(state).glob("*.toml")))
    loads, folds, baselines = [], [], []
    count = 0
    for _ in range(LOAD_RUNS):
        start = time.perf_counter()
        events = JournalReader(state).poll().events
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        fold(plan, events)
        folds.append(time.perf_counter() - start)
        start = time.perf_counter()
        tomllib.loads(text)
        baselines.append(time.perf_counter() - start)
        count = len(events)
    return statistics.median(loads), statistics.median(folds), statistics.median(baselines), count


def main() -> None:
    """Build the journals, time appends per size, then load and fold the largest."""
    plan = load_plan(PLAN)
    print(f"drp journal benchmark: {platform.python_implementation()} {platform.python_version()}")
    print(f"on {os.cpu_count()} cpus; plan {PLAN.name}; timer time.perf_counter")
    with tempfile.TemporaryDirectory(prefix="drp-bench-") as temp:
        base = Path(temp)
        print(f"journals in {base} (the baselines write to the same disk)")
        states = {}
        for size in SIZES:
            states[size] = base / f"state-{size}"
            start = time.perf_counter()
            build(plan, states[size], size)
            seconds = time.perf_counter() - start
            print(f"  built {size:>6,} events in {seconds:5.2f} s")

        load, folding, baseline_load, count = load_and_fold(plan, states[SIZES[-1]])

        print()
        print(f"action to durable: actions.note on a loaded Session, {APPENDS} appends per size")
        print("  baseline: os.write + os.fdatasync of the same bytes to a plain file")
        header = ("events", "median", "p95", "base med", "base p95", "med/base", "p95/base")
        print("  {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}".format(*header))
        for size in SIZES:
            samples, chunk = append_times(plan, states[size])
            baseline = baseline_append_times(base, chunk)
            row = [statistics.median(samples), p95(samples)]
            row += [statistics.median(baseline), p95(baseline)]
            print(
                f"  {size:>7,} {row[0] * 1e3:>6.2f} ms {row[1] * 1e3:>6.2f} ms"
                f" {row[2] * 1e3:>6.2f} ms {row[3] * 1e3:>6.2f} ms"
                f" {row[0] / row[2]:>8.1f}x {row[1] / row[3]:>8.1f}x"
            )
        last = row[1] * 1e3
        verdict = "met" if last <= TARGET_APPEND_P95_MS else "NOT met"
        print(
            f"  target: p95 append <= {TARGET_APPEND_P95_MS:g} ms at {SIZES[-1]:,} events:"
            f" {last:.2f} ms, {verdict}"
        )

        print()
        print(f"load and fold of {count:,} events (median of {LOAD_RUNS} runs)")
        print(f"  load  JournalReader(dir).poll()     {load:7.3f} s")
        print(f"  fold  fold(plan, events)            {folding:7.3f} s")
        print(f"  load + fold                         {load + folding:7.3f} s")
        print(f"  baseline tomllib.loads, one call    {baseline_load:7.3f} s")
        print(f"  load / baseline                     {load / baseline_load:7.1f}x")
        print(f"  (load + fold) / baseline            {(load + folding) / baseline_load:7.1f}x")
        verdict = "met" if load + folding <= TARGET_LOAD_FOLD_S else "NOT met"
        print(
            f"  target: load + fold of {SIZES[-1]:,} events <= {TARGET_LOAD_FOLD_S:g} s:"
            f" {load + folding:.3f} s, {verdict}"
        )


if __name__ == "__main__":
    main()
