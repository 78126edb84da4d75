"""Declaring a disaster: what happened, total or partial, real or a drill, and when.

The time defaults to now and can be edited, for a disaster reported to the
coordinator some time ago; it is read as `drp declare --at` reads it
(`console.incident.typed_time`), so an hour that the clocks skip or repeat is
refused in the same words. The dialog is the confirmation: nothing is
recorded until the Declare button (or ctrl+s) is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from console.i18n import N_, _
from console.incident.typed_time import NotATime, TimeError, typed_form, typed_instant

if TYPE_CHECKING:  # the app imports this before the journal layer is loaded
    from console.incident.events import Extent


@dataclass(frozen=True)
class DeclareRequest:
    """What the coordinator filled in."""

    extent: Extent
    summary: str
    at: datetime
    drill: bool


class DeclareDialog(ModalScreen[DeclareRequest | None]):
    """Fill in the declaration; dismiss with the request, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "declare", N_("Declare")),
    ]

    def __init__(self, now: datetime, zone: ZoneInfo) -> None:
        super().__init__()
        self.now = now
        self.zone = zone

    def compose(self) -> ComposeResult:
        # Shown only once the console is open; the vocabulary loads the event schema.
        from console.incident.words import extent_word

        with Vertical(classes="dialog"):
            yield Label(_("Declare a disaster: the clocks start."), classes="dialog-title")
            yield Input(placeholder=_("what happened, in a sentence"), id="summary")
            with RadioSet(id="extent"):
                yield RadioButton(extent_word("total"), value=True, id="total")
                yield RadioButton(extent_word("partial"), id="partial")
            yield Checkbox(_("drill (an exercise, kept apart)"), id="drill")
            yield Label(_("When (plan time, YYYY-MM-DD HH:MM):"))
            yield Input(typed_form(self.now, self.zone), id="at")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Declare"), variant="error", id="declare")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#summary", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "declare":
            self.action_declare()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_declare()

    def action_declare(self) -> None:
        try:
            at = typed_instant(self.query_one("#at", Input).value, self.zone)
        except NotATime:
            self.query_one("#error", Label).update(_("The time must look like 2026-03-28 14:30."))
            return
        except TimeError as error:  # the skipped or repeated hour, a year out of range
            self.query_one("#error", Label).update(error.message)
            return
        partial = self.query_one("#partial", RadioButton).value
        self.dismiss(
            DeclareRequest(
                extent="partial" if partial else "total",
                summary=self.query_one("#summary", Input).value.strip(),
                at=at,
                drill=self.query_one("#drill", Checkbox).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
