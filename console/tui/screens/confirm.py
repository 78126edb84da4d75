"""A yes/no question before anything that cannot be undone, with an optional note."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from console.i18n import N_, _
from console.present.text import visible


@dataclass(frozen=True)
class Confirmed:
    """The user said yes, with this note."""

    note: str = ""


class ConfirmDialog(ModalScreen[Confirmed | None]):
    """Ask before an irreversible action; dismiss with `Confirmed` or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "confirm", N_("Confirm")),
    ]

    def __init__(self, question: str, detail: str = "", *, with_note: bool = True) -> None:
        super().__init__()
        self.question = visible(question)  # it quotes ids and names: shown as written
        self.detail = visible(detail)
        self.with_note = with_note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False)
            if self.with_note:
                yield Input(placeholder=_("note (optional)"), id="note")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Yes"), variant="error", id="yes")
                yield Button(_("No"), id="no")

    def on_mount(self) -> None:
        self.query_one("#note" if self.with_note else "#no").focus()

    def on_input_submitted(self) -> None:
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "yes":
            self.action_confirm()
        else:
            self.action_cancel()

    def action_confirm(self) -> None:
        note = self.query_one("#note", Input).value if self.with_note else ""
        self.dismiss(Confirmed(note.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
