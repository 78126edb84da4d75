"""The one way to build the console, for the `drp` command and for the tests alike.

It takes the plan, the state directory, the clock and the user, so a test
builds exactly the console a user gets, with a frozen clock and any login.
The console reads that clock through a `ShownClock`, which the app points
at the incident it shows: a drill's own time during a drill.
`drp` builds it with `opening_app`: the header's first look at the raw
journal before the first frame, the plan checked and the journal read just
after (`open_console`). The tests call `make_app`, which opens it before.

Only `make_app` and `open_console` load the schemas, when they are called:
`drp` imports this module before its first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from console.clock import Clock, ShownClock
from console.i18n import set_language
from console.incident.access import current_login, role_of
from console.plan.source import PlanSource
from console.store.journal import JournalReader
from console.tui.context import ConsoleContext

if TYPE_CHECKING:  # importing the app fixes the language of its bindings: not before set_language
    from console.incident.session import Session
    from console.plan.model import Plan
    from console.tui.app import DrpApp

IdSource = Callable[[datetime], str]


def opening_app(source: PlanSource, state_dir: Path, clock: Clock) -> DrpApp:
    """The console as `drp` opens it: the incident's clocks at once, the plan checked after.

    The journal is read once: the first look peeks at its raw tables, and the
    session checks those same tables after the first frame.
    """
    from console.incident.access import current_login
    from console.incident.glance import first_look
    from console.incident.trust import trust_in_table
    from console.tui.app import DrpApp

    reader = JournalReader(state_dir)
    trust = trust_in_table(source.data, current_login())
    try:
        tables = [
            table
            for table, origin in reader.peek()
            if trust.refusal(str(table.get("kind")), str(table.get("actor")), origin) is None
        ]
        look = first_look(source.data, tables)
    except OSError:  # said properly once the console opens and reads the journal again
        reader, look = JournalReader(state_dir), None

    shown = ShownClock(clock)

    def load() -> tuple[ConsoleContext, Session]:
        return open_console(source, state_dir, shown, reader)

    return DrpApp(source.name, load, clock=shown, first_look=look, load_after_first_frame=True)


def open_console(
    source: PlanSource, state_dir: Path, clock: Clock, reader: JournalReader | None = None
) -> tuple[ConsoleContext, Session]:
    """Check the plan file and read the journal, as `drp` does after its first frame."""
    from console.plan.loader import check_plan

    return console_parts(check_plan(source).plan, state_dir, clock, reader=reader)


def console_parts(
    plan: Plan,
    state_dir: Path,
    clock: Clock,
    login: str | None = None,
    host: str | None = None,
    id_source: IdSource | None = None,
    reader: JournalReader | None = None,
) -> tuple[ConsoleContext, Session]:
    """The context and the session, with the journal read, of `login` at the time of `clock`.

    The session keeps the real clock, and gives each incident its own (`Session.clock_of`);
    the context's is the clock of the incident on show.
    """
    from console.incident.session import Session

    shown = clock if isinstance(clock, ShownClock) else ShownClock(clock)
    user = login or current_login()
    session = Session(plan, state_dir, shown.real, login=user, host=host, reader=reader)
    if id_source is not None:
        session.new_id = id_source
    session.refresh()
    context = ConsoleContext(plan=plan, clock=shown, login=user, role=role_of(plan, user))
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

    shown = ShownClock(clock)
    parts = console_parts(plan, state_dir, shown, login, host, id_source)
    return DrpApp(plan.organisation.name, lambda: parts, clock=shown, load_after_first_frame=False)
