"""How an action's event is stamped and written: on its incident's clock, checked, durably.

Every action of `console.incident.actions` ends here. The time an event gets
is its incident's time: on a drill with an accelerated clock that is drill
time (`console.clock.DrillClock`), which every clock of the drill is counted
in, so its `at` and `recorded_at` are drill time and `real_at` keeps the
real time beside them. A typed time (`--at`) is read on the same clock: it
may not lie in the incident's future, nor before its declaration.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from console.clock import DrillClock
from console.i18n import _
from console.incident import timefmt
from console.incident.errors import ActionError
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.session import Session
from console.incident.typed_time import check_year, not_before_declaration

FUTURE_TOLERANCE = timedelta(minutes=1)
"""How far ahead of the clock a typed time may be: two clocks a few seconds apart agree."""


def zone_of(session: Session) -> ZoneInfo:
    """The plan's time zone, in which every time is shown."""
    return ZoneInfo(session.plan.organisation.timezone)


def instant(session: Session, at: datetime | None, now: datetime) -> datetime:
    """`at` if it is a plausible time that has happened by `now`; `now` when it is None."""
    if at is None:
        return now
    try:
        check_year(at.astimezone(zone_of(session)))  # the year as the plan's people read it
    except OverflowError:  # beyond year 9999 in the plan's zone: far out of range anyway
        check_year(at)
    if at - now > FUTURE_TOLERANCE:
        raise ActionError(
            _("{at} is in the future; record what has happened").format(
                at=timefmt.when(at, zone_of(session))
            )
        )
    return at


def stamped(session: Session, incident: str, at: datetime, now: datetime) -> dict[str, Any]:
    """What every event of `incident` carries: its id, times, actor and host.

    `at` and `now` are on the incident's clock; on an accelerated drill the
    real time of `at` is kept as `real_at`.
    """
    fields: dict[str, Any] = {
        "id": session.new_id(now),
        "incident": incident,
        "at": at,
        "recorded_at": now,
        "actor": session.login,
        "host": session.host,
    }
    clock = session.clock_of(incident)
    if isinstance(clock, DrillClock):
        fields["real_at"] = clock.real_time(at)
    return fields


def record(session: Session, incident: str, at: datetime | None, **fields: Any) -> Event:
    """Build an event of `incident` on its clock, append it durably, and return it."""
    now = session.now_of(incident)
    when = instant(session, at, now)
    brief = session.briefs.get(incident)
    declared = brief.declared if brief is not None else None
    if at is not None and declared is not None:
        when = not_before_declaration(when, declared.at, incident, zone_of(session))
    event = EVENT_ADAPTER.validate_python({**stamped(session, incident, when, now), **fields})
    session.writer.append(event)
    session.remember(event)
    return event
