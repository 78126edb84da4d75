"""Exporting a report from the console: which report, for whom, in which format, where.

The coordinator exports the status report for the board or the text for the
website without leaving the console. The file name is filled in ("status-
20261202-1400.pdf", beside the state directory) and follows the choices until
the user types a name of their own. A file that exists is replaced only when
asked, and a folder that does not exist is said at once, so the dialog stays
open until the export can be done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from console.i18n import N_, _

Choice = tuple[str, str]
"""A value and its label."""


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where to write it."""

    kind: str
    audience: str
    format: str
    path: Path
    replace: bool = False


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose the report, the audience, the format and the file; dismiss with the request."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "export", N_("Export")),
    ]

    def __init__(
        self,
        kinds: list[Choice],
        audiences: list[Choice],
        formats: list[Choice],
        name_for: Callable[[str, str, str], Path],
        *,
        web: bool = False,
    ) -> None:
        """`name_for(kind, audience, format)` suggests the file; `web` sends it to the browser."""
        super().__init__()
        self.kinds = kinds
        self.audiences = audiences
        self.formats = formats
        self.name_for = name_for
        self.web = web
        self.suggested = name_for(kinds[0][0], audiences[0][0], formats[0][0])

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(_("Export a report"), classes="dialog-title")
            for key, label, choices in (
                ("kind", _("Report:"), self.kinds),
                ("audience", _("For:"), self.audiences),
                ("format", _("Format:"), self.formats),
            ):
                with Horizontal(classes="export-row"):
                    yield Label(label, classes="export-label")
                    with RadioSet(id=key, classes="export-choice"):
                        for index, (value, text) in enumerate(choices):
                            yield RadioButton(text, value=index == 0, id=f"{key}-{value}")
            yield Label(self.readout(), id="readout", markup=False)
            yield Label(_("Sent to your browser as:") if self.web else _("Write to:"))
            yield Input(str(self.suggested), id="path")
            if not self.web:
                yield Checkbox(self.replace_label(False), id="replace")
            yield Label("", id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export"), variant="primary", id="export")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#kind", RadioSet).focus()

    def chosen(self, key: str, choices: list[Choice]) -> str:
        """The value of the pressed button of one choice."""
        pressed = self.query_one(f"#{key}", RadioSet).pressed_button
        for value, _text in choices:
            if pressed is not None and pressed.id == f"{key}-{value}":
                return value
        return choices[0][0]

    def readout(self) -> str:
        """The choices in words: without colour the pressed buttons look like the others."""
        if not self.is_mounted:
            kind, audience, fmt = self.kinds[0][1], self.audiences[0][1], self.formats[0][1]
        else:
            kind, audience, fmt = (
                dict(choices)[self.chosen(key, choices)]
                for key, choices in (
                    ("kind", self.kinds),
                    ("audience", self.audiences),
                    ("format", self.formats),
                )
            )
        return _("Will export: {kind} for {audience}, as {format}").format(
            kind=kind, audience=audience, format=fmt
        )

    @staticmethod
    def replace_label(replace: bool) -> str:
        """The checkbox's label, which says its state in words."""
        return (
            _("replace the file if it exists: yes")
            if replace
            else _("replace the file if it exists: no")
        )

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = self.replace_label(event.value)

    def on_radio_set_changed(self) -> None:
        """Say what will be exported; keep the suggested name in step, unless the user typed one."""
        self.query_one("#readout", Label).update(self.readout())
        path = self.query_one("#path", Input)
        if Path(path.value) != self.suggested:
            return
        self.suggested = self.name_for(
            self.chosen("kind", self.kinds),
            self.chosen("audience", self.audiences),
            self.chosen("format", self.formats),
        )
        path.value = str(self.suggested)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        """Check the file name, then dismiss with the request."""
        text = self.query_one("#path", Input).value.strip()
        path = Path(text).expanduser()
        replace = not self.web and self.query_one("#replace", Checkbox).value
        problem = "" if self.web else self.problem(path, replace)
        if not text:
            problem = _("Give the file a name.")
        if problem:
            self.query_one("#error", Label).update(problem)
            self.query_one("#path", Input).focus()
            return
        self.dismiss(
            ExportRequest(
                self.chosen("kind", self.kinds),
                self.chosen("audience", self.audiences),
                self.chosen("format", self.formats),
                path,
                replace,
            )
        )

    @staticmethod
    def problem(path: Path, replace: bool) -> str:
        """Why the report cannot be written to `path`, or nothing."""
        if path.is_dir():
            return _("{path} is a folder: add a file name.").format(path=path)
        if not path.parent.is_dir():
            return _("The folder {folder} does not exist.").format(folder=path.parent)
        if path.exists() and not replace:
            return _("{path} exists: tick 'replace' or choose another name.").format(path=path)
        return ""

    def action_cancel(self) -> None:
        self.dismiss(None)
