"""What `drp demo` opens: the example plan shipped in the package, and a morning on any plan.

The package's copy of the example plan must be the repository's `plan.toml`
(an installed `drp` has only the copy), and the packaging rules must put it
in the wheel. The morning is recorded through the actions on whatever plan
it is given, with that plan's own ids and hours.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from fnmatch import fnmatch
from pathlib import Path

import pytest
from setuptools import find_packages  # type: ignore[import-untyped]

from console.clock import FixedClock
from console.commands.demo import PLAN_NAME, demo_plan_text
from console.incident.morning import LEAST, PAST_DUE, record_morning
from console.incident.session import Session
from console.plan.loader import load_plan
from tests.conftest import FROZEN_NOW, MINIMAL_PLAN, ROOT, SHIPPED_PLAN

SECOND_PLAN = ROOT / "tests" / "fixtures" / "cpas.toml"


def test_the_package_s_example_plan_is_the_shipped_plan() -> None:
    assert demo_plan_text() == SHIPPED_PLAN.read_text("utf-8")


def test_the_wheel_carries_the_example_plan() -> None:
    """The packaging rules of pyproject.toml, applied as setuptools applies them."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    packages = find_packages(str(ROOT), include=setup["packages"]["find"]["include"])
    assert "console.demo" in packages
    assert any(fnmatch(PLAN_NAME, pattern) for pattern in setup["package-data"]["*"])
    assert (ROOT / "console" / "demo" / PLAN_NAME).is_file()


@pytest.mark.parametrize("path", [SHIPPED_PLAN, SECOND_PLAN], ids=["shipped", "cpas"])
def test_the_morning_leaves_something_done_in_progress_and_late(path: Path, tmp_path: Path) -> None:
    plan = load_plan(path)
    clock = FixedClock(FROZEN_NOW)
    session = Session(plan, tmp_path / "state", clock, login="demo", host="h")
    session.refresh()
    morning = record_morning(session)
    state = session.state(morning.incident)
    now = clock.now()
    assert state.drill and state.scenario == plan.scenarios[0].id
    assert all(morning.declared_at <= e.at <= now for e in morning.events)
    assert morning.declared_at <= now - LEAST
    statuses = {task.id: task for task in state.tasks}
    assert morning.done and statuses[morning.done].status == "done"
    assert morning.doing and statuses[morning.doing].status == "doing"
    assert statuses[morning.doing].assignee is not None
    assert morning.late and statuses[morning.late].overdue(now)
    late = statuses[morning.late].due_at
    assert late is not None and now - late >= PAST_DUE - timedelta(seconds=1)
    contacts = {contact.status for contact in state.contacts}
    assert {"reached", "no-answer", "unreachable", "pending"} <= contacts
    assert [c.status for c in state.components][:2] == ["down", "degraded"]
    assert len(state.open_tickets()) == 1 and state.open_tickets()[0].due_at is not None
    assert [r.status for r in state.restores] == ["running"]
    assert state.unknown_ids == []


def test_a_plan_with_little_in_it_still_gets_a_morning(tmp_path: Path) -> None:
    plan = load_plan(MINIMAL_PLAN)
    session = Session(plan, tmp_path / "state", FixedClock(FROZEN_NOW), login="demo", host="h")
    session.refresh()
    morning = record_morning(session)
    state = session.state(morning.incident)
    assert state.drill and state.scenario == plan.scenarios[0].id
    assert morning.done is not None and state.task(morning.done) is not None
