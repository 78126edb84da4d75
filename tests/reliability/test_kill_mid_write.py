"""A writer killed at any moment loses nothing it acknowledged, and its torn tail is kept.

The journal acknowledges an event only after `fdatasync`, so SIGKILL may cost
the event being written but never one already confirmed. A tail left
half-written by a dead writer is reported as damage with its file, and the
file is never rewritten; a half-written tail of a live writer (it holds its
flock) is an append in progress and is not damage.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from console.clock import SystemClock
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import PREAMBLE, JournalReader, JournalWriter, encode_event
from console.store.journal_text import Damage
from tests.conftest import MINIMAL_PLAN
from tests.reliability.support import Writer, declare, ids, journal_files, line_of, snapshot
from tests.reliability.writer import make_note

INCOMPLETE = "incomplete event at the end of the file"


def loaded_ids(state: Path) -> tuple[list[str], list[Damage]]:
    """The ids and the damage a fresh reader finds."""
    result = JournalReader(state).poll()
    return [event.id for event in result.events], result.damage


def test_sigkill_at_random_moments_loses_no_acknowledged_event(tmp_path: Path) -> None:
    """Rounds of a tight append loop killed at random: every printed id loads, once."""
    state = tmp_path / "state"
    incident = declare(MINIMAL_PLAN, state)
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    acknowledged: list[str] = []
    killed: set[Path] = set()
    for pad in (0, 0, 64_000, 256_000):  # long events: a kill may land inside write()
        before = set(journal_files(state))
        writer = Writer("notes", str(MINIMAL_PLAN), str(state), "-1", "--pad", str(pad))
        assert writer.line() == "ready"
        writer.send()
        acknowledged.append(writer.line())
        time.sleep(rng.uniform(0.01, 0.25))
        acknowledged.extend(ids(writer.kill()))
        killed |= set(journal_files(state)) - before

    files = snapshot(state)
    found, damage = loaded_ids(state)
    context = f"seed {seed}, damage {damage}"
    assert len(acknowledged) == len(set(acknowledged)) > 4, context
    assert set(acknowledged) <= set(found), context
    assert len(found) == len(set(found)), context
    assert all(d.path in killed and d.reason.startswith(INCOMPLETE) for d in damage), context
    assert snapshot(state) == files  # reading rewrote nothing

    writer = Writer("notes", str(MINIMAL_PLAN), str(state), "3")
    assert writer.line() == "ready"
    writer.send()
    later = ids(writer.finish())
    assert len(later) == 3
    assert {p: b for p, b in snapshot(state).items() if p in files} == files
    found_after, damage_after = loaded_ids(state)
    assert sorted(found_after) == sorted([*found, *later])
    assert damage_after == damage

    session = Session(load_plan(MINIMAL_PLAN), state, SystemClock())
    session.refresh()
    assert len(session.state(incident).timeline) == len(found_after), context


def test_torn_tail_of_a_killed_writer_is_reported_and_kept(tmp_path: Path) -> None:
    """Half an event, then SIGKILL: not damage while alive; then reported, kept byte for byte."""
    state = tmp_path / "state"
    incident = declare(MINIMAL_PLAN, state)
    writer = Writer("torn", str(state), incident, "3")
    acknowledged = [writer.line() for _ in range(3)]
    torn = Path(writer.line().removeprefix("torn "))

    reader = JournalReader(state)
    alive = reader.poll()  # the writer still holds its lock: an append in progress
    assert alive.damage == []
    assert set(acknowledged) <= {e.id for e in alive.events}

    writer.kill()
    before = torn.read_bytes()
    assert not before.endswith(b"\n\n")
    tear = before.rfind(b"\n\n") + 2  # where the half-written event begins

    dead = reader.poll()
    assert dead.events == []
    assert [(d.path, d.line) for d in dead.damage] == [(torn, line_of(before, tear))]
    assert dead.damage[0].reason.startswith(INCOMPLETE)
    assert str(torn) in str(dead.damage[0])
    assert torn.read_bytes() == before
    assert reader.poll().damage == []  # reported once per reader

    found, damage = loaded_ids(state)
    assert set(acknowledged) <= set(found)
    assert damage == dead.damage
    assert torn.read_bytes() == before

    after = Writer("notes", str(MINIMAL_PLAN), str(state), "2")
    assert after.line() == "ready"
    after.send()
    lines = after.finish()
    later = ids(lines)
    assert Path(lines[-1].removeprefix("file ")) != torn
    assert torn.read_bytes() == before
    found_after, damage_after = loaded_ids(state)
    assert sorted(found_after) == sorted([*found, *later])
    assert damage_after == damage

    session = Session(load_plan(MINIMAL_PLAN), state, SystemClock())
    session.refresh()
    assert len(session.state(incident).timeline) == 1 + 3 + 2
    assert session.damage == damage


def test_torn_tail_of_a_live_writer_is_not_damage(tmp_path: Path) -> None:
    """In one process: the writer holds its flock, so its half-written tail is left for later."""
    state = tmp_path / "state"
    writer = JournalWriter(state)
    first = make_note("I", "complete")
    writer.append(first)
    assert writer.path is not None
    chunk = encode_event(make_note("I", "half"))
    with writer.path.open("ab") as handle:  # another descriptor: the writer's lock stays
        handle.write(chunk[: len(chunk) // 2])
    data = writer.path.read_bytes()

    reader = JournalReader(state)
    result = reader.poll()
    assert [e.id for e in result.events] == [first.id]
    assert result.damage == []
    assert reader.poll().damage == []
    assert JournalReader(state).poll().damage == []

    writer.close()  # the lock is gone: now the tail is damage
    result = reader.poll()
    assert result.events == []
    assert [(d.path, d.line) for d in result.damage] == [
        (writer.path, line_of(data, len(PREAMBLE) + len(encode_event(first))))
    ]
    assert writer.path.read_bytes() == data


def test_event_finished_while_being_read_is_not_damage(tmp_path: Path) -> None:
    """A reader that caught an append half-way loads it later, and reports no damage."""
    state = tmp_path / "state"
    writer = Writer("late", str(state), "I", "--bulk", "20000", "--delay", "0.2")
    first = writer.line()
    assert writer.line().startswith("ready ")
    reader = JournalReader(state)
    result = reader.poll()  # parsing the bulk takes longer than the writer needs to finish
    last = writer.line()
    again = reader.poll()
    writer.finish()
    assert result.damage + again.damage == []
    assert {first, last} <= {e.id for e in result.events + again.events}
