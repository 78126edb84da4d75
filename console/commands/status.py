"""`drp status`: where the incident stands, for people or (`--json`) for scripts."""

from __future__ import annotations

import argparse

from console.commands.common import one_shot, say
from console.commands.session import add_session_arguments, open_session
from console.errors import EXIT_OK
from console.i18n import _
from console.present.text import json_text
from console.report.status import status_data, status_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp status`."""
    parser = subparsers.add_parser(
        "status",
        help=_("show the active incident: clocks, tasks, contacts, tickets"),
        description=_("Show the active incident, or the one named with --incident."),
    )
    add_session_arguments(parser, action=False)
    parser.add_argument("--incident", metavar="ID", help=_("the incident, if not the active one"))
    parser.add_argument("--json", action="store_true", help=_("print the status as JSON"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the status."""
    one_shot()
    session = open_session(args, views=True)
    summary = session.select(args.incident) if args.incident else session.active()
    state = session.state(summary.id) if summary else None
    now = session.now_of(summary.id) if summary else session.now()  # a drill's own time
    if args.json:
        say(json_text(status_data(session.plan, state, now)))
    else:
        say(status_text(session.plan, state, now))
    return EXIT_OK
