"""Everything that happens during a disaster, as immutable events.

An event says what happened (`kind` and its fields), when it happened (`at`,
which may be backdated), when it was written down (`recorded_at`), who wrote
it (`actor`, the OS login) and where (`host`). Events are never changed or
deleted: the current state is computed from them (`fold`), and the list of
them is the incident's audit trail.

A drill may run on an accelerated clock (`Declared.speed`): its events'
`at` and `recorded_at` are then drill time, the time every clock of the
drill is counted in, and `real_at` keeps the real time beside them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    model_serializer,
    model_validator,
)

from console.clock import MAX_SPEED

Extent = Literal["total", "partial"]
ContactResult = Literal["reached", "no-answer", "unreachable"]
TaskStatus = Literal["todo", "doing", "done", "blocked", "skipped"]
ComponentStatus = Literal["up", "degraded", "down", "unknown"]
RestoreStatus = Literal["planned", "running", "restored", "verified"]
ReportKind = Literal["status", "after-action"]
Audience = Literal["board", "public"]

CONTACT_RESULTS: tuple[ContactResult, ...] = ("reached", "no-answer", "unreachable")
TASK_STATUSES: tuple[TaskStatus, ...] = ("todo", "doing", "done", "blocked", "skipped")
COMPONENT_STATUSES: tuple[ComponentStatus, ...] = ("up", "degraded", "down", "unknown")
RESTORE_STATUSES: tuple[RestoreStatus, ...] = ("planned", "running", "restored", "verified")
REPORT_KINDS: tuple[ReportKind, ...] = ("status", "after-action")
AUDIENCES: tuple[Audience, ...] = ("board", "public")


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


Instant = Annotated[AwareDatetime, AfterValidator(_utc)]
"""An aware instant, kept in UTC so that arithmetic and ordering are in real time."""


class BaseEvent(BaseModel):
    """What every event has."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=26, max_length=26)
    """Unique and sortable (a ULID); breaks ties between events at the same `at`."""
    incident: str = Field(min_length=1)
    """The id of the incident it belongs to."""
    at: Instant
    """When it happened; may be earlier than `recorded_at` (backdated)."""
    recorded_at: Instant
    """When it was written down."""
    actor: str
    """The OS login of the process that recorded it."""
    host: str
    """The machine it was recorded on."""
    real_at: Instant | None = None
    """On a drill with an accelerated clock, the real time of `at` (which is drill time)."""


class Declared(BaseEvent):
    """The disaster was declared: the incident begins."""

    kind: Literal["declared"] = "declared"
    extent: Extent = "total"
    """A total or a partial disaster."""
    summary: str = ""
    """What happened, in a sentence."""
    drill: bool = False
    """An exercise, kept apart from real incidents."""
    speed: int = Field(default=1, ge=1, le=MAX_SPEED, strict=True)
    """How many times faster than real time a drill's clock runs from `at` (1 for real ones)."""

    @model_validator(mode="after")
    def _real_time_for_real_incidents(self) -> Declared:
        if self.speed != 1 and not self.drill:
            raise ValueError("only a drill runs on an accelerated clock (speed 1 or drill = true)")
        return self

    @model_serializer(mode="wrap")
    def _speed_only_when_faster(self, write: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A declaration on real time is written as before there were fast drills."""
        data: dict[str, Any] = write(self)
        if self.speed == 1:
            data.pop("speed", None)
        return data


class Contacted(BaseEvent):
    """Someone tried to reach a person."""

    kind: Literal["contact"] = "contact"
    person: str
    """The plan's id of the person."""
    result: ContactResult
    """Reached, no answer, or unreachable."""
    note: str = ""
    """What was agreed, or another number to try."""


class Meeting(BaseEvent):
    """The crisis staff met."""

    kind: Literal["meeting"] = "meeting"
    note: str = ""
    """Who was there, what was decided, when the next meeting is."""


class Assessment(BaseEvent):
    """An assessment of the damage."""

    kind: Literal["assessment"] = "assessment"
    note: str
    """What is damaged, what still works."""


class Decided(BaseEvent):
    """The coordinator decided the scenario."""

    kind: Literal["decided"] = "decided"
    scenario: str
    """The plan's id of the scenario."""
    note: str = ""
    """Why."""


class TaskChanged(BaseEvent):
    """A task changed status."""

    kind: Literal["task"] = "task"
    task: str
    """The plan's id of the task."""
    status: TaskStatus | None = None
    """Its new status; left out for a note that leaves the status as it is."""
    note: str = ""
    """What was done or what blocks it."""


class TaskAssigned(BaseEvent):
    """A task was given to a person."""

    kind: Literal["assigned"] = "assigned"
    task: str
    """The plan's id of the task."""
    person: str
    """The plan's id of the person."""


class Note(BaseEvent):
    """A free note in the timeline."""

    kind: Literal["note"] = "note"
    text: str = Field(min_length=1)
    """The note."""


class ComponentChanged(BaseEvent):
    """A component's status changed."""

    kind: Literal["component"] = "component"
    component: str
    """The plan's id of the component."""
    status: ComponentStatus
    """Up, degraded, down or unknown."""
    note: str = ""
    """What is wrong or what was repaired."""


class TicketOpened(BaseEvent):
    """A ticket was opened with a provider: its SLA clock starts."""

    kind: Literal["ticket-opened"] = "ticket-opened"
    ticket: str
    """The ticket's id in drp, such as "wan-7K3F"."""
    provider: str
    """The plan's id of the provider."""
    ref: str = ""
    """The provider's own reference for the ticket."""


class TicketClosed(BaseEvent):
    """A provider ticket was closed."""

    kind: Literal["ticket-closed"] = "ticket-closed"
    ticket: str
    """The ticket's id in drp."""
    note: str = ""
    """How it was resolved."""


class RestoreChanged(BaseEvent):
    """The restore of a system moved on."""

    kind: Literal["restore"] = "restore"
    system: str
    """The plan's id of the backup or component being restored."""
    status: RestoreStatus
    """Planned, running, restored or verified."""
    point: Instant | None = None
    """The restore point (the moment the backup was taken)."""


class ReportIssued(BaseEvent):
    """A report was exported: what the board or the public was told, and when."""

    kind: Literal["report"] = "report"
    report: ReportKind
    """A status report or the after-action report."""
    audience: Audience
    """For the board (and the crisis staff), or for the public (staff, website)."""
    format: str
    """The file format it was written in, such as "pdf"."""


class RecoveryStarted(BaseEvent):
    """The recovery phase began: the return to normal."""

    kind: Literal["recovery"] = "recovery"
    note: str = ""
    """What the recovery phase starts with."""


class Closed(BaseEvent):
    """The incident was closed."""

    kind: Literal["closed"] = "closed"
    note: str = ""
    """Closing remarks."""


Event = Annotated[
    Declared
    | Contacted
    | Meeting
    | Assessment
    | Decided
    | TaskChanged
    | TaskAssigned
    | Note
    | ComponentChanged
    | TicketOpened
    | TicketClosed
    | RestoreChanged
    | ReportIssued
    | RecoveryStarted
    | Closed,
    Field(discriminator="kind"),
]
"""Any event, told apart by its `kind`."""

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def sort_key(event: BaseEvent) -> tuple[datetime, str]:
    """The order in which events are folded: by `at`, then by id."""
    return (event.at, event.id)
