"""Times and durations for people: always in the plan's time zone, to the minute.

Stored instants are UTC; people read local time, so a deadline across a
daylight-saving change reads right. Days and times are written as each
language writes them, from CLDR through Babel, for the locale of the
language (`console.i18n.LOCALES`: nl_BE, fr_BE, en_GB), never month-first
numbers that a Belgian reads the wrong way round nor `strftime`'s names,
which follow the machine's C locale:

- `day()`: the one way to write a day in a table or a list, the weekday and
  the month abbreviated ("Wed 2 Dec", "wo 2 dec", "mer. 2 déc."; with the
  year, "Wed, 2 Dec 2026");
- `moment()`: a time in a table or a list, the hour alone today, else the
  day and the hour, and the year too when it is another year;
- `when()`: the full timestamp, in words, with the year and the zone
  abbreviation (CET or CEST): "maandag 30 maart 2026 om 11:30 CEST",
  "lundi 30 mars 2026 à 11:30 CEST", "Monday, 30 March 2026 at 11:30 CEST".

The hour is "HH:mm" in all three locales (a test holds CLDR to it), so it is
written without Babel. Babel writes each day once per catalog and the result
is kept: a timeline of thousands of events falls on a few days. Babel is
loaded only when the first day is written, not before the console's first
frame, whose clocks are durations.

Durations (`span`, `left`) are exact to the minute, never Babel's rounded
`format_timedelta`; their "d" is the catalog's ("j" in French). JSON keeps
ISO 8601 (`iso()`); where a person types a time they type "YYYY-MM-DD
HH:MM", and those fields show the time that way.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.i18n import _, catalog, current_locale

if TYPE_CHECKING:
    from babel import Locale

DASH = "—"
"""What is shown for no time."""

TIME = "%H:%M"
"""The hour as nl_BE, fr_BE and en_GB write it (CLDR's short time, "HH:mm")."""


def local(instant: datetime, zone: ZoneInfo) -> datetime:
    """The instant in the plan's time zone."""
    return instant.astimezone(zone)


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def day(value: date, *, year: bool = True) -> str:
    """The one way a day is written: "Wed, 2 Dec 2026", or "Wed 2 Dec" without the year."""
    return _day(value, year, current_locale(), catalog())


@lru_cache(maxsize=4096)
def _day(value: date, year: bool, locale: str, _catalog: object) -> str:
    # Written once per day and catalog: the catalog is in the key, so a change of
    # language is seen (and a catalog reloaded in a test).
    from babel.dates import format_skeleton

    return format_skeleton("yMMMEd" if year else "MMMEd", value, locale=_locale(locale))


def long_day(value: date) -> str:
    """A day in words, as a letter writes it: "maandag 30 maart 2026"."""
    return _long_day(value, current_locale(), catalog())


@lru_cache(maxsize=4096)
def _long_day(value: date, locale: str, _catalog: object) -> str:
    from babel.dates import format_date

    return format_date(value, "full", locale=_locale(locale))


@lru_cache(maxsize=8)
def _at_time(locale: str) -> str:
    """CLDR's "{1} 'om' {0}" (a day at a time) as a Python format: "{day} om {time}"."""
    found = _locale(locale)
    pattern = found.datetime_formats_relative.get("full") or found.datetime_formats["full"]
    return _python_format(str(pattern))


def _python_format(pattern: str) -> str:
    """A CLDR datetime pattern of {0} and {1}, with 'quoted' words, as a Python format."""
    out, quoted, index = [], False, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "'":
            if pattern[index + 1 : index + 2] == "'":
                out.append("'")
                index += 1
            else:
                quoted = not quoted
        elif not quoted and pattern.startswith("{0}", index):
            out.append("{time}")
            index += 2
        elif not quoted and pattern.startswith("{1}", index):
            out.append("{day}")
            index += 2
        elif char in "{}":
            out.append(char * 2)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def moment(instant: datetime | None, zone: ZoneInfo, now: datetime) -> str:
    """A time in a table or a list: "11:45" today, "Wed 2 Dec 11:45", "Tue, 2 Dec 2025 11:45".

    "Today" is the day of `now` (the injected clock) in the plan's zone, not
    in UTC: 00:30 in Brussels is still the day before in UTC.
    """
    if instant is None:
        return DASH
    shown, today = instant.astimezone(zone), now.astimezone(zone).date()
    if shown.date() == today:
        return shown.strftime(TIME)
    return f"{day(shown.date(), year=shown.year != today.year)} {shown.strftime(TIME)}"


def when(instant: datetime | None, zone: ZoneInfo) -> str:
    """A full timestamp, "Monday, 30 March 2026 at 11:30 CEST", or a dash for no time."""
    if instant is None:
        return DASH
    shown = instant.astimezone(zone)
    words = _at_time(current_locale()).format(day=long_day(shown.date()), time=shown.strftime(TIME))
    return f"{words} {shown.tzname()}"


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
