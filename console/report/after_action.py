"""The after-action report: how the plan held up, once the incident is closed.

Written for the board and for the next revision of the plan: was the target
met and by how much, which steps and tasks were late (late ones first) and
who did them, how long it took to reach each member of the crisis staff,
whether the providers kept their SLAs, how much data each restore lost, and
the whole timeline with its notes. For a drill it is the exercise report:
each time is also given as an offset from the declaration (T+), to compare
with the plan's due offsets.

The figures are computed once (`AfterAction`), then laid out as a `Document`
or given as data for `--format json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from console.i18n import _
from console.incident import timefmt
from console.incident.events import Contacted
from console.incident.state import IncidentState, TaskState
from console.incident.words import describe, extent_word, restore_word, task_word
from console.plan.model import Plan
from console.report.document import Document, Paragraph, Section, Table
from console.report.incident_view import IncidentView
from console.report.status import status_data


@dataclass(frozen=True)
class TaskOutcome:
    """A task of the incident: when it was due, when it was done, and by whom."""

    task: TaskState
    done_at: datetime | None
    done_by: str
    late: timedelta | None
    """How late it was done (negative: early); None when it has no due time or was not done."""


@dataclass(frozen=True)
class CallOutcome:
    """How long it took to reach a member of the crisis staff."""

    id: str
    name: str
    reached_at: datetime | None


def offset(delta: timedelta) -> str:
    """A signed duration: "+1:05" late, "-0:20" early."""
    sign = "-" if delta < timedelta(0) else "+"
    return sign + timefmt.span(abs(delta))


class AfterAction(IncidentView):
    """The after-action figures of one incident, as of `now` (its close, for a closed one)."""

    def __init__(self, plan: Plan, state: IncidentState, now: datetime) -> None:
        super().__init__(plan, state, now)
        self.end = state.closed_at or now

    def t_plus(self, instant: datetime | None) -> str:
        """An instant as an offset from the declaration, "T+4:10"."""
        if instant is None:
            return "—"
        return "T+" + timefmt.span(instant.astimezone(UTC) - self.state.declared_at.astimezone(UTC))

    # --- the figures ----------------------------------------------------------------

    def tasks(self) -> list[TaskOutcome]:
        """Every task with its outcome, late ones first (the latest first), then the rest."""
        found = []
        for task in self.state.tasks:
            done_at = task.done_at  # the fold's: by hand, or by the event that completes a step
            late = None
            if done_at is not None and task.due_at is not None:
                late = done_at.astimezone(UTC) - task.due_at.astimezone(UTC)
            elif done_at is None and task.due_at is not None and self.end > task.due_at:
                late = self.end.astimezone(UTC) - task.due_at.astimezone(UTC)
            found.append(TaskOutcome(task, done_at, task.done_by or "", late))
        return sorted(
            found,
            key=lambda o: (
                not (o.late is not None and o.late > timedelta(0)),
                -(o.late or timedelta(0)).total_seconds(),
            ),
        )

    def target(self) -> tuple[bool | None, timedelta | None, datetime | None]:
        """Met or missed, by how much, and when the basic services were all back.

        The target is met when every priority service was done (or skipped) by the
        target time; the margin is the time between the two.
        """
        state = self.state
        if state.target_at is None:
            return None, None, None
        priorities = [o for o in self.tasks() if o.task.phase == "priority"]
        if not priorities or any(o.done_at is None for o in priorities):
            missed = self.end.astimezone(UTC) - state.target_at.astimezone(UTC)
            return (False, missed, None) if missed > timedelta(0) else (None, None, None)
        back = max(o.done_at for o in priorities if o.done_at is not None)
        margin = back.astimezone(UTC) - state.target_at.astimezone(UTC)
        return margin <= timedelta(0), margin, back

    def calls(self) -> list[CallOutcome]:
        """Each member of the crisis staff and when they were first reached."""
        reached: dict[str, datetime] = {}
        for event in self.state.timeline:
            if isinstance(event, Contacted) and event.result == "reached":
                reached.setdefault(event.person, event.at)
        people = self.plan.people_by_id
        return [
            CallOutcome(p, people[p].name if p in people else p, reached.get(p))
            for p in self.plan.crisis.staff
        ]

    # --- the document ---------------------------------------------------------------

    def document(self) -> Document:
        """The after-action report (for a drill, the exercise report)."""
        state = self.state
        title = (
            _("Exercise report {incident}") if state.drill else _("After-action report {incident}")
        ).format(incident=state.id)
        subtitle = _("closed {at}").format(at=self.when(state.closed_at))
        if state.closed_at is None:
            subtitle = _("provisional: the incident is still open, as of {at}").format(
                at=self.when(self.now)
            )
        return Document(
            title=self.titled(title),
            subtitle=subtitle,
            generated_for=self.plan.organisation.name,
            classification=self.plan.organisation.classification,
            language=self.plan.organisation.language,
            details=self.header(),
            sections=(
                self.target_section(),
                self.task_section(),
                self.call_section(),
                self.ticket_section(),
                self.restore_section(),
                self.timeline_section(),
            ),
        )

    def header(self) -> tuple[tuple[str, str], ...]:
        """The incident in a few lines."""
        state = self.state
        scenario = self.plan.scenario(state.scenario) if state.scenario else None
        rows = [
            (_("Incident"), state.id),
            (_("Declared"), self.when(state.declared_at)),
            (_("Kind"), extent_word(state.extent)),
            (
                _("Scenario"),
                f"{scenario.id}: {scenario.title}" if scenario else _("never decided"),
            ),
            (_("Decided"), self.when(state.decided_at)),
            (_("Recovery phase from"), self.when(state.recovery_started_at)),
            (_("Closed"), self.when(state.closed_at)),
            (_("Duration"), timefmt.span(self.end.astimezone(UTC) - state.declared_at)),
        ]
        rows += self.drill_clock()
        if state.summary:
            rows.insert(1, (_("Summary"), state.summary))
        return tuple(rows)

    def target_section(self) -> Section:
        """Met or missed, and by how much."""
        met, margin, back = self.target()
        state = self.state
        if state.target_at is None:
            text = _("No scenario was decided, so no target applied.")
        elif met is None:
            text = _("Target {at}: not reached yet.").format(at=self.when(state.target_at))
        elif met:
            assert margin is not None
            text = _("Target {at}: met. The basic services were back at {back}, {margin} early.")
            text = text.format(
                at=self.when(state.target_at), back=self.when(back), margin=timefmt.span(-margin)
            )
        elif back is None:
            assert margin is not None
            text = _("Target {at}: missed. Not every basic service was back; {margin} past it.")
            text = text.format(at=self.when(state.target_at), margin=timefmt.span(margin))
        else:
            assert margin is not None
            text = _("Target {at}: missed by {margin}. The basic services were back at {back}.")
            text = text.format(
                at=self.when(state.target_at), back=self.when(back), margin=timefmt.span(margin)
            )
        return Section("", _("The target"), (Paragraph(text),))

    def task_section(self) -> Section:
        """Each step and task: due against done, late ones first, and who did it."""
        rows = tuple(
            (
                f"{o.task.id}: {o.task.title}",
                task_word(o.task.status),
                f"{self.when(o.task.due_at)} ({self.t_plus(o.task.due_at)})"
                if o.task.due_at
                else "—",
                f"{self.when(o.done_at)} ({self.t_plus(o.done_at)})" if o.done_at else "—",
                offset(o.late) if o.late is not None else "",
                o.done_by,
            )
            for o in self.tasks()
        )
        headers = (_("Task"), _("Status"), _("Due"), _("Done"), _("Late"), _("By"))
        return Section("", _("Steps and tasks"), (Table(headers, rows),))

    def call_section(self) -> Section:
        """The call tree: how long it took to reach each member of the crisis staff."""
        declared = self.state.declared_at.astimezone(UTC)
        rows = tuple(
            (
                call.name,
                self.when(call.reached_at) if call.reached_at else _("never reached"),
                timefmt.span(call.reached_at.astimezone(UTC) - declared) if call.reached_at else "",
            )
            for call in self.calls()
        )
        headers = (_("Crisis staff"), _("Reached"), _("After"))
        return Section("", _("The call tree"), (Table(headers, rows),))

    def ticket_section(self) -> Section:
        """The SLA tickets: met or missed, and by how much."""
        rows = []
        for ticket in self.state.tickets:
            if ticket.due_at is None:
                verdict = _("no SLA")
            elif ticket.closed_at is None:
                verdict = _("still open")
            else:
                margin = ticket.closed_at.astimezone(UTC) - ticket.due_at.astimezone(UTC)
                verdict = (
                    _("met, {margin} early").format(margin=timefmt.span(-margin))
                    if margin <= timedelta(0)
                    else _("missed by {margin}").format(margin=timefmt.span(margin))
                )
            rows.append(
                (
                    ticket.id,
                    ticket.provider,
                    self.when(ticket.opened_at),
                    self.when(ticket.due_at),
                    self.when(ticket.closed_at),
                    verdict,
                )
            )
        headers = (_("Ticket"), _("Provider"), _("Opened"), _("SLA due"), _("Closed"), _("SLA"))
        blocks = (
            (Table(headers, tuple(rows)),) if rows else (Paragraph(_("No ticket was opened.")),)
        )
        return Section("", _("Provider tickets"), blocks)

    def restore_section(self) -> Section:
        """Restores: the restore point and the data lost before the declaration."""
        declared = self.state.declared_at.astimezone(UTC)
        rows = tuple(
            (
                r.system,
                restore_word(r.status),
                self.when(r.point),
                timefmt.span(declared - r.point.astimezone(UTC)) if r.point else "—",
            )
            for r in self.state.restores
        )
        headers = (_("System"), _("Status"), _("Restore point"), _("Data lost"))
        blocks = (Table(headers, rows),) if rows else (Paragraph(_("No restore was recorded.")),)
        return Section("", _("Restores"), blocks)

    def timeline_section(self) -> Section:
        """Every event with its notes, in order."""
        rows = []
        for event in self.state.timeline:
            what, detail = describe(event, self.plan)
            rows.append((self.at(event.at), self.t_plus(event.at), event.actor, what, detail))
        headers = (_("When"), "T+", _("Who"), _("What"), _("Detail"))
        return Section("", _("The timeline"), (Table(headers, tuple(rows)),))

    # --- the data --------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        """The same figures as plain data, for `json.dumps`."""
        zone, state = self.zone, self.state

        def iso(instant: datetime | None) -> str | None:
            return timefmt.iso(instant, zone)

        def seconds(delta: timedelta | None) -> int | None:
            return None if delta is None else int(delta.total_seconds())

        met, margin, back = self.target()
        declared = state.declared_at.astimezone(UTC)
        return {
            "report": {
                "kind": "after-action",
                "audience": "board",
                "generated_at": iso(self.now),
                "drill": state.drill,
            },
            "incident": status_data(self.plan, state, self.now)["incident"],
            "target": {
                "at": iso(state.target_at),
                "met": met,
                "margin_seconds": seconds(margin),
                "services_back_at": iso(back),
            },
            "tasks": [
                {
                    "id": o.task.id,
                    "title": o.task.title,
                    "phase": o.task.phase,
                    "status": o.task.status,
                    "due_at": iso(o.task.due_at),
                    "done_at": iso(o.done_at),
                    "late_seconds": seconds(o.late),
                    "due_offset_seconds": seconds(o.task.due_at - declared)
                    if o.task.due_at
                    else None,
                    "done_offset_seconds": seconds(o.done_at - declared) if o.done_at else None,
                    "done_by": o.done_by or None,
                }
                for o in self.tasks()
            ],
            "call_tree": [
                {
                    "id": c.id,
                    "name": c.name,
                    "reached_at": iso(c.reached_at),
                    "after_seconds": seconds(c.reached_at.astimezone(UTC) - declared)
                    if c.reached_at
                    else None,
                }
                for c in self.calls()
            ],
            "tickets": [
                {
                    "id": t.id,
                    "provider": t.provider,
                    "opened_at": iso(t.opened_at),
                    "due_at": iso(t.due_at),
                    "closed_at": iso(t.closed_at),
                    "met": None
                    if t.due_at is None or t.closed_at is None
                    else t.closed_at <= t.due_at,
                }
                for t in state.tickets
            ],
            "restores": [
                {
                    "system": r.system,
                    "status": r.status,
                    "point": iso(r.point),
                    "data_lost_seconds": seconds(declared - r.point.astimezone(UTC))
                    if r.point
                    else None,
                }
                for r in state.restores
            ],
            "timeline": [
                {
                    "id": e.id,
                    "at": iso(e.at),
                    "actor": e.actor,
                    "kind": e.kind,
                    "detail": describe(e, self.plan)[1],
                }
                for e in state.timeline
            ],
        }


def build_after_action(plan: Plan, state: IncidentState, now: datetime) -> Document:
    """The after-action report (the exercise report for a drill) of `state`."""
    return AfterAction(plan, state, now).document()
