"""The header, always visible: the organisation, the incident and its clocks.

Line 1: organisation, incident id (or "no active disaster"), a DRILL badge,
the scenario. Line 2: T+ since the declaration, the time left to the target
(or to every scenario's target before the decision, nearest first) and the
nearest extra deadline, fitted to the terminal's width by
`console.present.header` (what does not fit is counted, "+2"). Urgency shows
as colour and as a text marker. Times are to the minute: the header redraws
once a minute, not once a second.

It is in the console's first frame, with the organisation's name read from the
plan file. There it shows the clocks of the app's first look at the journal
(`console.incident.glance`), or says that the plan and the journal are being
opened, until the app gives it the context and the checked state.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.reactive import var

from console.i18n import _
from console.incident import timefmt
from console.incident.urgency import marked_left, urgency
from console.present.header import clocks_line, title_line
from console.present.text import clip, visible
from console.tui.widgets.line import EPOCH, Line

if TYPE_CHECKING:  # the header is in the first frame, before these are loaded
    from console.clock import Clock
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext


class IncidentHeader(Vertical):
    """Two lines that say what is going on and how much time is left."""

    incident: var[IncidentState | None] = var(None, always_update=True, init=False)
    minute: var[datetime] = var(EPOCH, init=False)

    def __init__(self, organisation: str, clock: Clock) -> None:
        super().__init__(id="header")
        self.organisation = organisation
        self.clock = clock
        self.context: ConsoleContext | None = None

    def open(self, context: ConsoleContext) -> None:
        """The plan and the journal are loaded: show the incident and its clocks."""
        self.context = context
        self.organisation = context.plan.organisation.name
        self.redraw()

    def compose(self):  # type: ignore[no-untyped-def]
        yield Line(id="header-title")
        yield Line(id="header-clocks")

    def on_mount(self) -> None:
        self.redraw()

    def watch_incident(self) -> None:
        self.redraw()

    def watch_minute(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Recompute both lines from the state and the minute."""
        title, clocks = (
            self.query_one("#header-title", Line),
            self.query_one("#header-clocks", Line),
        )
        organisation, context, state = visible(self.organisation), self.context, self.incident
        if context is None and state is None:
            title.show(title_line(organisation, [], self._width()))
            clocks.show(clip(_("Opening the plan and the journal…"), self._width()))
            return
        if state is None:
            title.show(title_line(organisation, [_("no active disaster")], self._width()))
            hint = _("Press D to declare a disaster, or ctrl+p for every command.")
            clocks.show(clip(hint, self._width()))
            self.set_class(False, "-drill", "-late", "-soon")
            return
        now = self.minute if self.minute != EPOCH else self.clock.now()
        parts = [organisation, visible(state.id)]  # as written, whatever the journal holds
        if state.drill:  # and how fast its clock runs, which every clock here counts in
            parts.append(
                _("DRILL x{speed}").format(speed=state.speed) if state.speed > 1 else _("DRILL")
            )
        if state.scenario:
            parts.append(_("scenario {id}").format(id=visible(state.scenario)))
        if state.recovery_started_at:
            parts.append(_("recovery"))
        if state.closed_at:
            parts.append(_("closed"))
        width = self._width()
        title.show(title_line(organisation, parts[1:], width))
        clocks.show(self._clocks(state, now, width))
        level = "ok"
        if state.target_at is not None:
            level = urgency(state.target_at, now)
        self.set_class(state.drill, "-drill")
        self.set_class(level == "late", "-late")
        self.set_class(level == "soon", "-soon")

    def _width(self) -> int:
        """The cells a line has: the header's inside, or the screen's before the first layout."""
        inside = self.content_region.width
        return inside if inside > 0 else max(self.app.size.width - 2, 20)

    def on_resize(self) -> None:
        self.redraw()

    def _clocks(self, state: IncidentState, now: datetime, width: int) -> str:
        elapsed = f"T+{timefmt.span(now.astimezone(UTC) - state.declared_at.astimezone(UTC))}"
        if state.target_at is not None:
            clocks = [_("target {left}").format(left=marked_left(state.target_at, now))]
        else:
            nearest_first = sorted(state.targets.items(), key=lambda item: item[1])
            clocks = [f"{scenario} {marked_left(due, now)}" for scenario, due in nearest_first]
        upcoming = sorted(state.deadlines, key=lambda d: d.due_at)
        pending = [d for d in upcoming if not d.overdue(now)] or upcoming
        deadline = (
            (visible(pending[0].name), marked_left(pending[0].due_at, now)) if pending else None
        )
        return clocks_line(elapsed, clocks, deadline, width)
