"""How times and durations read: in Brussels time, right across a daylight-saving change.

People under stress read "1d 19:30 left" or "LATE 0:42" on a phone over SSH,
often without colour, and act on it; scripts read the ISO form. A clock that
is an hour off across the DST weekend, or a marker that only colour makes
visible, misleads them. So does "12-03 11:45", which a Belgian reads as
12 March: a day is written one way, with its month as a word ("Thu 3 Dec"),
and "today" is the plan's today, not UTC's. `after` is the real-hours offset
behind the 72 h / 48 h targets, so it is tested here with the formatting it
feeds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console import i18n
from console.incident.state import after
from console.incident.timefmt import day, iso, left, local, long_day, moment, span, when
from tests.conftest import Messages

BRUSSELS = ZoneInfo("Europe/Brussels")


pytestmark = pytest.mark.usefixtures("english")


def at(text: str) -> datetime:
    """An aware instant from ISO 8601 with its offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None
    return value


@pytest.mark.parametrize(
    ("delta", "shown"),
    [
        pytest.param(timedelta(0), "0:00", id="zero"),
        pytest.param(timedelta(seconds=59), "0:00", id="under-a-minute"),
        pytest.param(timedelta(minutes=42), "0:42", id="minutes"),
        pytest.param(timedelta(hours=5, minutes=7), "5:07", id="hours"),
        pytest.param(timedelta(hours=5, minutes=7, seconds=59), "5:07", id="seconds-dropped"),
        pytest.param(timedelta(hours=23, minutes=59), "23:59", id="just-under-a-day"),
        pytest.param(timedelta(days=1), "1d 00:00", id="one-day"),
        pytest.param(timedelta(days=2, hours=3, minutes=15), "2d 03:15", id="days"),
        pytest.param(timedelta(hours=72), "3d 00:00", id="72h"),
        pytest.param(-timedelta(minutes=42), "-0:42", id="negative-minutes"),
        pytest.param(-timedelta(hours=1, minutes=5), "-1:05", id="negative-hours"),
        pytest.param(-timedelta(days=2, hours=3, minutes=15), "-2d 03:15", id="negative-days"),
    ],
)
def test_span(delta: timedelta, shown: str) -> None:
    assert span(delta) == shown


@pytest.mark.parametrize(
    ("due", "now", "shown"),
    [
        pytest.param(
            "2026-06-10T14:00+02:00", "2026-06-10T01:30+02:00", "12:30 left", id="time-left"
        ),
        pytest.param("2026-06-10T14:00+02:00", "2026-06-10T14:00+02:00", "0:00 left", id="on-due"),
        pytest.param("2026-06-10T14:00+02:00", "2026-06-10T15:05+02:00", "LATE 1:05", id="overdue"),
        pytest.param(
            "2026-06-10T14:00+02:00",
            "2026-06-12T17:15+02:00",
            "LATE 2d 03:15",
            id="overdue-days",
        ),
        # The same instants written with different offsets: 12:00 UTC is 14:00 CEST.
        pytest.param(
            "2026-06-10T14:00+02:00", "2026-06-10T11:18+00:00", "0:42 left", id="mixed-offsets"
        ),
        # Across the spring jump, in real hours: Mon 11:30 CEST is 09:30 UTC, Sat 15:00 CET
        # is 14:00 UTC, so 43.5 h = 1d 19:30 (not the 44.5 h of the wall clock).
        pytest.param(
            "2026-03-30T11:30+02:00",
            "2026-03-28T15:00+01:00",
            "1d 19:30 left",
            id="across-spring-jump",
        ),
    ],
)
def test_left(due: str, now: str, shown: str) -> None:
    assert left(at(due), at(now)) == shown


def test_left_marker_reads_without_colour() -> None:
    due = at("2026-06-10T14:00+02:00")
    overdue = left(due, due + timedelta(minutes=1))
    running = left(due, due - timedelta(minutes=1))
    assert overdue.startswith("LATE ")
    assert running.endswith(" left")
    assert "LATE" not in running
    assert "\x1b" not in overdue + running
    assert "[" not in overdue + running  # no Rich markup either


def test_left_across_dst_with_both_instants_in_the_plan_zone() -> None:
    # Both instants in the plan's zone: left() must still count real time.
    due = datetime(2026, 3, 30, 11, 30, tzinfo=BRUSSELS)
    now = datetime(2026, 3, 28, 15, 0, tzinfo=BRUSSELS)
    assert due - now != due.astimezone(UTC) - now.astimezone(UTC)  # the wall-clock trap
    assert left(due, now) == "1d 19:30 left"


@pytest.mark.parametrize(
    ("instant", "shown"),
    [
        pytest.param("2026-03-28T14:00+00:00", "Saturday, 28 March 2026 at 15:00 CET", id="winter"),
        pytest.param(
            "2026-03-29T00:59+00:00", "Sunday, 29 March 2026 at 01:59 CET", id="before-spring-jump"
        ),
        pytest.param(
            "2026-03-29T01:00+00:00", "Sunday, 29 March 2026 at 03:00 CEST", id="after-spring-jump"
        ),
        pytest.param("2026-03-31T11:00+00:00", "Tuesday, 31 March 2026 at 13:00 CEST", id="summer"),
        pytest.param(
            "2026-10-25T00:30+00:00", "Sunday, 25 October 2026 at 02:30 CEST", id="first-0230"
        ),
        pytest.param(
            "2026-10-25T01:30+00:00", "Sunday, 25 October 2026 at 02:30 CET", id="second-0230"
        ),
        pytest.param(
            "2026-10-26T10:00+00:00", "Monday, 26 October 2026 at 11:00 CET", id="back-to-winter"
        ),
        pytest.param(
            "2026-06-10T14:00+02:00", "Wednesday, 10 June 2026 at 14:00 CEST", id="already-local"
        ),
        pytest.param(
            "2026-06-10T14:00:59+02:00", "Wednesday, 10 June 2026 at 14:00 CEST", id="to-the-minute"
        ),
        # 23:30 UTC on the 9th is already the 10th in Brussels.
        pytest.param(
            "2026-06-09T23:30+00:00", "Wednesday, 10 June 2026 at 01:30 CEST", id="local-day"
        ),
    ],
)
def test_when(instant: str, shown: str) -> None:
    assert when(at(instant), BRUSSELS) == shown


def test_when_none_is_a_dash() -> None:
    assert when(None, BRUSSELS) == "—"


@pytest.mark.parametrize(
    ("instant", "shown"),
    [
        pytest.param("2026-01-15T09:00+00:00", "2026-01-15T10:00:00+01:00", id="winter"),
        pytest.param("2026-07-15T09:00+00:00", "2026-07-15T11:00:00+02:00", id="summer"),
        pytest.param("2026-03-29T01:00+00:00", "2026-03-29T03:00:00+02:00", id="spring-jump"),
        pytest.param("2026-10-25T01:30+00:00", "2026-10-25T02:30:00+01:00", id="autumn-repeat"),
    ],
)
def test_iso_keeps_the_plans_offset(instant: str, shown: str) -> None:
    result = iso(at(instant), BRUSSELS)
    assert result == shown
    assert result is not None
    assert datetime.fromisoformat(result) == at(instant)


def test_iso_none_is_none() -> None:
    assert iso(None, BRUSSELS) is None


def test_local_is_the_same_instant_in_the_plan_zone() -> None:
    instant = at("2026-03-29T01:00+00:00")
    shown = local(instant, BRUSSELS)
    assert shown == instant
    assert shown.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        # 72 h over the spring jump: 11:00 UTC + 72 h = 31 Mar 11:00 UTC = 13:00 CEST.
        pytest.param("2026-03-28T12:00+01:00", 72, "2026-03-31T13:00:00+02:00", id="spring-72h"),
        # 48 h over the autumn change: 10:00 UTC + 48 h = 26 Oct 10:00 UTC = 11:00 CET.
        pytest.param("2026-10-24T12:00+02:00", 48, "2026-10-26T11:00:00+01:00", id="autumn-48h"),
        # No change in between: the wall clock and real hours agree.
        pytest.param("2026-06-10T12:00+02:00", 72, "2026-06-13T12:00:00+02:00", id="summer-72h"),
        # Fractional hours.
        pytest.param("2026-06-10T12:00+02:00", 0.5, "2026-06-10T12:30:00+02:00", id="half-hour"),
    ],
)
def test_after_adds_real_hours(start: str, hours: float, expected: str) -> None:
    result = after(at(start), hours)
    assert result == at(expected)
    assert result.astimezone(BRUSSELS).isoformat() == expected
    assert result - at(start) == timedelta(hours=hours)


def test_after_from_a_zoned_start_is_not_wall_clock() -> None:
    start = datetime(2026, 3, 28, 12, 0, tzinfo=BRUSSELS)
    # The wall-clock sum Python makes on a zoned datetime: 12:00 CEST, only 71 real hours.
    wall = start + timedelta(hours=72)
    assert wall.isoformat() == "2026-03-31T12:00:00+02:00"
    result = after(start, 72)
    assert result.tzinfo is not None
    assert result.astimezone(BRUSSELS).isoformat() == "2026-03-31T13:00:00+02:00"
    assert result > wall
    assert result - wall.astimezone(UTC) == timedelta(hours=1)


def test_after_compares_correctly_with_zoned_datetimes() -> None:
    target = after(at("2026-03-28T12:00+01:00"), 72)
    just_before = datetime(2026, 3, 31, 12, 59, tzinfo=BRUSSELS)
    exactly = datetime(2026, 3, 31, 13, 0, tzinfo=BRUSSELS)
    just_after = datetime(2026, 3, 31, 13, 1, tzinfo=BRUSSELS)
    assert just_before < target
    assert exactly == target
    assert just_after > target
    assert left(target, just_before) == "0:01 left"
    assert left(target, just_after) == "LATE 0:01"
    assert when(target, BRUSSELS) == "Tuesday, 31 March 2026 at 13:00 CEST"
    assert iso(target, BRUSSELS) == "2026-03-31T13:00:00+02:00"


# One way to write a day and a time -------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "now", "shown"),
    [
        pytest.param(
            "2026-12-03T11:45+01:00", "2026-12-03T15:00+01:00", "11:45", id="today-the-time-alone"
        ),
        pytest.param("2026-12-03T23:59+01:00", "2026-12-03T00:00+01:00", "23:59", id="later-today"),
        pytest.param(
            "2026-12-02T11:45+01:00", "2026-12-03T15:00+01:00", "Wed 2 Dec 11:45", id="yesterday"
        ),
        pytest.param(
            "2026-12-04T09:00+01:00", "2026-12-03T15:00+01:00", "Fri 4 Dec 09:00", id="tomorrow"
        ),
        pytest.param(
            "2026-11-12T08:05+01:00", "2026-12-03T15:00+01:00", "Thu 12 Nov 08:05", id="weeks-ago"
        ),
        pytest.param(
            "2025-12-31T23:30+01:00",
            "2026-01-01T10:00+01:00",
            "Wed, 31 Dec 2025 23:30",
            id="last-year",
        ),
        pytest.param(
            "2027-01-02T09:00+01:00",
            "2026-12-31T10:00+01:00",
            "Sat, 2 Jan 2027 09:00",
            id="next-year",
        ),
        # Just after midnight in Brussels, still the day before in UTC: today all the same.
        pytest.param(
            "2026-12-02T23:30+00:00", "2026-12-03T10:00+01:00", "00:30", id="after-local-midnight"
        ),
        pytest.param(
            "2026-06-09T22:10+00:00", "2026-06-10T12:00+02:00", "00:10", id="after-midnight-cest"
        ),
        # ... and the other way round: one UTC day, two days in Brussels.
        pytest.param(
            "2026-12-02T22:00+01:00",
            "2026-12-02T23:10+00:00",
            "Wed 2 Dec 22:00",
            id="yesterday-in-brussels-same-utc-day",
        ),
        pytest.param(
            "2026-12-31T23:30+00:00",
            "2027-01-01T12:00+01:00",
            "00:30",
            id="new-year-in-brussels-not-in-utc",
        ),
        # The spring jump (Sunday 29 March 2026, 02:00 CET -> 03:00 CEST).
        pytest.param(
            "2026-03-29T00:59+00:00", "2026-03-29T12:00+02:00", "01:59", id="spring-before-jump"
        ),
        pytest.param(
            "2026-03-29T01:00+00:00", "2026-03-29T12:00+02:00", "03:00", id="spring-after-jump"
        ),
        pytest.param(
            "2026-03-28T23:30+00:00", "2026-03-29T12:00+02:00", "00:30", id="spring-midnight"
        ),
        pytest.param(
            "2026-03-28T22:59+00:00",
            "2026-03-29T12:00+02:00",
            "Sat 28 Mar 23:59",
            id="spring-day-before",
        ),
        pytest.param(
            "2026-03-29T21:59+00:00",
            "2026-03-29T12:00+02:00",
            "23:59",
            id="spring-last-minute-of-the-short-day",
        ),
        pytest.param(
            "2026-03-29T22:00+00:00",
            "2026-03-29T12:00+02:00",
            "Mon 30 Mar 00:00",
            id="spring-next-day-in-cest",
        ),
        # The autumn change (Sunday 25 October 2026, 03:00 CEST -> 02:00 CET): 02:30 twice.
        pytest.param(
            "2026-10-25T00:30+00:00", "2026-10-25T12:00+01:00", "02:30", id="autumn-first-0230"
        ),
        pytest.param(
            "2026-10-25T01:30+00:00", "2026-10-25T12:00+01:00", "02:30", id="autumn-second-0230"
        ),
        pytest.param(
            "2026-10-24T22:30+00:00", "2026-10-25T12:00+01:00", "00:30", id="autumn-midnight"
        ),
        pytest.param(
            "2026-10-24T21:59+00:00",
            "2026-10-25T12:00+01:00",
            "Sat 24 Oct 23:59",
            id="autumn-day-before",
        ),
        pytest.param(
            "2026-10-25T22:59+00:00",
            "2026-10-25T12:00+01:00",
            "23:59",
            id="autumn-last-minute-of-the-long-day",
        ),
        pytest.param(
            "2026-10-25T22:00+01:00",
            "2026-10-26T00:30+01:00",
            "Sun 25 Oct 22:00",
            id="autumn-yesterday",
        ),
    ],
)
def test_moment(instant: str, now: str, shown: str) -> None:
    assert moment(at(instant), BRUSSELS, at(now)) == shown


def test_moment_none_is_a_dash() -> None:
    assert moment(None, BRUSSELS, at("2026-12-03T15:00+01:00")) == "—"


def test_the_same_instant_reads_by_the_plans_zone() -> None:
    # 23:30 UTC on 2 December: the next day in Brussels, the same day in New York.
    instant, now = at("2026-12-02T23:30+00:00"), at("2026-12-03T12:00+00:00")
    assert moment(instant, BRUSSELS, now) == "00:30"
    assert moment(instant, ZoneInfo("America/New_York"), now) == "Wed 2 Dec 18:30"


@pytest.mark.parametrize(
    ("value", "year", "shown"),
    [
        pytest.param(date(2026, 12, 3), True, "Thu, 3 Dec 2026", id="with-year"),
        pytest.param(date(2026, 12, 3), False, "Thu 3 Dec", id="without-year"),
        pytest.param(date(2027, 1, 1), True, "Fri, 1 Jan 2027", id="one-digit-day"),
        pytest.param(date(2028, 2, 29), True, "Tue, 29 Feb 2028", id="leap-day"),
    ],
)
def test_day(value: date, year: bool, shown: str) -> None:
    assert day(value, year=year) == shown


def test_day_names_every_weekday_and_month() -> None:
    week = [day(date(2026, 3, 23) + timedelta(days=n), year=False).split()[0] for n in range(7)]
    assert week == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = [day(date(2026, month, 1)).split()[2] for month in range(1, 13)]
    assert months == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]  # fmt: skip  (en_GB writes "Sept")


@pytest.mark.parametrize(
    ("language", "today", "other", "last_year", "full"),
    [
        pytest.param(
            "nl",
            "11:30",
            "ma 30 mrt 11:30",
            "ma 30 mrt 2026 11:30",
            "maandag 30 maart 2026 om 11:30 CEST",
            id="dutch",
        ),
        pytest.param(
            "fr",
            "11:30",
            "lun. 30 mars 11:30",
            "lun. 30 mars 2026 11:30",
            "lundi 30 mars 2026 à 11:30 CEST",
            id="french",
        ),
        pytest.param(
            "en",
            "11:30",
            "Mon 30 Mar 11:30",
            "Mon, 30 Mar 2026 11:30",
            "Monday, 30 March 2026 at 11:30 CEST",
            id="english",
        ),
    ],
)
def test_each_language_writes_its_days_as_babel_does(
    catalogs: Callable[[Messages], None],
    language: str,
    today: str,
    other: str,
    last_year: str,
    full: str,
) -> None:
    # From CLDR for nl_BE, fr_BE and en_GB, never strftime's %a and %b (the machine's locale).
    catalogs({"nl": {"{span} left": "nog {span}"}, "fr": {"{span} left": "encore {span}"}})
    assert i18n.use(language) == language
    instant = at("2026-03-30T11:30+02:00")
    assert moment(instant, BRUSSELS, instant + timedelta(hours=1)) == today
    assert moment(instant, BRUSSELS, instant + timedelta(days=1)) == other
    assert moment(instant, BRUSSELS, instant + timedelta(days=366)) == last_year
    assert when(instant, BRUSSELS) == full


def test_a_language_without_its_catalog_writes_its_days_in_english_too(
    catalogs: Callable[[Messages], None],
) -> None:
    catalogs({"fr": {"{span} left": "encore {span}"}})  # and none for Dutch
    assert i18n.use("nl") == "en"
    assert when(at("2026-03-30T11:30+02:00"), BRUSSELS) == "Monday, 30 March 2026 at 11:30 CEST"


@pytest.mark.parametrize("locale", sorted(i18n.LOCALES.values()))
def test_the_hour_is_written_as_cldr_writes_it(locale: str) -> None:
    # timefmt writes the hour with strftime's %H:%M, for speed: CLDR must agree.
    from babel import Locale

    assert str(Locale.parse(locale).time_formats["short"].pattern) == "HH:mm"


def test_a_day_is_written_once_per_catalog(catalogs: Callable[[Messages], None]) -> None:
    from console.incident.timefmt import _day

    catalogs({"fr": {"{span} left": "encore {span}"}})
    _day.cache_clear()
    first = day(date(2026, 12, 3))
    for _ in range(1000):
        assert day(date(2026, 12, 3)) == first
    assert _day.cache_info().misses == 1
    i18n.use("fr")
    assert day(date(2026, 12, 3)) == "jeu. 3 déc. 2026"
    assert _day.cache_info().misses == 2


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
SHAPE = re.compile(
    r"(?:(?P<weekday>[A-Z][a-z]{2})(?P<comma>,?) (?P<day>[1-9]|[12][0-9]|3[01]) "
    r"(?P<month>[A-Z][a-z]{2,3})(?: (?P<year>[0-9]{4}))? )?(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
)
MONTH_FIRST = re.compile(r"[0-9]{1,2}[-/.][0-9]{1,2}")
"""Two numbers joined as in "12-03" or "03/12": which is the month is a guess."""

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
offsets = st.one_of(
    st.integers(-3 * 24 * 60, 3 * 24 * 60),  # today, yesterday, tomorrow, across midnight
    st.integers(-3 * 365 * 24 * 60, 3 * 365 * 24 * 60),  # other days, other years
)


@given(instant=moments, offset=offsets)
def test_no_time_is_written_month_first(instant: datetime, offset: int) -> None:
    now = instant + timedelta(minutes=offset)
    shown, full = moment(instant, BRUSSELS, now), when(instant, BRUSSELS)
    assert MONTH_FIRST.search(shown) is None
    assert MONTH_FIRST.search(full) is None
    local_instant, today = instant.astimezone(BRUSSELS), now.astimezone(BRUSSELS).date()
    written = f"{long_day(local_instant.date())} at {local_instant:%H:%M} {local_instant.tzname()}"
    assert full == written
    # What it says is the instant in Brussels: the time always, the day when it is not today.
    match = SHAPE.fullmatch(shown)
    assert match is not None, shown
    assert (int(match["hour"]), int(match["minute"])) == (local_instant.hour, local_instant.minute)
    if local_instant.date() == today:
        assert match["weekday"] is None
        return
    assert match["weekday"] == WEEKDAYS[local_instant.weekday()]
    assert int(match["day"]) == local_instant.day
    assert match["month"] == MONTHS[local_instant.month - 1]
    year = local_instant.year if local_instant.year != today.year else None
    assert (int(match["year"]) if match["year"] else None) == year
    assert bool(match["comma"]) == bool(year)  # en_GB: "Wed 2 Dec", "Wed, 2 Dec 2026"
