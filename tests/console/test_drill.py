"""The console on a drill: its own clock on every tab, and a real disaster wins the screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.widgets import Input

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.incident.timefmt import span
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.tui.app import DrpApp
from console.tui.tabs.overview import OverviewTab
from console.tui.widgets.line import Line
from tests.console.conftest import NOW, Build, Notices, journal, settle
from tests.console.test_app import header
from tests.console.test_opening import console as opening
from tests.console.test_opening import is_open, plan_file

SPEED = 60


def drill(session: Session) -> None:
    """A drill at speed 60 started at the console's time, its first scenario decided."""
    actions.start_drill(session, SPEED, session.plan.scenarios[0].id, "Oefening")


async def test_the_header_marks_the_drill_and_runs_on_its_clock(
    console: Build, clock: FixedClock, shipped_plan: Plan
) -> None:
    app = console(drill)
    target = shipped_plan.scenarios[0].target_hours
    async with app.run_test(size=(80, 24)) as pilot:
        title, clocks = header(app)
        assert "DRILL x60" in title and "DRILL-" in title
        assert clocks.startswith("T+0:00")
        clock.set(NOW + timedelta(minutes=5))  # five real minutes: five drill hours
        app.tick()
        await pilot.pause()
        title, clocks = header(app)
        assert clocks.startswith("T+5:00")
        assert f"target {span(timedelta(hours=target - 5))} left" in clocks
        assert app.query_one(OverviewTab).minute == (NOW + timedelta(hours=5)).astimezone(UTC)


async def test_a_real_disaster_declared_elsewhere_takes_the_screen_from_the_drill(
    console: Build, clock: FixedClock, shipped_plan: Plan, state_dir: Path
) -> None:
    app = console(drill)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.set(NOW + timedelta(minutes=10))
        app.tick()
        assert "DRILL" in header(app)[0]
        other = Session(shipped_plan, state_dir, clock, login="cli", host="elsewhere")
        other.refresh()
        real = actions.declare(other, "total", "Brand")
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        title, clocks = header(app)
        assert real.incident in title and "DRILL" not in title
        assert clocks.startswith("T+0:00")  # real time again, not ten drill hours
        assert app.incident is not None and app.incident.id == real.incident
        assert app.clock.now() == clock.now()


async def test_declaring_during_a_drill_starts_from_the_real_time(
    console: Build, clock: FixedClock, state_dir: Path, notices: Notices
) -> None:
    app = console(drill)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        clock.set(NOW + timedelta(minutes=30))  # 30 hours into the drill
        app.tick()
        await pilot.press("D")
        await pilot.pause()
        typed = app.screen.query_one("#at", Input).value
        assert typed == f"{(NOW + timedelta(minutes=30)):%Y-%m-%d %H:%M}"
        await pilot.press(*"Brand", "ctrl+s")
        await pilot.pause()
        real = [e for e in journal(state_dir) if e.kind == "declared" and not e.drill]
        assert len(real) == 1 and real[0].at == datetime(2026, 3, 28, 13, 30, tzinfo=UTC)
        assert real[0].incident in header(app)[0] and "DRILL" not in header(app)[0]


async def test_a_note_on_the_drill_is_stamped_in_drill_time(
    console: Build, clock: FixedClock, state_dir: Path
) -> None:
    app = console(drill)
    async with app.run_test(size=(80, 24)) as pilot:
        clock.set(NOW + timedelta(minutes=2))
        app.tick()
        await pilot.press("1", "n")
        await pilot.pause()
        await pilot.press(*"Persbericht", "ctrl+s")
        await pilot.pause()
        [note] = [e for e in journal(state_dir) if e.kind == "note"]
        assert note.at == (NOW + timedelta(hours=2)).astimezone(UTC)
        assert note.real_at == (NOW + timedelta(minutes=2)).astimezone(UTC)
        await pilot.press("6")
        await settle(pilot, lambda: "Persbericht" in full_line(app))
        assert full_line(app).startswith("Saturday, 28 March 2026 at 16:00 CET")  # drill time
        assert "real time Saturday, 28 March 2026 at 14:02 CET" in full_line(app)


def full_line(app: DrpApp) -> str:
    """The timeline's highlighted event in full."""
    return app.query_one("#timeline-full", Line).text


async def test_the_first_frame_shows_the_drill_s_clock_before_the_plan_is_checked(
    tmp_path: Path,
) -> None:
    path, state = plan_file(tmp_path), tmp_path / "state"
    started = FixedClock(NOW - timedelta(minutes=3))  # three real minutes ago: 3 drill hours
    session = Session(load_plan(path), state, started)
    drill(session)
    session.close()
    seen_while_loading: list[tuple[str, str]] = []
    app = opening(path, state, lambda app: seen_while_loading.append(header(app)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: is_open(app))
        [(title, clocks)] = seen_while_loading
        assert "DRILL x60" in title
        assert clocks.startswith("T+3:00 ")
        assert header(app) == (title, clocks)  # the checked state says the same
