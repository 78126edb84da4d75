"""The fold: from a plan and an incident's events to its current state.

Pure and deterministic. Events are deduplicated by id (a merge may bring the
same event twice) and applied in order of (`at`, id), so any permutation of
the same events gives the same state. When two events set the same thing (a
task's status, the scenario, a component), the later `at` wins and the id
breaks ties; what happens once (a ticket's opening or closing, the start of
the recovery, the closing) keeps its first occurrence. Those rules are in
`console.incident.brief`, which the actions read too.

A step of the plan with `done_by` is completed by every event of that kind:
each counts as the step set "done" at that event's `at`, by its actor, and
takes its place among the task events for the step by the same order. So
the last of them wins: a status set by hand after the meeting (reopened,
blocked, skipped) stands, and the meeting overtakes a status set by hand
before it. When a task was done (`done_at`, `done_by`) is the first of the
changes that keep giving it its present status: a step ticked off by hand
before the meeting keeps that moment and that person; a step reopened
after the meeting and completed by the next one is done at the next one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
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
    TaskStatus,
    TicketClosed,
    TicketOpened,
    sort_key,
)
from console.incident.sla import NoBusinessHours, sla_due
from console.incident.state import (
    CLOSED_TASK_STATUSES,
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


@dataclass(frozen=True)
class StatusSet:
    """A task's status as one event set it: a task event, or the event that completes a step."""

    status: TaskStatus
    at: datetime
    actor: str


@dataclass(frozen=True)
class Progress:
    """A task's status so far: the last change, and the first that gave it its present status."""

    last: StatusSet
    since: StatusSet

    def then(self, change: StatusSet) -> Progress:
        """The progress after `change`, which comes later in the fold's order."""
        same = change.status == self.last.status
        return Progress(last=change, since=self.since if same else change)


def completed_by(plan: Plan) -> dict[str, list[str]]:
    """The steps each kind of event completes, by the event's kind (the steps' `done_by`)."""
    found: dict[str, list[str]] = {}
    for step in plan.steps:
        if step.done_by is not None:
            found.setdefault(step.done_by, []).append(step.id)
    return found


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
    completes = completed_by(plan)
    statuses: dict[str, Progress] = {}

    def set_status(task: str, change: StatusSet) -> None:
        known = statuses.get(task)
        statuses[task] = known.then(change) if known else Progress(change, change)

    notes: dict[str, str] = {}
    assignees: dict[str, str] = {}
    contacts: dict[str, Contacted] = {}
    components: dict[str, ComponentChanged] = {}
    restores: dict[str, RestoreChanged] = {}
    reports: list[ReportIssued] = []
    for event in timeline:
        brief.take(event)  # the declaration, the decision, the recovery, closings, tickets
        for step in completes.get(event.kind, ()):
            set_status(step, StatusSet("done", event.at, event.actor))
        match event:
            case TaskChanged():
                if event.status is not None:
                    set_status(event.task, StatusSet(event.status, event.at, event.actor))
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
        progress = statuses.get(task.id)
        last = progress.last if progress else None
        done = progress.since if progress and last and last.status in CLOSED_TASK_STATUSES else None
        tasks.append(
            TaskState(
                id=task.id,
                title=task.title,
                phase=phase,
                owner=task.owner,
                status=last.status if last else "todo",
                assignee=assignees.get(task.id),
                note=notes.get(task.id, ""),
                updated_at=last.at if last else None,
                done_at=done.at if done else None,
                done_by=done.actor if done else None,
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
        speed=declared.speed,
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
