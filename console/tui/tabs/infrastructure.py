"""The infrastructure tab: what is down, which provider tickets run, and the plan's ICT.

The sysadmin's view, over SSH at 80x24: every component of the plan with its
last known status as a text marker ([DOWN], [degr], [ up ], [ ?? ]) and when
it changed, the provider tickets with their SLA clocks, and below them the
sites, telephony, ICT configuration and SLAs as the plan describes them.
`c` sets the selected component's status, `t` opens a ticket, `x` closes the
selected one. Tab and shift+tab move between the two tables and the plan
text. The SLA clocks are recomputed once a minute and a cell is redrawn only
when its text changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from console.i18n import N_, _
from console.incident import actions, timefmt
from console.incident.events import COMPONENT_STATUSES, ComponentStatus
from console.incident.state import ComponentState, TicketState
from console.incident.urgency import marked_left, urgency
from console.incident.words import component_marker, component_word
from console.present.infrastructure import plan_text
from console.tui.context import ConsoleContext
from console.tui.screens.choice import ChoiceDialog
from console.tui.screens.confirm import ConfirmDialog, Confirmed
from console.tui.screens.ticket import TicketDialog, TicketRequest
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets import table as tables
from console.tui.widgets.line import Line

if TYPE_CHECKING:
    from console.incident.access import Action

COMPONENT_COLUMNS = (
    tables.Column("status", N_("State"), 6),
    tables.Column("name", N_("Component"), 12, grow=3, lead=True),
    tables.Column("site", N_("Site"), 4, whole=True),
    tables.Column("since", N_("Since"), 5, whole=True),
    tables.Column("note", N_("Note"), 4, grow=2),
)
TICKET_COLUMNS = (
    tables.Column("id", N_("Ticket"), 6, whole=True),
    tables.Column("provider", N_("Provider"), 12, grow=2),
    tables.Column("ref", N_("Ref"), 8, grow=1),
    tables.Column("opened", N_("Opened"), 5, whole=True),
    tables.Column("due", N_("SLA due"), 6, whole=True),
    tables.Column("left", N_("Left"), 12),
)


class StatusTable(tables.FittedTable):
    """A fitted table whose urgent cells take their colours from the theme."""

    COMPONENT_CLASSES = {
        "infrastructure--down",
        "infrastructure--degraded",
        "infrastructure--up",
        "infrastructure--unknown",
        "infrastructure--late",
        "infrastructure--soon",
    }

    def styled(self, text: str, level: str) -> Text:
        """`text` in the theme's style for `level` (down, late, soon, ...); "ok" is plain."""
        if f"infrastructure--{level}" not in self.COMPONENT_CLASSES:
            return Text(text, end="")
        style = self.get_component_rich_style(f"infrastructure--{level}", partial=True)
        return Text(text, style=style, end="")


class InfrastructureTab(ConsoleTab):
    """Components, provider tickets with SLA clocks, and the plan's infrastructure."""

    FRONT = "#components"

    BINDINGS = [
        Binding("c", "component", N_("Status")),
        Binding("t", "open_ticket", N_("New ticket")),
        Binding("x", "close_ticket", N_("Close ticket")),
        Binding("tab", "cycle(1)", N_("Next table"), show=False),
        Binding("shift+tab", "cycle(-1)", N_("Previous table"), show=False),
    ]
    RECORDS: ClassVar[Mapping[str, Action]] = {
        "component": "component",
        "open_ticket": "ticket",
        "close_ticket": "ticket",
    }

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        plan = context.plan
        self.providers = {provider.id: provider.name for provider in plan.providers}
        self.components = {component.id: component for component in plan.components()}
        self._can: tuple[bool, bool] = (False, False)

    def compose(self) -> ComposeResult:
        with Vertical(id="infrastructure-status"):
            yield Line(id="components-title", classes="infrastructure-title")
            yield StatusTable(COMPONENT_COLUMNS, id="components")
            yield Line(id="tickets-title", classes="infrastructure-title")
            yield StatusTable(TICKET_COLUMNS, id="tickets")
        with VerticalScroll(id="infrastructure-plan") as plan:
            plan.border_title = _("The plan: sites, telephony, ICT, SLAs")
            yield Static(plan_text(self.context.plan), id="infrastructure-text")

    @property
    def component_table(self) -> StatusTable:
        """The components with their status."""
        return self.query_one("#components", StatusTable)

    @property
    def ticket_table(self) -> StatusTable:
        """The provider tickets with their SLA clocks."""
        return self.query_one("#tickets", StatusTable)

    def on_mount(self) -> None:
        self.show()

    def on_resize(self) -> None:
        """Side by side on a wide terminal, one above the other at 80 columns."""
        self.set_class(self.size.width >= 140, "-wide")

    def show(self) -> None:
        if not self.is_mounted:
            return
        self.show_time()
        can = (self.incident is not None, bool(self.incident and self.incident.open_tickets()))
        if can != self._can:
            self._can = can
            self.refresh_bindings()

    def show_time(self) -> None:
        if not self.is_mounted:
            return
        now = tables.shown_now(self)
        self._show_components(now)
        self._show_tickets(now)

    def _show_components(self, now: datetime) -> None:
        table = self.component_table
        states = {c.id: c for c in self.incident.components} if self.incident else {}
        counts: dict[ComponentStatus, int] = dict.fromkeys(COMPONENT_STATUSES, 0)
        rows: list[tables.Row] = []
        rank = {"down": 0, "degraded": 1}  # what is broken comes first
        found = [states.get(c.id) or ComponentState(c.id, c.name) for c in self.components.values()]
        for state in sorted(found, key=lambda state: rank.get(state.status, 2)):  # stable
            component = self.components[state.id]
            counts[state.status] = counts.get(state.status, 0) + 1
            rows.append(
                (
                    component.id,
                    (
                        table.styled(component_marker(state.status), state.status),
                        f"{component.id} {component.name}",
                        component.site or "",
                        timefmt.moment(state.at, self.context.zone, now) if state.at else "",
                        state.note,
                    ),
                )
            )
        table.show_rows(rows)
        summary = ", ".join(
            f"{count} {component_word(status)}" for status, count in counts.items() if count
        )
        self.query_one("#components-title", Line).show(
            _("Components: {summary}  (c: set status)").format(summary=summary or "—")
        )

    def _show_tickets(self, now: datetime) -> None:
        table, zone = self.ticket_table, self.context.zone
        tickets = list(self.incident.tickets) if self.incident else []
        tickets.sort(key=lambda t: (t.closed_at is not None, t.due_at or t.opened_at))
        rows: list[tables.Row] = []
        for ticket in tickets:
            due = timefmt.moment(ticket.due_at, zone, now) if ticket.due_at else _("no SLA")
            rows.append(
                (
                    ticket.id,
                    (
                        ticket.id,
                        self.providers.get(ticket.provider, ticket.provider),
                        ticket.ref,
                        timefmt.moment(ticket.opened_at, zone, now),
                        due,
                        self._left(table, ticket, now),
                    ),
                )
            )
        table.show_rows(rows)
        running = [t for t in tickets if t.closed_at is None]
        late = [t for t in running if t.overdue(now)]
        title = self.query_one("#tickets-title", Line)
        if not tickets:
            title.show(_("Provider tickets: none  (t: open one)"))
        else:
            title.show(
                _("Provider tickets: {open} open, {late} past the SLA  (t: new, x: close)").format(
                    open=len(running), late=len(late)
                )
            )

    def _left(self, table: StatusTable, ticket: TicketState, now: datetime) -> Text | str:
        """The SLA clock: time left with its marker, or when the ticket was closed."""
        if ticket.closed_at is not None:
            closed = timefmt.moment(ticket.closed_at, self.context.zone, now)
            return _("closed {time}").format(time=closed)
        if ticket.due_at is None:
            return "—"
        return table.styled(marked_left(ticket.due_at, now), urgency(ticket.due_at, now))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The recording keys by the one policy; closing a ticket also needs an open one."""
        state = super().check_action(action, parameters)
        if action == "close_ticket" and state is True and not self._can[1]:
            return None
        return state

    def action_cycle(self, step: int) -> None:
        """Tab and shift+tab: components, tickets, plan text, and around."""
        stops: list[Widget] = [
            self.component_table,
            self.ticket_table,
            self.query_one("#infrastructure-plan"),
        ]
        current = next((i for i, w in enumerate(stops) if w.has_focus), -step)
        stops[(current + step) % len(stops)].focus()

    @on(DataTable.RowSelected, "#components")
    def component_chosen(self) -> None:
        """Enter (or a click) on a component sets its status."""
        self.action_component()

    def action_component(self) -> None:
        """Set the selected component's status through the choice dialog."""
        state, key = self.incident_to_record("component"), self.component_table.selected
        if state is None:
            return
        component = self.components.get(key or "")
        if component is None:
            return
        known = next((c for c in state.components if c.id == component.id), None)
        current = known.status if known else "unknown"
        choices = [
            (status, f"{component_marker(status)} {component_word(status)}")
            for status in COMPONENT_STATUSES
        ]
        detail = _("Now {marker} {status}").format(
            marker=component_marker(current), status=component_word(current)
        )
        if known and known.at:
            detail += " " + _("since {time}").format(
                time=timefmt.moment(known.at, self.context.zone, tables.shown_now(self))
            )
        if known and known.note:
            detail += f" · {known.note}"

        def chosen(choice: str | None) -> None:
            status = next((s for s in COMPONENT_STATUSES if s == choice), None)
            if status is None:
                return
            self.record(
                lambda session: actions.set_component(
                    session, component.id, status, incident=state.id
                )
            )

        title = _("Status of {id} {name}").format(id=component.id, name=component.name)
        self.app.push_screen(ChoiceDialog(title, choices, current, detail), chosen)

    def action_open_ticket(self) -> None:
        """Open a ticket with a provider, the selected component's by default."""
        state = self.incident_to_record("open_ticket")
        if state is None:
            return
        component = self.components.get(self.component_table.selected or "")
        suggested = getattr(component, "provider", None)

        def opened(request: TicketRequest | None) -> None:
            if request is None:
                return
            self.record(
                lambda session: actions.open_ticket(
                    session, request.provider, request.ref, incident=state.id
                )
            )

        self.app.push_screen(TicketDialog(self.context.plan, suggested), opened)

    def action_close_ticket(self) -> None:
        """Ask, then close the selected ticket: its SLA clock stops."""
        state, key = self.incident_to_record("close_ticket"), self.ticket_table.selected
        if state is None:
            return
        ticket = next((t for t in state.tickets if t.id == key), None)
        if ticket is None:
            tables.warn(self, _("Select a ticket in the tickets table first (Tab moves there)."))
            return
        if ticket.closed_at is not None:
            tables.warn(self, _("Ticket {id} is already closed.").format(id=ticket.id))
            return
        provider = self.providers.get(ticket.provider, ticket.provider)

        def confirmed(answer: Confirmed | None) -> None:
            if answer is None:
                return
            self.record(
                lambda session: actions.close_ticket(
                    session, ticket.id, answer.note, incident=state.id
                )
            )

        question = _("Close ticket {id} with {provider}?").format(id=ticket.id, provider=provider)
        detail = _("Reference {ref}, opened {opened}. Its SLA clock stops.").format(
            ref=ticket.ref or "—",
            opened=timefmt.moment(ticket.opened_at, self.context.zone, tables.shown_now(self)),
        )
        self.app.push_screen(ConfirmDialog(question, detail), confirmed)

    def commands(self) -> Iterable[SystemCommand]:
        """The tab's actions for the command palette."""
        yield from self.offer(
            _("Infrastructure: set a component's status"),
            _("Up, degraded, down, unknown"),
            "component",
        )
        yield from self.offer(
            _("Infrastructure: open a provider ticket"), _("Starts its SLA clock"), "open_ticket"
        )
        yield from self.offer(
            _("Infrastructure: close the selected ticket"), _("Stops its SLA clock"), "close_ticket"
        )
