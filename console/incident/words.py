"""The vocabulary of drp: every status word, mark and event description a person reads.

The console, `drp status`, the command line's confirmations and the reports
say things in these words only, so that a status reads the same on every face
and a language has one place to be translated. Kinds and statuses are data
("no-answer", "ticket-opened"); people read them through these functions.

Every function matches on a `Literal` status or on the event classes and ends
in `assert_never`: adding a status or an event kind makes mypy name each
function here that must learn its words.

Two parts live in lighter modules, because the console's first frame shows
them before the event schema is loaded: the clock markers ("! 1:05 left",
"LATE 0:10", and "!" or "LATE" alone in a strip of steps) in
`console.incident.urgency`, and the roles in words and the refusal in
`console.incident.access`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import assert_never
from zoneinfo import ZoneInfo

from console.i18n import _
from console.incident import timefmt, urgency
from console.incident.events import (
    Assessment,
    Audience,
    Closed,
    ComponentChanged,
    ComponentStatus,
    Contacted,
    Decided,
    Declared,
    Event,
    Extent,
    Meeting,
    Note,
    RecoveryStarted,
    ReportIssued,
    ReportKind,
    RestoreChanged,
    RestoreStatus,
    TaskAssigned,
    TaskChanged,
    TaskStatus,
    TicketClosed,
    TicketOpened,
)
from console.incident.state import CLOSED_TASK_STATUSES, ContactStatus, TaskState
from console.plan.model import Plan
from console.present.text import visible

BACKDATED_AFTER = timedelta(minutes=1)
"""An event that happened this much earlier than it was recorded is marked backdated."""

BACKDATED_MARK = "↶"
"""Follows the time of an event that was recorded later than it happened."""


# --- tasks ------------------------------------------------------------------------


def task_word(status: TaskStatus) -> str:
    """A task status in a word, the word `drp task ID STATUS` takes."""
    match status:
        case "todo":
            return _("todo")
        case "doing":
            return _("doing")
        case "done":
            return _("done")
        case "blocked":
            return _("blocked")
        case "skipped":
            return _("skipped")
        case _:
            assert_never(status)


def task_mark(status: TaskStatus) -> str:
    """A task status as one character, for a strip of steps or a checkbox."""
    match status:
        case "todo":
            return "·"
        case "doing":
            return ">"
        case "done":
            return "✓"
        case "blocked":
            return "#"
        case "skipped":
            return "-"
        case _:
            assert_never(status)


def task_mark_at(task: TaskState, now: datetime) -> str:
    """A task's mark at `now`, for a strip with no room for times: "reported LATE".

    While the task is open and due, the clock's marker takes the place of its
    status's: "LATE" past due, "!" under two hours left, as in "! 1:05 left"
    and "LATE 0:10" (`console.incident.urgency`); otherwise its status's mark.
    """
    urgent = ""
    if task.due_at is not None and task.status not in CLOSED_TASK_STATUSES:
        urgent = urgency.mark(task.due_at, now)
    return urgent or task_mark(task.status)


def task_marked(status: TaskStatus) -> str:
    """A task status as a checkbox and a word: "[✓] done"; it reads without colour."""
    return f"[{task_mark(status)}] {task_word(status)}"


# --- contacts ---------------------------------------------------------------------


def contact_word(status: ContactStatus) -> str:
    """Whether a person was reached, in words."""
    match status:
        case "pending":
            return _("pending")
        case "reached":
            return _("reached")
        case "no-answer":
            return _("no answer")
        case "unreachable":
            return _("unreachable")
        case _:
            assert_never(status)


# --- components -------------------------------------------------------------------


def component_word(status: ComponentStatus) -> str:
    """A component's status in a word."""
    match status:
        case "up":
            return _("up")
        case "degraded":
            return _("degraded")
        case "down":
            return _("down")
        case "unknown":
            return _("unknown")
        case _:
            assert_never(status)


def component_marker(status: ComponentStatus) -> str:
    """A component's status as a marker of six cells, readable without colour: "[DOWN]"."""
    match status:
        case "up":
            return "[ up ]"
        case "degraded":
            return "[degr]"
        case "down":
            return "[DOWN]"
        case "unknown":
            return "[ ?? ]"
        case _:
            assert_never(status)


# --- restores ---------------------------------------------------------------------


def restore_word(status: RestoreStatus) -> str:
    """How far a restore has come, in a word."""
    match status:
        case "planned":
            return _("planned")
        case "running":
            return _("running")
        case "restored":
            return _("restored")
        case "verified":
            return _("verified")
        case _:
            assert_never(status)


def restore_meaning(status: RestoreStatus) -> str:
    """What a restore status means, for the person choosing it."""
    match status:
        case "planned":
            return _("planned: decided, not started")
        case "running":
            return _("running: the restore is in progress")
        case "restored":
            return _("restored: the data is back, not yet checked")
        case "verified":
            return _("verified: checked and in use again")
        case _:
            assert_never(status)


def restore_marker(status: RestoreStatus | None) -> str:
    """A restore status as "[running]", or "[ ]" for a system whose restore is not tracked."""
    if status is None:
        return "[ ]"
    mark = " ✓" if status == "verified" else ""
    return f"[{restore_word(status)}{mark}]"


# --- incidents ------------------------------------------------------------------


def extent_word(extent: Extent) -> str:
    """A total or a partial disaster, in words."""
    match extent:
        case "total":
            return _("total disaster")
        case "partial":
            return _("partial disaster")
        case _:
            assert_never(extent)


def report_word(kind: ReportKind) -> str:
    """A kind of report, in words."""
    match kind:
        case "status":
            return _("status report")
        case "after-action":
            return _("after-action report")
        case _:
            assert_never(kind)


def audience_word(audience: Audience) -> str:
    """Whom a report is for, in words."""
    match audience:
        case "board":
            return _("the board")
        case "public":
            return _("the public")
        case _:
            assert_never(audience)


def incident_word(drill: bool) -> str:
    """What an incident is: a drill or a (real) disaster."""
    return _("drill") if drill else _("disaster")


# --- events -----------------------------------------------------------------------


def kind_word(event: Event) -> str:
    """What kind of thing happened, in a word or two."""
    match event:
        case Declared():
            return _("declared")
        case Contacted():
            return _("contact")
        case Meeting():
            return _("meeting")
        case Assessment():
            return _("assessment")
        case Decided():
            return _("decision")
        case TaskChanged():
            return _("task")
        case TaskAssigned():
            return _("assigned")
        case Note():
            return _("note")
        case ComponentChanged():
            return _("component")
        case TicketOpened():
            return _("ticket opened")
        case TicketClosed():
            return _("ticket closed")
        case RestoreChanged():
            return _("restore")
        case ReportIssued():
            return _("report issued")
        case RecoveryStarted():
            return _("recovery")
        case Closed():
            return _("closed")
        case _:
            assert_never(event)


def _with(head: str, note: str) -> str:
    return f"{head}: {note}" if note else head


def event_detail(event: Event, plan: Plan) -> str:
    """The detail of an event on one line: who, which task, what status, the note."""
    people = plan.people_by_id

    def name(person: str) -> str:
        return people[person].name if person in people else person

    match event:
        case Declared():
            detail = _with(extent_word(event.extent), event.summary)
            if event.drill:
                detail = _("{detail} (drill)").format(detail=detail)
        case Contacted():
            detail = _with(f"{name(event.person)} {contact_word(event.result)}", event.note)
        case Decided():
            detail = _with(_("scenario {id}").format(id=event.scenario), event.note)
        case TaskChanged():
            words = _("note") if event.status is None else task_word(event.status)
            detail = _with(f"{event.task} {words}", event.note)
        case TaskAssigned():
            detail = _("{task} to {person}").format(task=event.task, person=name(event.person))
        case Note():
            detail = event.text
        case ComponentChanged():
            detail = _with(f"{event.component} {component_word(event.status)}", event.note)
        case TicketOpened():
            detail = _("{ticket} with {provider}").format(
                ticket=event.ticket, provider=event.provider
            )
            detail = _with(detail, event.ref)
        case TicketClosed():
            detail = _with(event.ticket, event.note)
        case RestoreChanged():
            detail = f"{event.system} {restore_word(event.status)}"
            if event.point is not None:
                zone = ZoneInfo(plan.organisation.timezone)
                point = timefmt.when(event.point, zone)
                detail = _("{detail}, restore point {point}").format(detail=detail, point=point)
        case ReportIssued():
            detail = _("{report} for {audience} ({format})").format(
                report=report_word(event.report),
                audience=audience_word(event.audience),
                format=event.format,
            )
        case Meeting() | Assessment() | RecoveryStarted() | Closed():
            detail = event.note
        case _:
            assert_never(event)
    return " ".join(detail.split())


def describe(event: Event, plan: Plan) -> tuple[str, str]:
    """What an event is and its detail, one line each, in words for people."""
    return kind_word(event), event_detail(event, plan)


def backdated(event: Event) -> bool:
    """Whether the event was recorded more than a minute after it happened."""
    return event.recorded_at.astimezone(UTC) - event.at.astimezone(UTC) > BACKDATED_AFTER


def confirmation(event: Event, plan: Plan) -> str:
    """What was recorded, in one line: the command line prints it, the console shows it.

    The line is for people, so what it quotes is shown as `visible` shows it:
    whatever the note holds, it cannot act on the terminal that prints it.
    """
    at = timefmt.when(event.at, ZoneInfo(plan.organisation.timezone))
    if isinstance(event, Declared):
        line = _("Declared {kind} {incident} at {at}.").format(
            kind=incident_word(event.drill), incident=event.incident, at=at
        )
    elif isinstance(event, TicketOpened):
        line = _("Opened ticket {ticket} with {provider} at {at}.").format(
            ticket=event.ticket, provider=event.provider, at=at
        )
    else:
        what, detail = describe(event, plan)
        line = _("Recorded {what} at {at}: {detail}").format(what=what, at=at, detail=detail or "—")
    return visible(line)
