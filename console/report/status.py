"""The incident's status for scripts (`drp status --json`) and for people (`drp status`).

The JSON keys are a stable contract: every datetime is ISO 8601 with the
offset of the plan's time zone, and keys are only ever added, never renamed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from console.i18n import _, ngettext
from console.incident import timefmt
from console.incident.state import CLOSED_TASK_STATUSES, IncidentState
from console.incident.urgency import marked_left
from console.incident.words import (
    component_word,
    contact_word,
    extent_word,
    restore_word,
    task_mark,
    task_word,
)
from console.plan.model import Plan
from console.present.text import clip, visible


def status_data(plan: Plan, state: IncidentState | None, now: datetime) -> dict[str, Any]:
    """The status as plain data, ready for `json.dumps`."""
    zone = ZoneInfo(plan.organisation.timezone)

    def iso(instant: datetime | None) -> str | None:
        return timefmt.iso(instant, zone)

    if state is None:
        return {
            "incident": None,
            "targets": {},
            "deadlines": [],
            "tasks": [],
            "contacts": [],
            "tickets": [],
            "components": [],
            "timeline_count": 0,
            "now": iso(now),
        }
    target = state.target_at
    return {
        "incident": {
            "id": state.id,
            "drill": state.drill,
            "speed": state.speed,
            "declared_at": iso(state.declared_at),
            "kind": state.extent,
            "summary": state.summary,
            "scenario": state.scenario,
            "target_at": iso(target),
            "remaining_seconds": (
                int((target - now).total_seconds()) if target is not None else None
            ),
            "recovery_started_at": iso(state.recovery_started_at),
            "closed_at": iso(state.closed_at),
        },
        "targets": {scenario: iso(at) for scenario, at in state.targets.items()},
        "deadlines": [
            {"id": d.id, "name": d.name, "due_at": iso(d.due_at), "overdue": d.overdue(now)}
            for d in state.deadlines
        ],
        "tasks": [
            {
                "id": t.id,
                "title": t.title,
                "phase": t.phase,
                "status": t.status,
                "owner": t.owner,
                "assignee": t.assignee,
                "due_at": iso(t.due_at),
                "overdue": t.overdue(now),
            }
            for t in state.tasks
        ],
        "contacts": [
            {"id": c.id, "name": c.name, "status": c.status, "at": iso(c.at)}
            for c in state.contacts
        ],
        "tickets": [
            {
                "id": t.id,
                "provider": t.provider,
                "ref": t.ref,
                "opened_at": iso(t.opened_at),
                "due_at": iso(t.due_at),
                "closed_at": iso(t.closed_at),
                "overdue": t.overdue(now),
            }
            for t in state.tickets
        ],
        "components": [{"id": c.id, "status": c.status} for c in state.components],
        "restores": [
            {"system": r.system, "status": r.status, "point": iso(r.point), "at": iso(r.at)}
            for r in state.restores
        ],
        "timeline_count": len(state.timeline),
        "now": iso(now),
    }


def _width(values: Iterable[str]) -> int:
    """A column as wide as its longest value: an id a person types is never cut."""
    return max((len(value) for value in values), default=0)


def status_text(plan: Plan, state: IncidentState | None, now: datetime) -> str:
    """The status for people, readable without colour at 80 columns.

    Every value from the plan or the journal is shown with `visible`: a note,
    an id or a name cannot act on the terminal nor pass for a line of its own.
    """
    zone = ZoneInfo(plan.organisation.timezone)
    organisation = visible(plan.organisation.name)
    if state is None:
        return _("{organisation}: no active disaster.").format(organisation=organisation)
    lines = []
    badge = _("DRILL ") if state.drill else ""
    lines.append(
        _("{badge}{incident} ({extent}) — {organisation}").format(
            badge=badge,
            incident=visible(state.id),
            extent=extent_word(state.extent),
            organisation=organisation,
        )
    )
    lines.append(
        _("Declared {at} by {actor}; T+{elapsed}").format(
            at=timefmt.when(state.declared_at, zone),
            actor=visible(state.declared_by),
            elapsed=timefmt.span(now - state.declared_at),
        )
    )
    if state.speed != 1:
        lines.append(
            _("Drill time {now}: its clock runs {speed} times as fast as real time.").format(
                now=timefmt.when(now, zone), speed=state.speed
            )
        )
    if state.closed_at is not None:
        lines.append(_("Closed {at}.").format(at=timefmt.when(state.closed_at, zone)))
    if state.scenario and state.target_at:
        scenario = plan.scenario(state.scenario)
        lines.append(
            _("Scenario {id}: {title}").format(
                id=visible(state.scenario), title=visible(scenario.title) if scenario else ""
            )
        )
        lines.append(
            _("  target {at}  {left}").format(
                at=timefmt.when(state.target_at, zone), left=marked_left(state.target_at, now)
            )
        )
    else:
        lines.append(_("No scenario decided yet. Targets:"))
        for scenario_id, target in state.targets.items():
            lines.append(
                f"  {scenario_id}  {timefmt.when(target, zone)}  {marked_left(target, now)}"
            )
    for extra in state.deadlines:
        due = f"{timefmt.when(extra.due_at, zone)}  {marked_left(extra.due_at, now)}"
        lines.append(f"  {visible(extra.name)}: {due}")
    done = sum(1 for t in state.tasks if t.status in CLOSED_TASK_STATUSES)
    overdue = [t for t in state.tasks if t.overdue(now)]
    lines.append("")
    lines.append(
        _("Tasks: {done} of {total} done, {overdue} overdue").format(
            done=done, total=len(state.tasks), overdue=len(overdue)
        )
    )
    task_ids = _width(visible(task.id) for task in state.tasks)
    for task in state.tasks:
        mark = task_mark(task.status)  # the time left says "!" or "LATE"
        due = (
            marked_left(task.due_at, now)
            if task.due_at and task.status not in CLOSED_TASK_STATUSES
            else ""
        )
        word = task_word(task.status)
        title = clip(visible(task.title), 34)
        lines.append(f"  [{mark}] {visible(task.id):<{task_ids}} {word:<8} {title:<34} {due}")
    reached = sum(1 for c in state.contacts if c.status == "reached")
    lines.append("")
    lines.append(
        ngettext(
            "Contacts: {reached} of {total} reached",
            "Contacts: {reached} of {total} reached",
            len(state.contacts),
        ).format(reached=reached, total=len(state.contacts))
    )
    for person in state.contacts:
        if person.status != "reached":
            lines.append(f"  {contact_word(person.status):<11} {visible(person.name)}")
    if state.tickets:
        lines.append("")
        lines.append(_("Tickets:"))
        ticket_ids = _width(visible(ticket.id) for ticket in state.tickets)
        providers = _width(visible(ticket.provider) for ticket in state.tickets)
        for ticket in state.tickets:
            if ticket.closed_at is not None:
                clock = _("closed {at}").format(at=timefmt.when(ticket.closed_at, zone))
            elif ticket.due_at is not None:
                clock = _("SLA {at}  {left}").format(
                    at=timefmt.when(ticket.due_at, zone), left=marked_left(ticket.due_at, now)
                )
            else:
                clock = _("no SLA")
            ticket_id, provider = visible(ticket.id), visible(ticket.provider)
            lines.append(f"  {ticket_id:<{ticket_ids}} {provider:<{providers}} {clock}")
    troubled = [c for c in state.components if c.status in ("down", "degraded")]
    if troubled:
        lines.append("")
        lines.append(_("Components down or degraded:"))
        ids = _width(visible(c.id) for c in troubled)
        lines.extend(
            f"  {component_word(c.status):<9} {visible(c.id):<{ids}} {visible(c.name)}"
            for c in troubled
        )
    if state.restores:
        lines.append("")
        lines.append(_("Restores:"))
        systems = _width(visible(restore.system) for restore in state.restores)
        for restore in state.restores:
            point = timefmt.when(restore.point, zone) if restore.point else "—"
            system, word = visible(restore.system), restore_word(restore.status)
            lines.append(f"  {system:<{systems}} {word:<9} {point}")
    lines.append("")
    lines.append(
        ngettext(
            "{n} event in the timeline.", "{n} events in the timeline.", len(state.timeline)
        ).format(n=len(state.timeline))
    )
    if state.unknown_ids:
        lines.append(
            _("The journal names ids the plan no longer has: {ids}").format(
                ids=", ".join(map(visible, state.unknown_ids))
            )
        )
    return "\n".join(lines)
