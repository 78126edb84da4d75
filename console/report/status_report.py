"""The status report: where the crisis stands, for the board or for the public.

For the board and the crisis staff it is a situation report in the usual
order: the header with every clock, then conditions (what is broken, which
tickets and restores run, who was not reached), actions (what was done since
the previous status report, what is in progress), needs (what is late,
blocked or undecided), the priority services and the latest events, with
bars where a person would rather look than read.

For the public (the staff at large, the website) it says what happened,
which services are available, where and from when, when the target is and
whom to call, and nothing else: no person's name, no phone number but the
organisation's own, no provider reference, no free text from the journal.
It is built from the plan's own texts and the state's statuses only.

Both are built once as a `Document` and rendered in any format.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from console.i18n import _, ngettext
from console.incident import timefmt
from console.incident.events import Audience, ComponentStatus, Event, TaskStatus
from console.incident.state import CLOSED_TASK_STATUSES, IncidentState, TaskState
from console.incident.urgency import marked_left, urgency
from console.incident.words import (
    OVERDUE_MARK,
    component_word,
    contact_word,
    describe,
    extent_word,
    restore_word,
    task_mark,
    task_word,
)
from console.plan.model import Plan
from console.report.document import (
    Bar,
    Bars,
    Block,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
)

LATEST = 10
"""How many of the latest timeline entries the board's report lists."""

DONE_SHOWN = 12
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


def drill_marker(state: IncidentState) -> str:
    """The words that mark a drill on every report, so nobody takes it for a real disaster."""
    return _("DRILL — EXERCISE") if state.drill else ""


def report_since(state: IncidentState, audience: Audience, given: datetime | None) -> datetime:
    """Since when the report's actions count: `given`, else the previous status report, else
    the declaration."""
    if given is not None:
        return given
    previous = state.last_report("status", audience)
    return previous.at if previous is not None else state.declared_at


class StatusReport:
    """The status report of one incident at one moment, in the plan's words and zone."""

    def __init__(self, plan: Plan, state: IncidentState, now: datetime, since: datetime) -> None:
        self.plan = plan
        self.state = state
        self.now = now
        self.since = since
        self.zone = ZoneInfo(plan.organisation.timezone)

    def when(self, instant: datetime | None) -> str:
        """A time for people, in the plan's zone."""
        return timefmt.when(instant, self.zone)

    def at(self, instant: datetime) -> str:
        """A time in a table row: the hour on the report's day, else the day too."""
        shown = instant.astimezone(self.zone)
        if shown.date() == self.now.astimezone(self.zone).date():
            return f"{shown:%H:%M}"
        return f"{shown:%a %d %b %H:%M}"

    def when_due(self, instant: datetime | None) -> str:
        """A due time in a table row, or a dash when there is none."""
        return self.at(instant) if instant is not None else "—"

    def shown_since(self) -> list[Event]:
        """The events since the previous report that the report lists (the latest of them)."""
        since = self.since.astimezone(UTC)
        return [e for e in self.state.timeline if e.at.astimezone(UTC) > since][-DONE_SHOWN:]

    def owner(self, task: TaskState) -> str:
        """Who does a task: the assignee's name, else the role's title."""
        if task.assignee:
            person = self.plan.people_by_id.get(task.assignee)
            return person.name if person else task.assignee
        roles = {role.id: role.title for role in self.plan.roles}
        return roles.get(task.owner, task.owner)

    def left(self, task: TaskState) -> str:
        """The time left on an open task, with its marker; nothing for a closed one."""
        if task.due_at is None or task.status in CLOSED_TASK_STATUSES:
            return ""
        return marked_left(task.due_at, self.now)

    def site_of(self, component_id: str) -> str:
        """The name of the site a component is at, or a dash."""
        sites = {site.id: site.name for site in self.plan.sites}
        for component in self.plan.components():
            if component.id == component_id:
                site = component.site or ""
                return sites.get(site, site) or "—"
        return "—"

    def priorities(self) -> list[TaskState]:
        """The decided scenario's priority services, in their order."""
        return [t for t in self.state.tasks if t.phase == "priority"]

    # --- the board -------------------------------------------------------------------

    def board(self) -> Document:
        """The situation report for the board and the crisis staff."""
        state = self.state
        marker = drill_marker(state)
        title = _("Status report {incident}").format(incident=state.id)
        return Document(
            title=f"{marker} · {title}" if marker else title,
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
            rows.append((_("Exercise"), drill_marker(state)))
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
        rows = tuple(
            (
                self.site_of(c.id),
                f"{c.id} {c.name}",
                component_word(c.status),
                self.at(c.at) if c.at else "—",
                c.note,
            )
            for c in broken
        )
        headers = (_("Site"), _("Component"), _("Status"), _("Since"), _("Note"))
        subsections = [
            Section(
                "",
                _("Components down or degraded"),
                (Table(headers, rows),) if rows else (Paragraph(_("None.")),),
            )
        ]
        providers = {p.id: p.name for p in plan.providers}
        running = state.open_tickets()
        subsections.append(
            Section(
                "",
                _("Open provider tickets"),
                (
                    Table(
                        (
                            _("Ticket"),
                            _("Provider"),
                            _("Ref"),
                            _("Opened"),
                            _("SLA due"),
                            _("Left"),
                        ),
                        tuple(
                            (
                                t.id,
                                providers.get(t.provider, t.provider),
                                t.ref,
                                self.at(t.opened_at),
                                self.at(t.due_at) if t.due_at else _("no SLA"),
                                marked_left(t.due_at, self.now) if t.due_at else "",
                            )
                            for t in running
                        ),
                    ),
                )
                if running
                else (Paragraph(_("None.")),),
            )
        )
        restoring = [r for r in state.restores if r.status != "verified"]
        subsections.append(
            Section(
                "",
                _("Restores in progress"),
                (
                    Table(
                        (_("System"), _("Status"), _("Restore point"), _("Since")),
                        tuple(
                            (r.system, restore_word(r.status), self.when(r.point), self.at(r.at))
                            for r in restoring
                        ),
                    ),
                )
                if restoring
                else (Paragraph(_("None.")),),
            )
        )
        staff = set(plan.crisis.staff)
        missing = [c for c in state.contacts if c.id in staff and c.status != "reached"]
        calls = "; ".join(
            f"{c.name}: {contact_word(c.status)}" + (f" ({self.at(c.at)})" if c.at else "")
            for c in missing
        )
        subsections.append(
            Section(
                "",
                _("Crisis staff not yet reached"),
                (Paragraph(calls or _("Everyone was reached.")),),
            )
        )
        return Section("", _("Conditions"), subsections=tuple(subsections))

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
                        (f"{t.id}: {t.title}", self.owner(t), self.when_due(t.due_at), self.left(t))
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
                f"[{OVERDUE_MARK if task.overdue(self.now) else task_mark(task.status)}] "
                + task_word(task.status),
                self.when_due(task.due_at),
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

    # --- the public --------------------------------------------------------------------

    def public(self) -> Document:
        """The text for the staff and the website: no names, no personal numbers, no notes."""
        state, plan = self.state, self.plan
        organisation = plan.organisation
        marker = drill_marker(state)
        title = _("{organisation}: service update").format(organisation=organisation.name)
        happened = _("Since {at}, {organisation} is dealing with a {extent}.").format(
            at=self.when(state.declared_at),
            organisation=organisation.name,
            extent=extent_word(state.extent),
        )
        sections = [Section("", _("What happened"), (Paragraph(happened),))]
        scenario = plan.scenario(state.scenario) if state.scenario else None
        priorities = self.priorities()
        if priorities:
            rows = tuple((task.title, self.availability(task)) for task in priorities)
            sections.append(
                Section("", _("Services"), (Table((_("Service"), _("Available")), rows),))
            )
        else:
            sections.append(
                Section(
                    "",
                    _("Services"),
                    (Paragraph(_("The crisis staff is deciding how services will continue.")),),
                )
            )
        if scenario is not None:
            sites = {site.id: site for site in plan.fallback_sites}
            chosen = [sites[s] for s in scenario.fallback_sites if s in sites]
            if scenario.needs_fallback_site and chosen:
                place = ", ".join(" — ".join(p for p in (s.name, s.address) if p) for s in chosen)
                where = _("Services continue at {place}, from {at}.").format(
                    place=place, at=self.when(state.decided_at)
                )
            else:
                where = _("Services continue in our own buildings.")
            sections.append(Section("", _("Where"), (Paragraph(where),)))
        if state.target_at is not None:
            when = _("Basic services are planned to be available again by {at}.").format(
                at=self.when(state.target_at)
            )
            sections.append(Section("", _("When"), (Paragraph(when),)))
        contact = [organisation.phone, organisation.website]
        if any(contact):
            reach = KeyValues(
                tuple(
                    (label, value)
                    for label, value in (
                        (_("Phone"), organisation.phone),
                        (_("Website"), organisation.website),
                    )
                    if value
                )
            )
            sections.append(Section("", _("Whom to call"), (reach,)))
        return Document(
            title=f"{marker} · {title}" if marker else title,
            subtitle=_("as of {at}").format(at=self.when(self.now)),
            generated_for=organisation.name,
            language=organisation.language,
            sections=tuple(sections),
        )

    def availability(self, task: TaskState) -> str:
        """Whether a priority service is available, in words for the public."""
        if task.status in CLOSED_TASK_STATUSES:
            return _("available again")
        if task.status == "doing":
            return _("being restored")
        if task.due_at is not None:
            return _("expected by {at}").format(at=self.when(task.due_at))
        return _("not yet available")


def build_status_report(
    plan: Plan,
    state: IncidentState,
    now: datetime,
    audience: Audience = "board",
    since: datetime | None = None,
) -> Document:
    """The status report of `state` at `now` for `audience`."""
    report = StatusReport(plan, state, now, report_since(state, audience, since))
    return report.public() if audience == "public" else report.board()
