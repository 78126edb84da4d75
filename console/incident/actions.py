"""Every action of the crisis staff, checked and recorded durably.

The command line and the console are two faces of these functions. Each one
checks the user's role, the ids it is given and the state of the incident,
builds the event, and returns it only once it is on disk. Mistakes raise
`ActionError` (exit 2), refusals `Refused` (exit 3). How an event is stamped
with its incident's time (drill time on an accelerated drill) and written is
`console.incident.recording`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.clock import MAX_SPEED
from console.i18n import _
from console.incident import timefmt
from console.incident.access import Action, require
from console.incident.brief import Brief
from console.incident.errors import ActionError
from console.incident.events import (
    EVENT_ADAPTER,
    Audience,
    ComponentStatus,
    ContactResult,
    Declared,
    Event,
    Extent,
    ReportKind,
    RestoreStatus,
    TaskStatus,
    TicketOpened,
)
from console.incident.ids import short
from console.incident.recording import FUTURE_TOLERANCE, instant, record, zone_of
from console.incident.session import Session
from console.incident.words import incident_word


def _known(kind: str, value: str, candidates: Iterable[str]) -> str:
    """`value` if it is one of `candidates`; else an error that suggests the closest."""
    pool = list(candidates)
    if value in pool:
        return value
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.5)
    if close:
        raise ActionError(
            _("no {kind} '{value}'; did you mean '{close}'?").format(
                kind=kind, value=value, close=close[0]
            )
        )
    raise ActionError(_("no {kind} '{value}' in the plan").format(kind=kind, value=value))


@dataclass(frozen=True)
class _Open:
    """The incident an action applies to, and what is known of it."""

    id: str
    brief: Brief


def _open_state(session: Session, action: Action, incident: str | None) -> _Open:
    require(session.plan, session.login, action)
    chosen = session.select(incident).id
    brief = session.briefs[chosen]
    if brief.closed_at is not None:
        raise ActionError(
            _("incident {id} was closed at {at}; its journal is kept as it is").format(
                id=chosen, at=timefmt.when(brief.closed_at, zone_of(session))
            )
        )
    return _Open(chosen, brief)


def declare(
    session: Session,
    extent: Extent = "total",
    summary: str = "",
    drill: bool = False,
    at: datetime | None = None,
    speed: int = 1,
) -> Declared:
    """Declare a disaster (or start a drill, on a clock `speed` times faster): the clocks start."""
    require(session.plan, session.login, "declare")
    if not 1 <= speed <= MAX_SPEED:
        raise ActionError(
            _("a drill's clock runs 1 to {most} times as fast as real time, not {speed}").format(
                most=MAX_SPEED, speed=speed
            )
        )
    if speed != 1 and not drill:
        raise ActionError(_("only a drill runs on an accelerated clock; a disaster is real time"))
    running = session.active(drill=drill)
    if running is not None:
        raise ActionError(
            _("a {kind} is already active: {id}, declared {at}; close it first").format(
                kind=incident_word(drill),
                id=running.id,
                at=timefmt.when(running.declared_at, zone_of(session)),
            )
        )
    now = session.now()
    when = instant(session, at, now)
    event_id = session.new_id(now)
    local = when.astimezone(zone_of(session))
    incident = ("DRILL-" if drill else "") + f"{local:%Y%m%d}-{short(event_id)}"
    fields: dict[str, Any] = {"kind": "declared", "extent": extent, "summary": summary}
    if drill:
        fields |= {"drill": True, "speed": speed}
    if speed != 1:  # the drill's start, where its time and the real time agree
        fields["real_at"] = when
    event = EVENT_ADAPTER.validate_python(
        {
            "id": event_id,
            "incident": incident,
            "at": when,
            "recorded_at": now,
            "actor": session.login,
            "host": session.host,
            **fields,
        }
    )
    session.writer.append(event)
    session.remember(event)
    assert isinstance(event, Declared)
    return event


def start_drill(
    session: Session,
    speed: int = 1,
    scenario: str | None = None,
    summary: str = "",
    extent: Extent = "total",
) -> list[Event]:
    """Start a drill on a clock `speed` times faster; with `scenario`, decide it at once.

    The scenario is checked before anything is recorded, so a mistyped one
    leaves no drill behind.
    """
    if scenario is not None:
        require(session.plan, session.login, "decide")
        _known(_("scenario"), scenario, (s.id for s in session.plan.scenarios))
    started = declare(session, extent, summary, drill=True, speed=speed)
    if scenario is None:
        return [started]
    return [started, decide(session, scenario, incident=started.incident)]


def contact(
    session: Session,
    person: str,
    result: ContactResult,
    note: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Record an attempt to reach a person."""
    state = _open_state(session, "contact", incident)
    _known(_("person"), person, (p.id for p in session.plan.people))
    return record(session, state.id, at, kind="contact", person=person, result=result, note=note)


def meeting(
    session: Session, note: str = "", at: datetime | None = None, incident: str | None = None
) -> Event:
    """Record a meeting of the crisis staff."""
    state = _open_state(session, "meeting", incident)
    return record(session, state.id, at, kind="meeting", note=note)


def assess(
    session: Session, note: str, at: datetime | None = None, incident: str | None = None
) -> Event:
    """Record an assessment of the damage."""
    state = _open_state(session, "assess", incident)
    if not note.strip():
        raise ActionError(_("an assessment needs some text"))
    return record(session, state.id, at, kind="assessment", note=note)


def decide(
    session: Session,
    scenario: str,
    note: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Decide the scenario: its target, tasks and deadlines apply from now on."""
    state = _open_state(session, "decide", incident)
    _known(_("scenario"), scenario, (s.id for s in session.plan.scenarios))
    return record(session, state.id, at, kind="decided", scenario=scenario, note=note)


def _task_in_play(session: Session, state: _Open, task: str) -> None:
    plan = session.plan
    _known(_("task"), task, (t.id for _phase, t in plan.tasks()))
    decided = plan.scenario(state.brief.scenario) if state.brief.scenario else None
    in_play = {step.id for step in plan.steps}
    in_play |= {t.id for _phase, t in decided.tasks()} if decided else set()
    if state.brief.recovery_started_at is not None:
        in_play |= {t.id for t in plan.recovery.tasks}
    if task in in_play:
        return
    owner = next((s for s in plan.scenarios if any(t.id == task for _p, t in s.tasks())), None)
    if owner is None:
        raise ActionError(
            _("task '{task}' belongs to the recovery phase, which has not started").format(
                task=task
            )
        )
    if decided is None:
        raise ActionError(
            _("task '{task}' is part of scenario {scenario}; no scenario is decided yet").format(
                task=task, scenario=owner.id
            )
        )
    raise ActionError(
        _(
            "task '{task}' is part of scenario {scenario}, but scenario {decided} was decided"
        ).format(task=task, scenario=owner.id, decided=decided.id)
    )


def set_task(
    session: Session,
    task: str,
    status: TaskStatus | None,
    note: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Set a task's status; with no status, add a note and leave the status as it is."""
    state = _open_state(session, "task", incident)
    _task_in_play(session, state, task)
    if status is None and not note.strip():
        raise ActionError(_("a note on a task needs some text"))
    fields: dict[str, Any] = {"kind": "task", "task": task, "note": note}
    if status is not None:
        fields["status"] = status
    return record(session, state.id, at, **fields)


def assign(
    session: Session,
    task: str,
    person: str,
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Give a task to a person."""
    state = _open_state(session, "assign", incident)
    _task_in_play(session, state, task)
    _known(_("person"), person, (p.id for p in session.plan.people))
    return record(session, state.id, at, kind="assigned", task=task, person=person)


def note(
    session: Session, text: str, at: datetime | None = None, incident: str | None = None
) -> Event:
    """Add a note to the timeline."""
    state = _open_state(session, "note", incident)
    if not text.strip():
        raise ActionError(_("a note needs some text"))
    return record(session, state.id, at, kind="note", text=text)


def set_component(
    session: Session,
    component: str,
    status: ComponentStatus,
    note: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Record a component's status."""
    state = _open_state(session, "component", incident)
    _known(_("component"), component, (c.id for c in session.plan.components()))
    return record(
        session, state.id, at, kind="component", component=component, status=status, note=note
    )


def open_ticket(
    session: Session,
    provider: str,
    ref: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> TicketOpened:
    """Open a ticket with a provider; its SLA clock starts at `at`."""
    state = _open_state(session, "ticket", incident)
    _known(_("provider"), provider, (p.id for p in session.plan.providers))
    ticket = f"{provider}-{short(session.new_id(session.now_of(state.id)))}"
    event = record(
        session, state.id, at, kind="ticket-opened", ticket=ticket, provider=provider, ref=ref
    )
    assert isinstance(event, TicketOpened)
    return event


def close_ticket(
    session: Session,
    ticket: str,
    note: str = "",
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Close a provider ticket."""
    state = _open_state(session, "ticket", incident)
    open_ids = state.brief.open_tickets()
    if ticket in state.brief.closed:
        raise ActionError(_("ticket '{ticket}' is already closed").format(ticket=ticket))
    if not open_ids:
        raise ActionError(_("there is no open ticket"))
    _known(_("open ticket"), ticket, open_ids)
    return record(session, state.id, at, kind="ticket-closed", ticket=ticket, note=note)


def restore(
    session: Session,
    system: str,
    status: RestoreStatus,
    point: datetime | None = None,
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Record how far the restore of a system (a backup or a component) has come."""
    state = _open_state(session, "restore", incident)
    plan = session.plan
    systems = [b.id for b in plan.backups] + [c.id for c in plan.components()]
    _known(_("system"), system, systems)
    if point is not None and point > session.now_of(state.id) + FUTURE_TOLERANCE:
        raise ActionError(
            _("the restore point {point} is in the future").format(
                point=timefmt.when(point, zone_of(session))
            )
        )
    fields: dict[str, Any] = {"kind": "restore", "system": system, "status": status}
    if point is not None:
        fields["point"] = point
    return record(session, state.id, at, **fields)


def issue_report(
    session: Session,
    report: ReportKind,
    audience: Audience,
    fmt: str,
    at: datetime | None = None,
    incident: str | None = None,
) -> Event:
    """Record that a report was exported, so the next one knows what is new since."""
    require(session.plan, session.login, "report")
    chosen = session.select(incident).id  # a closed incident's reports are recorded too
    return record(session, chosen, at, kind="report", report=report, audience=audience, format=fmt)


def start_recovery(
    session: Session, note: str = "", at: datetime | None = None, incident: str | None = None
) -> Event:
    """Start the recovery phase: the return to normal."""
    state = _open_state(session, "recover", incident)
    if state.brief.recovery_started_at is not None:
        raise ActionError(
            _("the recovery phase already started at {at}").format(
                at=timefmt.when(state.brief.recovery_started_at, zone_of(session))
            )
        )
    return record(session, state.id, at, kind="recovery", note=note)


def close(
    session: Session, note: str = "", at: datetime | None = None, incident: str | None = None
) -> Event:
    """Close the incident: its journal stays as the audit trail."""
    state = _open_state(session, "close", incident)
    return record(session, state.id, at, kind="closed", note=note)
