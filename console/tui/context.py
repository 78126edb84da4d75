"""What every part of the console needs to know and never changes while it runs.

Passed down as an attribute when widgets are built, so nothing reads global
settings inside `compose` and tests build the console with any plan, user and
clock they like.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.incident.access import allowed

if TYPE_CHECKING:  # the app imports this before the plan is loaded
    from console.clock import Clock
    from console.incident.access import Action, Role
    from console.plan.model import Plan
    from console.plan.people import Person


@dataclass(frozen=True)
class ConsoleContext:
    """The plan, the time zone, the clock and who is at the keyboard."""

    plan: Plan
    clock: Clock
    login: str
    role: Role

    @property
    def zone(self) -> ZoneInfo:
        """The plan's time zone, in which every time is shown."""
        return ZoneInfo(self.plan.organisation.timezone)

    @property
    def person(self) -> Person | None:
        """The plan's person whose login is this user's, if any ("my tasks")."""
        return next((p for p in self.plan.people if p.login == self.login), None)

    def may(self, action: Action) -> bool:
        """Whether this user may take `action` (see `console.incident.access`)."""
        return allowed(self.role, action)

    def local(self, instant: datetime) -> datetime:
        """An instant in the plan's time zone."""
        return instant.astimezone(self.zone)
