"""The console as a whole: header, tabs on 1-6, the coordinator's dialogs, live updates."""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import TabbedContent

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.people import Access
from console.tui.widgets.line import Line
from tests.console.conftest import HOST, Build, Notices, busy, declared, journal


def header(app: object) -> tuple[str, str]:
    screen = app.screen  # type: ignore[attr-defined]
    return (
        screen.query_one("#header-title", Line).text,
        screen.query_one("#header-clocks", Line).text,
    )


async def test_header_without_an_incident(console: Build) -> None:
    app = console()
    async with app.run_test(size=(80, 24)):
        title, clocks = header(app)
        assert title == "OCMW Zonnedaal · no active disaster"
        assert "Press D to declare" in clocks


async def test_keys_1_to_6_switch_tabs(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one(TabbedContent)
        for key, tab in zip(
            "123456",
            ("overview", "checklist", "contacts", "infrastructure", "backups", "timeline"),
            strict=True,
        ):
            await pilot.press(key)
            assert tabs.active == tab


async def test_declare_through_the_dialog(console: Build, state_dir: Path) -> None:
    app = console()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await pilot.press(*"Overstroming kelder")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [event] = journal(state_dir)
        assert event.kind == "declared"
        assert event.summary == "Overstroming kelder"
        assert event.host == HOST
        title, clocks = header(app)
        assert event.incident in title
        assert "A 3d 00:00 left" in clocks


async def test_escape_cancels_the_declaration(console: Build, state_dir: Path) -> None:
    app = console()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "escape")
        await pilot.pause()
        assert journal(state_dir) == []


async def test_decide_shows_every_target_and_records(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        decided = [e for e in journal(state_dir) if e.kind == "decided"]
        assert [e.scenario for e in decided] == ["B"]
        assert "scenario B" in header(app)[0]


async def test_recover_and_close_ask_first(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("R")
        await pilot.press("escape")
        await pilot.pause()
        assert not [e for e in journal(state_dir) if e.kind == "recovery"]
        await pilot.press("R")
        await pilot.press(*"terug naar huis", "enter")
        await pilot.pause()
        assert [e.note for e in journal(state_dir) if e.kind == "recovery"] == ["terug naar huis"]
        await pilot.press("X", "enter")
        await pilot.pause()
        assert [e.kind for e in journal(state_dir)][-1] == "closed"
        assert "no active disaster" in header(app)[0]


async def test_a_member_cannot_declare(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = shipped_plan.model_copy(update={"access": Access(members=["member-test"])})
    app = console(login="member-test", plan=plan)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        assert app.check_action("declare", ()) is False  # hidden from the footer
        app.action_declare()  # and refused if reached another way
        await pilot.pause()
        assert journal(state_dir) == []
        assert notices.messages == [
            "only a coordinator may declare a disaster; member-test is a member"
        ]


async def test_changes_from_elsewhere_appear(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    app = console(declared)
    async with app.run_test(size=(80, 24)) as pilot:
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.decide(other, "C")
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        assert "scenario C" in header(app)[0]


PATIENCE = 10.0
"""Seconds the timer test waits at most: the timers fire each second, a busy machine is late."""


async def test_the_timers_show_changes_and_the_minute(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    """The app's own once-a-second timers run `poll_journal` and `tick`.

    The one console test that waits on real time: every other test calls
    `poll_journal` and `tick` itself. It waits on what the header shows,
    checking every 50 ms. On an idle machine both show within the 2 s the
    README promises (a 1 s interval and a frame); it allows `PATIENCE`, so a
    machine under load does not fail it, while timers that never fire still do.
    """
    app = console(declared)
    async with app.run_test(size=(80, 24)) as pilot:
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        actions.decide(other, "C")
        other.close()
        clock.set(clock.now().replace(minute=59))
        started = time.monotonic()
        while time.monotonic() - started < PATIENCE:
            title, clocks = header(app)
            if "scenario C" in title and clocks.startswith("T+4:59"):
                break
            await pilot.pause(0.05)
        title, clocks = header(app)
        assert "scenario C" in title
        assert clocks.startswith("T+4:59")


async def test_two_consoles_on_one_state_directory(console: Build) -> None:
    first, second = console(declared), console()
    async with first.run_test(size=(80, 24)) as one, second.run_test(size=(80, 24)) as two:
        await one.press("S")
        await one.pause()
        await one.press("enter")
        await one.pause()
        second.poll_journal()  # what its once-a-second timer does
        await two.pause()
        assert "scenario A" in header(second)[0]


async def test_the_clock_ticks(console: Build, clock: FixedClock) -> None:
    app = console(declared)
    async with app.run_test(size=(80, 24)) as pilot:
        assert header(app)[1].startswith("T+4:00")
        clock.set(clock.now().replace(minute=59))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert header(app)[1].startswith("T+4:59")


async def test_journal_damage_is_reported_on_screen(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    app = console(declared)
    [journal_file] = (state_dir / "journal").iterdir()
    data = journal_file.read_bytes()
    journal_file.write_bytes(data.replace(b"Brand", b"Bxand"))  # breaks the checksum
    app = console()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
        [notice] = [n for n in notices.notifications if n.title == "Journal damage"]
        assert str(journal_file) in notice.message
        assert "kept as it is" in notice.message
    assert journal_file.read_bytes() == data.replace(b"Brand", b"Bxand")


async def test_declare_key_during_a_drill_but_not_during_a_real_incident(
    console: Build, state_dir: Path
) -> None:
    def drill(session: Session) -> None:
        actions.declare(session, "partial", "Oefening", drill=True)

    app = console(drill)
    async with app.run_test(size=(80, 24)):
        assert app.check_action("declare", ()) is True  # a real disaster may strike meanwhile
    app = console(declared)
    async with app.run_test(size=(80, 24)):
        assert app.check_action("declare", ()) is False


async def test_a_flood_of_events_nobody_believes_gets_a_few_notices_and_a_count(
    console: Build, shipped_plan: Plan, notices: Notices
) -> None:
    """A member can write thousands of events no reader believes: they must not bury the screen."""
    console(declared, login="boss")  # without `[access]`, as anyone could record them

    def twenty_notes(session: Session) -> None:
        for number in range(20):
            actions.note(session, f"vals {number}")

    console(twenty_notes, login="stranger")
    plan = shipped_plan.model_copy(update={"access": Access(coordinators=["boss"])})
    app = console(plan=plan)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
        ignored = [n for n in notices.notifications if n.title == "Event ignored"]
        assert len(ignored) == 3
        assert all("stranger is a viewer" in n.message for n in ignored)
        [count] = [n for n in notices.notifications if n.title == "Journal"]
        assert count.message.startswith("17 more findings in the journal")
        assert app.incident is not None  # the coordinator's declaration stands
