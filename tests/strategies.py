"""Hypothesis strategies for journals: valid events of one incident, of every kind.

The events name the shipped plan's ids (and a few it lacks), so that folding
them exercises every rule of the fold and of the brief. Every event kind has
an entry in `FIELDS`; `test_every_event_kind_has_a_strategy` keeps it so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from console.incident.events import (
    AUDIENCES,
    COMPONENT_STATUSES,
    CONTACT_RESULTS,
    EVENT_ADAPTER,
    REPORT_KINDS,
    RESTORE_STATUSES,
    TASK_STATUSES,
    Event,
)
from console.incident.ids import ALPHABET
from console.plan.loader import load_plan
from tests.conftest import SHIPPED_PLAN

PLAN = load_plan(SHIPPED_PLAN)
"""The events name the shipped plan's ids, so that folding them exercises every rule."""
INCIDENT = "20261127-7K3F"
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

TASKS = [task.id for _, task in PLAN.tasks()] + ["ghost-task"]
PEOPLE = [person.id for person in PLAN.people] + ["nobody"]
COMPONENTS = [component.id for component in PLAN.components()]
SYSTEMS = [backup.id for backup in PLAN.backups] + COMPONENTS[:3]
SCENARIOS = [scenario.id for scenario in PLAN.scenarios]
PROVIDERS = ["wan", "srv", "fw"]  # two with an SLA, one without
TICKETS = ["wan-7K3F", "srv-0001", "fw-ZZ99"]


def event_ids(count: int) -> st.SearchStrategy[list[str]]:
    """`count` distinct 26-character ids whose order does not follow their position."""
    prefixes = st.lists(
        st.text(alphabet=ALPHABET, min_size=16, max_size=16), min_size=count, max_size=count
    )
    return prefixes.map(lambda drawn: [f"{p}{n:010d}" for n, p in enumerate(drawn)])


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
instants = st.one_of(
    # a few shared moments, so that ties broken by id happen often
    st.sampled_from([0, 30, 60]),
    st.integers(min_value=-120, max_value=6 * 24 * 60),
).map(lambda minutes: START + timedelta(minutes=minutes))

FIELDS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "declared": st.fixed_dictionaries(
        {
            "extent": st.sampled_from(["total", "partial"]),
            "summary": texts,
            "drill": st.booleans(),
        }
    ).flatmap(
        # a drill may run on an accelerated clock; a real incident never does
        lambda fields: (
            st.fixed_dictionaries(
                {
                    **{k: st.just(v) for k, v in fields.items()},
                    "speed": st.sampled_from([1, 12, 60]),
                }
            )
            if fields["drill"]
            else st.just(fields)
        )
    ),
    "contact": st.fixed_dictionaries(
        {
            "person": st.sampled_from(PEOPLE),
            "result": st.sampled_from(CONTACT_RESULTS),
            "note": texts,
        }
    ),
    "meeting": st.fixed_dictionaries({"note": texts}),
    "assessment": st.fixed_dictionaries({"note": texts}),
    "decided": st.fixed_dictionaries({"scenario": st.sampled_from(SCENARIOS), "note": texts}),
    "task": st.fixed_dictionaries(
        {
            "task": st.sampled_from(TASKS),
            "status": st.sampled_from(TASK_STATUSES),
            "note": texts,
        }
    ),
    "assigned": st.fixed_dictionaries(
        {"task": st.sampled_from(TASKS), "person": st.sampled_from(PEOPLE)}
    ),
    "note": st.fixed_dictionaries({"text": texts.filter(bool)}),
    "component": st.fixed_dictionaries(
        {
            "component": st.sampled_from(COMPONENTS),
            "status": st.sampled_from(COMPONENT_STATUSES),
            "note": texts,
        }
    ),
    "ticket-opened": st.fixed_dictionaries(
        {"ticket": st.sampled_from(TICKETS), "provider": st.sampled_from(PROVIDERS), "ref": texts}
    ),
    "ticket-closed": st.fixed_dictionaries({"ticket": st.sampled_from(TICKETS), "note": texts}),
    "restore": st.fixed_dictionaries(
        {
            "system": st.sampled_from(SYSTEMS),
            "status": st.sampled_from(RESTORE_STATUSES),
            "point": st.none() | instants.map(lambda at: at - timedelta(days=1)),
        }
    ),
    "recovery": st.fixed_dictionaries({"note": texts}),
    "report": st.fixed_dictionaries(
        {
            "report": st.sampled_from(REPORT_KINDS),
            "audience": st.sampled_from(AUDIENCES),
            "format": st.sampled_from(["md", "pdf"]),
        }
    ),
    "closed": st.fixed_dictionaries({"note": texts}),
}


@st.composite
def incident_events(draw: st.DrawFn, incident: str = INCIDENT, max_size: int = 20) -> list[Event]:
    """Valid events of one incident: its declaration first, then any kinds, ids all distinct."""
    kinds = draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=max_size))
    unique = draw(event_ids(len(kinds) + 1))
    events = []
    for event_id, kind in zip(unique, ["declared", *kinds], strict=True):
        at = draw(instants)
        data = {
            "id": event_id,
            "incident": incident,
            "at": at,
            "recorded_at": at + timedelta(minutes=draw(st.integers(0, 600))),
            "actor": draw(st.sampled_from(["tom", "pieter"])),
            "host": draw(st.sampled_from(["server", "laptop"])),
            "kind": kind,
            **draw(FIELDS[kind]),
        }
        events.append(EVENT_ADAPTER.validate_python(data))
    return events
