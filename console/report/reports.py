"""Every report in every format, the one entry point of `drp report` and the console's export.

Which incident a report is on, how it is built (the status report for the
board or the public, the after-action report) and how it is written out (a
renderer of `console.report.renderers`, or JSON) are decided here once, so
that the command line and the console's export dialog give the same file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.i18n import _
from console.incident.errors import ActionError
from console.incident.events import Audience, ReportKind
from console.incident.session import IncidentSummary, Session
from console.incident.state import IncidentState
from console.plan.model import Plan
from console.present.text import json_text
from console.report.after_action import AfterAction
from console.report.renderers import RENDERERS, format_for
from console.report.report_data import status_report_data
from console.report.status_report import build_status_report

DATA_FORMATS = {"json": (".json",)}
"""Formats written from the report's data rather than from its document, with their suffixes."""


def report_formats() -> tuple[str, ...]:
    """Every format a report can be written in: the renderers', then the data formats."""
    return (*RENDERERS, *DATA_FORMATS)


def format_for_report(name: str | None, output: str | None) -> str:
    """The format `--format` names, else the one the output file's suffix asks for, else md."""
    if name:
        return name
    suffix = Path(output).suffix.lower() if output else ""
    for data, suffixes in DATA_FORMATS.items():
        if suffix in suffixes:
            return data
    return format_for(None, output).name


def report_subject(session: Session, incident: str | None = None) -> IncidentSummary:
    """The incident named, else the active one, else the most recently closed one."""
    if incident:
        return session.select(incident)
    found = session.active()
    if found is not None:
        return found
    closed = [summary for summary in session.incidents() if summary.closed]
    if not closed:
        raise ActionError(_("no incident in this state directory yet: nothing to report"))
    return closed[-1]


def render_report(
    plan: Plan,
    state: IncidentState,
    now: datetime,
    kind: ReportKind,
    audience: Audience,
    fmt: str,
    since: datetime | None = None,
) -> str | bytes:
    """The report asked for, as the file's content (bytes for a binary format such as PDF)."""
    if fmt not in report_formats():
        raise ActionError(
            _("unknown format '{fmt}': use {formats}").format(
                fmt=fmt, formats=", ".join(report_formats())
            )
        )
    if kind == "after-action":
        if audience != "board":
            raise ActionError(_("the after-action report is for the board; leave out --audience"))
        figures = AfterAction(plan, state, now)
        if fmt == "json":
            return json_text(figures.data()) + "\n"
        return RENDERERS[fmt].render(figures.document())
    if fmt == "json":
        data = status_report_data(plan, state, now, audience, since)
        return json_text(data) + "\n"
    return RENDERERS[fmt].render(build_status_report(plan, state, now, audience, since))


def default_name(
    kind: ReportKind, audience: Audience, fmt: str, now: datetime, zone: ZoneInfo
) -> str:
    """A file name that says what the report is and when: "status-20261202-1400.pdf"."""
    stem = kind if audience == "board" else f"{kind}-{audience}"
    return f"{stem}-{now.astimezone(zone):%Y%m%d-%H%M}.{fmt}"
