"""Building the console for tests exactly as a user gets it, with time and ids held still.

`console` builds a `DrpApp` through the same factory as `drp`, on the shipped
plan and a fresh state directory, with a frozen clock and predictable event
ids, so Pilot tests can assert through the journal and snapshots do not
change from run to run. `busy` records a realistic incident first.

Nothing animates (Pilot would wait for each animation to end, a quarter of
a second per switch of tab), and time only moves when a test moves it: the
test sets the `clock` and calls `app.tick()` or `app.poll_journal()` itself,
as the once-a-second timers would, instead of waiting for them. `notices`
collects every notification through `run_test(message_hook=notices)`, so
none expires before it is read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot

from console.clock import FixedClock
from console.incident import actions
from console.incident.events import Event
from console.incident.ids import ALPHABET
from console.incident.session import Session
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.store.journal import JournalReader
from console.tui.app import TABS, DrpApp
from console.tui.factory import make_app
from console.tui.tabs.base import ConsoleTab
from tests.conftest import SHIPPED_PLAN

BRUSSELS = ZoneInfo("Europe/Brussels")
DECLARED = datetime(2026, 3, 28, 10, 0, tzinfo=BRUSSELS)
NOW = datetime(2026, 3, 28, 14, 0, tzinfo=BRUSSELS)
"""The console's frozen time. Add hours through UTC: sums on zoned datetimes are wall-clock."""
LOGIN = "coordinator-test"
HOST = "console-test"


class SequentialIds:
    """ULID-shaped ids from a counter: sortable by time, the same on every run."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, instant: datetime) -> str:
        self.count += 1
        millis = int(instant.timestamp() * 1000)
        digits = []
        for number, length in ((millis, 10), (self.count, 16)):
            part = []
            for _ in range(length):
                number, digit = divmod(number, 32)
                part.append(ALPHABET[digit])
            digits.append("".join(reversed(part)))
        return "".join(digits)


Prepare = Callable[[Session], None]
Build = Callable[..., DrpApp]


class Notices:
    """Every notification the app shows, in order; pass it to `run_test` as `message_hook`.

    The app keeps a notification only until its timeout, so on a slow machine
    a test reading the app's own list could miss one; these are kept.
    """

    def __init__(self) -> None:
        self.notifications: list[Notification] = []

    def __call__(self, message: Message) -> None:
        """Keep the notification a `Notify` message carries; ignore every other message."""
        if isinstance(message, Notify):
            self.notifications.append(message.notification)

    @property
    def messages(self) -> list[str]:
        """The notifications' texts, oldest first."""
        return [notification.message for notification in self.notifications]

    @property
    def titles(self) -> list[str]:
        """The notifications' titles, oldest first."""
        return [notification.title for notification in self.notifications]


@pytest.fixture
def notices() -> Notices:
    """A fresh collector of the notifications of one `run_test`."""
    return Notices()


@pytest.fixture
def shipped_plan() -> Plan:
    """The shipped example plan."""
    return load_plan(SHIPPED_PLAN)


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    """A fresh state directory."""
    return tmp_path / "state"


@pytest.fixture
def clock() -> FixedClock:
    """The console's clock, frozen at 14:00 on the day of the test disaster."""
    return FixedClock(NOW)


@pytest.fixture
def console(shipped_plan: Plan, state_dir: Path, clock: FixedClock) -> Build:
    """Build the console; `prepare(session)` may record events first."""
    ids = SequentialIds()

    def build(
        prepare: Prepare | None = None, login: str = LOGIN, plan: Plan | None = None
    ) -> DrpApp:
        used = plan or shipped_plan
        if prepare is not None:
            session = Session(used, state_dir, clock, login=login, host=HOST, id_source=ids)
            session.refresh()
            prepare(session)
            session.close()
        app = make_app(used, state_dir, clock, login=login, host=HOST, id_source=ids)
        app.animation_level = "none"  # Pilot waits out every animation: hold them still too
        return app

    return build


def declared(session: Session) -> None:
    """A disaster declared at 10:00, nothing else yet."""
    actions.declare(session, "total", "Brand in het administratief centrum", at=DECLARED)


def busy(session: Session) -> None:
    """A disaster four hours in: scenario A, some tasks moving, a ticket, a restore."""
    declared(session)
    at = DECLARED.replace

    actions.contact(session, "pieter-vandenbroeck", "reached", "komt", at=at(hour=10, minute=5))
    actions.contact(session, "sofie-dewilde", "no-answer", at=at(hour=10, minute=6))
    actions.set_task(session, "reported", "done", at=at(hour=10, minute=10))
    actions.set_task(session, "gather", "done", at=at(hour=11))
    actions.meeting(session, "eerste vergadering", at=at(hour=11, minute=30))
    actions.decide(session, "A", "uitwijk naar de bibliotheek", at=at(hour=12))
    actions.set_task(session, "a-tech-suppliers", "doing", at=at(hour=12, minute=15))
    actions.assign(session, "a-tech-suppliers", "tom-maes", at=at(hour=12, minute=16))
    actions.set_component(session, "wan1", "down", "kabel", at=at(hour=10, minute=30))
    actions.open_ticket(session, "wan", "INC-4471", at=at(hour=10, minute=45))
    actions.restore(
        session, "main", "running", datetime(2026, 3, 27, 21, tzinfo=UTC), at=at(hour=13)
    )
    actions.note(session, "Persbericht verstuurd", at=at(hour=13, minute=30))


def journal(state_dir: Path) -> list[Event]:
    """Every event in the state directory, in the order recorded."""
    return sorted(JournalReader(state_dir).poll().events, key=lambda e: (e.recorded_at, e.id))


async def all_tabs_mounted(pilot: Pilot[None]) -> None:
    """Wait until the five tabs mounted after the first frames are in place."""
    for _ in range(200):
        if len(pilot.app.query(ConsoleTab)) == len(TABS):
            await pilot.pause()  # and their first layout
            return
        await pilot.pause(0.01)
    raise AssertionError("the hidden tabs were not mounted within 2 s")


async def settle(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let the console work until `done()`, a refresh at a time (no wall-clock wait)."""
    for _ in range(200):
        if done():
            return
        await pilot.pause()
    raise AssertionError("the console did not get there")
