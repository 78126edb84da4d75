"""The console's export: `e` on any tab writes a report, as `drp report` does.

A mixin of the app, like the coordinator's actions, so that `app.py` stays
thin. The report is built by `console.report.reports`, the same function
the command line calls, on the active incident (or the most recently closed
one). In a terminal it is written to a private file; in a browser (`drp`
served by textual-serve) it is sent as a download. Exporting records a
`report issued` event when the user may write; a viewer exports and records
nothing.

The app imports this module before its first frame; the report layer is
imported where it is used, once the console is open.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import App, SystemCommand

from console.i18n import _
from console.tui.messages import RecordRequested
from console.tui.policy import show_error
from console.tui.screens.export import ExportDialog, ExportRequest

if TYPE_CHECKING:
    from console.incident.events import Audience, ReportKind
    from console.incident.session import Session
    from console.tui.context import ConsoleContext


class ExportActions(App[None]):
    """`e` and the palette's "Export a report"."""

    context: ConsoleContext
    session: Session
    opened: bool

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Anyone may export, viewers too, once the plan is read."""
        if action == "export":
            return self.opened
        return super().check_action(action, parameters)

    def action_export(self) -> None:
        """Open the export dialog."""
        from console.incident.events import AUDIENCES, REPORT_KINDS
        from console.incident.words import audience_word, report_word
        from console.report.reports import default_name, report_formats

        folder = self.session.state_dir.resolve().parent
        now, zone = self.context.clock.now(), self.context.zone

        def name_for(kind: str, audience: str, fmt: str) -> Path:
            chosen_kind = cast("ReportKind", kind)
            chosen_audience = cast("Audience", audience)
            return folder / default_name(chosen_kind, chosen_audience, fmt, now, zone)

        dialog = ExportDialog(
            [(kind, report_word(kind)) for kind in REPORT_KINDS],
            [(audience, audience_word(audience)) for audience in AUDIENCES],
            [(fmt, fmt) for fmt in report_formats()],
            name_for,
            web=self.is_web,
        )
        self.push_screen(dialog, self.export)

    def export(self, request: ExportRequest | None) -> None:
        """Build the report the dialog asked for, write or send it, and record that it went."""
        if request is None:
            return
        from console.errors import DrpError
        from console.incident import actions
        from console.report.reports import render_report, report_subject
        from console.store.files import write_private

        kind = cast("ReportKind", request.kind)
        audience = cast("Audience", request.audience)
        try:
            subject = report_subject(self.session)
            state = self.session.state(subject.id)
            now = self.session.now_of(subject.id)  # a drill's report is in its own time
            content = render_report(self.context.plan, state, now, kind, audience, request.format)
        except DrpError as error:
            show_error(self, error)
            return
        data = content.encode("utf-8") if isinstance(content, str) else content
        if self.is_web:
            self.deliver_binary(io.BytesIO(data), save_filename=request.path.name)
            self.notify(_("{name} is on its way to your browser.").format(name=request.path.name))
        else:
            try:
                write_private(request.path, data, overwrite=request.replace)
            except OSError as error:
                reason = error.strerror or str(error)
                self.notify(
                    _("Could not write {path}: {reason}").format(path=request.path, reason=reason),
                    title=_("Not exported"),
                    severity="error",
                    markup=False,
                )
                return
            self.notify(_("Wrote {path}.").format(path=request.path), markup=False)
        if self.context.may("report"):
            self.post_message(
                RecordRequested(
                    lambda session: actions.issue_report(
                        session, kind, audience, request.format, incident=subject.id
                    )
                )
            )

    def export_commands(self) -> Iterable[SystemCommand]:
        """The palette's entry for the export, once the console is open."""
        if self.opened:
            yield SystemCommand(
                _("Export a report (e)"),
                _("Status report or after-action report, to a file"),
                self.action_export,
            )
