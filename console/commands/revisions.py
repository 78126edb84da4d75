"""`drp revisions`: the plan's version history (section 15) with its approvals.

For the plan maintainer: every version, when it was made, what changed, who
approved it and when, and by when the next approval is due (the plan's
`[review] months`, 12 by default). `--now` dates the review line; `--json`
prints the same for scripts.
"""

from __future__ import annotations

import argparse

from console.commands.common import add_now_argument, add_plan_argument, clock_for, plan_path, say
from console.errors import EXIT_OK
from console.i18n import _, set_language
from console.plan.loader import load_plan
from console.present.text import json_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp revisions`."""
    parser = subparsers.add_parser(
        "revisions",
        help=_("list the plan's version history with its approvals"),
        description=_(
            "List every revision of the plan (section 15): version, date, changes, approved by "
            "and approved on, and when the next approval is due."
        ),
    )
    add_plan_argument(parser)
    add_now_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the history as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the version history."""
    from console.report.revisions import revisions_data, revisions_text

    path = plan_path(args)
    plan = load_plan(path)  # PlanError is reported by the caller
    set_language(plan.organisation.language)
    now = clock_for(args, plan.organisation.timezone).now()
    if args.json:
        say(json_text({"plan": str(path), **revisions_data(plan, now)}))
    else:
        say(revisions_text(plan, now))
    return EXIT_OK
