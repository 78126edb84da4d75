"""`drp drill`: start a drill, on a clock that may run faster, with its scenario decided at once.

A drill is rehearsed in an afternoon: at `--speed 12` a scenario's 72 h
target comes after six real hours, and every clock of the drill counts in
its time. The command records the start (and, with `--scenario`, the
decision) through `console.incident.actions.start_drill`, as `drp declare
--drill` records one, and returns; `drp` then opens the console on it.
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from console.clock import MAX_SPEED
from console.commands.common import UserError, add_plan_argument, add_state_argument, say
from console.commands.session import open_session
from console.errors import EXIT_OK
from console.i18n import _
from console.incident import actions, timefmt
from console.incident.words import confirmation


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp drill`."""
    parser = subparsers.add_parser(
        "drill",
        help=_("start a drill, on a clock that may run faster (coordinator)"),
        description=_(
            "Start a drill of the plan: an exercise, kept apart from real disasters. "
            "Its clock runs --speed times as fast as real time from now on; "
            "`drp` opens the console on it and `drp close` ends it."
        ),
    )
    add_plan_argument(parser)
    add_state_argument(parser)
    parser.add_argument(
        "--speed",
        metavar="N",
        default="1",
        help=_("how many times as fast as real time the drill's clock runs (default: 1)"),
    )
    parser.add_argument(
        "--scenario", metavar="SCENARIO", help=_("decide this scenario at once, such as A")
    )
    parser.add_argument("--summary", default="", help=_("what the drill rehearses, in a sentence"))
    parser.set_defaults(run=run)


def speed_option(text: str) -> int:
    """The whole number `--speed` gives, from 1 to the fastest a drill may run."""
    try:
        speed = int(text.strip())
    except ValueError:
        speed = 0
    if not 1 <= speed <= MAX_SPEED:
        raise UserError(
            _("--speed: '{text}' is not a whole number from 1 to {most}").format(
                text=text, most=MAX_SPEED
            )
        )
    return speed


def run(args: argparse.Namespace) -> int:
    """Record the drill's start (and decision); say how fast its clock runs."""
    speed = speed_option(args.speed)
    session = open_session(args)
    try:
        recorded = actions.start_drill(session, speed, args.scenario, args.summary)
        shown = session.active()
    finally:
        session.close()
    for event in recorded:
        say(confirmation(event, session.plan))
    if speed != 1:
        say(
            _(
                "Its clock runs {speed} times as fast as real time: a day of the drill "
                "passes in {span}."
            ).format(speed=speed, span=timefmt.span(timedelta(days=1) / speed))
        )
    drill = recorded[0].incident
    if shown is not None and shown.id != drill:  # a real disaster comes first
        say(
            _(
                "A real disaster is open and comes first: reach the drill with "
                "--incident {id}; `drp close --incident {id}` ends it."
            ).format(id=drill)
        )
    else:
        say(_("Open the console on it with `drp`; `drp close` ends it."))
    return EXIT_OK
