"""The crisis console: the header, six tabs on the keys 1 to 6, and the footer.

The app owns the session (plan + journal) and the clock. It pushes the folded
state and the time down to the header and the tabs, polls the journal files'
sizes once a second so that what other consoles and the command line record
appears within 2 s, and runs every `RecordRequested` that comes up through
the same action functions the command line uses.

Loading the schemas takes longer than everything else at start, so `drp`
shows a first frame before it: the organisation's name, the six tabs and the
header's clocks from a first look at the raw journal (`first_look`). Nothing
this module imports at the top loads the plan's schema; `open_console` checks
the plan, reads the journal and fills the console in, the tab in front first.
The tests open it at once, before the first frame.

Keys pressed while the console opens are held and act in order once every
tab is in place: the first `6` or `D` is never lost.
"""

from __future__ import annotations

import asyncio
import importlib
import signal
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, TabbedContent, TabPane

from console.errors import EXIT_INTERRUPTED, DrpError
from console.i18n import N_, _, ngettext
from console.present.text import visible
from console.tui.coordinator import CoordinatorActions
from console.tui.export import ExportActions
from console.tui.palette import TextualInWords
from console.tui.policy import show_error
from console.tui.tabs.base import ConsoleTab, ConsoleTabs
from console.tui.widgets.footer import DrpFooter
from console.tui.widgets.header import IncidentHeader
from console.tui.widgets.line import EPOCH

if TYPE_CHECKING:
    from console.clock import ShownClock
    from console.incident.session import Session
    from console.incident.state import IncidentState
    from console.store.journal_text import Damage
    from console.tui.context import ConsoleContext
    from console.tui.messages import RecordRequested

    Load = Callable[[], tuple[ConsoleContext, Session]]

TABS = (
    ("overview", N_("Overview"), "OverviewTab"),
    ("checklist", N_("Checklist"), "ChecklistTab"),
    ("contacts", N_("Contacts"), "ContactsTab"),
    ("infrastructure", N_("Infrastructure"), "InfrastructureTab"),
    ("backups", N_("Backups"), "BackupsTab"),
    ("timeline", N_("Timeline"), "TimelineTab"),
)
"""Each tab: its id (also its module in console.tui.tabs), its label (`_()` it), its class."""


def tab_class(tab_id: str, name: str) -> type[ConsoleTab]:
    """A tab's class, imported when it is first needed."""
    module = importlib.import_module(f"console.tui.tabs.{tab_id}")
    found: type[ConsoleTab] = getattr(module, name)
    return found


MOST_NOTICES = 3
"""How many findings of one reading of the journal get a notice each; one more counts the rest."""


def damage_notice(found: Damage) -> tuple[str, str]:
    """The text and title of the notice for one finding in the journal (`Damage`)."""
    if found.kind == "ignored":
        return str(found), _("Event ignored")
    if found.notice:
        return str(found), _("Journal file")
    return (
        _("{damage}. The file is kept as it is; everything else is loaded.").format(damage=found),
        _("Journal damage"),
    )


class DrpApp(CoordinatorActions, ExportActions, TextualInWords):
    """The disaster recovery crisis console."""

    CSS_PATH = [
        "app.tcss",
        *(f"tabs/{tab_id}.tcss" for tab_id, _label, _tab in TABS),
    ]
    TITLE = "drp"
    BINDINGS = [
        *(
            Binding(str(number), f"show_tab('{tab_id}')", label, show=False)
            for number, (tab_id, label, _tab) in enumerate(TABS, start=1)
        ),
        Binding("D", "declare", N_("Declare")),
        Binding("S", "decide", N_("Decide")),
        Binding("R", "recover", N_("Recover")),
        Binding("X", "close_incident", N_("Close")),
        Binding("e", "export", N_("Export"), show=False),
        Binding("q", "quit", N_("Quit")),
        Binding("question_mark", "keys", N_("Keys"), key_display="?", show=False),
        # Declared here so that Textual does not add its own, in English.
        Binding("ctrl+p", "command_palette", N_("palette"), show=False, priority=True),
    ]

    # `var`: changing them redraws nothing by itself; the widgets bound to them
    # redraw only the lines whose text changed.
    incident: var[IncidentState | None] = var(None, always_update=True, init=False)
    minute: var[datetime] = var(EPOCH, init=False)

    def __init__(
        self,
        organisation: str,
        load: Load,
        *,
        clock: ShownClock,
        first_look: IncidentState | None = None,
        load_after_first_frame: bool,
    ) -> None:
        """`load` checks the plan and reads the journal; it runs before or after the first frame.

        `first_look` is the active incident as the raw journal shows it, for
        the header's clocks until `load` has given the checked state. `clock`
        follows the incident on show: a drill's own time during a drill.
        """
        super().__init__()
        self.organisation = organisation
        self.load = load
        self.clock = clock
        self.first_look = first_look
        self.load_after_first_frame = load_after_first_frame
        self.opened = False
        self.failure: Exception | None = None
        """Why the console could not open (a bad plan, say), for the command line to report."""
        self.context: ConsoleContext
        self.session: Session
        self._signature: tuple[tuple[str, int, int], ...] = ()
        self._held: deque[events.Key] | None = deque()
        """Keys pressed while the console opens, in order; None once they act at once."""
        self._end_with: int | None = None
        """The exit status of an end asked for while the console opened (`end`)."""
        self.end_on_signals = False
        """Whether SIGINT, SIGTERM, SIGHUP and Ctrl-C close the console as `q` does (`drp demo`)."""

    def compose(self) -> ComposeResult:
        header = IncidentHeader(self.organisation, self.clock)
        yield header.data_bind(DrpApp.incident, DrpApp.minute)
        labels = [(tab_id, label) for tab_id, label, _name in TABS]
        with ConsoleTabs(labels, initial="overview") as tabs:
            for tab_id, name in tabs.names(self.size.width):
                yield TabPane(name, id=tab_id)
        yield DrpFooter()

    async def on_mount(self) -> None:
        self.show_incident(self.first_look)  # the clocks are in the first frame
        if self.end_on_signals:
            self.close_on_signals()
        if self.load_after_first_frame:
            self.call_after_refresh(self.open_console)
        else:
            await self.open_console()

    def close_on_signals(self) -> None:
        """Let a signal close the console as `q` does: the terminal is restored, and whoever
        opened the console cleans up after it; the exit status says which signal it was."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, partial(self.end, 128 + number))

    def end(self, return_code: int) -> None:
        """Close the console with this exit status, as `q` does; while it opens, once it is open.

        Closing halfway through the opening would pull a tab's pane away
        while the tab is being put in it (Textual's `MountError`, and a
        traceback instead of the terminal's own screen): like a key pressed
        meanwhile, the end waits until every tab is in place.
        """
        if self.complete:
            self.exit(return_code=return_code)
        else:
            self._end_with = return_code

    async def open_console(self) -> None:
        """Load the plan and the journal, then fill in the header and the overview."""
        try:
            self.context, self.session = self.load()
        except Exception as error:  # the command line reports it once the terminal is back
            self.failure = error
            self.exit(return_code=1)
            return
        self.opened = True
        self._signature = self.session.reader.signature()
        self.tick()
        self.show_state()  # before the overview mounts: it is built once, with the state
        self.query_one(IncidentHeader).open(self.context)
        await self.mount_tab(*TABS[0])
        self.refresh_bindings()
        self.set_interval(1.0, self.tick)
        self.set_interval(1.0, self.poll_journal)
        self.report_damage(self.session.damage)
        if self.load_after_first_frame:
            # The other tabs are built after the frame that shows the overview:
            # two refreshes away, as the overview's own first layout is one.
            self.call_after_refresh(self.call_after_refresh, self.mount_other_tabs)
        else:
            await self.mount_other_tabs()
        self.warn_upkeep()

    async def mount_other_tabs(self) -> None:
        """Import and mount the tabs not shown at start; then the keys held meanwhile act."""
        for tab in TABS[1:]:
            await self.mount_tab(*tab)
        self.call_later(self.release_key)

    async def mount_tab(self, tab_id: str, _label: str, name: str) -> None:
        """Import a tab, bind it to the state and the clock, and put it in its pane."""
        tab = tab_class(tab_id, name)(self.context, id=f"{tab_id}-tab")
        tab.data_bind(DrpApp.incident, DrpApp.minute)
        await self.query_one(f"#{tab_id}", TabPane).mount(tab)

    @property
    def complete(self) -> bool:
        """Whether the console is open, every tab in place, and the keys held meanwhile acted on."""
        return self._held is None

    async def on_event(self, event: events.Event) -> None:
        """Hold the keys pressed while the console opens, to act on them once it is open.

        Before then the coordinator's keys are off and the tabs are not all in
        place, so Textual would drop them.
        """
        if isinstance(event, events.Key) and not event.is_forwarded and self._held is not None:
            self._held.append(event)
            return
        await super().on_event(event)

    async def release_key(self) -> None:
        """Act on the oldest key held, each on a turn of its own, as if just pressed.

        Keys pressed meanwhile join the queue, so all act in the order pressed;
        once it is empty, keys act at once.
        """
        if not self._held:
            self._held = None
            if self._end_with is not None:  # a signal came while the console opened
                self.exit(return_code=self._end_with)
            return
        await super().on_event(self._held.popleft())
        self.call_later(self.release_key)

    def tick(self) -> None:
        """Once a second: move the clock; the minute changes only once a minute."""
        now = self.clock.now().astimezone(UTC)
        minute = now.replace(second=0, microsecond=0)
        if minute != self.minute:
            self.minute = minute

    def poll_journal(self) -> None:
        """Once a second: if any journal file changed, read what was appended."""
        signature = self.session.reader.signature()
        if signature != self._signature:
            self._signature = signature
            known = len(self.session.damage)
            if self.session.refresh():
                self.show_state()
            self.report_damage(self.session.damage[known:])

    def report_damage(self, damage: Sequence[Damage]) -> None:
        """Say where the journal is damaged, or what in it is not believed; files are kept.

        A member can write thousands of events no reader believes: one notice
        each would bury the screen for minutes. The first few are shown, then
        one notice counts the rest, which `drp status` lists in full.
        """
        for found in damage[:MOST_NOTICES]:
            text, title = damage_notice(found)
            self.notify(text, title=title, severity="warning", timeout=30)
        rest = len(damage) - MOST_NOTICES
        if rest > 0:
            self.notify(
                ngettext(
                    "{count} more finding in the journal; `drp status` lists them all.",
                    "{count} more findings in the journal; `drp status` lists them all.",
                    rest,
                ).format(count=rest),
                title=_("Journal"),
                severity="warning",
                timeout=30,
            )

    def warn_upkeep(self) -> None:
        """On opening, one notice when the plan is due for review or for a drill."""
        from console.present.upkeep import opening_notice  # the plan is loaded by now

        text = opening_notice(self.session)
        if text:
            self.notify(text, title=_("Plan upkeep"), severity="warning", timeout=20)

    def show_state(self) -> None:
        """Push the active incident's state down to the header and the tabs.

        A real disaster comes before a drill (`Session.active`): declared while
        a drill is on show, it takes the screen at the next poll of the journal.
        """
        active = self.session.active()
        self.show_incident(self.session.state(active.id) if active else None)

    def show_incident(self, state: IncidentState | None) -> None:
        """Show `state` on its own clock: the time moves to the incident's before it is drawn."""
        if state is None:
            self.clock.follow(None)
        else:
            self.clock.follow(state.declared_at, state.drill, state.speed)
        self.tick()
        self.incident = state

    def on_record_requested(self, message: RecordRequested) -> None:
        """Record through the action functions; confirm it, or say why not, as `drp` would."""
        from console.incident.words import confirmation  # loaded by now: the console is open

        try:
            event = message.perform(self.session)
        except DrpError as error:
            show_error(self, error)
            return
        self.show_state()
        self.notify(confirmation(event, self.context.plan), markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification as plain text: what it quotes is data, never markup or control.

        Notifications quote names, notes, ids and file names: none is read as
        markup (`markup` is ignored), and every control character, a line
        feed too, is shown as a sign (`console.present.text.visible`), so a
        quoted value can neither act on the terminal nor pass for a line.
        """
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A blinking text cursor redraws twice a second over SSH: keep it still."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def action_help_quit(self) -> None:
        """Ctrl-C: the demo ends at once; the console says how to quit, in its own words.

        During a disaster Ctrl-C does not quit, so that it cannot close the
        console by reflex; Textual's own reminder is written in markup, which
        the console's notifications never read.
        """
        if self.end_on_signals:
            self.end(EXIT_INTERRUPTED)
            return
        self.notify(_("Press q to quit."), title=_("Do you want to quit?"))

    def action_show_tab(self, tab_id: str) -> None:
        """Switch to a tab."""
        self.query_one(TabbedContent).active = tab_id

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every command of the palette in the user's words: Textual's own too (`palette`)."""
        yield from self.textual_commands(screen)
        yield from self.coordinator_commands()
        yield from self.export_commands()
        for number, (tab_id, label, _tab) in enumerate(TABS, start=1):
            yield SystemCommand(
                _("Show {tab} ({number})").format(tab=_(label), number=number),
                _("Switch to the {tab} tab").format(tab=_(label)),
                lambda tab_id=tab_id: self.action_show_tab(tab_id),
            )
            for tab in self.query(f"#{tab_id}-tab").results(ConsoleTab):
                yield from tab.commands()
