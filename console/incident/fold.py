"""The fold: from a plan and an incident's events to its current state.

Pure and deterministic. Events are deduplicated by id (a merge may bring the
same event twice) and applied in order of (`at`, id), so any permutation of
the same events gives the same state. When two events set the same thing (a
task's status, the scenario, a component), the later `at` wins and the id
breaks ties; what happens once (a ticket's opening or closing, the start of
the recovery, the closing) keeps its first occurrence. Those rules are in
`console.incident.brief`, which the actions read too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never
from zoneinfo import ZoneInfo

from console.incident.brief import Brief
from console.incident.events import (
    Assessment,
    Closed,
    ComponentChanged,
    Contacted,
    Decided,
    Declared,
    Event,
    Meeting,
    Note,
    RecoveryStarted,
    ReportIssued,
    RestoreChanged,
    TaskAssigned,
    TaskChanged,
    TicketClosed,
    TicketOpened,
    sort_key,
)
from console.incident.sla import NoBusinessHours, sla_due
from console.incident.state import (
    ComponentState,
    ContactState,
    DeadlineState,
    IncidentState,
    RestoreState,
    TaskState,
    TicketState,
    after,
)
from console.plan.model import Plan
from console.plan.scenarios import Phase, Task


class NotAnIncident(ValueError):
    """The events hold no declaration, or declarations of more than one incident."""


def ordered(events: Iterable[Event]) -> list[Event]:
    """Events without duplicates, in the order of the fold."""
    unique = {event.id: event for event in events}
    return sorted(unique.values(), key=sort_key)


def contact_people(plan: Plan) -> list[str]:
    """Who is tracked as contacted: the crisis staff, then the other plan holders."""
    ids = [*plan.crisis.staff, *plan.holders.people]
    if plan.holders.dpo:
        ids.append(plan.holders.dpo)
    return list(dict.fromkeys(ids))


def fold(plan: Plan, events: Iterable[Event]) -> IncidentState:
    """The state of the one incident these events belong to."""
    timeline = ordered(events)
    declarations = [e for e in timeline if isinstance(e, Declared)]
    if not declarations or len({d.incident for d in declarations}) > 1:
        raise NotAnIncident("the events must hold the declaration of exactly one incident")
    declared = declarations[0]
    timeline = [e for e in timeline if e.incident == declared.incident]
    zone = ZoneInfo(plan.organisation.timezone)
    start = declared.at

    brief = Brief()
    statuses: dict[str, TaskChanged] = {}
    notes: dict[str, str] = {}
    assignees: dict[str, str] = {}
    contacts: dict[str, Contacted] = {}
    components: dict[str, ComponentChanged] = {}
    restores: dict[str, RestoreChanged] = {}
    reports: list[ReportIssued] = []
    for event in timeline:
        brief.take(event)  # the declaration, the decision, the recovery, closings, tickets
        match event:
            case TaskChanged():
                if event.status is not None:
                    statuses[event.task] = event
                notes[event.task] = event.note
            case TaskAssigned():
                assignees[event.task] = event.person
            case Contacted():
                contacts[event.person] = event
            case ComponentChanged():
                components[event.component] = event
            case RestoreChanged():
                known_point = restores[event.system].point if event.system in restores else None
                if event.point is None and known_point is not None:
                    event = event.model_copy(update={"point": known_point})  # keep the point
                restores[event.system] = event
            case ReportIssued():
                reports.append(event)
            case (
                Declared()
                | Decided()
                | RecoveryStarted()
                | Closed()
                | TicketOpened()
                | TicketClosed()
                | Meeting()
                | Assessment()
                | Note()
            ):
                pass  # the brief keeps the first six; the others are only in the timeline
            case _:
                assert_never(event)
    scenario, recovery_at = brief.scenario, brief.recovery_started_at

    chosen = plan.scenario(scenario) if scenario else None
    listed: list[tuple[Phase, Task]] = [("step", step) for step in plan.steps]
    if chosen is not None:
        listed.extend(chosen.tasks())
    if recovery_at is not None:
        listed.extend(("recovery", task) for task in plan.recovery.tasks)
    tasks = []
    for phase, task in listed:
        change = statuses.get(task.id)
        tasks.append(
            TaskState(
                id=task.id,
                title=task.title,
                phase=phase,
                owner=task.owner,
                status=change.status if change and change.status else "todo",
                assignee=assignees.get(task.id),
                note=notes.get(task.id, ""),
                updated_at=change.at if change else None,
                due_at=after(start, task.due_hours) if task.due_hours is not None else None,
            )
        )

    people = plan.people_by_id
    contact_states = []
    for person_id in contact_people(plan):
        reached = contacts.get(person_id)
        contact_states.append(
            ContactState(
                id=person_id,
                name=people[person_id].name if person_id in people else person_id,
                status=reached.result if reached else "pending",
                at=reached.at if reached else None,
                note=reached.note if reached else "",
            )
        )

    slas = {sla.provider: sla for sla in reversed(plan.slas)}
    tickets = []
    for ticket_id, opening in sorted(brief.opened.items(), key=lambda item: sort_key(item[1])):
        sla = slas.get(opening.provider)
        due = None
        if sla is not None:
            try:
                due = sla_due(sla, opening.at, zone)
            except NoBusinessHours:
                due = None
        closing = brief.closed.get(ticket_id)
        tickets.append(
            TicketState(
                id=ticket_id,
                provider=opening.provider,
                opened_at=opening.at,
                ref=opening.ref,
                due_at=due,
                closed_at=closing.at if closing else None,
            )
        )

    component_states = []
    for component in plan.components():
        seen = components.get(component.id)
        component_states.append(
            ComponentState(
                id=component.id,
                name=component.name,
                status=seen.status if seen else "unknown",
                at=seen.at if seen else None,
                note=seen.note if seen else "",
            )
        )

    known = {t.id for _, t in plan.tasks()} | set(people) | {c.id for c in plan.components()}
    known |= {s.id for s in plan.scenarios} | {p.id for p in plan.providers}
    known |= {b.id for b in plan.backups}
    referenced = [*statuses, *assignees.values(), *assignees, *contacts, *components, *restores]
    referenced += [o.provider for o in brief.opened.values()]
    if scenario:
        referenced.append(scenario)

    return IncidentState(
        id=declared.incident,
        declared_at=start,
        declared_by=declared.actor,
        drill=declared.drill,
        extent=declared.extent,
        summary=declared.summary,
        scenario=scenario,
        decided_at=brief.decided_at,
        recovery_started_at=recovery_at,
        closed_at=brief.closed_at,
        targets={s.id: after(start, s.target_hours) for s in plan.scenarios},
        deadlines=[
            DeadlineState(d.id, d.name, after(start, d.hours))
            for d in (chosen.deadlines if chosen else [])
        ],
        tasks=tasks,
        contacts=contact_states,
        tickets=tickets,
        components=component_states,
        restores=[
            RestoreState(system=r.system, status=r.status, at=r.at, point=r.point)
            for r in sorted(restores.values(), key=sort_key)
        ],
        reports=reports,
        timeline=timeline,
        unknown_ids=sorted(set(referenced) - known),
    )
