"""The one clock of the program.

Nothing else calls `datetime.now()`: every layer takes a `Clock`, so tests and
reproducible reports (`--now`) freeze time, and drills can run on an
accelerated clock. Instants are always aware; they are shown in the plan's
time zone by the layers that show them.

A drill's clock (`DrillClock`) wraps the injected clock rather than reading
the machine's: a test that freezes the real time freezes the drill's too,
and moving it by a minute moves the drill by `speed` minutes. The console
shows one incident at a time, and its clock (`ShownClock`) follows it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

MAX_SPEED = 1000
"""The fastest a drill's clock may run: 72 hours in under five minutes."""


class Clock(Protocol):
    """Anything that tells the current instant."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The real time of this machine."""

    def now(self) -> datetime:
        """The current instant in UTC."""
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until it is moved: for tests and `--now`.

    It keeps the instant in UTC, like the system clock: two datetimes of the
    same zone are compared and subtracted by wall-clock time in Python, which
    is wrong across a daylight-saving change.
    """

    def __init__(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._instant = instant.astimezone(UTC)

    def now(self) -> datetime:
        """The frozen instant."""
        return self._instant

    def set(self, instant: datetime) -> None:
        """Move the clock to `instant`."""
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._instant = instant.astimezone(UTC)


def drill_instant(real: datetime, start: datetime, speed: int) -> datetime:
    """The drill time at the real instant `real`: start + (real - start) x speed, in UTC."""
    start = start.astimezone(UTC)
    return start + (real.astimezone(UTC) - start) * speed


def real_instant(drill: datetime, start: datetime, speed: int) -> datetime:
    """The real instant at which a drill of `speed` started at `start` shows `drill`."""
    start = start.astimezone(UTC)
    return start + (drill.astimezone(UTC) - start) / speed


class DrillClock:
    """A drill's clock: from the drill's start it runs `speed` times faster than `real`.

    At speed 12 a scenario's 72 h target comes six real hours after the
    start, and every other clock of the drill (task due times, deadlines,
    the providers' business hours) runs on this time too.
    """

    def __init__(self, real: Clock, start: datetime, speed: int) -> None:
        if start.tzinfo is None:
            raise ValueError("DrillClock needs an aware start")
        self.real = real
        self.start = start.astimezone(UTC)
        self.speed = speed

    def now(self) -> datetime:
        """The drill's current instant."""
        return drill_instant(self.real.now(), self.start, self.speed)

    def real_time(self, instant: datetime) -> datetime:
        """The real instant at which this drill's clock shows `instant`."""
        return real_instant(instant, self.start, self.speed)


def incident_clock(real: Clock, start: datetime, drill: bool, speed: int) -> Clock:
    """The clock of an incident: the drill's own when it is accelerated, else `real`."""
    return DrillClock(real, start, speed) if drill and speed != 1 else real


class ShownClock:
    """The time of the incident the console shows: a drill's time during a drill.

    The console's header, tabs and dialogs all read this one clock; the app
    points it at the incident it shows (`follow`), so when a real disaster
    takes the screen from a drill, every clock on it is real again at once.
    """

    def __init__(self, real: Clock) -> None:
        self.real = real
        """The injected clock: what a real disaster is declared by."""
        self.shown: Clock = real

    def follow(self, start: datetime | None, drill: bool = False, speed: int = 1) -> None:
        """Show the time of the incident declared at `start` (None: no incident, real time)."""
        self.shown = self.real if start is None else incident_clock(self.real, start, drill, speed)

    def now(self) -> datetime:
        """The current instant of the incident on show."""
        return self.shown.now()
