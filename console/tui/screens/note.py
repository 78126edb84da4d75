"""Writing something down for the timeline: a note, an assessment, a meeting.

One dialog for every free text the crisis staff records, so each tab asks
the same way: a line of text and a time that defaults to now. The time can
be moved back, because under stress things are written down after they
happen ("the fire brigade arrived at 10:40"), and the audit trail must say
when they happened. A time in the future is refused here, with the reason,
rather than by the action later, and so is a time before the incident's
declaration, or one that the clocks skip or repeat (in the words of
`console.incident.typed_time`, which `drp --at` uses too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from console.i18n import N_, _
from console.incident.typed_time import (
    NotATime,
    TimeError,
    not_before_declaration,
    typed_form,
    typed_instant,
)

FUTURE_TOLERANCE = timedelta(minutes=1)
"""As much ahead of the clock as a time may be (the actions allow the same)."""


@dataclass(frozen=True)
class NoteRequest:
    """What was written, and when it happened."""

    text: str
    """The text, stripped; may be empty only where the dialog allows it."""
    at: datetime | None
    """When it happened; None when the time was left at now (the action takes its own now)."""


class NoteDialog(ModalScreen[NoteRequest | None]):
    """Ask for a line of text and an optional earlier time; dismiss with it, or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
    ]

    def __init__(
        self,
        title: str,
        now: datetime,
        zone: ZoneInfo,
        *,
        placeholder: str = "",
        required: bool = True,
        button: str = "",
        declared: tuple[str, datetime] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.now = now
        self.zone = zone
        self.placeholder = placeholder or _("what happened, in a sentence")
        self.required = required
        self.button = button or _("Save")
        self.declared = declared
        """The incident and its declaration: nothing it records can be dated earlier."""
        self.shown_now = typed_form(now, zone)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(placeholder=self.placeholder, id="text")
            yield Label(_("When (plan time, YYYY-MM-DD HH:MM; earlier if it happened before):"))
            yield Input(self.shown_now, id="at")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.button, variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check the text and the time; dismiss with them, or say what is wrong."""
        text = self.query_one("#text", Input).value.strip()
        if self.required and not text:
            self.complain(_("Write something first."), "#text")
            return
        typed = self.query_one("#at", Input).value.strip()
        at = None
        if typed != self.shown_now:
            try:
                at = typed_instant(typed, self.zone)
                if self.declared is not None:
                    incident, declared = self.declared
                    not_before_declaration(at, declared, incident, self.zone)
            except NotATime:
                self.complain(_("The time must look like 2026-03-28 14:30."), "#at")
                return
            except TimeError as error:  # a skipped or repeated hour, before the declaration
                self.complain(error.message, "#at")
                return
            if at - self.now > FUTURE_TOLERANCE:
                self.complain(_("That time is in the future: record what has happened."), "#at")
                return
        self.dismiss(NoteRequest(text, at))

    def complain(self, message: str, field: str) -> None:
        """Say what is wrong and put the cursor where it can be fixed."""
        self.query_one("#error", Label).update(message)
        self.query_one(field, Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
