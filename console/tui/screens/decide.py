"""Deciding the scenario: every scenario with its target, one to choose."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from console.i18n import N_, _
from console.incident import timefmt
from console.incident.urgency import marked_left
from console.present.text import visible

if TYPE_CHECKING:  # the app imports this before the plan and the journal are loaded
    from console.incident.state import IncidentState
    from console.plan.model import Plan


class DecideDialog(ModalScreen[str | None]):
    """Choose a scenario; dismiss with its id, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, plan: Plan, state: IncidentState, now: datetime) -> None:
        super().__init__()
        self.plan = plan
        self.state = state
        self.now = now

    def compose(self) -> ComposeResult:
        zone = ZoneInfo(self.plan.organisation.timezone)
        target = _("target")
        options = []
        for scenario in self.plan.scenarios:
            due = self.state.targets[scenario.id]
            mark = "*" if scenario.id == self.state.scenario else " "
            options.append(
                Option(
                    f"{mark} {scenario.id}  {visible(scenario.title)}\n"
                    f"    {target} {timefmt.moment(due, zone, self.now)}"
                    f"  {marked_left(due, self.now)}",
                    id=scenario.id,
                )
            )
        with Vertical(classes="dialog"):
            yield Label(_("Decide the scenario"), classes="dialog-title")
            yield OptionList(*options, id="scenarios", markup=False)
            yield Label(_("Enter decides, Escape cancels."))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.state.scenario:
            options.highlighted = options.get_option_index(self.state.scenario)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
