"""Opening a ticket with a provider: which provider, and the reference they gave.

The sysadmin fills this in with the helpdesk on the phone, so the dialog
shows what the helpdesk will ask for (its number and the customer numbers of
the SLA) below the list. Providers with an SLA are marked with its repair
time: their ticket starts an SLA clock. Nothing is recorded until Enter in
the reference field, the Open button or ctrl+s. Its layout is in
`tabs/infrastructure.tcss`, beside the tab that opens it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from console.i18n import N_, _
from console.incident.numbers import number
from console.plan.model import Plan
from console.present.text import visible


@dataclass(frozen=True)
class TicketRequest:
    """The provider (its id) and the provider's own reference, if any."""

    provider: str
    ref: str = ""


class TicketDialog(ModalScreen[TicketRequest | None]):
    """Choose a provider and give its reference; dismiss with the request or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "open", N_("Open")),
    ]

    def __init__(self, plan: Plan, provider: str | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.provider = provider
        self.slas = {sla.provider: sla for sla in reversed(plan.slas)}

    def compose(self) -> ComposeResult:
        options = []
        for provider in self.plan.providers:
            sla = self.slas.get(provider.id)
            mark = _("SLA {hours} h").format(hours=number(sla.repair_hours)) if sla else ""
            line = visible(f"{mark:<8} {provider.name} · {provider.service}")
            options.append(Option(line, provider.id))
        with Vertical(classes="dialog"):
            yield Label(_("Open a ticket with a provider"), classes="dialog-title")
            yield OptionList(*options, id="providers", markup=False)
            yield Label("", id="provider-detail", markup=False)
            yield Input(placeholder=_("the provider's reference (optional)"), id="ref")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Open"), variant="primary", id="open")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#ref", Input).cursor_blink = False
        providers = self.query_one(OptionList)
        providers.focus()
        ids = [provider.id for provider in self.plan.providers]
        if self.provider in ids:
            providers.highlighted = ids.index(self.provider)
        elif ids:
            providers.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show what the helpdesk will ask for."""
        provider = next(p for p in self.plan.providers if p.id == event.option.id)
        sla = self.slas.get(provider.id)
        parts = [
            _("helpdesk {number}").format(number=provider.helpdesk) if provider.helpdesk else "",
            _("phone {number}").format(number=provider.phone) if provider.phone else "",
        ]
        if sla is not None:
            parts.append(
                _("repair within {hours} business hours").format(hours=number(sla.repair_hours))
            )
            parts.extend(f"{key} {value}" for key, value in sla.customer_numbers.items())
        else:
            parts.append(_("no SLA: no clock"))
        shown = " · ".join(p for p in parts if p)
        self.query_one("#provider-detail", Label).update(visible(f"{provider.name}: {shown}"))

    def on_option_list_option_selected(self) -> None:
        """Enter on a provider goes on to its reference."""
        self.query_one("#ref", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self.action_open()
        else:
            self.action_cancel()

    def action_open(self) -> None:
        providers = self.query_one(OptionList)
        if providers.highlighted is None:
            return
        provider = providers.get_option_at_index(providers.highlighted).id
        if provider is None:
            return
        self.dismiss(TicketRequest(provider, self.query_one("#ref", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
