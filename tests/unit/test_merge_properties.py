"""Copies that drifted apart come back together whatever the order: fold and merge laws.

During a disaster the server and a laptop at the fallback site each keep a
journal, and `drp merge` brings them together later, in whatever order the
staff happen to run it. That is only safe if the fold does not care about the
order of its events (or about getting one twice), and if merge is a set union
on real state directories: commutative, associative and idempotent. The
merges here run the real `drp merge` on directories written by the real
`JournalWriter`, and read back with the real `JournalReader`.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.clock import FixedClock
from console.incident import actions
from console.incident.events import (
    EVENT_ADAPTER,
    Event,
)
from console.incident.fold import fold
from console.incident.session import Session
from console.store.journal import JournalReader, JournalWriter, ensure_state_dir
from tests.conftest import MINIMAL_PLAN
from tests.strategies import INCIDENT, PLAN, START, incident_events

MERGE_PLAN = MINIMAL_PLAN
"""`drp merge` copies events without reading their ids, so any plan serves; this one loads fast."""

FOLD = settings(max_examples=50, deadline=None)
MERGE = settings(max_examples=25, deadline=None)


def subset(pool: list[Event]) -> st.SearchStrategy[list[Event]]:
    """Some of the events of `pool`, in any order."""
    return st.lists(st.sampled_from(pool), unique_by=lambda e: e.id) if pool else st.just([])


@st.composite
def journal_files(draw: st.DrawFn, events: list[Event]) -> list[list[Event]]:
    """`events` spread over one or two journal files, some in both (a folder synced by files)."""
    files: list[list[Event]] = [[], []]
    for event in events:
        for number in draw(st.sampled_from([(0,), (1,), (0, 1)])):
            files[number].append(event)
    return files


# --- The fold ---------------------------------------------------------------------------


@FOLD
@given(events=incident_events(), data=st.data())
def test_any_order_of_the_same_events_folds_to_the_same_state(
    events: list[Event], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(events), label="shuffled")
    again = data.draw(st.lists(st.sampled_from(events), max_size=5), label="again")
    assert fold(PLAN, shuffled) == fold(PLAN, events)
    assert fold(PLAN, [*shuffled, *again]) == fold(PLAN, events)


@FOLD
@given(events=incident_events(), elsewhere=incident_events(incident="20261120-ZZZZ"))
def test_events_of_another_incident_change_nothing(
    events: list[Event], elsewhere: list[Event]
) -> None:
    taken = {e.id for e in events}
    # a second declaration would make it two incidents; ids are unique across incidents
    undeclared = [e for e in elsewhere if e.kind != "declared" and e.id not in taken]
    assert fold(PLAN, [*undeclared, *events]) == fold(PLAN, events)


# --- Merge on real state directories ----------------------------------------------------


def write_state_dir(tmp_path_factory: pytest.TempPathFactory, files: list[list[Event]]) -> Path:
    """A fresh state directory holding `files`, each written by its own JournalWriter."""
    path = tmp_path_factory.mktemp("state")
    ensure_state_dir(path)  # a copy with no events yet is still a state directory
    for number, events in enumerate(files):
        writer = JournalWriter(path, host=f"copy{number}")
        for event in events:
            writer.append(event)
        writer.close()
    return path


def merge(into: Path, other: Path) -> str:
    """Run the real `drp merge OTHER --state INTO`; return what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["merge", str(other), "--plan", str(MERGE_PLAN), "--state", str(into)])
    assert (status, err.getvalue()) == (0, "")
    return out.getvalue()


def read_back(path: Path) -> list[Event]:
    """Every event in the state directory, read as the console reads it, without damage."""
    found = JournalReader(path).poll()
    assert found.damage == []
    return found.events


def contents(events: Iterable[Event]) -> tuple[frozenset[str], frozenset[tuple[Any, ...]]]:
    """The set of ids and the set of full contents (`model_dump()`) of some events."""
    events = list(events)
    dumps = frozenset(tuple(sorted(e.model_dump().items())) for e in events)
    return frozenset(e.id for e in events), dumps


@st.composite
def three_copies(draw: st.DrawFn) -> tuple[list[list[Event]], ...]:
    """Three copies of one incident's journal that overlap; the first holds the declaration."""
    pool = draw(incident_events(max_size=15))
    declaration, rest = pool[0], pool[1:]
    first = [declaration, *draw(subset(rest))]
    second = draw(subset(pool))
    third = draw(subset(pool))
    return tuple(draw(journal_files(events)) for events in (first, second, third))


def flat(files: list[list[Event]]) -> list[Event]:
    """Every event of a copy's journal files, duplicates included."""
    return [event for events in files for event in events]


@MERGE
@given(copies=three_copies())
def test_merge_is_commutative_and_gives_the_union(
    tmp_path_factory: pytest.TempPathFactory, copies: tuple[list[list[Event]], ...]
) -> None:
    a, b, _ = copies
    a_dir, b_dir = write_state_dir(tmp_path_factory, a), write_state_dir(tmp_path_factory, b)
    ab, ba = write_state_dir(tmp_path_factory, a), write_state_dir(tmp_path_factory, b)
    merge(ab, b_dir)
    merge(ba, a_dir)
    merged_ab, merged_ba = read_back(ab), read_back(ba)
    assert contents(merged_ab) == contents(merged_ba) == contents(flat(a) + flat(b))
    assert fold(PLAN, merged_ab) == fold(PLAN, merged_ba) == fold(PLAN, flat(a) + flat(b))
    assert contents(read_back(a_dir)) == contents(flat(a))  # the other copy is left as it was


@MERGE
@given(copies=three_copies())
def test_merge_is_associative(
    tmp_path_factory: pytest.TempPathFactory, copies: tuple[list[list[Event]], ...]
) -> None:
    a, b, c = copies
    b_dir, c_dir = write_state_dir(tmp_path_factory, b), write_state_dir(tmp_path_factory, c)
    left = write_state_dir(tmp_path_factory, a)
    merge(left, b_dir)
    merge(left, c_dir)
    bc = write_state_dir(tmp_path_factory, b)
    merge(bc, c_dir)
    right = write_state_dir(tmp_path_factory, a)
    merge(right, bc)
    assert contents(read_back(left)) == contents(read_back(right))
    assert contents(read_back(left)) == contents(flat(a) + flat(b) + flat(c))
    assert fold(PLAN, read_back(left)) == fold(PLAN, read_back(right))


@MERGE
@given(copies=three_copies())
def test_merging_again_adds_nothing(
    tmp_path_factory: pytest.TempPathFactory, copies: tuple[list[list[Event]], ...]
) -> None:
    a, b, _ = copies
    a_dir, b_dir = write_state_dir(tmp_path_factory, a), write_state_dir(tmp_path_factory, b)
    merge(a_dir, b_dir)
    once = read_back(a_dir)
    files = sorted(path.name for path in (a_dir / "journal").iterdir())
    assert "Merged 0 new events" in merge(a_dir, b_dir)
    merge(b_dir, a_dir)  # b now holds everything a holds: nothing comes back from it
    assert "Merged 0 new events" in merge(a_dir, b_dir)
    assert contents(read_back(a_dir)) == contents(once)
    assert len(read_back(a_dir)) == len(once)
    assert sorted(path.name for path in (a_dir / "journal").iterdir()) == files


# --- Merge counts each event once -------------------------------------------------------


def note(minute: int, text: str) -> Event:
    """A note with a fixed id, `minute` minutes after the declaration."""
    at = START + timedelta(minutes=minute)
    return EVENT_ADAPTER.validate_python(
        {
            "id": f"01KB{minute:022d}",
            "incident": INCIDENT,
            "at": at,
            "recorded_at": at,
            "actor": "tom",
            "host": "laptop",
            "kind": "note",
            "text": text,
        }
    )


def test_an_event_in_two_files_of_the_other_copy_is_merged_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # two machines that each merged the same copy, then synced their journal folders
    events = [note(1, "eerste"), note(2, "tweede"), note(3, "derde")]
    other = write_state_dir(tmp_path_factory, [events, events])
    here = write_state_dir(tmp_path_factory, [])
    printed = merge(here, other)
    assert len(read_back(here)) == 3
    assert "Merged 3 new events" in printed


# --- The story: a server and a laptop that lost each other ------------------------------


def test_server_and_laptop_journals_merge_either_way(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    clock = FixedClock(START)
    server_dir = tmp_path_factory.mktemp("server")
    server = Session(PLAN, server_dir, clock, login="pieter", host="server")
    incident = actions.declare(server, summary="Brand in het administratief centrum").incident
    actions.decide(server, "A")
    server.close()

    laptop_dir = tmp_path_factory.mktemp("laptop") / "state"
    shutil.copytree(server_dir, laptop_dir)  # the laptop leaves with a copy

    clock.set(START + timedelta(hours=2))
    server = Session(PLAN, server_dir, clock, login="tom", host="server")
    server.refresh()
    actions.set_component(server, "wan1", "down", note="kabel doorgeknipt")
    actions.set_task(server, "a-tech-backups", "doing")
    server.close()

    clock.set(START + timedelta(hours=3))
    laptop = Session(PLAN, laptop_dir, clock, login="sofie", host="laptop")
    laptop.refresh()
    actions.set_task(laptop, "a-tech-backups", "done", note="schijf uit de kluis")
    actions.contact(laptop, "tom-maes", "reached")
    laptop.close()

    forward, backward = tmp_path_factory.mktemp("forward"), tmp_path_factory.mktemp("backward")
    shutil.copytree(server_dir, forward, dirs_exist_ok=True)
    shutil.copytree(laptop_dir, backward, dirs_exist_ok=True)
    assert "Merged 2 new events" in merge(forward, laptop_dir)
    assert "Merged 2 new events" in merge(backward, server_dir)

    state = fold(PLAN, read_back(forward))
    assert state == fold(PLAN, read_back(backward))
    assert state.id == incident
    assert state.scenario == "A"
    task = state.task("a-tech-backups")
    assert task is not None and (task.status, task.note) == ("done", "schijf uit de kluis")
    assert next(c for c in state.components if c.id == "wan1").status == "down"
    assert next(c for c in state.contacts if c.id == "tom-maes").status == "reached"
    assert len(state.timeline) == 6
