"""A one-line text prompt: a note on a task, a reference, a short answer.

Reusable by every tab that needs a line of text before it records something.
It returns the text (stripped) or None when cancelled, and refuses an empty
answer with a message in the dialog when the caller needs some text, so the
action function never has to turn an empty note into an error.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from console.i18n import N_, _
from console.present.text import visible


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text; dismiss with it, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "submit", N_("OK")),
    ]

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        value: str = "",
        placeholder: str = "",
        allow_empty: bool = False,
        submit: str = "",
    ) -> None:
        super().__init__()
        self.question = visible(question)  # it quotes ids and names: shown as written
        self.detail = visible(detail)
        self.value = value
        self.placeholder = placeholder
        self.allow_empty = allow_empty
        self.submit_label = submit or _("OK")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="text")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.submit_label, variant="primary", id="ok")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        """Return the text, unless it is empty and some text is needed."""
        text = self.query_one("#text", Input).value.strip()
        if not text and not self.allow_empty:
            self.query_one("#error", Label).update(_("Type some text, or Escape to cancel."))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        """Return None: nothing is recorded."""
        self.dismiss(None)
