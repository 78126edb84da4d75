"""The rules for what happens once or is decided again, kept up to date event by event.

An incident is declared once, decided (and perhaps decided again: the later
decision wins), its recovery starts once, it is closed once; a ticket is
opened once and closed once. Where the journal holds such an event twice (two
consoles at the same moment, two copies merged), the first in the fold's
order (`at`, then id) wins, except for the decision, where the last does.

`Brief` applies these rules to events in any order, so the actions can check
an incident within milliseconds without folding a long journal, and `fold`
reads the same brief: the rules exist once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar, assert_never

from console.incident.events import (
    Assessment,
    BaseEvent,
    Closed,
    ComponentChanged,
    Contacted,
    Decided,
    Declared,
    Event,
    Meeting,
    Note,
    RecoveryStarted,
    ReportIssued,
    RestoreChanged,
    TaskAssigned,
    TaskChanged,
    TicketClosed,
    TicketOpened,
    sort_key,
)

E = TypeVar("E", bound=BaseEvent)


def first(kept: E | None, event: E) -> E:
    """Of two events that happen once, the one that comes first in the fold's order."""
    return event if kept is None or sort_key(event) < sort_key(kept) else kept


def last(kept: E | None, event: E) -> E:
    """Of two events that set the same thing, the one that comes last in the fold's order."""
    return event if kept is None or sort_key(event) > sort_key(kept) else kept


@dataclass
class Brief:
    """The declaration, the decision, the recovery, the closing and the tickets of one incident."""

    declared: Declared | None = None
    decision: Decided | None = None
    recovery: RecoveryStarted | None = None
    closing: Closed | None = None
    opened: dict[str, TicketOpened] = field(default_factory=dict)
    """Each ticket's opening, by ticket id."""
    closed: dict[str, TicketClosed] = field(default_factory=dict)
    """Each ticket's closing, by ticket id."""

    def take(self, event: Event) -> None:
        """Account for one more event of the incident, in any order."""
        match event:
            case Declared():
                self.declared = first(self.declared, event)
            case Decided():
                self.decision = last(self.decision, event)
            case RecoveryStarted():
                self.recovery = first(self.recovery, event)
            case Closed():
                self.closing = first(self.closing, event)
            case TicketOpened():
                self.opened[event.ticket] = first(self.opened.get(event.ticket), event)
            case TicketClosed():
                self.closed[event.ticket] = first(self.closed.get(event.ticket), event)
            case (
                Contacted()
                | Meeting()
                | Assessment()
                | TaskChanged()
                | TaskAssigned()
                | Note()
                | ComponentChanged()
                | RestoreChanged()
                | ReportIssued()
            ):
                pass  # these change as often as they like: the fold keeps the last of each
            case _:
                assert_never(event)

    @property
    def scenario(self) -> str | None:
        """The decided scenario's id, if one is decided."""
        return self.decision.scenario if self.decision else None

    @property
    def decided_at(self) -> datetime | None:
        """When the scenario in force was decided."""
        return self.decision.at if self.decision else None

    @property
    def recovery_started_at(self) -> datetime | None:
        """When the recovery phase started, if it has."""
        return self.recovery.at if self.recovery else None

    @property
    def closed_at(self) -> datetime | None:
        """When the incident was closed, if it is."""
        return self.closing.at if self.closing else None

    def open_tickets(self) -> list[str]:
        """Ids of the tickets opened and not yet closed."""
        return [ticket for ticket in self.opened if ticket not in self.closed]
