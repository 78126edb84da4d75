"""The base of the six tabs: state comes down as reactives, requests go up as messages.

The app binds `incident` (the folded state, or None), `minute` (the clock,
changing once a minute) to every tab. A tab redraws from them in its
watchers; it never reads the journal or the clock itself, and it writes only
by posting `RecordRequested`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.reactive import var

from console.i18n import _
from console.incident.access import ROLE_NAMES
from console.tui.messages import RecordRequested
from console.tui.widgets.line import EPOCH

if TYPE_CHECKING:  # the app imports this before the plan and the journal are loaded
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext
    from console.tui.messages import Perform


class ConsoleTab(Vertical):
    """One tab of the console."""

    incident: var[IncidentState | None] = var(None, always_update=True, init=False)
    minute: var[datetime] = var(EPOCH, init=False)

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context

    def commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        """This tab's actions for the command palette: (title, help, callback)."""
        return []

    def incident_to_record_in(self, rule: str) -> IncidentState | None:
        """The incident to record in, or None after telling the user why not."""
        if not self.context.may(rule):
            self.notify(
                _("As {role} you cannot record this.").format(
                    role=_(ROLE_NAMES[self.context.role])
                ),
                title=_("Not allowed"),
                severity="error",
            )
            return None
        if self.incident is None:
            self.notify(
                _("No active disaster: there is nothing to record this in."), severity="warning"
            )
        return self.incident

    def record(self, perform: Perform, done: str = "") -> None:
        """Ask the app to record something."""
        self.post_message(RecordRequested(perform, done))

    def watch_incident(self) -> None:
        self.show()

    def watch_minute(self) -> None:
        self.show_time()

    def show(self) -> None:
        """Redraw from `incident` (and the time)."""
        self.show_time()

    def show_time(self) -> None:
        """Redraw what depends on the time only; cheap, called once a minute."""
