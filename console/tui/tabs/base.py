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

The tab in front has the keys: its `FRONT` widget takes the focus the moment
the tab comes to the front (`ConsoleTabs`), so a key pressed right after `1`
to `6` acts on that tab, however busy the machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import SystemCommand
from textual.containers import Vertical
from textual.markup import escape
from textual.reactive import var
from textual.widgets import DataTable, TabbedContent, TabPane, Tabs

from console.i18n import _
from console.present.keys import fit_tab_names
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


class ConsoleTabs(TabbedContent):
    """The six tabs: the one in front is the one last asked for, and it has the keys.

    Their names share the line: in every language and at any width they are
    translated and fitted to it (`console.present.keys.fit_tab_names`).

    Textual's TabbedContent brings a pane to the front when something in it
    takes the focus. Hiding a focused table moves the focus to a neighbour in
    the same, now hidden, pane, which then came back to the front: after `5`
    and `6` in quick succession the backups stayed. So the focus moves with
    the switch, at once, and a pane behind never comes to the front by
    taking the focus.
    """

    def __init__(self, labels: Sequence[tuple[str, str]], *, initial: str) -> None:
        """`labels`: each pane's id and its label, marked with `N_()` (translated when shown)."""
        super().__init__(initial=initial)
        self.labels = list(labels)

    def names(self, width: int) -> list[tuple[str, str]]:
        """Each pane's id and name as shown, "1 Overview", translated and fitted to `width`."""
        names = [f"{n} {_(label)}" for n, (_id, label) in enumerate(self.labels, start=1)]
        fitted = fit_tab_names(names, width)
        return [(tab_id, name) for (tab_id, _label), name in zip(self.labels, fitted, strict=True)]

    def on_resize(self, event: events.Resize) -> None:
        """Fit the names to the new width: they share one line of it."""
        for tab_id, name in self.names(event.size.width):
            self.get_tab(tab_id).label = name

    def watch_active(self) -> None:
        """Give the keys to the tab coming to the front, before the one leaving is hidden."""
        self.give_keys()

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        """Something in a pane behind took the focus: keep the chosen tab in front."""
        if event.tab_pane.id != self.active:
            event.prevent_default()  # TabbedContent would bring that pane to the front
            event.stop()
            self.give_keys()

    def give_keys(self) -> None:
        """Focus the tab in front (once it is mounted); never leave the focus in a pane behind."""
        pane = self.active_pane
        if pane is None:
            return
        for tab in pane.query(ConsoleTab).results():
            tab.take_keys()
        focused = self.screen.focused
        if focused is None or isinstance(focused, Tabs):  # the tab labels keep it
            return
        if self in focused.ancestors and pane not in focused.ancestors:
            self.screen.set_focus(None)


class ConsoleTab(Vertical):
    """One tab of the console."""

    RECORDS: ClassVar[Mapping[str, Action]] = {}
    """The tab's actions that record in the journal, each with the access rule it needs."""

    FRONT: ClassVar[str] = ""
    """The widget (a selector) that takes the keys when the tab comes to the front."""

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

    # --- the keys ------------------------------------------------------------------

    def on_show(self) -> None:
        """Mounted in the pane in front, or shown again: take the keys if it has not got them."""
        self.take_keys()

    def take_keys(self) -> None:
        """Focus the `FRONT` widget now, unless the focus is in the tab already.

        Only while it is on show: a tab behind another, or a part of the tab
        that is hidden, never takes the keys.
        """
        front = next(self.query(self.FRONT).results(), None) if self.FRONT else None
        focused = self.screen.focused
        if front is None or (focused is not None and self in focused.ancestors):
            return
        if all(node.display for node in front.ancestors_with_self):
            self.screen.set_focus(front)

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
