"""`drp doctor`: check the set-up, and say what to do about each problem.

For the ICT sysadmin setting up a host for the crisis staff, and for anyone
whose console looks wrong: the plan and who can read it, the state directory
and its sharing, its filesystem and free space, the time zone and the clock,
the terminal, its colours, the locale and the language. Exit 0 when all is
well, 1 with warnings, 2 with errors; `--json` prints the findings as a list.
The checks are in `console.setup`; this module gives them the real
environment, terminal, mounts and clock, and prints what they find.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import textwrap
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.commands.common import (
    DEFAULT_PLAN,
    UserError,
    add_now_argument,
    add_plan_argument,
    add_state_argument,
    clock_for,
    plan_path,
    say,
    state_dir,
)
from console.i18n import _, asked, ngettext, set_language
from console.present.text import json_text, visible
from console.setup.doctor import CHECKS, DEFAULT_ZONE, Setup, diagnose, look_at_plan
from console.setup.filesystem import read_mounts
from console.setup.findings import Finding, Level, exit_status
from console.setup.terminal import measure_terminal

WIDTH = 80
"""The width the report is wrapped to: the console's own."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp doctor`."""
    parser = subparsers.add_parser(
        "doctor",
        help=_("check the set-up and say what to do about each problem"),
        description=_(
            "Check the plan and who can read it, the state directory (owner, group, mode, "
            "setgid), its filesystem and free space, the time zone and the clock, the "
            "terminal's size and colours, the locale and the language. Exit 0: all is well; "
            "1: warnings; 2: errors."
        ),
    )
    add_plan_argument(parser)
    add_state_argument(parser)
    add_now_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run every check; print the findings; return 0, 1 or 2."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a wrong locale is reported, not fatal
    try:
        path: Path | None = plan_path(args)
    except UserError:
        path = None
    look = look_at_plan(path)
    set_language(look.language)
    state = state_dir(args, path if path is not None else Path(DEFAULT_PLAN))
    now = clock_for(args, _known_zone(look.zone)).now()
    findings = diagnose(
        Setup(
            plan=look,
            state=state,
            environ=dict(os.environ),
            now=now,
            terminal=measure_terminal(),
            mounts=read_mounts(),
            utf8_mode=sys.flags.utf8_mode,
            asked=asked(),
        )
    )
    if args.json:
        say(_json([finding.as_json() for finding in findings]))
    else:
        say(report_text(findings))
    return exit_status(findings)


def _json(data: list[dict[str, str]]) -> str:
    """The findings as JSON; all in ASCII escapes where standard output cannot take UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding == "utf8":
        return json_text(data)
    return json.dumps(data, ensure_ascii=True, indent=2)


def _known_zone(zone: str) -> str:
    """The plan's zone if this machine knows it (its check says so if not), else the default."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return DEFAULT_ZONE
    return zone


def _marks() -> dict[Level, str]:
    return {"ok": _("ok"), "warning": _("warning"), "error": _("ERROR")}


def report_text(findings: list[Finding]) -> str:
    """The findings for people: the level, the check and what was found, then what to do.

    What was found is wrapped to 80 columns; what to do is one line, so that a
    command in it is never cut where a terminal would copy it in pieces.
    """
    marks = _marks()
    width = max(len(mark) for mark in marks.values()) + 1
    indent = " " * width
    lines = []
    for finding in findings:
        found = f"{_(CHECKS[finding.check])}: {visible(finding.message)}"
        lines.extend(
            textwrap.wrap(
                found,
                WIDTH,
                initial_indent=marks[finding.level].ljust(width),
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        if finding.advice:  # one line, however long: the terminal wraps it, and copies it whole
            lines.append(f"{indent}-> {visible(finding.advice)}")
    lines.append(_summary(findings))
    return "\n".join(lines)


def _summary(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    if not errors and not warnings:
        return _("drp doctor: all is well.")
    parts = []
    if errors:
        parts.append(ngettext("{n} error", "{n} errors", errors).format(n=errors))
    if warnings:
        parts.append(ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings))
    return _("drp doctor: {parts}.").format(parts=", ".join(parts))
