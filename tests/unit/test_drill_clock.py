"""A drill's clock: N times faster from its start, on top of whatever clock is injected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from console.clock import (
    MAX_SPEED,
    DrillClock,
    FixedClock,
    ShownClock,
    drill_instant,
    incident_clock,
    real_instant,
)

START = datetime(2026, 3, 28, 10, 0, tzinfo=UTC)


def test_drill_time_is_the_start_plus_the_real_time_since_times_the_speed() -> None:
    real = FixedClock(START)
    clock = DrillClock(real, START, 60)
    assert clock.now() == START  # at its start the drill's time is the real time
    real.set(START + timedelta(minutes=72))
    assert clock.now() == START + timedelta(hours=72)
    assert clock.real_time(clock.now()) == real.now()


def test_a_frozen_real_clock_freezes_the_drill_s() -> None:
    real = FixedClock(START + timedelta(minutes=5))
    clock = DrillClock(real, START, 12)
    assert clock.now() == clock.now() == START + timedelta(hours=1)


def test_a_start_in_any_zone_is_the_same_instant() -> None:
    brussels = START.astimezone(ZoneInfo("Europe/Brussels"))
    real = FixedClock(START + timedelta(minutes=1))
    assert DrillClock(real, brussels, 60).now() == DrillClock(real, START, 60).now()
    assert DrillClock(real, brussels, 60).now().tzinfo == UTC


@given(
    minutes=st.integers(min_value=0, max_value=60 * 24 * 30),
    speed=st.integers(min_value=1, max_value=MAX_SPEED),
)
def test_real_time_and_drill_time_map_onto_each_other(minutes: int, speed: int) -> None:
    real = START + timedelta(minutes=minutes)
    drill = drill_instant(real, START, speed)
    assert drill - START == (real - START) * speed
    assert abs(real_instant(drill, START, speed) - real) < timedelta(milliseconds=1)


def test_an_incident_s_clock_is_the_real_one_unless_an_accelerated_drill() -> None:
    real = FixedClock(START)
    assert incident_clock(real, START, drill=False, speed=1) is real
    assert incident_clock(real, START, drill=True, speed=1) is real
    assert isinstance(incident_clock(real, START, drill=True, speed=12), DrillClock)


def test_the_shown_clock_follows_the_incident_on_show() -> None:
    real = FixedClock(START + timedelta(minutes=10))
    shown = ShownClock(real)
    assert shown.now() == real.now()
    shown.follow(START, drill=True, speed=6)
    assert shown.now() == START + timedelta(hours=1)
    shown.follow(START, drill=False)
    assert shown.now() == real.now()
    shown.follow(START, drill=True, speed=6)
    shown.follow(None)  # no incident: the real time
    assert shown.now() == real.now()
