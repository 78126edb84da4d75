"""The fold turns a plan and an incident's events into its state, and nothing else does.

Every screen, report and `drp` command reads the state that `fold` computes,
so each kind of event is checked here against real values from the shipped
plan: the targets and deadlines the crisis staff steer by (also across a
daylight-saving change), the task list a decision brings, the SLA clock a
ticket starts, and the rules that make the result independent of who wrote
what first (later `at` wins, the id breaks ties, duplicates count once).
"""

from __future__ import annotations

import itertools
import typing
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from console.incident.events import EVENT_ADAPTER, Event, TaskStatus
from console.incident.fold import NotAnIncident, fold, ordered
from console.incident.ids import new_id
from console.incident.state import DeadlineState, IncidentState, TaskState, TicketState
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.plan.scenarios import DONE_BY, DoneBy
from tests.conftest import MINIMAL_PLAN, SHIPPED_PLAN

PLAN = load_plan(SHIPPED_PLAN)
MINIMAL = load_plan(MINIMAL_PLAN)
BRUSSELS = ZoneInfo("Europe/Brussels")
INCIDENT = "20261127-7K3F"
DECLARED_AT = datetime(2026, 11, 27, 9, 0, tzinfo=BRUSSELS)
STEP_IDS = ["reported", "gather", "meeting", "evaluation", "decision"]
STEP_DUE_HOURS = [1, 3, 4, 8, 12]
CONTACT_IDS = [
    "marleen-verhulst",
    "pieter-vandenbroeck",
    "sofie-dewilde",
    "koen-claeys",
    "els-vermeulen",
    "nathalie-goossens",
    "jeroen-martens",
    "lien-wouters",
    "bart-desmet",
    "tom-maes",
]


def event(
    kind: str,
    at: datetime,
    *,
    event_id: str | None = None,
    incident: str = INCIDENT,
    actor: str = "tom",
    **fields: Any,
) -> Event:
    """A valid event of `kind` at `at`, as the actions would record it."""
    return EVENT_ADAPTER.validate_python(
        {
            "id": event_id or new_id(at),
            "incident": incident,
            "at": at,
            "recorded_at": at,
            "actor": actor,
            "host": "laptop",
            "kind": kind,
            **fields,
        }
    )


def declared(at: datetime = DECLARED_AT, **fields: Any) -> Event:
    """The declaration of the test incident."""
    return event("declared", at, actor="pieter", **fields)


def later(hours: float) -> datetime:
    """`hours` real hours after the declaration."""
    return DECLARED_AT + timedelta(hours=hours)


def state_of(*events: Event, plan: Plan = PLAN) -> IncidentState:
    """The fold of the declaration followed by `events`."""
    return fold(plan, [declared(), *events])


def steps_done_by(plan: Plan, done_by: dict[str, DoneBy]) -> Plan:
    """The plan with these steps completed by these kinds of event, and no other step."""
    steps = [step.model_copy(update={"done_by": done_by.get(step.id)}) for step in plan.steps]
    return plan.model_copy(update={"steps": steps})


PLAIN = steps_done_by(PLAN, {})
"""The shipped plan with no step completed by an event: every step is ticked off by hand."""


def ids_sorted(count: int, at: datetime) -> list[str]:
    """`count` distinct ids for the same instant, in ascending order."""
    return sorted({new_id(at) for _ in range(count * 2)})[:count]


def local(instant: datetime | None) -> str:
    """An instant as Brussels wall-clock time with its offset, for readable asserts."""
    assert instant is not None
    return instant.astimezone(BRUSSELS).isoformat()


# --- Declared ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extent", "drill", "summary"),
    [("total", False, "Brand in het administratief centrum"), ("partial", True, "")],
)
def test_declaration_starts_the_incident(extent: str, drill: bool, summary: str) -> None:
    state = fold(PLAN, [declared(extent=extent, drill=drill, summary=summary)])
    assert state.id == INCIDENT
    assert state.declared_at == DECLARED_AT
    assert state.declared_by == "pieter"
    assert (state.extent, state.drill, state.summary) == (extent, drill, summary)
    assert state.active
    assert state.scenario is None
    assert state.decided_at is None
    assert state.target_at is None
    assert state.deadlines == []
    assert state.tickets == [] and state.restores == [] and state.unknown_ids == []
    assert [e.kind for e in state.timeline] == ["declared"]


def test_declaration_sets_a_target_for_every_scenario() -> None:
    state = state_of()
    assert state.targets == {"A": later(72), "B": later(48), "C": later(72)}
    assert local(state.targets["B"]) == "2026-11-29T09:00:00+01:00"


def test_before_a_decision_only_the_step_plan_is_listed() -> None:
    state = state_of(plan=PLAIN)
    assert [t.id for t in state.tasks] == STEP_IDS
    assert {t.phase for t in state.tasks} == {"step"}
    assert [t.due_at for t in state.tasks] == [later(h) for h in STEP_DUE_HOURS]
    assert all(t.status == "todo" and t.assignee is None for t in state.tasks)
    assert state.task("a-prio-1") is None


@pytest.mark.parametrize(
    ("plan", "expected"),
    [(PLAN, CONTACT_IDS), (MINIMAL, ["jan"])],
    ids=["shipped", "minimal"],
)
def test_crisis_staff_holders_and_dpo_start_pending(plan: Plan, expected: list[str]) -> None:
    state = state_of(plan=plan)
    assert [c.id for c in state.contacts] == expected
    assert all(c.status == "pending" and c.at is None for c in state.contacts)


def test_contacts_carry_the_persons_name() -> None:
    names = {c.id: c.name for c in state_of().contacts}
    assert names["bart-desmet"] == "Bart Desmet"
    assert names["tom-maes"] == "Tom Maes"


# --- Decided ----------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", ["A", "B", "C"])
def test_decision_appends_the_scenarios_tasks_in_order(scenario: str) -> None:
    chosen = PLAN.scenario(scenario)
    assert chosen is not None
    state = state_of(event("decided", later(5), scenario=scenario))
    expected = [
        *(("priority", t) for t in chosen.priorities),
        *(("technical", t) for t in chosen.technical),
        *(("organisational", t) for t in chosen.organisational),
    ]
    assert state.scenario == scenario
    assert state.decided_at == later(5)
    assert state.target_at == later(chosen.target_hours)
    assert [t.id for t in state.tasks] == STEP_IDS + [t.id for _, t in expected]
    assert [t.phase for t in state.tasks[len(STEP_IDS) :]] == [p for p, _ in expected]
    for task, (_, planned) in zip(state.tasks[len(STEP_IDS) :], expected, strict=True):
        assert task.due_at == (later(planned.due_hours) if planned.due_hours is not None else None)
        assert (task.title, task.owner, task.status) == (planned.title, planned.owner, "todo")


def test_scenario_c_brings_its_legal_deadlines() -> None:
    state = state_of(event("decided", later(2), scenario="C"))
    assert state.deadlines == [
        DeadlineState("ccb", "Vroegtijdige waarschuwing aan het CCB (NIS2-stijl)", later(24)),
        DeadlineState(
            "gdpr", "Melding datalek aan de Gegevensbeschermingsautoriteit (GBA)", later(72)
        ),
    ]
    assert local(state.deadlines[1].due_at) == "2026-11-30T09:00:00+01:00"
    first = state.task("c-tech-isolate")
    assert first is not None and first.due_at == later(1)
    assert state.target_at == later(72)


@pytest.mark.parametrize("scenario", ["A", "B"])
def test_scenarios_without_deadlines_have_none(scenario: str) -> None:
    assert state_of(event("decided", later(2), scenario=scenario)).deadlines == []


def test_redecision_replaces_the_scenarios_tasks() -> None:
    state = state_of(
        event("decided", later(2), scenario="A"),
        event("decided", later(6), scenario="B"),
    )
    assert state.scenario == "B"
    assert state.decided_at == later(6)
    assert state.target_at == later(48)
    listed = {t.id for t in state.tasks}
    assert "b-prio-1" in listed
    assert not any(task_id.startswith("a-") for task_id in listed)


def test_later_decision_wins_even_if_its_id_sorts_lower() -> None:
    low, high = ids_sorted(2, later(1))
    state = state_of(
        event("decided", later(2), scenario="A", event_id=high),
        event("decided", later(6), scenario="B", event_id=low),
    )
    assert state.scenario == "B"


@pytest.mark.parametrize("higher_first", [True, False])
def test_decisions_at_the_same_moment_are_settled_by_the_higher_id(higher_first: bool) -> None:
    low, high = ids_sorted(2, later(3))
    decisions = [
        event("decided", later(3), scenario="A", event_id=low),
        event("decided", later(3), scenario="C", event_id=high),
    ]
    if higher_first:
        decisions.reverse()
    state = state_of(*decisions)
    assert state.scenario == "C"
    assert [d.id for d in state.deadlines] == ["ccb", "gdpr"]


# --- Tasks ------------------------------------------------------------------------------


def test_last_task_status_by_at_wins_and_keeps_its_note() -> None:
    state = state_of(
        event("task", later(0.5), task="reported", status="doing", note="politie belde"),
        event("task", later(0.8), task="reported", status="done", note="melding genoteerd"),
        # recorded last but backdated: it happened first, so it does not win
        event("task", later(0.2), task="reported", status="blocked", note="geen bereik"),
    )
    task = state.task("reported")
    assert task is not None
    assert (task.status, task.note, task.updated_at) == ("done", "melding genoteerd", later(0.8))
    other = state.task("gather")
    assert other is not None and (other.status, other.note, other.updated_at) == ("todo", "", None)


def test_task_changes_at_the_same_moment_are_settled_by_the_higher_id() -> None:
    low, high = ids_sorted(2, later(1))
    state = state_of(
        event("task", later(1), task="gather", status="skipped", event_id=high),
        event("task", later(1), task="gather", status="doing", event_id=low),
    )
    task = state.task("gather")
    assert task is not None and task.status == "skipped"


def test_status_of_a_scenario_task_applies_once_it_is_decided() -> None:
    state = state_of(
        event("task", later(1), task="c-tech-isolate", status="done"),
        event("decided", later(2), scenario="C"),
    )
    task = state.task("c-tech-isolate")
    assert task is not None and task.status == "done"


# --- Steps completed by an event -------------------------------------------------------

COMPLETING: dict[DoneBy, dict[str, Any]] = {
    "declared": {},
    "meeting": {"note": "eerste vergadering"},
    "assessment": {"note": "serverruimte onder water"},
    "decided": {"scenario": "B"},
    "recovery": {"note": "terug naar de eigen gebouwen"},
}
"""An event of each kind that can complete a step, with the fields it needs."""


def completing(kind: DoneBy, at: datetime, actor: str = "an", **fields: Any) -> Event:
    """An event of `kind` of the test incident, which completes the steps done by it."""
    if kind == "declared":
        return event("declared", DECLARED_AT, actor="pieter", **fields)
    return event(kind, at, actor=actor, **{**COMPLETING[kind], **fields})


def step(state: IncidentState, step_id: str) -> TaskState:
    """The step with this id; it is always on the list."""
    found = state.task(step_id)
    assert found is not None and found.phase == "step"
    return found


def test_every_kind_a_step_can_be_done_by_is_an_event_kind() -> None:
    kinds = {
        typing.get_args(member.model_fields["kind"].annotation)[0]
        for member in typing.get_args(typing.get_args(Event)[0])
    }
    assert set(DONE_BY) == set(typing.get_args(DoneBy)) == set(COMPLETING)
    assert set(DONE_BY) <= kinds


@pytest.mark.parametrize("kind", DONE_BY)
def test_a_step_is_done_by_its_event_at_its_time_by_its_actor(kind: DoneBy) -> None:
    plan = steps_done_by(PLAN, {"evaluation": kind})
    done = completing(kind, later(2))
    state = fold(plan, [declared(), done])
    evaluation = step(state, "evaluation")
    assert evaluation.status == "done"
    assert (evaluation.updated_at, evaluation.done_at, evaluation.done_by) == (
        done.at,
        done.at,
        done.actor,
    )
    assert not evaluation.overdue(later(100))
    others = [t for t in state.tasks if t.phase == "step" and t.id != "evaluation"]
    assert {(t.status, t.done_at, t.done_by) for t in others} == {("todo", None, None)}


def test_the_declaration_completes_its_step_from_the_start() -> None:
    plan = steps_done_by(PLAN, {"reported": "declared", "gather": "declared"})
    state = state_of(plan=plan)
    assert [(t.id, t.status) for t in state.tasks][:3] == [
        ("reported", "done"),
        ("gather", "done"),
        ("meeting", "todo"),
    ]
    assert (step(state, "reported").done_at, step(state, "reported").done_by) == (
        DECLARED_AT,
        "pieter",
    )


def test_the_shipped_plan_ticks_off_its_steps_as_the_incident_goes() -> None:
    # the report from the field: declared, met, assessed and decided, all still "todo"
    state = state_of(
        event("meeting", later(1.5), actor="sofie", note="eerste vergadering"),
        event("assessment", later(2), actor="tom", note="serverruimte onder water"),
        event("decided", later(3), actor="pieter", scenario="A"),
    )
    steps = {t.id: (t.status, t.done_at, t.done_by) for t in state.tasks if t.phase == "step"}
    assert steps == {
        "reported": ("done", DECLARED_AT, "pieter"),
        "gather": ("todo", None, None),
        "meeting": ("done", later(1.5), "sofie"),
        "evaluation": ("done", later(2), "tom"),
        "decision": ("done", later(3), "pieter"),
    }
    assert [t.id for t in state.tasks if t.overdue(later(12))] == ["gather"]


def test_a_plan_without_done_by_ticks_off_nothing_by_itself() -> None:
    events = [declared(), *(completing(kind, later(2 + n)) for n, kind in enumerate(DONE_BY))]
    events.append(event("decided", later(1), scenario="A"))  # for the recovery's tasks
    state = fold(PLAIN, events)
    assert {t.status for t in state.tasks} == {"todo"}
    assert all(t.updated_at is None and t.done_at is None for t in state.tasks)
    minimal = fold(MINIMAL, [e for e in events if e.kind != "decided"])
    assert [(t.id, t.status) for t in minimal.tasks] == [("reported", "todo")]


def test_every_meeting_completes_the_step_again_after_it_was_reopened() -> None:
    plan = steps_done_by(PLAN, {"meeting": "meeting"})
    first, second = completing("meeting", later(2)), completing("meeting", later(6), actor="els")
    reopened = event("task", later(3), task="meeting", status="doing", note="niet voltallig")
    state = fold(plan, [declared(), first, reopened])
    meeting = step(state, "meeting")
    assert (meeting.status, meeting.done_at, meeting.updated_at) == ("doing", None, later(3))
    assert meeting.note == "niet voltallig"
    state = fold(plan, [declared(), first, reopened, second])
    meeting = step(state, "meeting")
    assert (meeting.status, meeting.done_at, meeting.done_by) == ("done", later(6), "els")


@pytest.mark.parametrize(
    ("hand", "expected"),
    [
        # set by hand after the event: the person has the last word
        (("doing", 3), ("doing", 3, None, None)),
        (("blocked", 3), ("blocked", 3, None, None)),
        (("skipped", 3), ("skipped", 3, 3, "els")),
        (("todo", 3), ("todo", 3, None, None)),
        # ticked off by hand before the event: done then, by that person
        (("done", 1), ("done", 2, 1, "els")),
        # any other status set by hand before the event is overtaken by it
        (("doing", 1), ("done", 2, 2, "an")),
        (("blocked", 1), ("done", 2, 2, "an")),
        (("skipped", 1), ("done", 2, 2, "an")),
        # done again by hand after the event: still done since the event
        (("done", 3), ("done", 3, 2, "an")),
    ],
)
def test_a_status_set_by_hand_combines_with_the_event_in_the_folds_order(
    hand: tuple[TaskStatus, float], expected: tuple[TaskStatus, float, float | None, str | None]
) -> None:
    plan = steps_done_by(PLAN, {"evaluation": "assessment"})
    status, hours = hand
    by_hand = event("task", later(hours), actor="els", task="evaluation", status=status)
    state = fold(plan, [declared(), completing("assessment", later(2)), by_hand])
    evaluation = step(state, "evaluation")
    want_status, updated, done, done_by = expected
    assert evaluation.status == want_status
    assert evaluation.updated_at == later(updated)
    assert evaluation.done_at == (later(done) if done is not None else None)
    assert evaluation.done_by == done_by


def test_a_note_on_the_step_leaves_it_done() -> None:
    plan = steps_done_by(PLAN, {"evaluation": "assessment"})
    note = event("task", later(3), task="evaluation", note="verslag bij de secretaris")
    state = fold(plan, [declared(), completing("assessment", later(2)), note])
    evaluation = step(state, "evaluation")
    assert (evaluation.status, evaluation.done_at) == ("done", later(2))
    assert evaluation.note == "verslag bij de secretaris"


def test_the_order_of_arrival_does_not_matter_only_the_order_of_the_fold() -> None:
    plan = steps_done_by(PLAN, {"decision": "decided"})
    events = [
        declared(),
        event("task", later(1), task="decision", status="doing", actor="els"),
        event("decided", later(3), scenario="A", actor="pieter"),
        # recorded first on another laptop, but it happened after the decision: it wins
        event("task", later(4), task="decision", status="blocked", actor="tom"),
        event("decided", later(5), scenario="B", actor="sofie"),
    ]
    folded = fold(plan, events)
    assert all(fold(plan, arrival) == folded for arrival in itertools.permutations(events))
    decision = step(folded, "decision")
    assert (decision.status, decision.done_at, decision.done_by) == ("done", later(5), "sofie")
    without_the_redecision = fold(plan, events[:4])
    decision = step(without_the_redecision, "decision")
    assert (decision.status, decision.updated_at) == ("blocked", later(4))


def test_a_backdated_status_by_hand_does_not_undo_the_event_it_preceded() -> None:
    plan = steps_done_by(PLAN, {"meeting": "meeting"})
    meeting = completing("meeting", later(2))
    backdated = event("task", later(1), task="meeting", status="blocked", actor="els")
    for arrival in ([meeting, backdated], [backdated, meeting]):
        assert step(fold(plan, [declared(), *arrival]), "meeting").status == "done"


@pytest.mark.parametrize("hand_id_higher", [True, False])
def test_a_status_by_hand_at_the_events_moment_is_settled_by_the_higher_id(
    hand_id_higher: bool,
) -> None:
    plan = steps_done_by(PLAN, {"meeting": "meeting"})
    low, high = ids_sorted(2, later(2))
    meeting = completing("meeting", later(2), event_id=low if hand_id_higher else high)
    hand = event(
        "task",
        later(2),
        task="meeting",
        status="doing",
        event_id=high if hand_id_higher else low,
    )
    state = fold(plan, [declared(), hand, meeting])
    assert step(state, "meeting").status == ("doing" if hand_id_higher else "done")


# --- Assigned ---------------------------------------------------------------------------


def test_assignment_gives_a_task_to_the_last_person() -> None:
    state = state_of(
        event("decided", later(1), scenario="A"),
        event("assigned", later(2), task="a-tech-restore", person="jeroen-martens"),
        event("assigned", later(3), task="a-tech-restore", person="tom-maes"),
        event("assigned", later(2), task="gather", person="sofie-dewilde"),
    )
    assigned = {t.id: t.assignee for t in state.tasks if t.assignee}
    assert assigned == {"a-tech-restore": "tom-maes", "gather": "sofie-dewilde"}
    task = state.task("a-tech-restore")
    assert task is not None and task.status == "todo"


# --- Contacted --------------------------------------------------------------------------


def test_contact_records_the_last_result_and_when() -> None:
    state = state_of(
        event("contact", later(0.25), person="tom-maes", result="no-answer"),
        event("contact", later(0.5), person="tom-maes", result="reached", note="komt om 11u"),
        event("contact", later(0.3), person="koen-claeys", result="unreachable"),
    )
    contacts = {c.id: c for c in state.contacts}
    assert (contacts["tom-maes"].status, contacts["tom-maes"].at) == ("reached", later(0.5))
    assert contacts["tom-maes"].note == "komt om 11u"
    assert (contacts["koen-claeys"].status, contacts["koen-claeys"].at) == (
        "unreachable",
        later(0.3),
    )
    pending = [c.id for c in state.contacts if c.status == "pending"]
    assert pending == [c for c in CONTACT_IDS if c not in {"tom-maes", "koen-claeys"}]


# --- Components -------------------------------------------------------------------------


def test_every_plan_component_starts_unknown() -> None:
    state = state_of()
    assert [c.id for c in state.components] == [c.id for c in PLAN.components()]
    assert len(state.components) == 13
    assert all(c.status == "unknown" and c.at is None for c in state.components)


def test_last_component_status_wins() -> None:
    state = state_of(
        event("component", later(1), component="wan1", status="down", note="kabel stuk"),
        event("component", later(9), component="wan1", status="up", note="hersteld"),
        event("component", later(5), component="wan1", status="degraded"),
        event("component", later(2), component="hv1", status="down"),
    )
    components = {c.id: c for c in state.components}
    assert (components["wan1"].status, components["wan1"].at) == ("up", later(9))
    assert components["wan1"].note == "hersteld"
    assert components["hv1"].status == "down"
    assert components["hv2"].status == "unknown"


# --- Tickets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "opened", "due"),
    [
        # 2 h on Friday evening, Sunday does not count, 3 h on Saturday morning
        ("wan", datetime(2026, 11, 27, 18, 0), datetime(2026, 11, 28, 11, 0)),
        # inside one window
        ("wan", datetime(2026, 11, 23, 10, 0), datetime(2026, 11, 23, 15, 0)),
        # Saturday ends at 16:30 and Sunday has no hours
        ("wan", datetime(2026, 11, 28, 15, 0), datetime(2026, 11, 30, 11, 30)),
        # Wednesday 11 November (Armistice) is a Belgian public holiday
        ("wan", datetime(2026, 11, 10, 18, 0), datetime(2026, 11, 12, 11, 0)),
        # Easter Monday 2026-04-06 is a holiday, after a Saturday in CEST
        ("wan", datetime(2026, 4, 4, 15, 0), datetime(2026, 4, 7, 11, 30)),
        # across the March clock change: Saturday CET, Monday CEST
        ("wan", datetime(2026, 3, 28, 15, 0), datetime(2026, 3, 30, 11, 30)),
        # the support contract does not count the lunch break, Friday ends at 16:00
        ("srv", datetime(2026, 11, 27, 15, 0), datetime(2026, 11, 30, 16, 30)),
    ],
)
def test_ticket_is_due_after_the_slas_business_hours(
    provider: str, opened: datetime, due: datetime
) -> None:
    at = opened.replace(tzinfo=BRUSSELS)
    state = fold(
        PLAN,
        [
            declared(at - timedelta(hours=1)),
            event("ticket-opened", at, ticket=f"{provider}-7K3F", provider=provider, ref="T-1"),
        ],
    )
    [ticket] = state.tickets
    assert (ticket.id, ticket.provider, ticket.ref) == (f"{provider}-7K3F", provider, "T-1")
    assert ticket.opened_at == at
    assert local(ticket.due_at) == due.replace(tzinfo=BRUSSELS).isoformat()
    assert ticket.closed_at is None
    assert state.open_tickets() == [ticket]


def test_ticket_with_a_provider_without_sla_has_no_due_time() -> None:
    state = state_of(event("ticket-opened", later(1), ticket="fw-AB12", provider="fw"))
    [ticket] = state.tickets
    assert ticket.due_at is None
    assert not ticket.overdue(later(1000))


def test_closing_a_ticket_sets_its_closed_at() -> None:
    state = state_of(
        event("ticket-opened", later(1), ticket="wan-AB12", provider="wan"),
        event("ticket-opened", later(2), ticket="srv-CD34", provider="srv"),
        event("ticket-closed", later(4), ticket="wan-AB12", note="modem vervangen"),
    )
    tickets = {t.id: t for t in state.tickets}
    assert [t.id for t in state.tickets] == ["wan-AB12", "srv-CD34"]
    assert tickets["wan-AB12"].closed_at == later(4)
    assert tickets["srv-CD34"].closed_at is None
    assert [t.id for t in state.open_tickets()] == ["srv-CD34"]


def test_a_ticket_opened_twice_keeps_its_first_opening() -> None:
    state = state_of(
        event("ticket-opened", later(3), ticket="wan-AB12", provider="wan", ref="second"),
        event("ticket-opened", later(1), ticket="wan-AB12", provider="wan", ref="first"),
    )
    [ticket] = state.tickets
    assert (ticket.ref, ticket.opened_at) == ("first", later(1))


# --- Restores ---------------------------------------------------------------------------


def test_restore_tracks_status_and_restore_point_per_system() -> None:
    point = datetime(2026, 11, 26, 21, 0, tzinfo=BRUSSELS)
    state = state_of(
        event("restore", later(2), system="offline", status="planned"),
        event("restore", later(6), system="offline", status="running", point=point),
        event("restore", later(4), system="hv1", status="restored"),
    )
    restores = {r.system: r for r in state.restores}
    assert [r.system for r in state.restores] == ["hv1", "offline"]
    assert (restores["offline"].status, restores["offline"].at) == ("running", later(6))
    assert restores["offline"].point == point
    assert (restores["hv1"].status, restores["hv1"].point) == ("restored", None)


# --- Recovery and closing ---------------------------------------------------------------


def test_recovery_adds_its_tasks_after_the_scenarios() -> None:
    before = state_of(event("decided", later(2), scenario="B"))
    assert not any(t.phase == "recovery" for t in before.tasks)
    state = state_of(
        event("decided", later(2), scenario="B"),
        event("recovery", later(100), note="terug naar de eigen gebouwen"),
    )
    assert state.recovery_started_at == later(100)
    recovery = [t for t in state.tasks if t.phase == "recovery"]
    assert [t.id for t in recovery] == ["rec-return", "rec-ict", "rec-evaluate", "rec-plan"]
    assert state.tasks[-4:] == recovery
    assert all(t.due_at is None for t in recovery)
    assert state.tasks[: len(before.tasks)] == before.tasks


def test_closing_ends_the_incident() -> None:
    state = state_of(event("closed", later(200), note="normale werking"))
    assert state.closed_at == later(200)
    assert not state.active


def test_the_first_recovery_start_and_the_first_closing_count() -> None:
    # a start or a closing is a moment, not a setting: when it first happened
    state = state_of(
        event("recovery", later(90)),
        event("recovery", later(80)),
        event("closed", later(300)),
        event("closed", later(250)),
    )
    assert state.recovery_started_at == later(80)
    assert state.closed_at == later(250)


# --- Timeline ---------------------------------------------------------------------------


def test_notes_meetings_and_assessments_land_in_the_timeline_in_order() -> None:
    meeting = event("meeting", later(3), note="eerste vergadering")
    assessment = event("assessment", later(2), note="serverruimte onder water")
    note = event("note", later(4), text="pers belt")
    backdated = event("note", later(0.5), text="eerste melding door de brandweer")
    state = state_of(meeting, assessment, note, backdated, plan=PLAIN)
    assert [e.kind for e in state.timeline] == ["declared", "note", "assessment", "meeting", "note"]
    assert state.timeline[1:] == [backdated, assessment, meeting, note]
    # in a plan where no step is done by them, they change nothing else
    assert state.tasks == state_of(plan=PLAIN).tasks
    assert state.contacts == state_of(plan=PLAIN).contacts


def test_a_duplicated_event_counts_once() -> None:
    start = declared()
    done = event("task", later(1), task="reported", status="done")
    note = event("note", later(2), text="twee keer samengevoegd")
    once = fold(PLAN, [start, done, note])
    twice = fold(PLAN, [note, start, done, note, done, start])
    assert twice == once
    assert len(twice.timeline) == 3
    assert ordered([note, start, done, note]) == [start, done, note]


def test_events_of_another_incident_are_ignored() -> None:
    other = "20261120-ZZZZ"
    start = declared()
    elsewhere = [
        event("decided", later(1), scenario="C", incident=other),
        event("task", later(2), task="reported", status="done", incident=other),
        event("note", later(3), text="elders", incident=other),
        event("closed", later(4), incident=other),
    ]
    state = fold(PLAN, [start, *elsewhere])
    assert state == fold(PLAN, [start])
    assert {e.incident for e in state.timeline} == {INCIDENT}


@pytest.mark.parametrize(
    "events",
    [
        [],
        [event("note", later(1), text="geen afkondiging")],
        [declared(), event("declared", later(1), incident="20261128-0000")],
    ],
    ids=["nothing", "no-declaration", "two-incidents"],
)
def test_not_an_incident_without_exactly_one_declared_incident(events: list[Event]) -> None:
    with pytest.raises(NotAnIncident):
        fold(PLAN, events)


def test_unknown_ids_lists_what_the_plan_does_not_know() -> None:
    state = state_of(
        event("decided", later(1), scenario="Z"),
        event("task", later(2), task="ghost-task", status="done"),
        event("assigned", later(2), task="gather", person="nobody"),
        event("contact", later(2), person="stranger", result="reached"),
        event("component", later(2), component="mainframe", status="down"),
        event("ticket-opened", later(2), ticket="acme-0001", provider="acme"),
        event("restore", later(2), system="tape", status="running"),
        # all known: not listed
        event("contact", later(2), person="tom-maes", result="reached"),
        event("restore", later(2), system="offline", status="running"),
        event("ticket-opened", later(2), ticket="wan-0001", provider="wan"),
    )
    expected = ["Z", "acme", "ghost-task", "mainframe", "nobody", "stranger", "tape"]
    assert state.unknown_ids == expected
    assert state.scenario == "Z"
    assert state.target_at is None
    assert [t.id for t in state.tasks] == STEP_IDS


# --- Overdue against a given now --------------------------------------------------------

DUE = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "due_at", "now", "expected"),
    [
        ("todo", DUE, DUE + timedelta(seconds=1), True),
        ("doing", DUE, DUE + timedelta(hours=5), True),
        ("blocked", DUE, DUE + timedelta(hours=5), True),
        ("todo", DUE, DUE, False),
        ("todo", DUE, DUE - timedelta(minutes=1), False),
        ("done", DUE, DUE + timedelta(hours=5), False),
        ("skipped", DUE, DUE + timedelta(hours=5), False),
        ("todo", None, DUE + timedelta(days=30), False),
    ],
)
def test_task_overdue(
    status: TaskStatus, due_at: datetime | None, now: datetime, expected: bool
) -> None:
    task = TaskState("t", "T", "step", "coordinator", status=status, due_at=due_at)
    assert task.overdue(now) is expected


@pytest.mark.parametrize(
    ("due_at", "closed_at", "now", "expected"),
    [
        (DUE, None, DUE + timedelta(minutes=1), True),
        (DUE, None, DUE, False),
        (DUE, DUE + timedelta(hours=1), DUE + timedelta(hours=2), False),
        (None, None, DUE + timedelta(days=30), False),
    ],
)
def test_ticket_overdue(
    due_at: datetime | None, closed_at: datetime | None, now: datetime, expected: bool
) -> None:
    ticket = TicketState(
        "wan-1", "wan", DUE - timedelta(hours=5), due_at=due_at, closed_at=closed_at
    )
    assert ticket.overdue(now) is expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [(later(72) - timedelta(seconds=1), False), (later(72), False), (later(73), True)],
)
def test_gdpr_deadline_overdue(now: datetime, expected: bool) -> None:
    state = state_of(event("decided", later(1), scenario="C"))
    gdpr = next(d for d in state.deadlines if d.id == "gdpr")
    assert gdpr.overdue(now) is expected


def test_folded_task_is_overdue_from_its_due_time() -> None:
    state = state_of(event("task", later(0.5), task="gather", status="doing"))
    gather = state.task("gather")
    assert gather is not None and gather.due_at == later(3)
    assert not gather.overdue(later(3))
    assert gather.overdue(later(3) + timedelta(seconds=1))
    done = state_of(event("task", later(0.5), task="gather", status="done")).task("gather")
    assert done is not None and not done.overdue(later(30))


# --- Daylight saving time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared_local", "scenario", "hours", "target_local"),
    [
        # CET (+01:00) to CEST (+02:00): the wall clock jumps an hour ahead
        ("2026-03-28T12:00:00+01:00", "A", 72, "2026-03-31T13:00:00+02:00"),
        # CEST (+02:00) to CET (+01:00): the wall clock falls an hour back
        ("2026-10-24T12:00:00+02:00", "B", 48, "2026-10-26T11:00:00+01:00"),
    ],
    ids=["march", "october"],
)
def test_targets_count_real_hours_across_a_clock_change(
    declared_local: str, scenario: str, hours: int, target_local: str
) -> None:
    start = datetime.fromisoformat(declared_local).replace(tzinfo=None).replace(tzinfo=BRUSSELS)
    assert start.isoformat() == declared_local
    state = fold(PLAN, [declared(start), event("decided", start, scenario=scenario)])
    assert state.target_at is not None
    assert local(state.target_at) == target_local
    assert state.target_at - start == timedelta(hours=hours)
    assert state.target_at.timestamp() - start.timestamp() == hours * 3600


def test_task_due_times_count_real_hours_across_a_clock_change() -> None:
    start = datetime(2026, 3, 28, 12, 0, tzinfo=BRUSSELS)
    state = fold(PLAN, [declared(start), event("decided", start, scenario="C")])
    gdpr = next(d for d in state.deadlines if d.id == "gdpr")
    assert local(gdpr.due_at) == "2026-03-31T13:00:00+02:00"
    rebuild = state.task("c-tech-rebuild")  # due 36 h after the declaration
    assert rebuild is not None
    assert local(rebuild.due_at) == "2026-03-30T01:00:00+02:00"
