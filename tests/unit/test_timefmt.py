"""How times and durations read: in Brussels time, right across a daylight-saving change.

People under stress read "1d 19:30 left" or "LATE 0:42" on a phone over SSH,
often without colour, and act on it; scripts read the ISO form. A clock that
is an hour off across the DST weekend, or a marker that only colour makes
visible, misleads them. `after` is the real-hours offset behind the 72 h / 48 h
targets, so it is tested here with the formatting it feeds.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.incident.state import after
from console.incident.timefmt import iso, left, local, span, when

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
        pytest.param("2026-03-28T14:00+00:00", "2026-03-28 15:00 CET", id="winter"),
        pytest.param("2026-03-29T00:59+00:00", "2026-03-29 01:59 CET", id="before-spring-jump"),
        pytest.param("2026-03-29T01:00+00:00", "2026-03-29 03:00 CEST", id="after-spring-jump"),
        pytest.param("2026-03-31T11:00+00:00", "2026-03-31 13:00 CEST", id="summer"),
        pytest.param("2026-10-25T00:30+00:00", "2026-10-25 02:30 CEST", id="first-0230"),
        pytest.param("2026-10-25T01:30+00:00", "2026-10-25 02:30 CET", id="second-0230"),
        pytest.param("2026-10-26T10:00+00:00", "2026-10-26 11:00 CET", id="back-to-winter"),
        pytest.param("2026-06-10T14:00+02:00", "2026-06-10 14:00 CEST", id="already-local"),
        pytest.param("2026-06-10T14:00:59+02:00", "2026-06-10 14:00 CEST", id="to-the-minute"),
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
    assert when(target, BRUSSELS) == "2026-03-31 13:00 CEST"
    assert iso(target, BRUSSELS) == "2026-03-31T13:00:00+02:00"
