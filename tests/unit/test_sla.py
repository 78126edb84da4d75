"""SLA clocks: a provider's repair time, counted only in its business hours, must be right.

On the day of the disaster the sysadmin reads "due Monday 11:30" and plans the
escalation call around it. A clock that counts a Sunday, a Belgian public
holiday or the provider's closure day, or that is an hour off across a
daylight-saving weekend, sends people to the phone at the wrong time. Every
expected value below was worked out by hand from the calendar (see each
case's comment), not copied from the code's output.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.incident.sla import (
    NoBusinessHours,
    belgian_holidays,
    business_time_between,
    business_windows,
    sla_due,
)
from console.plan.infrastructure import Sla

BRUSSELS = ZoneInfo("Europe/Brussels")

WEEKDAYS_OPEN = {day: "08:00-20:00" for day in ("mon", "tue", "wed", "thu", "fri")}
SEED_HOURS: dict[str, Any] = {**WEEKDAYS_OPEN, "sat": "08:00-16:30"}
SUPPORT_HOURS: dict[str, Any] = {
    **{day: ["08:30-12:00", "13:00-17:00"] for day in ("mon", "tue", "wed", "thu")},
    "fri": ["08:30-12:00", "13:00-16:00"],
}
ALL_DAY = "00:00-24:00"


def make_sla(
    hours: dict[str, Any] | None = None,
    repair_hours: float = 5,
    holidays: str = "BE",
    closed: list[str] | None = None,
) -> Sla:
    """An SLA like the shipped `wan-sla`, with the given differences."""
    return Sla.model_validate(
        {
            "id": "wan-sla",
            "provider": "wan",
            "service": "WAN aansluiting (Internet + KSZ)",
            "repair_hours": repair_hours,
            "hours": SEED_HOURS if hours is None else hours,
            "holidays": holidays,
            "closed": closed or [],
        }
    )


SEED = make_sla()


def local(text: str) -> datetime:
    """An instant written as ISO 8601; without an offset it is Brussels wall-clock time."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=BRUSSELS)


def eu_offset(instant: datetime) -> timedelta:
    """Brussels' UTC offset at `instant`, from the EU rule, independently of the tz database.

    Summer time runs from the last Sunday of March to the last Sunday of
    October, switching at 01:00 UTC both times.
    """

    def last_sunday(year: int, month: int) -> datetime:
        day = date(year, month, 31)
        day -= timedelta(days=(day.weekday() - 6) % 7)
        return datetime(day.year, day.month, day.day, 1, tzinfo=UTC)

    utc = instant.astimezone(UTC)
    summer = last_sunday(utc.year, 3) <= utc < last_sunday(utc.year, 10)
    return timedelta(hours=2 if summer else 1)


def assert_zoned(due: datetime) -> None:
    """`due` is an aware UTC instant, which shows with the Brussels offset valid then."""
    assert due.tzinfo is not None
    assert due.utcoffset() == timedelta(0)
    assert due.astimezone(BRUSSELS).utcoffset() == eu_offset(due)


# Weekdays used below (2026): June 8 Mon … June 14 Sun; no public holiday that week.
SEED_CASES = [
    # 09:00 + 5 h, well inside the 08:00-20:00 window.
    pytest.param("2026-06-10T09:00", "2026-06-10T14:00:00+02:00", id="inside-weekday-window"),
    # Ends exactly at the 20:00 close: due at the close, not the next morning.
    pytest.param("2026-06-09T15:00", "2026-06-09T20:00:00+02:00", id="ends-exactly-at-close"),
    # Tue 18:00-20:00 is 2 h; the remaining 3 h from Wed 08:00.
    pytest.param("2026-06-09T18:00", "2026-06-10T11:00:00+02:00", id="spans-evening-close"),
    # Fri 18:00-20:00 is 2 h; Saturday counts: 08:00 + 3 h.
    pytest.param("2026-06-12T18:00", "2026-06-13T11:00:00+02:00", id="friday-to-saturday"),
    # Sat 14:00-16:30 is 2.5 h; Sunday closed; Mon 08:00 + 2.5 h.
    pytest.param("2026-06-13T14:00", "2026-06-15T10:30:00+02:00", id="saturday-to-monday"),
    # Opened on Sunday: nothing counts until Mon 08:00; + 5 h.
    pytest.param("2026-06-14T10:00", "2026-06-15T13:00:00+02:00", id="opened-on-sunday"),
    # Opened at 06:00, before opening: the clock starts at 08:00.
    pytest.param("2026-06-10T06:00", "2026-06-10T13:00:00+02:00", id="before-opening"),
    # Opened exactly at opening time.
    pytest.param("2026-06-10T08:00", "2026-06-10T13:00:00+02:00", id="exactly-at-opening"),
    # Opened exactly at the 20:00 close: nothing counts that day.
    pytest.param("2026-06-09T20:00", "2026-06-10T13:00:00+02:00", id="exactly-at-close"),
    # Opened exactly at the Saturday 16:30 close: on to Monday 08:00 + 5 h.
    pytest.param("2026-06-13T16:30", "2026-06-15T13:00:00+02:00", id="exactly-at-saturday-close"),
    # Opened late in the evening: the next morning.
    pytest.param("2026-06-10T23:59", "2026-06-11T13:00:00+02:00", id="late-evening"),
    # Given as UTC: 16:00 UTC is 18:00 CEST, the same as spans-evening-close.
    pytest.param("2026-06-09T16:00+00:00", "2026-06-10T11:00:00+02:00", id="opened-in-utc"),
    # Armistice, Wed 2026-11-11: Tue 18:00-20:00 is 2 h, Wed skipped, Thu 08:00 + 3 h.
    pytest.param("2026-11-10T18:00", "2026-11-12T11:00:00+01:00", id="holiday-armistice"),
    # Christmas on Fri 2026-12-25: Thu 2 h, Fri skipped, Sat 26 (not a holiday) 08:00 + 3 h.
    pytest.param("2026-12-24T18:00", "2026-12-26T11:00:00+01:00", id="holiday-christmas-friday"),
    # Easter Monday 2026-04-06: Sat 4 Apr 15:00-16:30 is 1.5 h, Sun and Mon skipped,
    # Tue 08:00 + 3.5 h.
    pytest.param("2026-04-04T15:00", "2026-04-07T11:30:00+02:00", id="holiday-easter-monday"),
    # New Year 2027 on a Friday: Thu 31 Dec 2 h, Fri skipped, Sat 2 Jan 08:00 + 3 h.
    pytest.param("2026-12-31T18:00", "2027-01-02T11:00:00+01:00", id="holiday-new-year-2027"),
    # Opened on the holiday itself: Thu 08:00 + 5 h.
    pytest.param("2026-11-11T10:00", "2026-11-12T13:00:00+01:00", id="opened-on-holiday"),
    # Spring DST: Sat 28 Mar 15:00 CET, 1.5 h to 16:30; Sun closed (the jump);
    # Mon 30 Mar 08:00 CEST + 3.5 h.
    pytest.param("2026-03-28T15:00", "2026-03-30T11:30:00+02:00", id="dst-spring-weekend"),
    # Autumn DST: Sat 24 Oct 15:00 CEST, 1.5 h; Sun closed; Mon 26 Oct 08:00 CET + 3.5 h.
    pytest.param("2026-10-24T15:00", "2026-10-26T11:30:00+01:00", id="dst-autumn-weekend"),
]


@pytest.mark.parametrize(("opened", "due"), SEED_CASES)
def test_seed_sla_due(opened: str, due: str) -> None:
    result = sla_due(SEED, local(opened), BRUSSELS)
    assert result.astimezone(BRUSSELS).isoformat() == due
    assert result == local(due)
    assert_zoned(result)


OTHER_CASES = [
    # Plan closure Wed 2026-06-10: Tue 18:00-20:00 2 h, Wed skipped, Thu 08:00 + 3 h.
    pytest.param(
        make_sla(closed=["2026-06-10"]),
        "2026-06-09T18:00",
        "2026-06-11T11:00:00+02:00",
        id="closure-date-skipped",
    ),
    # 24 h over several days: Fri 14:00-20:00 6 h, Sat 08:00-16:30 8.5 h (14.5 h),
    # Sunday closed, Mon 08:00 + 9.5 h = 17:30.
    pytest.param(
        make_sla(repair_hours=24),
        "2026-06-12T14:00",
        "2026-06-15T17:30:00+02:00",
        id="24h-over-several-days",
    ),
    # 24 h across Armistice and a weekend: Tue 10 Nov 18:00-20:00 2 h, Wed 11 skipped,
    # Thu 12 h (14 h), Fri 08:00 + 10 h = 18:00.
    pytest.param(
        make_sla(repair_hours=24),
        "2026-11-10T18:00",
        "2026-11-13T18:00:00+01:00",
        id="24h-across-holiday",
    ),
    # Split windows, 8 h: Mon 10:00-12:00 2 h, 13:00-17:00 4 h (6 h), Tue 08:30 + 2 h.
    pytest.param(
        make_sla(SUPPORT_HOURS, repair_hours=8),
        "2026-06-08T10:00",
        "2026-06-09T10:30:00+02:00",
        id="split-windows",
    ),
    # Opened during lunch: Mon 13:00-17:00 4 h, Tue 08:30-12:00 3.5 h (7.5 h),
    # lunch skipped, Tue 13:00 + 0.5 h.
    pytest.param(
        make_sla(SUPPORT_HOURS, repair_hours=8),
        "2026-06-08T12:30",
        "2026-06-09T13:30:00+02:00",
        id="split-opened-at-lunch",
    ),
    # Fri 11:00-12:00 1 h, 13:00-16:00 3 h (4 h); weekend closed; Mon 08:30-12:00 3.5 h
    # (7.5 h); lunch; Mon 13:00 + 0.5 h.
    pytest.param(
        make_sla(SUPPORT_HOURS, repair_hours=8),
        "2026-06-12T11:00",
        "2026-06-15T13:30:00+02:00",
        id="split-friday-to-monday",
    ),
    # Ends exactly at the start of lunch: Mon 12:00, not 13:00.
    pytest.param(
        make_sla(SUPPORT_HOURS, repair_hours=3.5),
        "2026-06-08T08:30",
        "2026-06-08T12:00:00+02:00",
        id="split-ends-at-lunch",
    ),
    # holidays = "none": Armistice counts like any Wednesday: Tue 2 h, Wed 08:00 + 3 h.
    pytest.param(
        make_sla(holidays="none"),
        "2026-11-10T18:00",
        "2026-11-11T11:00:00+01:00",
        id="no-holidays-counts-armistice",
    ),
    # holidays = "none" still honours the plan's own closure dates.
    pytest.param(
        make_sla(holidays="none", closed=["2026-11-11"]),
        "2026-11-10T18:00",
        "2026-11-12T11:00:00+01:00",
        id="no-holidays-but-closed",
    ),
    # Window to 24:00: Tue 22:00-24:00 2 h, Wed 08:00 + 3 h.
    pytest.param(
        make_sla(dict.fromkeys(WEEKDAYS_OPEN, "08:00-24:00")),
        "2026-06-09T22:00",
        "2026-06-10T11:00:00+02:00",
        id="window-to-midnight",
    ),
    # Window to 24:00, ending exactly at midnight: Tue 19:00 + 5 h = Wed 00:00.
    pytest.param(
        make_sla(dict.fromkeys(WEEKDAYS_OPEN, "08:00-24:00")),
        "2026-06-09T19:00",
        "2026-06-10T00:00:00+02:00",
        id="ends-at-midnight",
    ),
    # Round the clock, 24 h over the spring jump: Sun, 29 Mar 2026 has 23 real hours
    # (00:00 CET to 24:00 CEST), so 1 h is left for Monday: Mon 01:00 CEST.
    pytest.param(
        make_sla({"sun": ALL_DAY, "mon": ALL_DAY}, repair_hours=24),
        "2026-03-29T00:00",
        "2026-03-30T01:00:00+02:00",
        id="all-day-spring-jump",
    ),
    # Round the clock, 24 h over the autumn change: Sun, 25 Oct 2026 has 25 real hours,
    # so 24 h from 00:00 CEST end the same day at 23:00 CET.
    pytest.param(
        make_sla({"sun": ALL_DAY, "mon": ALL_DAY}, repair_hours=24),
        "2026-10-25T00:00",
        "2026-10-25T23:00:00+01:00",
        id="all-day-autumn-change",
    ),
    # A night window across the spring jump: Sun 01:00 CET (00:00 UTC) to 04:00 CEST
    # (02:00 UTC) is 2 real hours; the 3rd hour is Mon 01:00-02:00 CEST.
    pytest.param(
        make_sla({"sun": "01:00-04:00", "mon": "01:00-04:00"}, repair_hours=3),
        "2026-03-29T01:00",
        "2026-03-30T02:00:00+02:00",
        id="night-window-spring-jump",
    ),
    # A night window across the autumn change: Sun 01:00 CEST (23:00 UTC Sat) to
    # 04:00 CET (03:00 UTC) is 4 real hours; 3.5 h end at 02:30 UTC = 03:30 CET.
    pytest.param(
        make_sla({"sun": "01:00-04:00", "mon": "01:00-04:00"}, repair_hours=3.5),
        "2026-10-25T01:00",
        "2026-10-25T03:30:00+01:00",
        id="night-window-autumn-change",
    ),
    # Fractional repair hours: 0.25 h is 15 minutes.
    pytest.param(
        make_sla(repair_hours=0.25),
        "2026-06-09T19:50",
        "2026-06-10T08:05:00+02:00",
        id="quarter-hour-over-close",
    ),
]


@pytest.mark.parametrize(("sla", "opened", "due"), OTHER_CASES)
def test_sla_due(sla: Sla, opened: str, due: str) -> None:
    result = sla_due(sla, local(opened), BRUSSELS)
    assert result.astimezone(BRUSSELS).isoformat() == due
    assert result == local(due)
    assert_zoned(result)


@pytest.mark.parametrize(
    "hours",
    [
        pytest.param({}, id="no-days"),
        pytest.param({"mon": [], "sat": []}, id="days-without-windows"),
    ],
)
def test_sla_without_business_hours_raises(hours: dict[str, Any]) -> None:
    with pytest.raises(NoBusinessHours):
        sla_due(make_sla(hours), local("2026-06-09T10:00"), BRUSSELS)


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        # Wholly inside one window.
        pytest.param("2026-06-10T09:00", "2026-06-10T11:30", 2.5, id="inside-window"),
        # Tue 18:00-20:00 and Wed 08:00-11:00.
        pytest.param("2026-06-09T18:00", "2026-06-10T11:00", 5, id="over-evening-close"),
        # Night only: nothing.
        pytest.param("2026-06-09T20:00", "2026-06-10T08:00", 0, id="night-only"),
        # A whole week Mon 00:00 to next Mon 00:00: 5 x 12 h + 8.5 h.
        pytest.param("2026-06-08T00:00", "2026-06-15T00:00", 68.5, id="whole-week"),
        # The Armistice week: 4 x 12 h + 8.5 h.
        pytest.param("2026-11-09T00:00", "2026-11-16T00:00", 56.5, id="week-with-holiday"),
        # Saturday across the spring jump counts 15:00-16:30 only, Sunday nothing.
        pytest.param("2026-03-28T15:00", "2026-03-30T08:00", 1.5, id="spring-weekend"),
        # An end before the start counts nothing.
        pytest.param("2026-06-10T11:00", "2026-06-10T09:00", 0, id="end-before-start"),
        # Start == end counts nothing.
        pytest.param("2026-06-10T11:00", "2026-06-10T11:00", 0, id="empty"),
    ],
)
def test_business_time_between(start: str, end: str, hours: float) -> None:
    assert business_time_between(SEED, local(start), local(end), BRUSSELS) == timedelta(hours=hours)


def test_business_time_between_all_day_on_dst_sundays() -> None:
    sla = make_sla({"sun": ALL_DAY})
    spring = business_time_between(
        sla, local("2026-03-29T00:00"), local("2026-03-30T00:00"), BRUSSELS
    )
    autumn = business_time_between(
        sla, local("2026-10-25T00:00"), local("2026-10-26T00:00"), BRUSSELS
    )
    assert (spring, autumn) == (timedelta(hours=23), timedelta(hours=25))


def test_business_windows_are_utc_and_skip_closed_days() -> None:
    windows = business_windows(SEED, local("2026-03-27T19:00"), BRUSSELS)
    first = [next(windows) for _ in range(3)]
    assert first == [
        # Fri 19:00-20:00 CET, cut at the start.
        (datetime(2026, 3, 27, 18, tzinfo=UTC), datetime(2026, 3, 27, 19, tzinfo=UTC)),
        # Sat 08:00-16:30 CET.
        (datetime(2026, 3, 28, 7, tzinfo=UTC), datetime(2026, 3, 28, 15, 30, tzinfo=UTC)),
        # Mon 08:00-20:00 CEST (Sunday closed).
        (datetime(2026, 3, 30, 6, tzinfo=UTC), datetime(2026, 3, 30, 18, tzinfo=UTC)),
    ]
    assert all(w.utcoffset() == timedelta(0) for pair in first for w in pair)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 7, 21),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
        date(2027, 1, 1),
        date(2027, 3, 29),
    ],
    ids=str,
)
def test_belgian_holidays_include(day: date) -> None:
    assert day in belgian_holidays(day.year)


@pytest.mark.parametrize("day", [date(2026, 12, 26), date(2026, 4, 3), date(2026, 6, 10)], ids=str)
def test_belgian_holidays_exclude(day: date) -> None:
    assert day not in belgian_holidays(day.year)


OPENED_2026_2027 = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31, 23, 59)
).map(lambda naive: naive.replace(tzinfo=UTC))


@settings(max_examples=300, deadline=None)
@given(
    opened=OPENED_2026_2027,
    minutes=st.integers(min_value=1, max_value=80 * 60),
    in_utc=st.booleans(),
)
def test_due_is_exactly_repair_hours_of_business_time(
    opened: datetime, minutes: int, in_utc: bool
) -> None:
    sla = make_sla(repair_hours=minutes / 60)
    start = opened if in_utc else opened.astimezone(BRUSSELS)
    due = sla_due(sla, start, BRUSSELS)
    assert_zoned(due)
    assert due.astimezone(UTC) > opened.astimezone(UTC)
    assert business_time_between(sla, start, due, BRUSSELS) == timedelta(hours=sla.repair_hours)
    # The due instant lies inside (or at the close of) an open window.
    local_due = due.astimezone(BRUSSELS)
    assert local_due.weekday() != 6
    assert local_due.date() not in belgian_holidays(local_due.year)
