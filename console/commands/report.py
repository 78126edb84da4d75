"""`drp report` and `drp incidents`: what to tell the board and the public, on which incident.

`drp report` writes the status report (for the board or the public) or the
after-action report of an incident, in any format, to standard output or to
a private file. Exporting records a `report issued` event when the user may
write, so that the next status report knows what is new since this one and
the timeline shows what was told to whom, and when. With `--now` it
reproduces a report as of a past moment and records nothing.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from console.commands.common import one_shot, say
from console.commands.output import add_output_arguments, deliver
from console.commands.session import add_session_arguments, at_option, open_session
from console.errors import EXIT_OK
from console.i18n import _
from console.incident import actions, timefmt
from console.incident.access import allowed
from console.incident.events import AUDIENCES, REPORT_KINDS, Audience, ReportKind
from console.incident.session import Session
from console.present.text import json_text, visible

FORMATS = ("md", "html", "txt", "pdf", "json")
"""What `--format` takes: `console.report.reports.report_formats()`, kept here so that
`--help` loads no renderer (a test holds the two together)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp report` and `drp incidents`."""
    parser = subparsers.add_parser(
        "report",
        help=_("write the status report or the after-action report"),
        description=_(
            "Write a report on the active incident (or the most recently closed one): "
            "the status report for the board or the public, or the after-action report. "
            "Without -o it goes to standard output."
        ),
    )
    add_session_arguments(parser, action=False)
    parser.add_argument(
        "--kind",
        choices=REPORT_KINDS,
        default="status",
        help=_("status (default) or after-action"),
    )
    parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="board",
        help=_("board (default) or public: the public one names no person"),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=_("the file format (default: from the -o file name, else md)"),
    )
    parser.add_argument("--incident", metavar="ID", help=_("the incident, if not the latest"))
    parser.add_argument(
        "--since",
        metavar="ISO8601",
        help=_("what is new since then (default: since the previous status report)"),
    )
    add_output_arguments(parser)
    parser.set_defaults(run=run)

    listing = subparsers.add_parser(
        "incidents",
        help=_("list every incident and drill in the journal"),
        description=_(
            "List every incident and drill: id, drill or real, declared, scenario, closed."
        ),
    )
    add_session_arguments(listing, action=False)
    listing.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    listing.set_defaults(run=run_incidents)


def run(args: argparse.Namespace) -> int:
    """Write the report, and record that it was issued."""
    from console.report.reports import (  # reportlab: load it late
        format_for_report,
        render_report,
        report_subject,
    )

    one_shot()
    session = open_session(args, views=True)
    try:
        summary = report_subject(session, args.incident)
        state = session.state(summary.id)
        now = session.now_of(summary.id)  # a drill's report is in its own time
        since = at_option(args, session, "since")
        fmt = format_for_report(args.format, args.output)
        kind: ReportKind = args.kind
        audience: Audience = args.audience
        content = render_report(session.plan, state, now, kind, audience, fmt, since)
        deliver(content, args.output, force=args.force)
        if not args.now and allowed(session.role, "report"):
            actions.issue_report(session, args.kind, args.audience, fmt, incident=summary.id)
    finally:
        session.close()
    return EXIT_OK


def incidents_data(session: Session) -> list[dict[str, Any]]:
    """Every incident, oldest first, as plain data."""
    zone = ZoneInfo(session.plan.organisation.timezone)
    found = []
    for summary in session.incidents():
        state = session.state(summary.id)
        found.append(
            {
                "id": summary.id,
                "drill": summary.drill,
                "declared_at": timefmt.iso(summary.declared_at, zone),
                "scenario": state.scenario,
                "closed_at": timefmt.iso(state.closed_at, zone),
            }
        )
    return found


def run_incidents(args: argparse.Namespace) -> int:
    """List the incidents."""
    session = open_session(args, views=True)
    try:
        found = incidents_data(session)
    finally:
        session.close()
    if args.json:
        say(json_text(found))
        return EXIT_OK
    if not found:
        say(_("No incident in this state directory."))
        return EXIT_OK
    zone = ZoneInfo(session.plan.organisation.timezone)
    rows = [
        (
            visible(item["id"]),
            _("drill") if item["drill"] else _("real"),
            timefmt.when(datetime.fromisoformat(item["declared_at"]), zone),
            visible(item["scenario"] or "—"),
            timefmt.when(datetime.fromisoformat(item["closed_at"]), zone)
            if item["closed_at"]
            else _("open"),
        )
        for item in found
    ]
    headers = (_("Incident"), _("Kind"), _("Declared"), _("Scenario"), _("Closed"))
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for row in (headers, *rows):
        say(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )
    return EXIT_OK
