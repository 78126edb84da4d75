"""SLA clocks: a provider's repair time counted only inside its business hours.

"5 hours between 08:00 and 20:00 Monday to Friday, Saturday 08:00 to 16:30"
means that a ticket opened on Friday at 18:00 is due on Saturday at 11:00.
Belgian public holidays (the `holidays` package) and the provider's own
closure dates do not count. The business windows are local times in the
plan's time zone; the hours counted are real elapsed hours, so a window that
spans a daylight-saving change counts what really passes.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from console.plan.fields import WEEKDAYS
from console.plan.infrastructure import Sla

MAX_DAYS = 3 * 366
"""How far ahead to look for business hours before giving up (a calendar with none)."""


class NoBusinessHours(ValueError):
    """The SLA's calendar has no open hour in which to count."""


@cache
def belgian_holidays(year: int) -> frozenset[date]:
    """Belgian public holidays of `year`."""
    import holidays  # imported here: only SLA clocks need it, and it is slow to load

    return frozenset(holidays.country_holidays("BE", years=year).keys())


class _ClosedDays(Container[date]):
    def __init__(self, sla: Sla) -> None:
        self.sla = sla
        self.closed = frozenset(sla.closed)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        if day in self.closed:
            return True
        return self.sla.holidays == "BE" and day in belgian_holidays(day.year)


def _instant(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of `minute` after local midnight on `day` (1440 is the next midnight).

    Arithmetic and comparison happen in UTC only: Python compares and subtracts
    two datetimes of the same zone by their wall-clock times, which is wrong
    across a daylight-saving change.
    """
    if minute >= 24 * 60:
        local = datetime.combine(day + timedelta(days=1), time(0), zone)
    else:
        local = datetime.combine(day, time(minute // 60, minute % 60), zone)
    return local.astimezone(UTC)


def business_windows(
    sla: Sla, start: datetime, zone: ZoneInfo
) -> Iterator[tuple[datetime, datetime]]:
    """The SLA's open windows from `start` on, as UTC instants, in order."""
    closed = _ClosedDays(sla)
    start = start.astimezone(UTC)
    day = start.astimezone(zone).date()
    for _ in range(MAX_DAYS):
        if day not in closed:
            for window in sla.hours.get(WEEKDAYS[day.weekday()], []):
                opens = _instant(day, window.start_minute, zone)
                closes = _instant(day, window.end_minute, zone)
                if closes > start:
                    yield max(opens, start), closes
        day += timedelta(days=1)


def sla_due(sla: Sla, opened: datetime, zone: ZoneInfo) -> datetime:
    """When a ticket opened at `opened` is due (in UTC): `repair_hours` of business time later."""
    remaining = timedelta(hours=sla.repair_hours)
    for opens, closes in business_windows(sla, opened, zone):
        available = closes - opens
        if available >= remaining:
            return opens + remaining
        remaining -= available
    raise NoBusinessHours(sla.id)


def business_time_between(sla: Sla, start: datetime, end: datetime, zone: ZoneInfo) -> timedelta:
    """How much of the SLA's business time lies between two instants."""
    total = timedelta(0)
    end = end.astimezone(UTC)
    if end <= start:
        return total
    for opens, closes in business_windows(sla, start, zone):
        if opens >= end:
            break
        total += min(closes, end) - opens
    return total
