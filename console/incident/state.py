"""The state of an incident at a moment: what the fold of its events computes.

Plain frozen dataclasses, read by the command line, the console and the
reports alike. Anything that depends on the current time (time left, overdue)
is a method taking `now`, so the state itself stays a pure function of the
plan and the events.

It loads neither the event nor the plan schema (their names serve as types
only): the console's first look at the journal (`console.incident.glance`)
builds a state for the header before pydantic is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from console.incident.events import (
        Audience,
        ComponentStatus,
        ContactResult,
        Event,
        Extent,
        ReportIssued,
        ReportKind,
        RestoreStatus,
        TaskStatus,
    )
    from console.plan.scenarios import Phase

ContactStatus: TypeAlias = 'ContactResult | Literal["pending"]'
"""Whether a person was reached: "pending" until a call is recorded."""

CLOSED_TASK_STATUSES: frozenset[TaskStatus] = frozenset({"done", "skipped"})


def later(a: datetime, b: datetime) -> bool:
    """Whether instant `a` comes after `b` in real time, whatever their zones."""
    return a.astimezone(UTC) > b.astimezone(UTC)


def after(start: datetime, hours: float) -> datetime:
    """The instant `hours` real hours after `start` (72 h is 72 h across a DST change).

    Computed in UTC: Python adds a timedelta to a zoned datetime on the wall
    clock, which would make 72 h across a DST change 71 or 73 real hours.
    """
    return start.astimezone(UTC) + timedelta(hours=hours)


@dataclass(frozen=True)
class TaskState:
    """A task of the step plan, the decided scenario or the recovery phase."""

    id: str
    title: str
    phase: Phase
    owner: str
    status: TaskStatus = "todo"
    assignee: str | None = None
    note: str = ""
    updated_at: datetime | None = None
    """When its status was last set, by hand or by the event that completes a step."""
    done_at: datetime | None = None
    """When it was done or skipped, while it is: since then it has had this status."""
    done_by: str | None = None
    """Who did it (or skipped it) then."""
    due_at: datetime | None = None

    def overdue(self, now: datetime) -> bool:
        """Whether it is due, past due and not done or skipped."""
        return (
            self.due_at is not None
            and later(now, self.due_at)
            and self.status not in CLOSED_TASK_STATUSES
        )


@dataclass(frozen=True)
class ContactState:
    """Whether a member of the crisis staff or a plan holder has been reached."""

    id: str
    name: str
    status: ContactStatus = "pending"
    at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class TicketState:
    """A ticket with a provider and its SLA clock."""

    id: str
    provider: str
    opened_at: datetime
    ref: str = ""
    due_at: datetime | None = None
    closed_at: datetime | None = None

    def overdue(self, now: datetime) -> bool:
        """Whether the SLA has run out while the ticket is still open."""
        return self.due_at is not None and self.closed_at is None and later(now, self.due_at)


@dataclass(frozen=True)
class ComponentState:
    """The last known status of a component."""

    id: str
    name: str
    status: ComponentStatus = "unknown"
    at: datetime | None = None
    note: str = ""


@dataclass(frozen=True)
class RestoreState:
    """How far the restore of a system has come."""

    system: str
    status: RestoreStatus
    at: datetime
    point: datetime | None = None


@dataclass(frozen=True)
class DeadlineState:
    """An extra deadline of the decided scenario, such as the GDPR notification."""

    id: str
    name: str
    due_at: datetime

    def overdue(self, now: datetime) -> bool:
        """Whether it has passed."""
        return later(now, self.due_at)


@dataclass(frozen=True)
class IncidentState:
    """Everything known about one incident."""

    id: str
    declared_at: datetime
    declared_by: str
    drill: bool = False
    speed: int = 1
    """How many times faster than real time a drill's clock runs (`console.clock.DrillClock`)."""
    extent: Extent = "total"
    summary: str = ""
    scenario: str | None = None
    decided_at: datetime | None = None
    recovery_started_at: datetime | None = None
    closed_at: datetime | None = None
    targets: dict[str, datetime] = field(default_factory=dict)
    deadlines: list[DeadlineState] = field(default_factory=list)
    tasks: list[TaskState] = field(default_factory=list)
    contacts: list[ContactState] = field(default_factory=list)
    tickets: list[TicketState] = field(default_factory=list)
    components: list[ComponentState] = field(default_factory=list)
    restores: list[RestoreState] = field(default_factory=list)
    reports: list[ReportIssued] = field(default_factory=list)
    """Every report exported, in order: what the board or the public was told, and when."""
    timeline: list[Event] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Whether the incident is still open."""
        return self.closed_at is None

    @property
    def target_at(self) -> datetime | None:
        """The decided scenario's target, once a scenario is decided."""
        return self.targets.get(self.scenario) if self.scenario else None

    def task(self, task_id: str) -> TaskState | None:
        """The task with this id, if it is in the current task list."""
        return next((t for t in self.tasks if t.id == task_id), None)

    def last_report(self, kind: ReportKind, audience: Audience) -> ReportIssued | None:
        """The latest report of this kind issued to this audience, if any."""
        found = [r for r in self.reports if r.report == kind and r.audience == audience]
        return found[-1] if found else None

    def open_tickets(self) -> list[TicketState]:
        """Tickets not yet closed."""
        return [t for t in self.tickets if t.closed_at is None]
