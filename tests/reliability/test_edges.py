"""Robust edges of the journal on disk: converted line ends, a full disk, a hostile event.

- A journal file whose line ends were converted to CR LF (git `autocrlf`, a
  Windows share) loads in full: its checksums are those of the LF text, and
  it is reported once, as converted, not as damage; the file is kept as it is.
- A write that fails (a full disk, a file size limit) names the real path and
  leaves no empty journal file behind, however often it is retried; a file
  that holds confirmed events is kept.
- An event nested hundreds of levels deep, checksum and all, is damage that
  is reported, not a crash of every reader.

Real files and real `drp` processes; the full disk is a real tmpfs of 64 KiB
(mounted as root, skipped where mounting is not allowed), the size limit a
real `RLIMIT_FSIZE` on the `drp` process.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.clock import SystemClock
from console.errors import EXIT_INVALID
from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import PREAMBLE, JournalReader, StoreError, journal_folder
from console.store.journal_text import HEADER
from tests.conftest import ROOT, SHIPPED_PLAN, Result, run_drp_process
from tests.reliability.support import declare, journal_files, snapshot

NOTES = ("brandweer ter plaatse", 'een "citaat" met \\ en \r erin', "laatste")


def record_notes(state: Path) -> list[str]:
    """Declare and add a few notes, each from its own process's file; return every event id."""
    ids = []
    session = Session(load_plan(SHIPPED_PLAN), state, SystemClock())
    session.refresh()
    try:
        ids.append(actions.declare(session, summary="edges").id)
    finally:
        session.close()
    for text in NOTES:
        session = Session(load_plan(SHIPPED_PLAN), state, SystemClock())
        session.refresh()
        try:
            ids.append(actions.note(session, text).id)
        finally:
            session.close()
    return ids


def convert_to_crlf(path: Path) -> None:
    """What git's `autocrlf` or a Windows share does to a text file."""
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


# Converted line ends ---------------------------------------------------------------


def test_a_journal_converted_to_crlf_loads_and_is_reported_once(tmp_path: Path) -> None:
    state = tmp_path / "state"
    ids = record_notes(state)
    for path in journal_files(state):
        convert_to_crlf(path)
    before = snapshot(state)
    reader = JournalReader(state)
    found = reader.poll()
    assert sorted(e.id for e in found.events) == sorted(ids)
    assert [e.text for e in found.events if e.kind == "note"] == list(NOTES)
    assert all(d.notice for d in found.damage), [str(d) for d in found.damage]
    assert sorted(d.path for d in found.damage) == journal_files(state)
    assert all("converted to Windows line ends (CR LF)" in d.reason for d in found.damage)
    again = reader.poll()
    assert (again.events, again.damage) == ([], [])
    assert snapshot(state) == before  # kept as it is


def test_drp_reads_a_converted_journal_and_says_so_once_per_file(tmp_path: Path) -> None:
    state = tmp_path / "state"
    record_notes(state)
    [converted, *_others] = journal_files(state)
    convert_to_crlf(converted)
    args = ("--plan", str(SHIPPED_PLAN), "--state", str(state))
    result = run_drp_process("status", "--json", *args)
    assert result.status == 0, result.err
    assert '"timeline_count": 4' in result.out
    lines = result.err.splitlines()
    assert lines == [
        f"journal file {converted}:1: converted to Windows line ends (CR LF), by git or a file "
        "share; read as drp wrote it, and kept as it is"
    ]
    assert "stopped in the middle" not in result.err
    written = run_drp_process("note", "na de conversie", *args)  # the journal is still writable
    assert written.status == 0, written.err


def test_a_torn_event_in_a_converted_file_is_damage_at_its_own_line(tmp_path: Path) -> None:
    state = tmp_path / "state"
    record_notes(state)
    path = journal_files(state)[0]
    whole = path.read_bytes()
    torn = whole[len(PREAMBLE) : len(PREAMBLE) + 40]  # half an event, its writer long gone
    path.write_bytes((whole + torn).replace(b"\n", b"\r\n"))
    found = JournalReader(state).poll()
    assert len(found.events) == 4
    damage = [d for d in found.damage if not d.notice]
    assert [(d.path, d.line) for d in damage] == [(path, whole.count(b"\n") + 1)]
    assert "incomplete event" in damage[0].reason


# A hostile event --------------------------------------------------------------------


def test_an_event_nested_too_deeply_is_damage_not_a_crash(tmp_path: Path) -> None:
    state = tmp_path / "state"
    ids = record_notes(state)
    deep = "[" * 2000 + "]" * 2000
    body = HEADER + f'id = "X"\nnote = {deep}\n'.encode()
    chunk = body + b'crc = "%08x"\n\n' % zlib.crc32(body)
    hostile = journal_folder(state) / "hand-made.toml"
    hostile.write_bytes(PREAMBLE + chunk)
    found = JournalReader(state).poll()
    assert sorted(e.id for e in found.events) == sorted(ids)
    assert [(d.path, d.line, d.reason) for d in found.damage] == [
        (hostile, 2, "event unreadable: nested too deeply")
    ]
    result = run_drp_process("status", "--plan", str(SHIPPED_PLAN), "--state", str(state))
    assert result.status == 0, result.err
    assert "nested too deeply" in result.err


# A write that fails -------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 64 KiB, filled to the last block; unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def fill(folder: Path) -> None:
    """Write a filler file until the file system is full."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(descriptor, b"x" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
    with pytest.raises(OSError):
        (folder / "probe").write_bytes(b"y" * 8192)


def test_a_full_disk_names_the_journal_and_leaves_no_empty_file(full_disk: Path) -> None:
    state = full_disk / "state"
    declare(SHIPPED_PLAN, state)
    fill(full_disk)
    before = snapshot(state)
    args = ("--plan", str(SHIPPED_PLAN), "--state", str(state))
    for _attempt in range(3):
        result = run_drp_process("note", "brandweer", *args)
        assert result.status == EXIT_INVALID, result.err
        assert result.err.splitlines() == [
            "drp: could not write the journal; the action is not confirmed: "
            f"{journal_folder(state)}: No space left on device"
        ]
    assert snapshot(state) == before  # no new file, nothing in the old one changed


def test_a_full_disk_keeps_a_file_with_confirmed_events_and_names_it(full_disk: Path) -> None:
    state = full_disk / "state"
    session = Session(load_plan(SHIPPED_PLAN), state, SystemClock())
    session.refresh()
    try:
        actions.declare(session, summary="laatste plaats op de schijf")
        written = session.writer.path
        assert written is not None
        fill(full_disk)
        with pytest.raises(StoreError) as caught:
            actions.note(session, "x" * 20_000)
        assert caught.value.reason == f"{written}: No space left on device"
    finally:
        session.close()
    assert journal_files(state) == [written]
    found = JournalReader(state).poll()
    assert [e.kind for e in found.events] == ["declared"]


def limited_drp(*args: str) -> Result:
    """`drp` in a process that may not write a single byte to any file (RLIMIT_FSIZE 0)."""

    def no_file_growth() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))

    completed = subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=no_file_growth,
        timeout=60,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def test_a_write_over_the_size_limit_leaves_no_empty_file(tmp_path: Path) -> None:
    state = tmp_path / "state"
    args = ("--plan", str(SHIPPED_PLAN), "--state", str(state))
    for _attempt in range(2):
        result = limited_drp("declare", "--summary", "geen plaats", *args)
        assert result.status == EXIT_INVALID, result.err
        assert result.err.splitlines() == [
            "drp: could not write the journal; the action is not confirmed: "
            f"{journal_folder(state)}: File too large"
        ]
    assert journal_files(state) == []
