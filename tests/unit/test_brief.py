"""The brief and the fold agree, on any events in any order.

The actions check an incident through its `Brief`, built event by event in
whatever order the journal files are read; every screen and report reads
the state `fold` computes. If the two disagreed, `drp decide` could refuse
what `drp status` shows as possible, or the console could show a scenario
that the actions do not act on. The fold reads its declaration, decision,
recovery, closing and tickets from a brief; these tests hold the rules
themselves (first wins, the later decision wins) to the fold's order, and
the same order to the steps that an event completes (the last word wins).
"""

from __future__ import annotations

import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from console.incident.brief import Brief
from console.incident.events import EVENT_ADAPTER, TASK_STATUSES, Event, TaskChanged, sort_key
from console.incident.fold import fold, ordered
from console.incident.ids import ALPHABET
from console.incident.state import CLOSED_TASK_STATUSES
from tests.strategies import FIELDS, INCIDENT, PLAN, incident_events, instants

AGREE = settings(max_examples=200, deadline=None)


def brief_of(events: list[Event]) -> Brief:
    brief = Brief()
    for event in events:
        brief.take(event)
    return brief


@AGREE
@given(events=incident_events(max_size=30), data=st.data())
def test_the_brief_agrees_with_the_fold_in_any_order(
    events: list[Event], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(events), label="arrival order")
    brief, state = brief_of(shuffled), fold(PLAN, events)
    assert brief.declared is not None
    assert brief.declared.at == state.declared_at
    assert brief.declared.actor == state.declared_by
    assert brief.scenario == state.scenario
    assert brief.decided_at == state.decided_at
    assert brief.recovery_started_at == state.recovery_started_at
    assert brief.closed_at == state.closed_at
    assert sorted(brief.open_tickets()) == sorted(t.id for t in state.open_tickets())
    assert {t: c.at for t, c in brief.closed.items() if t in brief.opened} == {
        t.id: t.closed_at for t in state.tickets if t.closed_at is not None
    }


@AGREE
@given(events=incident_events(max_size=30), data=st.data())
def test_the_brief_does_not_depend_on_the_order_or_on_duplicates(
    events: list[Event], data: st.DataObject
) -> None:
    twice = events + data.draw(st.lists(st.sampled_from(events)), label="read twice")
    shuffled = data.draw(st.permutations(twice), label="arrival order")
    assert brief_of(shuffled) == brief_of(ordered(events))


@AGREE
@given(events=incident_events(max_size=30))
def test_what_happens_once_keeps_its_first_and_the_decision_its_last(
    events: list[Event],
) -> None:
    brief, timeline = brief_of(events), ordered(events)
    decisions = [e for e in timeline if e.kind == "decided"]
    closings = [e for e in timeline if e.kind == "closed"]
    assert brief.decision == (decisions[-1] if decisions else None)
    assert brief.closing == (closings[0] if closings else None)
    for ticket, opening in brief.opened.items():
        first = min(
            (e for e in events if e.kind == "ticket-opened" and e.ticket == ticket), key=sort_key
        )
        assert opening == first


@st.composite
def step_changes(draw: st.DrawFn) -> list[Event]:
    """Task events that set a status on the steps, so that they meet the events completing them."""
    changes = []
    for number in range(draw(st.integers(0, 8))):
        at = draw(instants)
        prefix = draw(st.text(alphabet=ALPHABET, min_size=16, max_size=16))
        data = {
            "id": f"{prefix}{1000 + number:010d}",  # never one of `incident_events`'s ids
            "incident": INCIDENT,
            "at": at,
            "recorded_at": at,
            "actor": draw(st.sampled_from(["els", "an"])),
            "host": "laptop",
            "kind": "task",
            "task": draw(st.sampled_from([step.id for step in PLAN.steps])),
            "status": draw(st.sampled_from(TASK_STATUSES)),
        }
        changes.append(EVENT_ADAPTER.validate_python(data))
    return changes


@AGREE
@given(events=incident_events(max_size=30), changes=step_changes(), data=st.data())
def test_a_step_has_the_status_of_the_last_event_that_set_it_in_any_order(
    events: list[Event], changes: list[Event], data: st.DataObject
) -> None:
    events = events + changes
    shuffled = data.draw(st.permutations(events), label="arrival order")
    state = fold(PLAN, shuffled)
    assert any(step.done_by for step in PLAN.steps)  # else this tests nothing
    for step in PLAN.steps:
        # (status, event): an event that completes the step, or a task event for it
        setters: list[tuple[str, Event]] = []
        for event in ordered(events):
            if event.kind == step.done_by:
                setters.append(("done", event))
            elif isinstance(event, TaskChanged) and event.task == step.id and event.status:
                setters.append((event.status, event))
        task = state.task(step.id)
        assert task is not None
        if not setters:
            assert (task.status, task.updated_at, task.done_at) == ("todo", None, None)
            continue
        status, last = setters[-1]
        assert (task.status, task.updated_at) == (status, last.at)
        # it has had that status since the first change after the last other status
        others = [index for index, (set_to, _event) in enumerate(setters) if set_to != status]
        since = setters[others[-1] + 1 if others else 0][1]
        if status in CLOSED_TASK_STATUSES:
            assert (task.done_at, task.done_by) == (since.at, since.actor)
        else:
            assert (task.done_at, task.done_by) == (None, None)


def test_every_event_kind_has_a_strategy() -> None:
    """The properties above cover a new event kind only once it has a strategy here."""
    kinds = {
        typing.get_args(member.model_fields["kind"].annotation)[0]
        for member in typing.get_args(typing.get_args(Event)[0])
    }
    assert kinds == set(FIELDS)
