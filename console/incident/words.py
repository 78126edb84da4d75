"""What an event says, in words for people: one line for a table, a list, a report.

The timeline shows every event this way and the overview its latest ones,
so both read the same. Event kinds and statuses are data ("no-answer",
"ticket-opened"); people read them translated ("no answer", "ticket opened").
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from console.i18n import N_, _
from console.incident import timefmt
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
    RestoreChanged,
    TaskAssigned,
    TaskChanged,
    TicketClosed,
    TicketOpened,
)
from console.plan.model import Plan

BACKDATED_AFTER = timedelta(minutes=1)
"""An event that happened this much earlier than it was recorded is marked backdated."""

KIND_WORDS = {
    "declared": N_("declared"),
    "contact": N_("contact"),
    "meeting": N_("meeting"),
    "assessment": N_("assessment"),
    "decided": N_("decision"),
    "task": N_("task"),
    "assigned": N_("assigned"),
    "note": N_("note"),
    "component": N_("component"),
    "ticket-opened": N_("ticket opened"),
    "ticket-closed": N_("ticket closed"),
    "restore": N_("restore"),
    "recovery": N_("recovery"),
    "closed": N_("closed"),
}
"""What happened, by event kind, in words for people."""

STATUS_WORDS = {
    "todo": N_("to do"),
    "doing": N_("in progress"),
    "done": N_("done"),
    "blocked": N_("blocked"),
    "skipped": N_("skipped"),
    "reached": N_("reached"),
    "no-answer": N_("no answer"),
    "unreachable": N_("unreachable"),
    "up": N_("up"),
    "degraded": N_("degraded"),
    "down": N_("down"),
    "unknown": N_("unknown"),
    "planned": N_("planned"),
    "running": N_("running"),
    "restored": N_("restored"),
    "verified": N_("verified"),
}
"""Task, contact, component and restore statuses in words for people."""


def status_words(status: str) -> str:
    """A status (task, contact, component or restore) in words for people."""
    return _(STATUS_WORDS.get(status, status))


def backdated(event: Event) -> bool:
    """Whether the event was recorded more than a minute after it happened."""
    return event.recorded_at - event.at > BACKDATED_AFTER


def _with(head: str, note: str) -> str:
    return f"{head}: {note}" if note else head


def describe(event: Event, plan: Plan) -> tuple[str, str]:
    """What an event is and its detail, one line each, in words for people."""
    people = plan.people_by_id

    def name(person: str) -> str:
        return people[person].name if person in people else person

    match event:
        case Declared():
            extent = _("partial disaster") if event.extent == "partial" else _("total disaster")
            detail = _with(extent, event.summary)
            if event.drill:
                detail = _("{detail} (drill)").format(detail=detail)
        case Contacted():
            detail = _with(f"{name(event.person)} {status_words(event.result)}", event.note)
        case Decided():
            detail = _with(_("scenario {id}").format(id=event.scenario), event.note)
        case TaskChanged():
            words = _("note") if event.status is None else status_words(event.status)
            detail = _with(f"{event.task} {words}", event.note)
        case TaskAssigned():
            detail = _("{task} to {person}").format(task=event.task, person=name(event.person))
        case Note():
            detail = event.text
        case ComponentChanged():
            detail = _with(f"{event.component} {status_words(event.status)}", event.note)
        case TicketOpened():
            detail = _("{ticket} with {provider}").format(
                ticket=event.ticket, provider=event.provider
            )
            detail = _with(detail, event.ref)
        case TicketClosed():
            detail = _with(event.ticket, event.note)
        case RestoreChanged():
            detail = f"{event.system} {status_words(event.status)}"
            if event.point is not None:
                zone = ZoneInfo(plan.organisation.timezone)
                point = timefmt.when(event.point, zone)
                detail = _("{detail}, restore point {point}").format(detail=detail, point=point)
        case Meeting() | Assessment() | RecoveryStarted() | Closed():
            detail = event.note
    return _(KIND_WORDS.get(event.kind, event.kind)), " ".join(detail.split())
