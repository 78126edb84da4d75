"""Setting a task's status, with a note on what was done or what blocks it.

The note field has the focus, so the user types straight away; the arrow keys
move through the five statuses meanwhile, and Enter sets the chosen one. The
chosen status carries a ">" marker and every status its text marker ("[✓]"),
so the dialog reads the same without colour.
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
from console.incident.events import TASK_STATUSES, TaskStatus
from console.incident.words import task_marked
from console.present.text import visible


@dataclass(frozen=True)
class StatusRequest:
    """The status the user chose for a task, and the note that goes with it."""

    status: TaskStatus
    note: str = ""


class TaskStatusDialog(ModalScreen[StatusRequest | None]):
    """Choose a status and type an optional note; dismiss with the request, or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "confirm", N_("Set")),
        Binding("up", "move(-1)", N_("Previous"), show=False),
        Binding("down", "move(1)", N_("Next"), show=False),
    ]

    def __init__(self, task_id: str, title: str, current: TaskStatus, note: str = "") -> None:
        super().__init__()
        self.task_id = task_id
        self.task_title = visible(title)  # the plan's and the journal's text, as written
        self.current = current
        self.note = visible(note)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                _("Status of {task}").format(task=self.task_id),
                classes="dialog-title",
                markup=False,
            )
            yield Label(self.task_title, markup=False)
            if self.note:
                yield Label(_("Last note: {note}").format(note=self.note), markup=False)
            yield OptionList(
                *(Option(self._prompt(status, False), id=status) for status in TASK_STATUSES),
                markup=False,
                id="statuses",
            )
            yield Input(placeholder=_("note (optional)"), id="note")
            yield Label(_("Up/Down choose, Enter sets, Escape cancels."), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Set"), variant="primary", id="set")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        statuses = self.query_one("#statuses", OptionList)
        statuses.highlighted = TASK_STATUSES.index(self.current)
        self.query_one("#note", Input).focus()

    @staticmethod
    def _prompt(status: TaskStatus, chosen: bool) -> str:
        return f"{'>' if chosen else ' '} {task_marked(status)}"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the ">" marker to the highlighted status."""
        statuses = event.option_list
        for index, status in enumerate(TASK_STATUSES):
            prompt = self._prompt(status, index == event.option_index)
            if statuses.get_option_at_index(index).prompt != prompt:
                statuses.replace_option_prompt_at_index(index, prompt)

    def on_option_list_option_selected(self) -> None:
        self.action_confirm()

    def on_input_submitted(self) -> None:
        self.action_confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "set":
            self.action_confirm()
        else:
            self.action_cancel()

    def action_move(self, step: int) -> None:
        """Choose the previous or next status while typing the note."""
        statuses = self.query_one("#statuses", OptionList)
        if step < 0:
            statuses.action_cursor_up()
        else:
            statuses.action_cursor_down()

    def chosen(self) -> TaskStatus:
        """The status under the ">" marker."""
        index = self.query_one("#statuses", OptionList).highlighted
        return TASK_STATUSES[index if index is not None else 0]

    def action_confirm(self) -> None:
        """Return the chosen status and the note."""
        note = self.query_one("#note", Input).value.strip()
        self.dismiss(StatusRequest(self.chosen(), note))

    def action_cancel(self) -> None:
        """Return None: nothing is recorded."""
        self.dismiss(None)
