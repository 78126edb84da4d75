"""Choosing one of a few options: a component's status, and whatever else needs one.

A list with the current value marked, arrows and Enter to choose, Escape to
cancel: the smallest dialog that works the same with a keyboard, a mouse, a
screen reader's line-by-line reading and no colour at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from console.i18n import N_, _
from console.present.text import visible


class ChoiceDialog(ModalScreen[str | None]):
    """Choose one of `choices` (id, text); dismiss with the id, or None when cancelled."""

    DEFAULT_CSS = """
    ChoiceDialog OptionList {
        height: auto;
        max-height: 12;
    }
    """

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, str]],
        current: str | None = None,
        detail: str = "",
    ) -> None:
        super().__init__()
        # Names and notes are shown as written: never markup, never a terminal control.
        self.title_text = visible(title)
        self.choices = [(key, visible(text)) for key, text in choices]
        self.current = current
        self.detail = visible(detail)

    def compose(self) -> ComposeResult:
        options = [
            Option(f"{'*' if key == self.current else ' '} {text}", id=key)
            for key, text in self.choices
        ]
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False)
            yield OptionList(*options, id="choices", markup=False)
            yield Label(_("Enter chooses, Escape cancels. * is the current value."))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        keys = [key for key, _text in self.choices]
        if self.current in keys:
            options.highlighted = keys.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
