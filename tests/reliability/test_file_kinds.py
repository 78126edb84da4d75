"""Only regular files are read: a pipe, a device, a socket or a link is reported, never waited on.

On a shared host every member can put anything in the journal folder, and
anyone can type any path as the plan. A named pipe froze every `drp`
command and every console that read it; a link could point at another
user's file; a file of gigabytes was read whole into memory. Each case here
runs real `drp` processes with a short timeout: a hang fails the test.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from console.clock import SystemClock
from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import PREAMBLE, JournalReader, StoreError, journal_folder
from console.store.journal_text import HEADER, MAX_EVENT_BYTES
from tests.conftest import MINIMAL_PLAN, ROOT
from tests.reliability.support import ENV

TIMEOUT = 20


def drp(*args: str) -> subprocess.CompletedProcess[str]:
    """`drp ARGS` as a real process that must finish within `TIMEOUT` seconds."""
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture
def state(tmp_path: Path) -> Path:
    """A state directory with a declared incident and a note, from real processes."""
    state = tmp_path / "state"
    for args in (["declare", "--summary", "stroomuitval"], ["note", "eerste melding"]):
        done = drp(*args, "--plan", str(MINIMAL_PLAN), "--state", str(state))
        assert done.returncode == 0, done.stderr
    return state


def status(state: Path) -> subprocess.CompletedProcess[str]:
    """`drp status` on `state` with the minimal plan."""
    return drp("status", "--plan", str(MINIMAL_PLAN), "--state", str(state))


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_folder(path: Path) -> None:
    path.mkdir()


def make_link(path: Path) -> None:
    other = path.parent.parent.parent / "elsewhere.toml"
    other.write_bytes(PREAMBLE)
    path.symlink_to(other)


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))  # the name stays after the socket is closed
    server.close()


KINDS = {
    "fifo": (make_fifo, "named pipe"),
    "folder": (make_folder, "folder"),
    "link": (make_link, "symbolic link"),
    "socket": (make_socket, "socket"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_journal_entry_that_is_not_a_regular_file_is_reported_not_waited_on(
    state: Path, kind: str
) -> None:
    make, words = KINDS[kind]
    make(journal_folder(state) / f"x-{kind}.toml")
    done = status(state)
    assert done.returncode == 0, done.stderr
    assert "2 events in the timeline" in done.stdout  # everything else is read
    assert f"x-{kind}.toml" in done.stderr and words in done.stderr
    again = drp("note", "tweede", "--plan", str(MINIMAL_PLAN), "--state", str(state))
    assert again.returncode == 0, again.stderr  # writing goes on too


def test_a_device_node_in_the_journal_folder_is_not_opened(state: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (CI runs as root)")
    node = journal_folder(state) / "zero.toml"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: endless
    except PermissionError:
        pytest.skip("device nodes cannot be made here (a container without CAP_MKNOD)")
    done = status(state)
    assert done.returncode == 0, done.stderr
    assert "zero.toml" in done.stderr and "device" in done.stderr


def test_a_fifo_is_reported_once_by_a_reader_that_polls_again(state: Path) -> None:
    os.mkfifo(journal_folder(state) / "pipe.toml")
    reader = JournalReader(state)
    first = reader.poll()
    assert [d.reason for d in first.damage if d.path.name == "pipe.toml"]
    assert len(first.events) == 2
    assert reader.poll().damage == []  # a console polling every second says it once


@pytest.mark.parametrize("kind", ["fifo", "link", "folder"])
def test_a_plan_that_is_not_a_regular_file_gets_one_clear_line(tmp_path: Path, kind: str) -> None:
    plan = tmp_path / "plan.toml"
    if kind == "fifo":
        os.mkfifo(plan)
    elif kind == "folder":
        plan.mkdir()
    else:
        plan.symlink_to(MINIMAL_PLAN)
    done = drp("check", "--plan", str(plan))
    assert done.returncode == 2
    assert "plan.toml" in done.stderr and "not a plan file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_journal_file_over_64_mib_is_reported_and_not_read(state: Path) -> None:
    huge = journal_folder(state) / "huge.toml"
    with huge.open("wb") as handle:
        handle.write(PREAMBLE)
        handle.truncate(64 * 1024 * 1024 + 1)  # sparse: no disk, no memory
    done = status(state)
    assert done.returncode == 0, done.stderr
    assert "huge.toml" in done.stderr and "64 MiB" in done.stderr
    assert "2 events in the timeline" in done.stdout


def test_an_event_over_1_mib_is_reported_and_the_rest_is_read(state: Path) -> None:
    body = HEADER + b'note = "' + b"x" * (MAX_EVENT_BYTES + 1) + b'"\n'
    event = body + b'crc = "%08x"\n\n' % zlib.crc32(body)
    (journal_folder(state) / "big.toml").write_bytes(PREAMBLE + event)
    done = status(state)
    assert done.returncode == 0, done.stderr
    assert "big.toml:2" in done.stderr and "1 MiB" in done.stderr
    assert "2 events in the timeline" in done.stdout


def test_drp_refuses_to_write_an_event_over_1_mib(state: Path) -> None:
    session = Session(load_plan(MINIMAL_PLAN), state, SystemClock())
    session.refresh()
    before = sorted(journal_folder(state).iterdir())
    with pytest.raises(StoreError, match="1 MiB"):
        actions.note(session, "y" * (MAX_EVENT_BYTES + 10))
    session.close()
    assert sorted(journal_folder(state).iterdir()) == before  # no file, no trace
