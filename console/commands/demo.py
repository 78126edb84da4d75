"""`drp demo`: the console on a drill of the example plan, its first morning already recorded.

A newcomer's first command: no plan to write, no state directory to choose.
The example plan shipped in the package (`console/demo/plan.toml`, the
repository's `plan.toml`) is copied into a temporary folder, a drill is
started there some hours ago and its morning recorded through the actions
(`console.incident.morning`), and the console opens on it with every tab
alive. Nothing is left behind: the folder is removed when the console
closes, whether by `q`, an error, or a signal (SIGINT, SIGTERM, or SIGHUP
when the terminal goes away, each of which closes the console as `q` does).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from console.clock import Clock, SystemClock
from console.commands.common import DEFAULT_STATE_FOLDER, say
from console.errors import EXIT_OK
from console.i18n import _, set_language
from console.store.files import write_private

PLAN_NAME = "plan.toml"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp demo`."""
    parser = subparsers.add_parser(
        "demo",
        help=_("try the console on a drill of the example plan; nothing is kept"),
        description=_(
            "Open the crisis console on a drill of the example plan, with a morning "
            "already recorded: people reached, the scenario decided, tasks done and late, "
            "a provider ticket, a component down, a restore running. It runs in a "
            "temporary folder, removed when the console closes."
        ),
    )
    parser.add_argument(
        "--no-mouse", action="store_true", help=_("do not capture the mouse (keyboard only)")
    )
    parser.set_defaults(run=run)


def demo_plan_text() -> str:
    """The example plan, as shipped in the package."""
    return resources.files("console.demo").joinpath(PLAN_NAME).read_text("utf-8")


@contextmanager
def demo_folder(clock: Clock) -> Iterator[Path]:
    """A temporary folder with the example plan and a drill's morning in its journal.

    The folder holds `plan.toml` and its state directory beside it, as `drp`
    finds them; it is removed on leaving, however that happens.
    """
    from console.incident.morning import record_morning
    from console.incident.session import Session
    from console.plan.loader import load_plan

    with tempfile.TemporaryDirectory(prefix="drp-demo-") as name:
        folder = Path(name)
        plan_file = folder / PLAN_NAME
        write_private(plan_file, demo_plan_text().encode("utf-8"))
        plan = load_plan(plan_file)
        set_language(plan.organisation.language)
        session = Session(plan, folder / DEFAULT_STATE_FOLDER, clock)
        try:
            session.refresh()
            record_morning(session)
        finally:
            session.close()
        yield folder


def run(args: argparse.Namespace) -> int:
    """Open the console on the demo; remove its folder when it closes."""
    from console.plan.source import read_source
    from console.tui.factory import opening_app

    clock = SystemClock()
    with demo_folder(clock) as folder:
        source = read_source(folder / PLAN_NAME)
        app = opening_app(source, folder / DEFAULT_STATE_FOLDER, clock)
        app.end_on_signals = True  # the folder is removed however the console closes
        app.run(mouse=not args.no_mouse)
        if app.failure is not None:
            raise app.failure
    if app.return_code:  # closed by a signal
        return app.return_code
    say(_("The demo and its folder are gone. To start a plan of your own: drp init plan.toml"))
    return EXIT_OK
