"""`drp` with no subcommand: open the crisis console on the plan and the state directory.

The plan file is read here, before the console opens, so that a missing or
unreadable file is reported at once; checking it against the schema waits
until the console has shown its first frame, with the incident's clocks from
a first look at the raw journal (see `console.tui.factory.opening_app`).
This module imports nothing that loads the schema or the journal.
"""

from __future__ import annotations

import argparse

from console.clock import SystemClock
from console.commands.common import plan_path, state_dir
from console.errors import EXIT_OK
from console.i18n import _, set_language
from console.plan.source import read_source


def add_console_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the console itself, on the main parser."""
    parser.add_argument("--plan", metavar="PATH", help=_("the plan file"))
    parser.add_argument("--state", metavar="DIR", help=_("the state directory"))
    parser.add_argument(
        "--no-mouse", action="store_true", help=_("do not capture the mouse (keyboard only)")
    )


def run(args: argparse.Namespace) -> int:
    """Open the console; return when the user quits."""
    path = plan_path(args)
    source = read_source(path)
    state = state_dir(args, path)
    set_language(source.language)
    from console.tui.factory import opening_app  # after the language: the app's bindings

    app = opening_app(source, state, SystemClock())
    app.run(mouse=not args.no_mouse)
    if app.failure is not None:
        raise app.failure  # a bad plan or state directory, reported by `console.cli`
    return EXIT_OK
