"""The overview tab: what the coordinator looks at first, and comes back to.

One screen that answers "how much time is left, how far are we, what is
late": a big countdown to the target (the decided scenario's, or the nearest
one before the decision), the step plan, the overdue tasks, the open SLA
tickets, the extra deadlines, the priority services, how many of the crisis
staff were reached, and the latest events. The most urgent comes first, so
that at 80x24 the first screen holds it; the rest scrolls, and a bigger
terminal shows it all.

Every time is to the minute: the time-dependent lines are recomputed in
`show_time` once a minute, and each `Line` redraws only if its text changed,
so an idle overview sends next to nothing over SSH. Every urgent time has a
text marker ("!", "LATE") besides its colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits

from console.i18n import N_, _, ngettext
from console.incident import actions, timefmt
from console.incident.numbers import number
from console.incident.state import CLOSED_TASK_STATUSES, IncidentState
from console.incident.urgency import marked_left, urgency
from console.incident.words import describe, task_mark_at, task_word
from console.present.text import visible
from console.tui.screens.note import NoteDialog, NoteRequest
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import EPOCH, Line

if TYPE_CHECKING:
    from console.incident.access import Action

LATEST = 5
"""How many of the latest events the overview lists."""

LATE_SHOWN = 5
"""How many overdue tasks the overview lists; the checklist has them all."""

SECTIONS = ("deadlines", "tickets", "late", "priorities", "events")
"""The titled lists below the countdown: the legal and contractual clocks first (they are
few), then what is late, so that a long list of late tasks does not hide them."""


def countdown(due: datetime, now: datetime) -> str:
    """Hours and minutes left as "68:00", or past due as "-0:10", for the big digits."""
    minutes = int((due.astimezone(UTC) - now.astimezone(UTC)).total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{mins:02d}"


class OverviewTab(ConsoleTab):
    """The countdown, the progress and what needs attention, on one screen."""

    FRONT = "#overview-body"

    BINDINGS = [Binding("n", "note", N_("Note"))]
    RECORDS: ClassVar[Mapping[str, Action]] = {"note": "note"}

    def compose(self) -> ComposeResult:
        yield Line(id="overview-calm")
        with VerticalScroll(id="overview-body"):
            with Horizontal(id="overview-clock"):
                yield Digits("", id="overview-digits")
                with Vertical(id="overview-clock-text"):
                    yield Line(id="overview-target")
                    yield Line(id="overview-left")
                    yield Line(id="overview-staff")
            yield Line(id="overview-steps")
            for name in SECTIONS:
                yield Line(id=f"overview-{name}-title", classes="overview-title")
                yield Line(id=f"overview-{name}", classes="overview-list")

    def on_mount(self) -> None:
        self.show()

    @property
    def now(self) -> datetime:
        """The current minute (the clock itself until the app has pushed a minute)."""
        return self.minute if self.minute != EPOCH else self.context.clock.now()

    def line(self, name: str) -> Line:
        """One of the tab's lines, by the end of its id."""
        return self.query_one(f"#overview-{name}", Line)

    # --- what changes with the incident ------------------------------------

    def show(self) -> None:
        """Redraw everything from the incident: a calm message when there is none."""
        self.refresh_bindings()
        state = self.incident
        body = self.query_one("#overview-body")
        calm = self.line("calm")
        if state is None:
            calm.show(self._calm())
            calm.display, body.display = True, False
            return
        calm.display, body.display = False, True
        self._show_staff(state)
        self.show_time()

    def _calm(self) -> str:
        plan = self.context.plan
        targets = ", ".join(f"{s.id} {number(s.target_hours)} h" for s in plan.scenarios)
        return "\n\n".join(
            [
                _("No active disaster. All is calm."),
                _(
                    "When a disaster is reported, a coordinator presses D to declare it: "
                    "the clocks start and this overview shows the countdown to the target, "
                    "the step plan, what is late and who has been reached."
                ),
                _("Plan {organisation}: scenarios {targets}; crisis staff of {staff}.").format(
                    organisation=visible(plan.organisation.name),
                    targets=targets,
                    staff=len(plan.crisis.staff),
                ),
                _("Keys 1-6 switch tabs; ctrl+p lists every command."),
            ]
        )

    def _show_staff(self, state: IncidentState) -> None:
        staff = set(self.context.plan.crisis.staff)
        results = [c.status for c in state.contacts if c.id in staff]
        self.line("staff").show(
            _(
                "Crisis staff reached: {reached}/{total}, no answer: {none}, unreachable: {gone}"
            ).format(
                reached=results.count("reached"),
                total=len(staff),
                none=results.count("no-answer"),
                gone=results.count("unreachable"),
            )
        )

    def _show_events(self, state: IncidentState, now: datetime) -> None:
        zone, plan = self.context.zone, self.context.plan
        lines = []
        for event in reversed(state.timeline[-LATEST:]):
            what, detail = describe(event, plan)
            said = visible(f"{what}: {detail}" if detail else what)
            actor = visible(event.actor)
            lines.append(f"{timefmt.moment(event.at, zone, now)} {actor}  {said}")
        self._section("events", _("Latest events:"), lines)

    # --- what changes with the minute ---------------------------------------

    def show_time(self) -> None:
        """Recompute what depends on the time; only changed lines are redrawn."""
        state = self.incident
        if state is None:
            return
        now = self.now
        self._show_countdown(state, now)
        self._show_steps(state, now)
        self._show_late(state, now)
        self._show_tickets(state, now)
        self._show_deadlines(state, now)
        self._show_priorities(state, now)
        self._show_events(state, now)  # an event of today reads "11:45", from tomorrow on its day

    def _show_countdown(self, state: IncidentState, now: datetime) -> None:
        plan = self.context.plan
        if state.scenario is not None and state.target_at is not None:
            scenario_id, due = state.scenario, state.target_at
            scenario = plan.scenario(scenario_id)
            title = _("Target of scenario {id}: {title}")
        else:
            scenario_id, due = min(state.targets.items(), key=lambda item: item[1])
            scenario = plan.scenario(scenario_id)
            title = _("No scenario decided; nearest target {id}: {title}")
        self.line("target").show(
            title.format(id=visible(scenario_id), title=visible(scenario.title) if scenario else "")
        )
        self.line("left").show(
            _("due {at} · {left}").format(
                at=timefmt.when(due, self.context.zone), left=marked_left(due, now)
            )
        )
        digits = self.query_one("#overview-digits", Digits)
        shown = countdown(due, now)
        if digits.value != shown:
            digits.update(shown)
        level = urgency(due, now)
        digits.set_class(level == "late", "late")
        digits.set_class(level == "soon", "soon")

    def _show_steps(self, state: IncidentState, now: datetime) -> None:
        steps = [t for t in state.tasks if t.phase == "step"]
        done = sum(1 for t in steps if t.status in CLOSED_TASK_STATUSES)
        # The steps still open, with their marks; the done ones are counted (a plan's
        # ids may be long: listing them all would push the overview down).
        marks = "  ".join(
            f"{t.id} {task_mark_at(t, now)}" for t in steps if t.status not in CLOSED_TASK_STATUSES
        )
        progress = _("Step plan {done}/{total} done").format(done=done, total=len(steps))
        self.line("steps").show(f"{progress}: {marks}" if marks else progress)

    def _show_late(self, state: IncidentState, now: datetime) -> None:
        late = sorted(
            (t for t in state.tasks if t.overdue(now) and t.due_at is not None),
            key=lambda t: (t.due_at, t.id),
        )
        width = max((len(t.id) for t in late), default=0)
        lines = [
            f"{t.id:<{width}}  {marked_left(t.due_at, now)}  {visible(t.title)}"
            for t in late[:LATE_SHOWN]
            if t.due_at is not None
        ]
        if len(late) > LATE_SHOWN:
            more = len(late) - LATE_SHOWN
            lines.append(
                ngettext(
                    "… and {count} more: see the checklist (2)",
                    "… and {count} more: see the checklist (2)",
                    more,
                ).format(count=more)
            )
        title = (
            _("Overdue tasks ({count}):").format(count=len(late)) if late else _("Overdue tasks:")
        )
        self._section("late", title, lines, _("none"))
        self.line("late").set_class(bool(late), "late")

    def _show_tickets(self, state: IncidentState, now: datetime) -> None:
        zone = self.context.zone
        lines = []
        for ticket in state.open_tickets():
            parts = (ticket.id, ticket.ref)
            name = " ".join(visible(part) for part in parts if part)  # the id to close
            if ticket.due_at is None:
                clock = _("no SLA clock")
            else:
                clock = _("SLA due {at}  {left}").format(
                    at=timefmt.moment(ticket.due_at, zone, now),
                    left=marked_left(ticket.due_at, now),
                )
            lines.append(f"{name}  {clock}")
        self._section("tickets", _("Open SLA tickets:"), lines, _("none"))

    def _show_deadlines(self, state: IncidentState, now: datetime) -> None:
        zone = self.context.zone
        lines = [
            f"{marked_left(d.due_at, now)}  {timefmt.moment(d.due_at, zone, now)}  "
            + visible(d.name)
            for d in sorted(state.deadlines, key=lambda d: d.due_at)
        ]
        self._section("deadlines", _("Deadlines:"), lines, hide_empty=True)

    def _show_priorities(self, state: IncidentState, now: datetime) -> None:
        if state.scenario is None:
            self._section("priorities", _("Priority services: once a scenario is decided (S)."), [])
            return
        tasks = [t for t in state.tasks if t.phase != "step" and t.phase != "recovery"]
        done = sum(1 for t in tasks if t.status in CLOSED_TASK_STATUSES)
        priorities = [t for t in tasks if t.phase == "priority"]
        words = [task_word(t.status) for t in priorities]
        lefts = [
            marked_left(t.due_at, now)
            if t.due_at is not None and t.status not in CLOSED_TASK_STATUSES
            else ""
            for t in priorities
        ]
        word_width = max((len(w) for w in words), default=0)
        left_width = max((len(w) for w in lefts), default=0)
        lines = [
            f"{number} {word:<{word_width}}  {left:<{left_width}}  {visible(task.title)}"
            for number, (task, word, left) in enumerate(
                zip(priorities, words, lefts, strict=True), start=1
            )
        ]
        title = _("Priority services of scenario {id} (scenario tasks done {done}/{total}):")
        self._section(
            "priorities",
            title.format(id=visible(state.scenario), done=done, total=len(tasks)),
            lines,
        )

    def _section(
        self, name: str, title: str, lines: list[str], empty: str = "", *, hide_empty: bool = False
    ) -> None:
        """A titled list; an empty one is its title alone ("Overdue tasks: none") or hidden."""
        heading, body = self.line(f"{name}-title"), self.line(name)
        heading.show(f"{title} {empty}" if empty and not lines else title)
        body.show("\n".join(lines))
        if body.display != bool(lines):
            body.display = bool(lines)
        if hide_empty and heading.display != bool(lines):
            heading.display = bool(lines)

    # --- writing ------------------------------------------------------------

    def action_note(self) -> None:
        """Add a note to the timeline, optionally backdated."""
        state = self.incident_to_record("note")
        if state is None:
            return
        incident = state.id

        def answered(request: NoteRequest | None) -> None:
            if request is not None:
                self.record(
                    lambda session: actions.note(
                        session, request.text, at=request.at, incident=incident
                    )
                )

        dialog = NoteDialog(
            _("Add a note to the timeline"),
            self.context.clock.now(),
            self.context.zone,
            declared=(incident, state.declared_at),
        )
        self.app.push_screen(dialog, answered)

    def commands(self) -> Iterable[SystemCommand]:
        """The tab's actions for the command palette."""
        yield from self.offer(_("Add a note"), _("To the timeline, optionally backdated"), "note")
