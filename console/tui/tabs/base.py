"""The base of the six tabs: state comes down as reactives, requests go up as messages.

The app binds `incident` (the folded state, or None), `minute` (the clock,
changing once a minute) to every tab. A tab redraws from them in its
watchers; it never reads the journal or the clock itself, and it writes only
by posting `RecordRequested`.

A tab declares which of its actions record, and the access rule each needs,
in `RECORDS`; the base applies the one policy of `console.tui.policy` to
them (hidden, greyed out, refused). Its palette commands are Textual's
`SystemCommand`s made by `command()`: each brings the tab to the front and
acts once the tab has been laid out and its tables filled, so that it acts
on what the user would see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import SystemCommand
from textual.containers import Vertical
from textual.markup import escape
from textual.reactive import var
from textual.widgets import DataTable, TabbedContent, TabPane

from console.present.text import visible
from console.tui.messages import RecordRequested
from console.tui.policy import key_state, refused, show_error
from console.tui.widgets.line import EPOCH

if TYPE_CHECKING:  # the app imports this before the plan and the journal are loaded
    from console.incident.access import Action
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext
    from console.tui.messages import Perform

READY_CHECKS = 50
"""How many refreshes after its layout a palette action waits for the tab's tables to fill."""


class ConsoleTab(Vertical):
    """One tab of the console."""

    RECORDS: ClassVar[Mapping[str, Action]] = {}
    """The tab's actions that record in the journal, each with the access rule it needs."""

    incident: var[IncidentState | None] = var(None, always_update=True, init=False)
    minute: var[datetime] = var(EPOCH, init=False)

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context
        self._pending: Callable[[], object] | None = None
        """A palette action waiting for the tab to be laid out and filled."""

    # --- the access policy ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this user may never record; grey out recording without a disaster."""
        rule = self.RECORDS.get(action)
        return True if rule is None else key_state(self.context, rule, self.incident)

    def incident_to_record(self, action: str) -> IncidentState | None:
        """The active incident to record `action` in; None after telling the user why not."""
        error = refused(self.context, self.RECORDS[action], self.incident)
        if error is not None:
            show_error(self, error)
            return None
        return self.incident

    def record(self, perform: Perform) -> None:
        """Ask the app to record something; it confirms what was recorded, or says why not."""
        self.post_message(RecordRequested(perform))

    # --- the command palette -------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        """This tab's actions for the command palette, each made with `offer()`."""
        return ()

    def offer(
        self, title: str, help_text: str, action: str, *params: object
    ) -> Iterator[SystemCommand]:
        """The palette command for `action_<action>(*params)`, if its key is enabled now.

        The palette reads its texts as markup; a plan's name in them is shown as written.
        """
        if self.check_action(action, params) is True:
            title, help_text = escape(visible(title)), escape(visible(help_text))
            yield SystemCommand(title, help_text, partial(self.run_in_front, action, *params))

    def run_in_front(self, action: str, *params: object) -> None:
        """Bring the tab to the front, then run the action once the tab shows its rows."""
        pane = self.query_ancestor(TabPane)
        self.query_ancestor(TabbedContent).active = pane.id or ""
        self._pending = partial(getattr(self, f"action_{action}"), *params)
        self._run_pending(READY_CHECKS)

    def _run_pending(self, checks: int) -> None:
        """Run the palette's action if the tab is filled; else wait for its layout and tables."""
        if self._pending is None:
            return
        if self.filled() or checks <= 0:
            act, self._pending = self._pending, None
            act()
        elif self.size.height:  # laid out: its tables fill within a refresh or two
            self.call_after_refresh(self._run_pending, checks - 1)
        # else: not laid out yet; `_laid_out` tries again once it is

    @on(events.Resize)
    def _laid_out(self) -> None:
        """A tab shown for the first time is laid out: a waiting palette action may run."""
        if self._pending is not None:
            self.call_after_refresh(self._run_pending, READY_CHECKS)

    def filled(self) -> bool:
        """Whether the tab is laid out and every table it shows has its columns, and so its rows."""
        if not self.size.height:
            return False
        return all(table.columns for table in self.query(DataTable) if table.display)

    # --- drawing -------------------------------------------------------------------

    def watch_incident(self) -> None:
        self.show()

    def watch_minute(self) -> None:
        self.show_time()

    def show(self) -> None:
        """Redraw from `incident` (and the time)."""
        self.show_time()

    def show_time(self) -> None:
        """Redraw what depends on the time only; cheap, called once a minute."""
