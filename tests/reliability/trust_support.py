"""Two OS identities on one shared state directory: a coordinator (root) and a member (nobody).

The member's part runs in a real child process that has given up root for
the `nobody` user id, so the operating system, not the test, says what the
member can do. The child is forked rather than started afresh because the
interpreter may live where nobody cannot read it (a Python under /root): it
runs `drp`'s own entry point, already loaded, as nobody. Only root can switch
identities: the tests that need it skip, saying why, as any other user (CI
runs as root).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import pkgutil
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any

import pytest

import console.commands.actions
import console.commands.merge  # noqa: F401
from console.cli import main
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.ids import new_id
from console.store.journal import PREAMBLE, encode_event, journal_folder
from tests.conftest import ROOT, SHIPPED_PLAN

TIMEOUT = 30


def member_uid() -> int:
    """The unprivileged user the member's processes run as."""
    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        pytest.skip("this machine has no user 'nobody' to play the member")


needs_root = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="two OS identities are needed: run as root (CI does); the member runs as nobody",
)


@dataclass(frozen=True)
class Shared:
    """A state directory set up as the README says, shared by root and nobody's group."""

    base: Path
    plan: Path
    state: Path
    uid: int
    gid: int

    def run(self, *args: str, member: bool = False) -> Ran:
        """`drp ARGS` as a real process, as the member (nobody) or as the coordinator (root)."""
        if member:
            return self.as_member(partial(_drp_main, list(args)))
        done = subprocess.run(
            [sys.executable, "-m", "console", *args],
            capture_output=True,
            text=True,
            cwd=self.base,
            env={
                "PATH": os.environ["PATH"],
                "PYTHONPATH": str(ROOT),
                "HOME": str(self.base),
                "DRP_LANG": "en",
            },
            timeout=TIMEOUT,
            check=False,
        )
        return Ran(done.returncode, done.stdout, done.stderr)

    def drp(self, *args: str, member: bool = False) -> Ran:
        """`drp ARGS --plan PLAN --state STATE`, as the member or the coordinator."""
        return self.run(*args, "--plan", str(self.plan), "--state", str(self.state), member=member)

    def as_member(self, work: Callable[[], int]) -> Ran:
        """Run `work` in a forked child that is the member (nobody): its status and output."""
        load_all_of_drp()
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through the pipe
            os.close(read_end)
            status, out, err = 70, io.StringIO(), io.StringIO()
            try:
                os.setgroups([self.gid])
                os.setgid(self.gid)
                os.setuid(self.uid)
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    status = work()
            except BaseException as error:  # the test reads it, the child must not go on
                err.write(f"{type(error).__name__}: {error}")
            finally:
                report = json.dumps([status, out.getvalue(), err.getvalue()]).encode()
                os.write(write_end, report)
                os._exit(0)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(child, 0)
        status, out, err = json.loads(data)
        return Ran(status, out, err)


def _drp_main(argv: list[str]) -> int:
    return main(argv)


@cache
def load_all_of_drp() -> None:
    """Import every module of drp (and so every library module it uses) before forking.

    The member's child cannot read the interpreter's own library when it
    lives under /root; drp's modules, imported late by some commands, would
    then fail to import what they need.
    """
    import console

    for module in pkgutil.walk_packages(console.__path__, "console."):
        if ".tui" not in module.name and not module.name.endswith("__main__"):  # no console
            importlib.import_module(module.name)


@dataclass(frozen=True)
class Ran:
    """What a `drp` run or a member's action gave: exit status, standard output and error."""

    returncode: int
    stdout: str
    stderr: str


ACCESS = "\n[access]\ncoordinators = ['root']\nmembers = ['nobody']\n"


@pytest.fixture
def shared() -> Iterator[Shared]:
    """A plan (0640, group-readable) and a state directory (group-owned, 3770) for root and nobody.

    It lives in a folder of its own under /tmp that nobody can traverse
    (pytest's own temporary folders are closed to other users).
    """
    uid = member_uid()
    gid = pwd.getpwuid(uid).pw_gid
    base = Path(tempfile.mkdtemp(prefix="drp-trust-", dir="/tmp"))
    try:
        base.chmod(0o711)
        plan = base / "plan.toml"
        plan.write_text(SHIPPED_PLAN.read_text("utf-8") + ACCESS, encoding="utf-8")
        os.chown(plan, 0, gid)
        plan.chmod(0o640)
        state = base / "state"
        state.mkdir()
        os.chown(state, 0, gid)
        state.chmod(0o3770)
        yield Shared(base, plan, state, uid, gid)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def crafted(incident: str, kind: str, actor: str, **fields: Any) -> Event:
    """An event as someone would write it by hand: any actor, a valid schema."""
    now = datetime.now(UTC)
    return EVENT_ADAPTER.validate_python(
        {
            "id": new_id(now),
            "incident": incident,
            "at": now,
            "recorded_at": now,
            "actor": actor,
            "host": "forged",
            "kind": kind,
            **fields,
        }
    )


def journal_bytes(*events: Event) -> bytes:
    """A whole journal file holding `events`, checksums and all, as drp would write it."""
    return PREAMBLE + b"".join(encode_event(event) for event in events)


def write_as_member(shared: Shared, name: str, *events: Event) -> None:
    """Write a journal file into the shared journal folder as the member, by hand."""
    target = journal_folder(shared.state) / name
    data = journal_bytes(*events)

    def write() -> int:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
        os.write(descriptor, data)
        os.close(descriptor)
        return 0

    done = shared.as_member(write)
    assert done.returncode == 0, done.stderr
    assert target.stat().st_uid == shared.uid
