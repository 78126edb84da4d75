"""The one clock of the program.

Nothing else calls `datetime.now()`: every layer takes a `Clock`, so tests and
reproducible reports (`--now`) freeze time, and drills can run on an
accelerated clock. Instants are always aware; they are shown in the plan's
time zone by the layers that show them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


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
