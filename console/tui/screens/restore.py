"""Setting how far the restore of one system has come, and from which restore point.

The sysadmin restores from a backup taken at some moment: that moment (the
restore point) is what the crisis staff need, because everything after it is
lost. It is typed in the plan's time zone, like every time the console shows,
and read as `drp restore --point` reads it (`console.incident.typed_time`): a
point in the future, in an hour the clocks skip or repeat, or in an
implausible year is refused. The point already recorded is filled in,
so moving a restore from "running" to "restored" keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from console.i18n import N_, _
from console.incident.events import RESTORE_STATUSES, RestoreStatus
from console.incident.typed_time import NotATime, TimeError, typed_form, typed_instant
from console.incident.words import restore_meaning, restore_word
from console.present.text import visible


@dataclass(frozen=True)
class RestoreRequest:
    """What the sysadmin filled in: the new status and the restore point, if known."""

    status: RestoreStatus
    point: datetime | None


def next_status(current: RestoreStatus | None) -> RestoreStatus:
    """The status a restore usually moves to next: the one preselected."""
    if current is None:
        return RESTORE_STATUSES[0]
    index = RESTORE_STATUSES.index(current)
    return RESTORE_STATUSES[min(index + 1, len(RESTORE_STATUSES) - 1)]


class RestoreDialog(ModalScreen[RestoreRequest | None]):
    """Choose the status and the restore point; dismiss with the request, or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "save", N_("Save")),
    ]

    def __init__(
        self,
        system: str,
        now: datetime,
        zone: ZoneInfo,
        status: RestoreStatus | None = None,
        point: datetime | None = None,
    ) -> None:
        super().__init__()
        self.system = visible(system)  # a name from the plan, an id from the journal
        self.now = now
        self.zone = zone
        self.status = status
        self.point = point

    def compose(self) -> ComposeResult:
        chosen = next_status(self.status)
        with Vertical(classes="dialog", id="restore-dialog"):
            yield Label(
                _("Restore of {system}").format(system=self.system),
                classes="dialog-title",
                markup=False,
            )
            with RadioSet(id="status"):
                for status in RESTORE_STATUSES:
                    yield RadioButton(restore_meaning(status), value=status == chosen, id=status)
            yield Label(self.readout(chosen), id="chosen", markup=False)
            yield Label(_("Restore point (plan time, YYYY-MM-DD HH:MM; empty if unknown):"))
            shown = typed_form(self.point, self.zone) if self.point else ""
            yield Input(shown, placeholder="2026-03-27 21:00", id="point")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        radio = self.query_one("#status", RadioSet)
        # The cursor starts on the first button: bring it to the chosen one, so that
        # Enter keeps the choice instead of silently picking "planned".
        for _step in range(RESTORE_STATUSES.index(self.chosen())):
            radio.action_next_button()
        radio.focus()

    def chosen(self) -> RestoreStatus:
        """The status whose button is pressed."""
        pressed = self.query_one("#status", RadioSet).pressed_button
        return next(
            (s for s in RESTORE_STATUSES if pressed is not None and pressed.id == s),
            next_status(self.status),
        )

    @staticmethod
    def readout(status: RestoreStatus) -> str:
        """The choice in words, for a screen without colour where the dots look alike."""
        return _("Will record: {status}").format(status=restore_word(status).upper())

    def on_radio_set_changed(self) -> None:
        self.query_one("#chosen", Label).update(self.readout(self.chosen()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check the restore point and dismiss with the request."""
        text = self.query_one("#point", Input).value.strip()
        point = None
        if text:
            try:
                point = typed_instant(text, self.zone)
            except NotATime:
                self.show_error(_("The restore point must look like 2026-03-27 21:00."))
                return
            except TimeError as error:  # a skipped or repeated hour, a year out of range
                self.show_error(error.message)
                return
            if point.astimezone(UTC) > self.now.astimezone(UTC):
                self.show_error(_("The restore point cannot be in the future."))
                return
        self.dismiss(RestoreRequest(status=self.chosen(), point=point))

    def show_error(self, message: str) -> None:
        """Say what is wrong and leave the dialog open."""
        self.query_one("#error", Label).update(message)
        self.query_one("#point", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
