"""The one way to build the console, for the `drp` command and for the tests alike.

It takes the plan, the state directory, the clock and the user, so a test
builds exactly the console a user gets, with a frozen clock and any login.
`drp` itself calls `open_console` just after the console's first frame; the
tests call `make_app`, which opens it before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from console.clock import Clock
from console.i18n import set_language
from console.incident.access import current_login, role_of
from console.incident.session import Session
from console.plan.loader import check_plan
from console.plan.model import Plan
from console.plan.source import PlanSource
from console.tui.context import ConsoleContext

if TYPE_CHECKING:  # importing the app fixes the language of its bindings: not before set_language
    from console.tui.app import DrpApp

IdSource = Callable[[datetime], str]


def open_console(
    source: PlanSource, state_dir: Path, clock: Clock
) -> tuple[ConsoleContext, Session]:
    """Check the plan file and read the journal, as `drp` does after its first frame."""
    return console_parts(check_plan(source).plan, state_dir, clock)


def console_parts(
    plan: Plan,
    state_dir: Path,
    clock: Clock,
    login: str | None = None,
    host: str | None = None,
    id_source: IdSource | None = None,
) -> tuple[ConsoleContext, Session]:
    """The context and the session, with the journal read, of `login` at the time of `clock`."""
    user = login or current_login()
    session = Session(plan, state_dir, clock, login=user, host=host)
    if id_source is not None:
        session.new_id = id_source
    session.refresh()
    context = ConsoleContext(plan=plan, clock=clock, login=user, role=role_of(plan, user))
    return context, session


def make_app(
    plan: Plan,
    state_dir: Path,
    clock: Clock,
    login: str | None = None,
    host: str | None = None,
    id_source: IdSource | None = None,
) -> DrpApp:
    """The console on `plan` and `state_dir`, opened before its first frame."""
    set_language(plan.organisation.language)
    from console.tui.app import DrpApp  # after the language: bindings are translated on import

    parts = console_parts(plan, state_dir, clock, login, host, id_source)
    return DrpApp(plan.organisation.name, lambda: parts, load_after_first_frame=False)
