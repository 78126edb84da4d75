"""The status report: where the crisis stands, for the board (the public's is beside it).

For the board and the crisis staff it is a situation report in the usual
order: the header with every clock, then conditions (what is broken, which
tickets and restores run, who was not reached), actions (what was done since
the previous status report, what is in progress), needs (what is late,
blocked or undecided), the priority services and the latest events, with
bars where a person would rather look than read.

For the public (the staff at large, the website) `build_status_report` gives
the report of `console.report.public_report`, which names no person.
Both are built once as a `Document` and rendered in any format.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from console.i18n import _, ngettext
from console.incident import timefmt
from console.incident.events import Audience, ComponentStatus, Event, TaskStatus
from console.incident.state import CLOSED_TASK_STATUSES, IncidentState, TaskState
from console.incident.urgency import marked_left, urgency
from console.incident.words import (
    component_word,
    contact_word,
    describe,
    extent_word,
    restore_word,
    task_marked,
    task_word,
)
from console.plan.model import Plan
from console.report.document import (
    Bar,
    Bars,
    Block,
    BulletList,
    Document,
    Paragraph,
    Section,
    Table,
)
from console.report.incident_view import IncidentView
from console.report.public_report import PublicReport

LATEST = 10
"""How many of the latest timeline entries the board's report lists."""

DONE_SHOWN = 11
"""How many of the events since the previous report the board's report lists; the JSON has all."""

PROGRESS: dict[TaskStatus, float] = {
    "todo": 0.0,
    "blocked": 0.25,
    "doing": 0.5,
    "done": 1.0,
    "skipped": 1.0,
}
"""How far a task has come, for its bar."""

TROUBLED: tuple[ComponentStatus, ...] = ("down", "degraded")


def report_since(state: IncidentState, audience: Audience, given: datetime | None) -> datetime:
    """Since when the report's actions count: `given`, else the previous status report, else
    the declaration."""
    if given is not None:
        return given
    previous = state.last_report("status", audience)
    return previous.at if previous is not None else state.declared_at


def listed(title: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Section:
    """A titled table, or "None." when there is nothing to list."""
    return Section("", title, (Table(headers, tuple(rows)),) if rows else (Paragraph(_("None.")),))


class BoardReport(IncidentView):
    """The board's status report of one incident at one moment."""

    def __init__(self, plan: Plan, state: IncidentState, now: datetime, since: datetime) -> None:
        super().__init__(plan, state, now)
        self.since = since

    def shown_since(self) -> list[Event]:
        """The events since the previous report that the report lists (the latest of them)."""
        since = self.since.astimezone(UTC)
        return [e for e in self.state.timeline if e.at.astimezone(UTC) > since][-DONE_SHOWN:]

    # --- the board -------------------------------------------------------------------

    def board(self) -> Document:
        """The situation report for the board and the crisis staff."""
        state = self.state
        title = _("Status report {incident}").format(incident=state.id)
        return Document(
            title=self.titled(title),
            subtitle=_("as of {at}").format(at=self.when(self.now)),
            generated_for=self.plan.organisation.name,
            classification=self.plan.organisation.classification,
            language=self.plan.organisation.language,
            details=self.header(),
            compact=True,
            sections=(
                self.clocks(),
                self.conditions(),
                self.actions(),
                self.needs(),
                self.priority_table(),
                self.latest(),
            ),
        )

    def header(self) -> tuple[tuple[str, str], ...]:
        """Organisation, incident, kind, scenario, every clock and the report's own time."""
        state, plan = self.state, self.plan
        rows = [
            (_("Organisation"), plan.organisation.name),
            (_("Incident"), state.id),
        ]
        if state.drill:
            rows.append((_("Exercise"), _("DRILL — EXERCISE")))
            rows += self.drill_clock()
        rows += [
            (_("Declared"), self.when(state.declared_at)),
            (_("Kind"), extent_word(state.extent)),
        ]
        scenario = plan.scenario(state.scenario) if state.scenario else None
        if scenario is not None and state.target_at is not None:
            rows.append((_("Scenario"), f"{scenario.id}: {scenario.title}"))
            rows.append(
                (
                    _("Target"),
                    f"{self.when(state.target_at)} · {marked_left(state.target_at, self.now)}",
                )
            )
        else:
            rows.append((_("Scenario"), _("not decided")))
        rows.append(("T+", timefmt.span(self.now.astimezone(UTC) - state.declared_at)))
        upcoming = sorted(state.deadlines, key=lambda d: d.due_at)
        pending = [d for d in upcoming if not d.overdue(self.now)] or upcoming
        if pending:
            nearest = pending[0]
            rows.append(
                (
                    nearest.name,
                    f"{self.when(nearest.due_at)} · {marked_left(nearest.due_at, self.now)}",
                )
            )
        if state.recovery_started_at is not None:
            rows.append((_("Recovery phase since"), self.when(state.recovery_started_at)))
        if state.closed_at is not None:
            rows.append((_("Closed"), self.when(state.closed_at)))
        rows.append((_("Report time"), self.when(self.now)))
        return tuple(rows)

    def clocks(self) -> Section:
        """The time used against the target, each priority service's progress; every target
        before the decision."""
        state = self.state
        blocks: list[Block] = []
        if state.target_at is None:
            rows = tuple(
                (scenario_id, self.when(due), marked_left(due, self.now))
                for scenario_id, due in sorted(state.targets.items(), key=lambda item: item[1])
            )
            blocks.append(
                Table((_("Scenario"), _("Target"), _("Left")), rows, _("No scenario decided yet."))
            )
        bars = [self.time_bar()] if state.target_at is not None else []
        bars += [
            self.progress_bar(number, task) for number, task in enumerate(self.priorities(), 1)
        ]
        if bars:
            blocks.append(Bars(tuple(bars)))
        return Section("", _("Clocks and progress"), tuple(blocks))

    def time_bar(self) -> Bar:
        """The time used since the declaration against the time to the target."""
        state = self.state
        assert state.target_at is not None
        allowed = state.target_at.astimezone(UTC) - state.declared_at.astimezone(UTC)
        used = self.now.astimezone(UTC) - state.declared_at.astimezone(UTC)
        fraction = used / allowed if allowed > timedelta(0) else 1.0
        text = _("{used} used of {allowed} · {left}").format(
            used=timefmt.span(used),
            allowed=timefmt.span(allowed),
            left=marked_left(state.target_at, self.now),
        )
        return Bar(_("Time to the target"), fraction, text, urgency(state.target_at, self.now))

    def progress_bar(self, number: int, task: TaskState) -> Bar:
        """How far a priority service has come, late or not."""
        level = "ok"
        if task.due_at is not None and task.status not in CLOSED_TASK_STATUSES:
            level = urgency(task.due_at, self.now)
        text = " · ".join(part for part in (task_word(task.status), self.left(task)) if part)
        return Bar(f"{number}. {task.title}", PROGRESS[task.status], text, level)

    def conditions(self) -> Section:
        """What is broken, which tickets and restores run, who was not reached."""
        state, plan = self.state, self.plan
        broken = sorted(
            (c for c in state.components if c.status in TROUBLED),
            key=lambda c: (self.site_of(c.id), c.id),
        )
        components = [
            (
                self.site_of(c.id),
                f"{c.id} {c.name}",
                component_word(c.status),
                self.at(c.at),
                c.note,
            )
            for c in broken
        ]
        providers = {p.id: p.name for p in plan.providers}
        tickets = [
            (t.id, providers.get(t.provider, t.provider), t.ref, self.at(t.opened_at))
            + (
                (self.at(t.due_at), marked_left(t.due_at, self.now))
                if t.due_at
                else (_("no SLA"), "")
            )
            for t in state.open_tickets()
        ]
        restores = [
            (r.system, restore_word(r.status), self.when(r.point), self.at(r.at))
            for r in state.restores
            if r.status != "verified"
        ]
        staff = set(plan.crisis.staff)
        calls = "; ".join(
            f"{c.name}: {contact_word(c.status)}" + (f" ({self.at(c.at)})" if c.at else "")
            for c in state.contacts
            if c.id in staff and c.status != "reached"
        )
        subsections = (
            listed(
                _("Components down or degraded"),
                (_("Site"), _("Component"), _("Status"), _("Since"), _("Note")),
                components,
            ),
            listed(
                _("Open provider tickets"),
                (_("Ticket"), _("Provider"), _("Ref"), _("Opened"), _("SLA due"), _("Left")),
                tickets,
            ),
            listed(
                _("Restores in progress"),
                (_("System"), _("Status"), _("Restore point"), _("Since")),
                restores,
            ),
            Section(
                "",
                _("Crisis staff not yet reached"),
                (Paragraph(calls or _("Everyone was reached.")),),
            ),
        )
        return Section("", _("Conditions"), subsections=subsections)

    def actions(self) -> Section:
        """What was done since the previous status report, and what is in progress."""
        done = [e for e in self.state.timeline if e.at.astimezone(UTC) > self.since.astimezone(UTC)]
        title = _("Done since {at}").format(at=self.when(self.since))
        recent: tuple[Block, ...] = (Paragraph(_("Nothing recorded since.")),)
        if done:
            recent = (self.event_table(self.shown_since()),)
        if len(done) > DONE_SHOWN:
            earlier = len(done) - DONE_SHOWN
            recent += (
                Paragraph(
                    ngettext(
                        "and {count} earlier event since then: see the timeline",
                        "and {count} earlier events since then: see the timeline",
                        earlier,
                    ).format(count=earlier)
                ),
            )
        doing = [t for t in self.state.tasks if t.status == "doing"]
        progress = (
            (
                Table(
                    (_("Task"), _("Owner"), _("Due"), _("Left")),
                    tuple(
                        (f"{t.id}: {t.title}", self.owner(t), self.at(t.due_at), self.left(t))
                        for t in doing
                    ),
                ),
            )
            if doing
            else (Paragraph(_("No task is in progress.")),)
        )
        return Section(
            "",
            _("Actions"),
            subsections=(Section("", title, recent), Section("", _("In progress"), progress)),
        )

    def event_table(self, events: list[Event]) -> Table:
        """Events as a table: when, who, what, the detail."""
        rows = []
        for event in events:
            what, detail = describe(event, self.plan)
            rows.append((self.at(event.at), event.actor, what, detail))
        return Table((_("When"), _("Who"), _("What"), _("Detail")), tuple(rows))

    def needs(self) -> Section:
        """What is late, blocked or undecided, and the tickets past their SLA."""
        state, now = self.state, self.now
        items = []
        for task in sorted(
            (t for t in state.tasks if t.overdue(now)),
            key=lambda t: (t.due_at or now, t.id),
        ):
            items.append(
                _("Overdue: {task} ({owner}), {left}").format(
                    task=f"{task.id}: {task.title}", owner=self.owner(task), left=self.left(task)
                )
            )
        for task in (t for t in state.tasks if t.status == "blocked"):
            blocked = _("Blocked: {task} ({owner})").format(
                task=f"{task.id}: {task.title}", owner=self.owner(task)
            )
            items.append(f"{blocked}: {task.note}" if task.note else blocked)
        if state.scenario is None:
            items.append(_("Decision open: no scenario is decided yet."))
        elif state.recovery_started_at is None:
            items.append(_("Decision open: the recovery phase has not started."))
        for ticket in (t for t in state.open_tickets() if t.overdue(now)):
            assert ticket.due_at is not None
            items.append(
                _("Past its SLA: ticket {ticket} with {provider}, {left}").format(
                    ticket=ticket.id, provider=ticket.provider, left=marked_left(ticket.due_at, now)
                )
            )
        return Section("", _("Needs"), (BulletList(tuple(items)),) if items else ())

    def priority_table(self) -> Section:
        """The priority services in order: status, due, left."""
        priorities = self.priorities()
        if not priorities:
            return Section(
                "", _("Priority services"), (Paragraph(_("Once a scenario is decided.")),)
            )
        rows = tuple(
            (
                str(number),
                task.title,
                task_marked(task.status),  # the time left says "!" or "LATE"
                self.at(task.due_at),
                self.left(task),
            )
            for number, task in enumerate(priorities, 1)
        )
        headers = (_("Order"), _("Service"), _("Status"), _("Due"), _("Left"))
        return Section("", _("Priority services"), (Table(headers, rows),))

    def latest(self) -> Section:
        """The last entries of the timeline, newest first, but those listed above already."""
        listed = {event.id for event in self.shown_since()}
        events = [e for e in reversed(self.state.timeline[-LATEST:]) if e.id not in listed]
        if not events:
            return Section("", _("Latest events"), (Paragraph(_("Listed above, under Actions.")),))
        return Section("", _("Latest events"), (self.event_table(events),))


def build_status_report(
    plan: Plan,
    state: IncidentState,
    now: datetime,
    audience: Audience = "board",
    since: datetime | None = None,
) -> Document:
    """The status report of `state` at `now` for `audience`."""
    if audience == "public":
        return PublicReport(plan, state, now).document()
    return BoardReport(plan, state, now, report_since(state, audience, since)).board()
