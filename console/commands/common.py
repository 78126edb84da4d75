"""What the subcommands share: exit statuses, finding the plan, reading `--now`, printing.

A mistake in the arguments becomes a `UserError` (one of drp's errors, see
`console.errors`); `console.cli.main` prints it and exits, never with a
traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.clock import Clock, FixedClock, SystemClock
from console.errors import DrpError
from console.i18n import _
from console.incident.typed_time import NotATime, TimeError, typed_instant
from console.present.text import visible

PLAN_ENV = "DRP_PLAN"
DEFAULT_PLAN = "plan.toml"


def one_shot() -> None:
    """This process reads, writes and exits: no cyclic garbage collection from here on.

    A report or a status holds the whole journal and its folded state in
    memory until the process ends. The cycle collector would walk those
    objects again and again while the report is built, to free almost
    nothing (a tenth of a 10,000-event after-action PDF's time, with the
    same peak memory without it): reference counting frees the rest.
    `console.cli.main` turns it on again when the command returns.
    """
    gc.disable()


class UserError(DrpError):
    """A mistake in a command's arguments or files: printed as one message, exit status 2."""


def add_plan_argument(parser: argparse.ArgumentParser) -> None:
    """Add `--plan PATH`."""
    parser.add_argument(
        "--plan",
        metavar="PATH",
        default=argparse.SUPPRESS,  # keep a --plan given before the subcommand
        help=_("the plan file (default: $DRP_PLAN, else plan.toml in this folder)"),
    )


def plan_path(args: argparse.Namespace) -> Path:
    """The plan the user means: --plan, else $DRP_PLAN, else ./plan.toml."""
    given = getattr(args, "plan", None) or os.environ.get(PLAN_ENV)
    if given:
        return Path(given)
    default = Path(DEFAULT_PLAN)
    if default.exists():
        return default
    raise UserError(
        _("no plan here: pass --plan PATH, set DRP_PLAN, or start one with `drp init plan.toml`")
    )


def add_now_argument(parser: argparse.ArgumentParser) -> None:
    """Add `--now ISO8601`, which freezes the clock for reproducible output."""
    parser.add_argument(
        "--now",
        metavar="ISO8601",
        help=_("act as if it were this moment, such as 2026-03-29T02:30+01:00"),
    )


def parse_instant(text: str, timezone: str, option: str) -> datetime:
    """A UTC instant from ISO 8601; a time without offset is in the plan's time zone.

    Read with the parser of the console's dialogs (`console.incident.typed_time`):
    a local time that does not exist or happens twice, or an implausible year,
    is refused in the same words, after the option's name.
    """
    try:
        return typed_instant(text, ZoneInfo(timezone))
    except NotATime:
        raise UserError(
            _("{option}: '{text}' is not an ISO 8601 time such as 2026-03-29T14:30").format(
                option=option, text=text
            )
        ) from None
    except TimeError as error:
        raise UserError(f"{option}: {error.message}") from None


def clock_for(args: argparse.Namespace, timezone: str) -> Clock:
    """The injected clock: frozen at --now when given, else the system clock."""
    now = getattr(args, "now", None)
    return FixedClock(parse_instant(now, timezone, "--now")) if now else SystemClock()


def say(text: str = "") -> None:
    """Print a line (or lines) for the user on standard output; never a terminal control."""
    sys.stdout.write(visible(text, lines=True) + "\n")


def warn(text: str) -> None:
    """Print a line (or lines) for the user on standard error; never a terminal control."""
    sys.stderr.write(visible(text, lines=True) + "\n")


STATE_ENV = "DRP_STATE"
DEFAULT_STATE_FOLDER = "drp-state"


def add_state_argument(parser: argparse.ArgumentParser) -> None:
    """Add `--state DIR`."""
    parser.add_argument(
        "--state",
        metavar="DIR",
        default=argparse.SUPPRESS,  # keep a --state given before the subcommand
        help=_("the state directory (default: $DRP_STATE, else drp-state beside the plan)"),
    )


def state_dir(args: argparse.Namespace, plan: Path) -> Path:
    """The state directory: --state, else $DRP_STATE, else drp-state beside the plan."""
    given = getattr(args, "state", None) or os.environ.get(STATE_ENV)
    return Path(given) if given else plan.resolve().parent / DEFAULT_STATE_FOLDER
