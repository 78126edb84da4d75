"""`drp` with no subcommand: open the crisis console on the plan and the state directory."""

from __future__ import annotations

import argparse

from console.clock import SystemClock
from console.commands.common import EXIT_OK, plan_path, state_dir
from console.i18n import _
from console.plan import load_plan


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
    plan = load_plan(path)
    from console.tui.factory import make_app  # the console's imports only when it opens

    app = make_app(plan, state_dir(args, path), SystemClock())  # it reports journal damage
    app.run(mouse=not args.no_mouse)
    return EXIT_OK
