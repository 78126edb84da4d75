"""Typed times have one reading or a clear refusal (`console.incident.typed_time`).

A local time in the hour the clocks skip is refused with the nearest times
that exist; one in the hour they repeat asks for the offset and shows both
readings; an implausible year is refused; nothing is silently moved. The
property tests hold for every minute of every year drp accepts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.incident.typed_time import (
    NotATime,
    TimeError,
    check_year,
    not_before_declaration,
    typed_form,
    typed_instant,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def refusal(text: str, zone: ZoneInfo = BRUSSELS) -> str:
    with pytest.raises(TimeError) as caught:
        typed_instant(text, zone)
    assert not isinstance(caught.value, NotATime)
    return caught.value.message


@pytest.mark.parametrize("text", ["2026-03-29T02:30", "2026-03-29 02:00", "2026-03-29 02:59"])
def test_the_skipped_hour_is_refused_with_the_nearest_times(english: None, text: str) -> None:
    message = refusal(text)
    assert message.startswith(f"{text.replace('T', ' ')} does not exist in Europe/Brussels")
    assert "the clocks went forward from 02:00 to 03:00" in message
    assert "use 01:59 +01:00 or 03:00 +02:00" in message


@pytest.mark.parametrize("text", ["2026-10-25T02:30", "2026-10-25 02:00", "2026-10-25 02:59"])
def test_the_repeated_hour_asks_for_the_offset(english: None, text: str) -> None:
    message = refusal(text)
    clock = text[-5:]
    assert message.startswith(f"{text.replace('T', ' ')} happened twice in Europe/Brussels")
    assert "the clocks went back from 03:00 to 02:00" in message
    assert f"{clock} +02:00 for the first time (CEST)" in message
    assert f"{clock} +01:00 for the second (CET)" in message


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2026-10-25T02:30+02:00", utc(2026, 10, 25, 0, 30)),
        ("2026-10-25 02:30 +01:00", utc(2026, 10, 25, 1, 30)),
        ("2026-03-29 01:59", utc(2026, 3, 29, 0, 59)),
        ("2026-03-29 03:00", utc(2026, 3, 29, 1, 0)),
        ("2026-10-25 01:59", utc(2026, 10, 24, 23, 59)),
        ("2026-10-25 03:00", utc(2026, 10, 25, 2, 0)),
        ("2026-03-28 14:30", utc(2026, 3, 28, 13, 30)),
        ("1970-01-01", utc(1969, 12, 31, 23, 0)),
        ("2100-12-31T23:59", utc(2100, 12, 31, 22, 59)),
    ],
)
def test_an_unambiguous_time_has_its_one_reading(text: str, instant: datetime) -> None:
    value = typed_instant(text, BRUSSELS)
    assert value == instant
    assert value.tzinfo is UTC


@pytest.mark.parametrize(
    "text", ["0001-01-01", "1900-01-01", "1969-12-31T23:59", "2101-01-01", "9999-12-31T23:59"]
)
def test_a_year_out_of_range_is_refused(english: None, text: str) -> None:
    message = refusal(text)
    assert "drp takes times in the years 1970 to 2100" in message
    assert message.startswith(text.replace("T", " ")[:10])


def test_an_aware_time_out_of_range_is_refused_before_any_conversion() -> None:
    with pytest.raises(TimeError):
        typed_instant("9999-12-31T23:59-05:00", BRUSSELS)  # would overflow in UTC
    with pytest.raises(TimeError):
        check_year(utc(1, 1, 1))


def test_text_that_is_no_time_is_told_apart(english: None) -> None:
    with pytest.raises(NotATime) as caught:
        typed_instant("gisteren", BRUSSELS)
    assert caught.value.message == "'gisteren' is not a time such as 2026-03-29 14:30"


def test_another_zone_gets_its_own_transitions(english: None) -> None:
    new_york = ZoneInfo("America/New_York")
    assert "use 01:59 -05:00 or 03:00 -04:00" in refusal("2026-03-08 02:30", new_york)
    message = refusal("2026-11-01 01:30", new_york)
    assert "01:30 -04:00 for the first time (EDT)" in message
    assert "01:30 -05:00 for the second (EST)" in message


def test_before_the_declaration_is_refused(english: None) -> None:
    declared = utc(2026, 3, 28, 9, 0, 25)
    with pytest.raises(TimeError) as caught:
        not_before_declaration(utc(2026, 3, 28, 8, 59), declared, "20260328-AB12", BRUSSELS)
    assert caught.value.message.startswith(
        "Saturday, 28 March 2026 at 09:59 CET is before incident 20260328-AB12 was declared, "
        "at Saturday, 28 March 2026 at 10:00 CET"
    )


def test_the_declarations_own_minute_is_the_declaration() -> None:
    declared = utc(2026, 3, 28, 9, 0, 25)
    typed = utc(2026, 3, 28, 9, 0)  # "10:00", the minute the declaration shows
    assert not_before_declaration(typed, declared, "x", BRUSSELS) == declared
    later = utc(2026, 3, 28, 9, 1)
    assert not_before_declaration(later, declared, "x", BRUSSELS) == later


def test_a_dialog_fills_in_the_repeated_hour_with_its_offset() -> None:
    first, second = utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)
    assert typed_form(first, BRUSSELS) == "2026-10-25 02:30 +02:00"
    assert typed_form(second, BRUSSELS) == "2026-10-25 02:30 +01:00"
    assert typed_form(utc(2026, 3, 28, 13, 0, 5), BRUSSELS) == "2026-03-28 14:00"


minutes = st.integers(0, (datetime(2100, 12, 31, 22, 0) - datetime(1970, 1, 1)).days * 24 * 60)


@given(minutes)
def test_every_time_a_dialog_fills_in_reads_back_as_that_minute(minute: int) -> None:
    instant = utc(1970, 1, 1) + timedelta(minutes=minute)
    assert typed_instant(typed_form(instant, BRUSSELS), BRUSSELS) == instant


@given(minutes)
def test_a_local_time_is_read_as_itself_or_refused_never_moved(minute: int) -> None:
    naive = datetime(1970, 1, 1, 1) + timedelta(minutes=minute)
    text = f"{naive:%Y-%m-%d %H:%M}"
    try:
        value = typed_instant(text, BRUSSELS)
    except TimeError:
        first = naive.replace(tzinfo=BRUSSELS, fold=0)
        assert first.utcoffset() != naive.replace(tzinfo=BRUSSELS, fold=1).utcoffset()
        return
    assert value.astimezone(BRUSSELS).replace(tzinfo=None) == naive
