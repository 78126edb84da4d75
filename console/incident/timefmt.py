"""Times and durations for people: always in the plan's time zone, to the minute.

Stored instants are UTC; people read local time with its zone abbreviation
(CET or CEST), so a deadline across a daylight-saving change reads right.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from console.i18n import _


def local(instant: datetime, zone: ZoneInfo) -> datetime:
    """The instant in the plan's time zone."""
    return instant.astimezone(zone)


def when(instant: datetime | None, zone: ZoneInfo) -> str:
    """ "2026-03-31 13:00 CEST", or a dash for no time."""
    if instant is None:
        return "—"
    shown = instant.astimezone(zone)
    return f"{shown:%Y-%m-%d %H:%M} {shown.tzname()}"


def iso(instant: datetime | None, zone: ZoneInfo) -> str | None:
    """ISO 8601 with the offset of the plan's time zone, for scripts."""
    return None if instant is None else instant.astimezone(zone).isoformat()


def span(delta: timedelta) -> str:
    """A duration to the minute: "2d 03:15", "5:07", "0:42"; negative spans get a minus."""
    minutes = (
        int(delta.total_seconds() // 60)
        if delta >= timedelta(0)
        else -int((-delta).total_seconds() // 60)
    )
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _("{sign}{days}d {hours:02d}:{mins:02d}").format(
            sign=sign, days=days, hours=hours, mins=mins
        )
    return f"{sign}{hours}:{mins:02d}"


def left(due: datetime, now: datetime) -> str:
    """ "12:30 left" or "LATE 1:05": the marker reads without colour (see `urgency.marked_left`)."""
    delta = due.astimezone(UTC) - now.astimezone(UTC)  # real time, not wall-clock time
    if delta >= timedelta(0):
        return _("{span} left").format(span=span(delta))
    return _("LATE {span}").format(span=span(-delta))
