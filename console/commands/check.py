"""`drp check`: is the plan valid, and is it ready?

Exit 0 when it is valid and ready, 1 when it is valid with readiness findings,
2 when it is invalid. The summary ends with the readiness score and what it
counts: how many of the fields examined are filled (`console.plan.readiness`).
`--json` prints the same for scripts.

The drill check reads the journal of the state directory (`--state`,
`$DRP_STATE`, else `drp-state` beside the plan) when that directory exists:
a plan with no drill in the last 12 months gets a finding.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from console.clock import Clock
from console.commands.common import (
    add_now_argument,
    add_plan_argument,
    add_state_argument,
    clock_for,
    plan_path,
    say,
    state_dir,
    warn,
)
from console.errors import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK
from console.i18n import _, ngettext, set_language
from console.incident.numbers import number
from console.plan.errors import PlanError
from console.plan.loader import read_plan
from console.plan.model import Plan
from console.plan.readiness import CHECKS, Readiness, check_readiness
from console.present.text import json_text, visible

Drills = tuple[Path, list[datetime]] | None
"""The state directory whose journal was read, and the declaration times of its drills."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp check`."""
    parser = subparsers.add_parser(
        "check",
        help=_("validate the plan and report what it still lacks"),
        description=_(
            "Validate the plan and run the readiness checks. Exit 0: valid and ready; "
            "1: valid, with findings; 2: invalid."
        ),
    )
    add_plan_argument(parser)
    add_state_argument(parser)
    add_now_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.set_defaults(run=run)


def _drills(args: argparse.Namespace, plan_file: Path, plan: Plan, clock: Clock) -> Drills:
    """The state directory and its drills' declaration times; None when there is none.

    A copy of the plan on a desk has no state directory beside it: the drill
    check is left out there, not reported as failed.
    """
    from console.commands.session import read_journal  # the journal only for a valid plan
    from console.present.upkeep import journal_drills

    state = state_dir(args, plan_file)
    session = read_journal(plan, state, clock)
    try:
        drills = journal_drills(session)
    finally:
        session.close()
    return None if drills is None else (state, drills)


def _finding_json(path: str, readiness: Readiness) -> list[dict[str, Any]]:
    return [
        {
            "check": f.check,
            "file": path,
            "line": f.line,
            "column": f.column,
            "field": f.field,
            "message": f.message,
        }
        for f in readiness.findings
    ]


def run(args: argparse.Namespace) -> int:
    """Check the plan; print problems or findings; return 0, 1 or 2."""
    path = plan_path(args)
    try:
        document = read_plan(path)
    except PlanError as error:
        if args.json:
            say(json_text(_invalid_json(str(path), error)))
        else:
            for problem in error.problems:
                warn(visible(str(problem)))  # one line each, whatever the plan holds
            warn(
                ngettext(
                    "{path}: invalid, {n} problem",
                    "{path}: invalid, {n} problems",
                    len(error.problems),
                ).format(path=visible(str(path)), n=len(error.problems))
            )
        return EXIT_INVALID
    set_language(document.plan.organisation.language)
    clock = clock_for(args, document.plan.organisation.timezone)
    drills = _drills(args, path, document.plan, clock)
    readiness = check_readiness(document, clock, drills[1] if drills else None)
    status = EXIT_OK if readiness.ready else EXIT_FINDINGS
    if args.json:
        result = {
            "plan": str(path),
            "state": str(drills[0]) if drills else None,
            "valid": True,
            "ready": readiness.ready,
            "score": readiness.score,
            "fields": readiness.fields,
            "filled": readiness.filled,
            "errors": [],
            "findings": _finding_json(str(path), readiness),
            "exit": status,
        }
        say(json_text(result))
        return status
    for finding in readiness.findings:
        where = str(path)
        if finding.line is not None:
            where += f":{finding.line}:{finding.column}"
        field = f" {finding.field}:" if finding.field else ""
        say(visible(f"{where}:{field} {finding.message}"))
    say(visible(_summary(str(path), readiness)))
    return status


def _summary(path: str, readiness: Readiness) -> str:
    counts = {check: 0 for check in CHECKS}
    for finding in readiness.findings:
        counts[finding.check] += 1
    if readiness.ready:
        return _("{path}: valid and ready. {score}").format(path=path, score=_score(readiness))
    parts = ", ".join(f"{_(CHECKS[check])}: {n}" for check, n in counts.items() if n)
    return ngettext(
        "{path}: valid, {n} finding ({parts}). {score}",
        "{path}: valid, {n} findings ({parts}). {score}",
        len(readiness.findings),
    ).format(path=path, n=len(readiness.findings), parts=parts, score=_score(readiness))


def _score(readiness: Readiness) -> str:
    """The score with what it counts, such as "Readiness 42%: 49 of 117 fields filled."."""
    return ngettext(
        "Readiness {score}%: {filled} of {fields} field filled.",
        "Readiness {score}%: {filled} of {fields} fields filled.",
        readiness.fields,
    ).format(
        score=readiness.score, filled=number(readiness.filled), fields=number(readiness.fields)
    )


def _invalid_json(path: str, error: PlanError) -> dict[str, Any]:
    return {
        "plan": path,
        "state": None,
        "valid": False,
        "ready": False,
        "score": 0,
        "fields": 0,
        "filled": 0,
        "errors": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "message": p.message,
            }
            for p in error.problems
        ],
        "findings": [],
        "exit": EXIT_INVALID,
    }
