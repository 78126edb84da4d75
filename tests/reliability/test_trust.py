"""The operating system is the authority on a shared host: each attack of a member, tried for real.

Root plays the coordinator and `nobody` the member, on a plan that says so
and a state directory set up as the README says (group-owned, 3770). Every
member action runs as a real process under nobody's user id; what the
coordinator then sees is `drp status --json` as root. Before journal trust,
each of these changed what the coordinator saw, silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from console.store.journal import ensure_state_dir, journal_folder
from tests.reliability.trust_support import (
    ACCESS,
    Shared,
    crafted,
    journal_bytes,
    needs_root,
    shared,
    write_as_member,
)

__all__ = ["shared"]  # the fixture


def declared(shared: Shared) -> str:
    """The coordinator declares; the incident's id."""
    done = shared.drp("declare", "--summary", "brand in de serverruimte")
    assert done.returncode == 0, done.stderr
    return str(status(shared)["incident"]["id"])


def status(shared: Shared, plan: Path | None = None) -> dict[str, Any]:
    """What the coordinator sees: `drp status --json` as root."""
    done = shared.run(
        "status", "--json", "--plan", str(plan or shared.plan), "--state", str(shared.state)
    )
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    data["stderr"] = done.stderr
    return data


@needs_root
def test_a_member_cannot_forge_a_coordinators_decision(shared: Shared) -> None:
    incident = declared(shared)
    write_as_member(shared, "forged.toml", crafted(incident, "decided", "root", scenario="B"))
    seen = status(shared)
    assert seen["incident"]["scenario"] is None
    assert "forged.toml:2: event ignored" in seen["stderr"]
    assert "recorded by root" in seen["stderr"] and "belongs to nobody" in seen["stderr"]


@needs_root
def test_a_member_deciding_with_a_private_plan_copy_decides_nothing(shared: Shared) -> None:
    incident = declared(shared)
    own = shared.base / "own" / "plan.toml"
    own.parent.mkdir()
    os.chown(own.parent, shared.uid, shared.gid)

    def copy_without_access() -> int:
        own.write_text(shared.plan.read_text("utf-8").replace(ACCESS, ""), encoding="utf-8")
        own.chmod(0o600)
        return 0

    assert shared.as_member(copy_without_access).returncode == 0
    done = shared.run("decide", "B", "--plan", str(own), "--state", str(shared.state), member=True)
    assert done.returncode == 0, done.stderr  # it writes: the plan copy lets it
    seen = status(shared)
    assert seen["incident"]["id"] == incident and seen["incident"]["scenario"] is None
    assert "only a coordinator may decide the scenario; nobody is a member" in seen["stderr"]


@needs_root
def test_a_viewers_note_does_not_count(shared: Shared) -> None:
    declared(shared)
    done = shared.drp("note", "ik ben lid", member=True)
    assert done.returncode == 0, done.stderr
    assert status(shared)["timeline_count"] == 2  # as a member, the note counts
    viewers_plan = shared.base / "viewers.toml"
    viewers_plan.write_text(shared.plan.read_text().replace("members = ['nobody']", ""))
    seen = status(shared, viewers_plan)  # the same journal, nobody now a viewer
    assert seen["timeline_count"] == 1
    assert "nobody is a viewer and cannot change anything" in seen["stderr"]


@needs_root
def test_only_a_coordinator_merges(shared: Shared) -> None:
    declared(shared)
    other = shared.base / "other"
    journal_folder(other).mkdir(parents=True)
    for path in (other, journal_folder(other)):
        os.chown(path, shared.uid, shared.gid)
    done = shared.drp("merge", str(other), member=True)
    assert done.returncode == 3
    assert "only a coordinator may merge" in done.stderr


@needs_root
def test_a_coordinator_merging_a_forged_copy_copies_nothing_forged(shared: Shared) -> None:
    incident = declared(shared)
    other = shared.base / "other"
    journal_folder(other).mkdir(parents=True)
    forged = journal_folder(other) / "laptop.toml"
    forged.write_bytes(journal_bytes(crafted(incident, "closed", "root")))
    os.chown(forged, shared.uid, shared.gid)  # the member's file, claiming the coordinator
    done = shared.drp("merge", str(other))
    assert done.returncode == 0, done.stderr
    assert "laptop.toml:2: event ignored" in done.stderr
    assert "Merged 0 new events" in done.stdout
    assert status(shared)["incident"]["closed_at"] is None


@needs_root
def test_a_member_cannot_truncate_rename_or_delete_a_coordinators_file(shared: Shared) -> None:
    declared(shared)
    (mine,) = sorted(journal_folder(shared.state).iterdir())
    assert mine.stat().st_uid == 0 and mine.stat().st_mode & 0o777 == 0o640
    before = mine.read_bytes()
    folder = journal_folder(shared.state)
    attacks: dict[str, Callable[[], object]] = {
        "truncate": lambda: mine.open("w"),
        "append": lambda: mine.open("a"),
        "rename": lambda: mine.rename(folder / "old.toml"),
        "delete": mine.unlink,
        "rename the folder": lambda: folder.rename(shared.state / "old"),
    }
    for name, attack in attacks.items():
        done = shared.as_member(partial(refused, attack))
        assert done.returncode == 9, (name, done.stderr)
    assert mine.read_bytes() == before
    assert status(shared)["incident"]["summary"] == "brand in de serverruimte"


def refused(attack: Callable[[], object]) -> int:
    """9 when the operating system refuses `attack`, 0 when it lets it through."""
    try:
        attack()
    except PermissionError:
        return 9
    return 0


@needs_root
def test_a_drp_journal_folder_reports_nothing_and_a_loose_one_is_reported_once(
    shared: Shared,
) -> None:
    declared(shared)
    assert "chmod" not in status(shared)["stderr"]  # set up as the README says: quiet
    shared.state.chmod(0o2770)  # no sticky bit on the state directory
    seen = status(shared)["stderr"]
    assert seen.count("no sticky bit") == 1 and f"chmod 3770 {shared.state}" in seen


@needs_root
def test_the_consoles_first_look_believes_what_the_session_believes(shared: Shared) -> None:
    """The first frame, drawn from the raw journal, shows no forged declaration either."""
    from console.clock import SystemClock
    from console.plan.source import read_source
    from console.tui.factory import opening_app

    ensure_state_dir(shared.state)  # as root: the journal folder, before anyone declared
    write_as_member(shared, "forged.toml", crafted("20261202-FAKE", "declared", "root"))
    app = opening_app(read_source(shared.plan), shared.state, SystemClock())
    assert app.first_look is None
    incident = declared(shared)  # a real declaration, in root's own file
    app = opening_app(read_source(shared.plan), shared.state, SystemClock())
    assert app.first_look is not None and app.first_look.id == incident
