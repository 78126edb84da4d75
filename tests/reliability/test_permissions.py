"""Journal files are 0640 and folders 3770 whatever the umask, and a setgid folder shares its group.

The plan is confidential, so nothing the program writes may be world-readable;
a crisis team shares one state directory through a group, so a setgid state
directory keeps its bit and new journal files take its group. `drp` runs as
a real process here, with the umask set for that process alone.
"""

from __future__ import annotations

import grp
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from console.store.journal import journal_folder
from tests.conftest import MINIMAL_PLAN, ROOT
from tests.reliability.support import ENV, journal_files


def drp(state: Path, *args: str, umask: int) -> None:
    """Run `drp ARGS --plan minimal --state STATE` as a process with this umask."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            *args,
            "--plan",
            str(MINIMAL_PLAN),
            "--state",
            str(state),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=ENV,
        umask=umask,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def mode(path: Path) -> int:
    """Permission bits with setgid, as chmod takes them."""
    return stat.S_IMODE(path.stat().st_mode)


def other_group() -> int | None:
    """A group this process may give a folder to, other than its own; None if there is none."""
    root = os.geteuid() == 0
    candidates = [g.gr_gid for g in grp.getgrall()] if root else list(os.getgroups())
    for gid in sorted(candidates, key=lambda g: g != 65534):  # nogroup first when it is there
        if gid != os.getegid():
            return gid
    return None


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o022, 0o077])
def test_modes_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    """Folders the writer makes are 3770 (setgid, sticky), its files 0640: none world-readable."""
    state = tmp_path / "state"
    drp(state, "declare", "--summary", "umask test", umask=umask)
    assert mode(state) == 0o3770
    assert mode(journal_folder(state)) == 0o3770
    files = journal_files(state)
    assert [mode(path) for path in files] == [0o640]
    assert files[0].stat().st_mode & 0o007 == 0


def test_setgid_state_dir_keeps_its_bit(tmp_path: Path) -> None:
    """A state dir made 2770 by its owner stays so; the journal folder drp makes is 3770."""
    state = tmp_path / "state"
    state.mkdir()
    state.chmod(0o2770)
    drp(state, "declare", "--summary", "setgid", umask=0o077)
    assert mode(state) == 0o2770
    assert mode(journal_folder(state)) == 0o3770
    assert [mode(path) for path in journal_files(state)] == [0o640]


def test_a_state_dir_created_in_a_setgid_folder_keeps_the_bit(tmp_path: Path) -> None:
    """The writer creates the state dir inside a setgid folder: the bit is not chmod-ed away."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o2770)
    state = shared / "state"
    drp(state, "declare", "--summary", "setgid parent", umask=0o022)
    assert mode(state) == 0o3770
    assert mode(journal_folder(state)) == 0o3770
    assert [mode(path) for path in journal_files(state)] == [0o640]


def test_new_files_take_the_group_of_a_setgid_state_dir(tmp_path: Path) -> None:
    """Every folder and file the writer makes belongs to the state dir's group."""
    gid = other_group()
    if gid is None:
        pytest.skip("no group other than this process's own to give the state dir")
    state = tmp_path / "state"
    state.mkdir()
    os.chown(state, -1, gid)
    state.chmod(0o2770)
    drp(state, "declare", "--summary", "shared group", umask=0o077)
    drp(state, "note", "by the team", umask=0o077)
    assert state.stat().st_gid == gid
    assert journal_folder(state).stat().st_gid == gid
    files = journal_files(state)
    assert len(files) == 2
    for path in files:
        assert path.stat().st_gid == gid, path
        assert mode(path) == 0o640
