"""A drill's first morning, recorded through the actions: what `drp demo` opens on.

A newcomer should see every tab of the console alive with one command:
people reached and not answering, the scenario decided, tasks done, in
progress and late, a provider ticket with its SLA clock, a component down, a
restore running. The morning is recorded by the same action functions the
commands call, so it is a journal like any other, and it works on any plan:
it takes the plan's first scenario, its first tasks, the first people to
call, the first components, the first provider with an SLA and the first
backup, whatever their ids. Its times are counted back from the clock's now,
far enough that one open task is past its due time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from console.i18n import _
from console.incident import actions
from console.incident.events import ContactResult, Event
from console.incident.fold import contact_people
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.scenarios import Scenario, Task

LEAST = timedelta(hours=4)
"""The shortest morning: long enough for the calls, the meeting and the decision."""
PAST_DUE = timedelta(hours=1)
"""How long the late task has been past its due time when the demo opens."""
CALLS: tuple[ContactResult, ...] = ("reached", "no-answer", "reached", "unreachable")
"""What the first calls gave, in order; the others on the list are still to call."""


@dataclass(frozen=True)
class Morning:
    """What the morning recorded, and what it left for the user to find."""

    incident: str
    declared_at: datetime
    done: str | None
    """The scenario task done."""
    doing: str | None
    """The scenario task in progress."""
    late: str | None
    """The open task past its due time."""
    events: list[Event] = field(default_factory=list)


def _hours(task: Task) -> float:
    return task.due_hours if task.due_hours is not None else float("inf")


def _late_one(plan: Plan, scenario: Scenario) -> Task | None:
    """The open task the morning leaves late: the scenario's soonest after the two it moves."""
    rest = [task for _phase, task in scenario.tasks()[2:] if task.due_hours is not None]
    if not rest:  # a scenario of two tasks: a step nobody ticks off by hand
        rest = [s for s in plan.steps if s.done_by is None and s.due_hours is not None]
    return min(rest, key=_hours, default=None)


def _someone_for(plan: Plan, task: Task) -> str | None:
    """A person who holds the task's role, else the first of the crisis staff."""
    holder = next((p.id for p in plan.people if task.owner in p.roles), None)
    return holder or next(iter(plan.crisis.staff), None)


def record_morning(session: Session, summary: str | None = None) -> Morning:
    """Start a drill some hours ago on `session`'s clock and record its morning until now.

    The session's user must be allowed to declare and decide (a coordinator).
    """
    plan, now = session.plan, session.now()
    scenario = plan.scenarios[0]
    moved = [task for _phase, task in scenario.tasks()[:2]]
    late = _late_one(plan, scenario)
    length = max(LEAST, timedelta(hours=_hours(late)) + PAST_DUE) if late else LEAST
    start = now - length
    events: list[Event] = []

    def at(fraction: float, minutes: int = 0) -> datetime:
        return start + length * fraction + timedelta(minutes=minutes)

    def keep(record: Callable[..., Event], *args: object, **kwargs: object) -> None:
        events.append(record(session, *args, **kwargs))

    text = summary or _("Demonstration: a fire in the main building during the night")
    declared = actions.declare(session, "total", text, drill=True, at=start)
    events.append(declared)
    people = contact_people(plan)
    for number, (person, result) in enumerate(zip(people, CALLS, strict=False)):
        keep(actions.contact, person, result, at=at(0, 5 + 3 * number))
    components = plan.components()
    if components:
        note = _("no connection since the fire")
        keep(actions.set_component, components[0].id, "down", note, at=at(0, 15))
    if len(components) > 1:
        keep(actions.set_component, components[1].id, "degraded", at=at(0, 17))
    providers = [sla.provider for sla in plan.slas] or [p.id for p in plan.providers]
    if providers:
        keep(actions.open_ticket, providers[0], "DEMO-0001", at=at(0, 20))
    by_hand = [step for step in plan.steps if step.done_by is None and step is not late]
    for number, step in enumerate(by_hand):
        keep(actions.set_task, step.id, "done", at=at(0.1, 5 * number))
    keep(actions.meeting, _("first meeting of the crisis staff at the contact address"), at=at(0.2))
    keep(actions.assess, _("the main building cannot be used; the other sites work"), at=at(0.3))
    keep(actions.decide, scenario.id, _("decided at the first evaluation"), at=at(0.35))
    restores = [backup.id for backup in plan.backups] or [c.id for c in components]
    if restores:
        point = start - timedelta(hours=2)  # the last backup before the fire
        keep(actions.restore, restores[0], "running", point, at=at(0.5))
    if moved:
        keep(actions.set_task, moved[0].id, "done", _("done as the plan says"), at=at(0.6))
    if len(moved) > 1:
        keep(actions.set_task, moved[1].id, "doing", at=at(0.7))
        holder = _someone_for(plan, moved[1])
        if holder is not None:
            keep(actions.assign, moved[1].id, holder, at=at(0.7, 1))
    keep(actions.note, _("press release sent to the local newspaper"), at=at(0.9))
    return Morning(
        incident=declared.incident,
        declared_at=declared.at,
        done=moved[0].id if moved else None,
        doing=moved[1].id if len(moved) > 1 else None,
        late=late.id if late else None,
        events=events,
    )
