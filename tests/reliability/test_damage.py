"""A damaged journal file is reported with its path and line, skipped, and kept as it is.

Disks flip bytes, copies get cut short and people open journal files in an
editor. Each event carries its own checksum, so one bad event costs only that
event: the rest of the file and every other file still load, the damage is
reported once with file and line, and nothing rewrites the damaged file.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.clock import SystemClock
from console.incident import actions
from console.incident.events import Event
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import PREAMBLE, JournalReader, journal_folder
from console.store.journal_text import Damage
from tests.conftest import MINIMAL_PLAN, run_drp_process
from tests.reliability.support import journal_files, line_of, snapshot

HEADER = re.compile(rb"^\[\[events\]\]\n", re.MULTILINE)
INCOMPLETE = "incomplete event at the end of the file"


@dataclass
class Journal:
    """One journal file of five events (a declaration and four notes), and where each starts."""

    state: Path
    incident: str
    path: Path
    data: bytes
    ids: list[str]
    starts: list[int]

    def line(self, index: int) -> int:
        """The line of event `index`'s `[[events]]` header."""
        return line_of(self.data, self.starts[index])

    def chunk(self, index: int) -> tuple[int, int]:
        """Where event `index`'s bytes begin and end (its blank line included)."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.data)
        return self.starts[index], end

    def others(self, index: int) -> set[str]:
        """The ids of every event but `index`."""
        return set(self.ids) - {self.ids[index]}

    def load(self, data: bytes) -> tuple[set[str], list[Damage]]:
        """Write `data` over the file and read the state dir with a fresh reader."""
        self.path.write_bytes(data)
        result = JournalReader(self.state).poll()
        return {e.id for e in result.events}, result.damage


def write_journal(state: Path, notes: int = 4) -> Journal:
    """A declaration and some notes through the console's own path, in one file."""
    session = Session(load_plan(MINIMAL_PLAN), state, SystemClock())
    session.refresh()
    written: list[Event] = [actions.declare(session, summary="fire in the server room")]
    written += [actions.note(session, f"note {n}: the usual words") for n in range(notes)]
    session.close()
    assert session.writer.path is not None
    data = session.writer.path.read_bytes()
    starts = [match.start() for match in HEADER.finditer(data)]
    ids = [e.id for e in written]
    return Journal(state, written[0].incident, session.writer.path, data, ids, starts)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    """Five healthy events in one file."""
    return write_journal(tmp_path / "state")


def test_a_flipped_byte_costs_only_its_event(journal: Journal) -> None:
    """A bit flipped inside the middle event: that event reported with path and line."""
    data = bytearray(journal.data)
    data[data.index(b"note 1") + 2] ^= 0x01
    reader = JournalReader(journal.state)
    journal.path.write_bytes(bytes(data))
    result = reader.poll()
    assert {e.id for e in result.events} == journal.others(2)
    assert result.damage == [
        Damage(journal.path, journal.line(2), "event damaged (checksum mismatch)")
    ]
    assert str(journal.path) in str(result.damage[0])
    assert reader.poll().damage == []  # reported once
    assert journal.path.read_bytes() == bytes(data)


@pytest.mark.parametrize("replace", [lambda b: b ^ 0x01, lambda b: 0xFF], ids=["flip", "0xff"])
def test_any_byte_of_the_middle_event_is_caught(
    journal: Journal, replace: Callable[[int], int]
) -> None:
    """Every byte of the middle event, changed in turn: the others load, damage is reported."""
    start, end = journal.chunk(2)
    for position in range(start, end - 1):  # the last byte separates events: see below
        data = bytearray(journal.data)
        data[position] = replace(data[position])
        if bytes(data) == journal.data:
            continue
        found, damage = journal.load(bytes(data))
        where = f"byte {position - start} of the event ({journal.data[position : position + 1]!r})"
        assert found <= set(journal.ids), where
        assert journal.others(2) <= found, where
        assert damage, where
        assert all(d.path == journal.path for d in damage), where
        assert all(journal.line(2) <= d.line < journal.line(3) for d in damage), where


def test_a_damaged_separator_loses_no_intact_event(journal: Journal) -> None:
    """The blank line between events 2 and 3 damaged: every event still loads."""
    _start, end = journal.chunk(2)
    data = bytearray(journal.data)
    assert data[end - 1 : end] == b"\n"
    data[end - 1] = ord("x")
    found, damage = journal.load(bytes(data))
    assert damage  # something is wrong and is said
    assert found == set(journal.ids)


def test_garbage_appended(journal: Journal) -> None:
    """Junk after the last event: everything loads, the junk is reported at its line."""
    found, damage = journal.load(journal.data + b"\x00\x01 not toml at all \xff\xfe\n\x00")
    assert found == set(journal.ids)
    assert [(d.path, d.line) for d in damage] == [
        (journal.path, line_of(journal.data, len(journal.data)))
    ]
    assert damage[0].reason.startswith(INCOMPLETE)


def test_garbage_between_events(journal: Journal) -> None:
    """Junk between two events: both events load, the junk is reported."""
    start, _end = journal.chunk(3)
    data = journal.data[:start] + b"garbage \xff\n" + journal.data[start:]
    found, damage = journal.load(data)
    assert found == set(journal.ids)
    assert [(d.path, d.line) for d in damage] == [(journal.path, journal.line(3))]


def test_truncated_in_the_middle(journal: Journal) -> None:
    """A copy cut short inside the middle event: the events before it load, the cut is reported."""
    start, end = journal.chunk(2)
    found, damage = journal.load(journal.data[: (start + end) // 2])
    assert found == {journal.ids[0], journal.ids[1]}
    assert [(d.path, d.line) for d in damage] == [(journal.path, journal.line(2))]
    assert damage[0].reason.startswith(INCOMPLETE)


def test_non_utf8_byte(journal: Journal) -> None:
    """A byte that is not UTF-8 inside an event: with or without a matching checksum."""
    start, end = journal.chunk(2)
    data = bytearray(journal.data)
    data[data.index(b"the usual", start)] = 0xFF
    found, damage = journal.load(bytes(data))
    assert found == journal.others(2)
    assert [(d.path, d.line) for d in damage] == [(journal.path, journal.line(2))]

    body_end = data.index(b'crc = "', start)
    body = bytes(data[start:body_end])
    resealed = body + b'crc = "%08x"\n\n' % zlib.crc32(body)  # as if written that way
    found, damage = journal.load(bytes(data[:start]) + resealed + journal.data[end:])
    assert found == journal.others(2)
    assert [(d.path, d.line) for d in damage] == [(journal.path, journal.line(2))]
    assert damage[0].reason.startswith("event unreadable")


def test_empty_and_preamble_only_files(journal: Journal) -> None:
    """A writer that died before its first event leaves these: no events, no damage."""
    folder = journal_folder(journal.state)
    (folder / "host-empty.toml").write_bytes(b"")
    (folder / "host-preamble.toml").write_bytes(PREAMBLE)
    result = JournalReader(journal.state).poll()
    assert {e.id for e in result.events} == set(journal.ids)
    assert result.damage == []


def test_a_file_of_random_bytes(journal: Journal) -> None:
    """A file that is noise: reported with its path; the healthy file loads."""
    noise = journal_folder(journal.state) / "host-noise.toml"
    noise.write_bytes(random.Random(7).randbytes(8192))
    result = JournalReader(journal.state).poll()
    assert {e.id for e in result.events} == set(journal.ids)
    assert result.damage
    assert {d.path for d in result.damage} == {noise}


def test_drp_on_a_damaged_state_dir(journal: Journal) -> None:
    """`drp status` and `drp note` say where the damage is, exit 0, and rewrite nothing."""
    data = bytearray(journal.data)
    data[data.index(b"note 1") + 2] ^= 0x01
    journal.path.write_bytes(bytes(data))
    second = write_journal(journal.state.parent / "other", notes=2)
    cut = journal_folder(journal.state) / second.path.name
    cut.write_bytes(second.data[: second.starts[2] + 40])  # ends inside its third event
    noise = journal_folder(journal.state) / "host-noise.toml"
    noise.write_bytes(b"\xff\xfe garbage\n")
    files = snapshot(journal.state)
    common = ["--plan", str(MINIMAL_PLAN), "--state", str(journal.state)]

    for args in (["status"], ["status", "--json"]):
        result = run_drp_process(*args, *common)
        assert result.status == 0, result.err
        assert "Traceback" not in result.err + result.out
        assert f"{journal.path}:{journal.line(2)}" in result.err
        assert f"{cut}:{second.line(2)}" in result.err
        assert str(noise) in result.err
        assert snapshot(journal.state) == files
    assert json.loads(result.out)["timeline_count"] == 2  # the later incident, cut short
    result = run_drp_process("status", "--json", "--incident", journal.incident, *common)
    assert result.status == 0, result.err
    assert json.loads(result.out)["timeline_count"] == len(journal.ids) - 1

    noted = run_drp_process("note", "still working", "--incident", journal.incident, *common)
    assert noted.status == 0, noted.err
    assert "Traceback" not in noted.err
    assert str(journal.path) in noted.err
    after = snapshot(journal.state)
    assert {p: b for p, b in after.items() if p in files} == files
    assert len(after) == len(files) + 1
    assert len(journal_files(journal.state)) == 4
