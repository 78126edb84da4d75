"""Many processes appending to one state directory at once lose nothing and duplicate nothing.

Each process writes a file of its own, so concurrent writers need no locks
between them; these tests run real processes side by side (started together
on a go signal) and check every acknowledged event against what a reader
loads, both a reader that polls while they write and a fresh one afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from console.store.journal import JournalReader
from tests.conftest import MINIMAL_PLAN, ROOT, run_drp_process
from tests.reliability.support import ENV, Writer, declare, ids, journal_files

WRITERS = 6
EVENTS_EACH = 40


def test_concurrent_writers_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    """N processes append M notes each at once: every acknowledged note is there exactly once."""
    state = tmp_path / "state"
    declare(MINIMAL_PLAN, state)
    writers = [
        Writer("notes", str(MINIMAL_PLAN), str(state), str(EVENTS_EACH)) for _ in range(WRITERS)
    ]
    for writer in writers:
        assert writer.line() == "ready"
    for writer in writers:
        writer.send()

    live = JournalReader(state)
    seen: Counter[str] = Counter()
    damage = []
    deadline = time.monotonic() + 30
    while sum(seen.values()) < 1 + WRITERS * EVENTS_EACH and time.monotonic() < deadline:
        result = live.poll()
        seen.update(event.id for event in result.events)
        damage.extend(result.damage)
        time.sleep(0.002)

    acknowledged: dict[Path, list[str]] = {}
    for writer in writers:
        lines = [writer.line() for _ in range(EVENTS_EACH + 1)]
        assert lines[-1].startswith("file "), lines[-1]
        acknowledged[Path(lines[-1].removeprefix("file "))] = ids(lines)
    result = live.poll()  # the writers still hold their locks: nothing is torn
    seen.update(event.id for event in result.events)
    damage.extend(result.damage)
    for writer in writers:
        writer.finish()

    every_id = [i for got in acknowledged.values() for i in got]
    assert len(every_id) == WRITERS * EVENTS_EACH
    assert len(set(every_id)) == len(every_id)
    assert damage == []
    assert {i for i, n in seen.items() if n > 1} == set()
    assert set(every_id) <= set(seen)
    assert len(seen) == 1 + WRITERS * EVENTS_EACH

    fresh = JournalReader(state).poll()
    assert fresh.damage == []
    assert Counter(e.id for e in fresh.events) == Counter(seen)

    assert len(acknowledged) == WRITERS  # one file per process, and one for the declaration
    assert len(journal_files(state)) == WRITERS + 1
    for path, own in acknowledged.items():
        text = path.read_text("utf-8")
        written = [line.split('"')[1] for line in text.splitlines() if line.startswith("id = ")]
        assert written == own  # in order, and nobody else's


def test_concurrent_cli_notes(tmp_path: Path) -> None:
    """`drp note` from several processes at once: each recorded, counted by `drp status`."""
    state = tmp_path / "state"
    common = ["--plan", str(MINIMAL_PLAN), "--state", str(state)]
    assert run_drp_process("declare", "--summary", "flood", *common).status == 0
    processes, rounds = 4, 2
    for round_number in range(rounds):
        running = [
            subprocess.Popen(
                [sys.executable, "-m", "console", "note", f"round {round_number} #{n}", *common],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=ENV,
            )
            for n in range(processes)
        ]
        for process in running:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            assert "note" in out
            assert err == ""

    status = run_drp_process("status", "--json", *common)
    assert status.status == 0
    assert status.err == ""
    assert json.loads(status.out)["timeline_count"] == 1 + processes * rounds
    assert len(journal_files(state)) == 1 + processes * rounds
    loaded = JournalReader(state).poll()
    assert loaded.damage == []
    assert len({e.id for e in loaded.events}) == len(loaded.events) == 1 + processes * rounds


def test_first_appends_to_a_fresh_state_dir_at_once(tmp_path: Path) -> None:
    """Several processes whose first append creates the state directory all succeed."""
    base = tmp_path / "states"
    base.mkdir()
    count, racers = 60, 3  # about ten collisions a run on two cores; never none so far
    writers = [Writer("rounds", str(base), str(count), "--gap", "0.01") for _ in range(racers)]
    for writer in writers:
        assert writer.line() == "ready"
    start = time.time() + 0.2
    for writer in writers:
        writer.send(repr(start))
    lines = [line for writer in writers for line in writer.finish()]
    failures = [line for line in lines if line.startswith("fail")]
    assert failures == []
    assert len(ids(lines)) == racers * count
