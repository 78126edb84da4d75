"""The brief and the fold agree, on any events in any order.

The actions check an incident through its `Brief`, built event by event in
whatever order the journal files are read; every screen and report reads
the state `fold` computes. If the two disagreed, `drp decide` could refuse
what `drp status` shows as possible, or the console could show a scenario
that the actions do not act on. The fold reads its declaration, decision,
recovery, closing and tickets from a brief; these tests hold the rules
themselves (first wins, the later decision wins) to the fold's order.
"""

from __future__ import annotations

import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from console.incident.brief import Brief
from console.incident.events import Event, sort_key
from console.incident.fold import fold, ordered
from tests.strategies import FIELDS, PLAN, incident_events

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


def test_every_event_kind_has_a_strategy() -> None:
    """The properties above cover a new event kind only once it has a strategy here."""
    kinds = {
        typing.get_args(member.model_fields["kind"].annotation)[0]
        for member in typing.get_args(typing.get_args(Event)[0])
    }
    assert kinds == set(FIELDS)
