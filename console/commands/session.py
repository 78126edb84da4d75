"""Opening a session for a subcommand: plan, state directory, clock, user.

Journal damage is reported on standard error (the damaged file is kept as it
is); the incident layer's errors are drp's errors (`console.errors`), which
`console.cli` reports.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.clock import Clock, SystemClock
from console.commands.common import (
    add_now_argument,
    add_plan_argument,
    add_state_argument,
    clock_for,
    parse_instant,
    plan_path,
    state_dir,
    warn,
)
from console.i18n import _, set_language
from console.incident.session import Session
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.present.text import visible
from console.store.journal_text import Damage


def add_session_arguments(parser: argparse.ArgumentParser, *, action: bool) -> None:
    """--plan and --state; for actions --at and --incident, for views --now."""
    add_plan_argument(parser)
    add_state_argument(parser)
    if action:
        parser.add_argument(
            "--at",
            metavar="ISO8601",
            help=_("when it happened, if not now (such as 2026-03-29T14:30)"),
        )
        parser.add_argument(
            "--incident", metavar="ID", help=_("the incident, if not the active one")
        )
    else:
        add_now_argument(parser)


def open_session(args: argparse.Namespace, *, views: bool = False) -> Session:
    """The session a subcommand works in, with the journal read."""
    path = plan_path(args)
    plan = load_plan(path)
    set_language(plan.organisation.language)
    clock = clock_for(args, plan.organisation.timezone) if views else SystemClock()
    return read_journal(plan, state_dir(args, path), clock)


def read_journal(plan: Plan, state: Path, clock: Clock) -> Session:
    """A session on `state` with its journal read; damage is reported on standard error."""
    session = Session(plan, state, clock)
    session.refresh()
    for damage in session.damage:
        warn(damage_line(damage))
    return session


def damage_line(damage: Damage) -> str:
    """One line on standard error for what a reader did not take as it is."""
    shown = visible(str(damage))  # a file name and a claimed actor are anyone's text
    match damage.kind:
        case "notice":
            return _("journal file {damage}").format(damage=shown)
        case "ignored":
            return _("journal: {damage}").format(damage=shown)
        case _:
            return _("journal damage (the file is kept as it is): {damage}").format(damage=shown)


def zone(session: Session) -> ZoneInfo:
    """The plan's time zone."""
    return ZoneInfo(session.plan.organisation.timezone)


def at_option(args: argparse.Namespace, session: Session, name: str = "at") -> datetime | None:
    """The parsed --at (or another instant option), or None."""
    text = getattr(args, name, None)
    if not text:
        return None
    return parse_instant(text, session.plan.organisation.timezone, f"--{name}")
