"""Times and durations for people: always in the plan's time zone, to the minute.

Stored instants are UTC; people read local time, so a deadline across a
daylight-saving change reads right. There is one way to write a day, `day()`:
the weekday and the month as words ("Wed 2 Dec"), never month-first numbers
that a Belgian reads the wrong way round. `moment()` is a time in a table or a
list: the hour alone today, else the day and the hour, and the year too when it
is another year. `when()` is the full timestamp with the year and the zone
abbreviation (CET or CEST). The names of the days and months are translated
strings, not `strftime`'s `%a`/`%b`, which follow the C locale of the machine.
JSON keeps ISO 8601 (`iso()`); where a person types a time they type
"YYYY-MM-DD HH:MM", and those fields show the time that way.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from console.i18n import _, catalog

DASH = "—"
"""What is shown for no time."""


def local(instant: datetime, zone: ZoneInfo) -> datetime:
    """The instant in the plan's time zone."""
    return instant.astimezone(zone)


def _weekdays() -> tuple[str, ...]:
    # Called when a day is written, not at import: the language is chosen after.
    return (
        # Translators: weekday abbreviations, Monday first, as in "Wed 2 Dec 11:45"
        # (Dutch "ma di wo do vr za zo", French "lun. mar. mer. jeu. ven. sam. dim.").
        _("Mon"),
        _("Tue"),
        _("Wed"),
        _("Thu"),
        _("Fri"),
        _("Sat"),
        _("Sun"),
    )


def _months() -> tuple[str, ...]:
    return (
        # Translators: month abbreviations, January first, as in "Wed 2 Dec 11:45"
        # (Dutch "jan feb mrt apr mei jun jul aug sep okt nov dec",
        # French "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.").
        _("Jan"),
        _("Feb"),
        _("Mar"),
        _("Apr"),
        # Translators: the month May, abbreviated like the others if your language does.
        _("May"),
        _("Jun"),
        _("Jul"),
        _("Aug"),
        _("Sep"),
        _("Oct"),
        _("Nov"),
        _("Dec"),
    )


def day(value: date, *, year: bool = True) -> str:
    """The one way a day is written: "Wed 2 Dec 2026", or "Wed 2 Dec" without the year."""
    return _day(value, year, catalog())


@lru_cache(maxsize=1024)
def _day(value: date, year: bool, _catalog: object) -> str:
    # A timeline of thousands of events falls on a few days: each is written once
    # per catalog (the catalog is in the key, so a change of language is seen).
    words = {
        "weekday": _weekdays()[value.weekday()],
        "day": value.day,
        "month": _months()[value.month - 1],
        "year": value.year,
    }
    if year:
        # Translators: a day with its year, "Wed 2 Dec 2026"; reorder if your language does.
        return _("{weekday} {day} {month} {year}").format(**words)
    # Translators: a day of this year, "Wed 2 Dec"; reorder if your language does.
    return _("{weekday} {day} {month}").format(**words)


def moment(instant: datetime | None, zone: ZoneInfo, now: datetime) -> str:
    """A time in a table or a list: "11:45" today, "Wed 2 Dec 11:45", "Tue 2 Dec 2025 11:45".

    "Today" is the day of `now` (the injected clock) in the plan's zone, not
    in UTC: 00:30 in Brussels is still the day before in UTC.
    """
    if instant is None:
        return DASH
    shown, today = instant.astimezone(zone), now.astimezone(zone).date()
    if shown.date() == today:
        return f"{shown:%H:%M}"
    return f"{day(shown.date(), year=shown.year != today.year)} {shown:%H:%M}"


def when(instant: datetime | None, zone: ZoneInfo) -> str:
    """A full timestamp, "Wed 2 Dec 2026 11:45 CET", or a dash for no time."""
    if instant is None:
        return DASH
    shown = instant.astimezone(zone)
    return f"{day(shown.date())} {shown:%H:%M} {shown.tzname()}"


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
