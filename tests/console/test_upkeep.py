"""The console's first screen warns, in one notice, when the plan is due for review or a drill.

The same checks as `drp check` (`console.plan.upkeep`), dated by the console's
clock: an approval older than the plan's review interval, and no drill in the
journal for 12 months. One notice, never a dialog, and none while a real
disaster is open. Run on the shipped plan and on the second plan, with their
approvals rewritten relative to the frozen clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.plan.upkeep import shift_months
from tests.conftest import ROOT, SHIPPED_PLAN
from tests.console.conftest import NOW, Build, Notices

CPAS_PLAN = ROOT / "tests" / "fixtures" / "cpas.toml"
TITLE = "Plan upkeep"


@pytest.fixture(params=[SHIPPED_PLAN, CPAS_PLAN], ids=lambda p: p.stem)
def approved(
    request: pytest.FixtureRequest, private_copy: Callable[..., Path]
) -> Callable[[int], Plan]:
    """The plan with its last approval `months` before the console's clock."""
    source: Path = request.param

    def plan(months: int) -> Plan:
        day = months_ago(months).date().isoformat()
        text = re.sub(r"(?m)^approved_on = .*$", f"approved_on = {day}", source.read_text("utf-8"))
        return load_plan(private_copy(text))

    return plan


def months_ago(months: int) -> datetime:
    """The console's clock, `months` earlier on the calendar."""
    day = shift_months(NOW.date(), -months)
    return NOW.replace(year=day.year, month=day.month, day=day.day)


def drill(months: int) -> Callable[[Session], None]:
    """A drill declared, and closed two hours later, `months` before the console's clock."""

    def prepare(session: Session) -> None:
        at = months_ago(months)
        actions.declare(session, "partial", "Oefening", drill=True, at=at)
        actions.close(session, at=at.astimezone(UTC) + timedelta(hours=2))

    return prepare


async def upkeep_notices(app: object, notices: Notices) -> list[tuple[str, str]]:
    from console.tui.app import DrpApp

    assert isinstance(app, DrpApp)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.pause()
    return [(n.message, str(n.severity)) for n in notices.notifications if n.title == TITLE]


async def test_an_old_approval_is_one_notice(
    console: Build, approved: Callable[[int], Plan], notices: Notices
) -> None:
    plan = approved(13)
    last = months_ago(13).date().isoformat()
    found = await upkeep_notices(console(plan=plan), notices)
    months = plan.review.months
    if months < 13:
        assert found == [
            (
                f"The last approval, on {last}, is more than {months} months old: review the plan.",
                "warning",
            )
        ]
    else:  # the second plan is reviewed every 24 months
        assert found == []


async def test_a_recent_approval_and_no_state_directory_say_nothing(
    console: Build, approved: Callable[[int], Plan], notices: Notices, state_dir: Path
) -> None:
    assert await upkeep_notices(console(plan=approved(11)), notices) == []
    assert not state_dir.exists()  # no journal: the drill check is left out, nothing created


async def test_a_drill_thirteen_months_ago_is_due_again(
    console: Build, approved: Callable[[int], Plan], notices: Notices
) -> None:
    old = months_ago(13).date().isoformat()
    found = await upkeep_notices(console(drill(13), plan=approved(1)), notices)
    assert found == [
        (
            "No drill of this plan in the journal for 12 months "
            f"(the last on {old}): rehearse it with `drp drill`.",
            "warning",
        )
    ]


async def test_a_drill_two_months_ago_is_enough(
    console: Build, approved: Callable[[int], Plan], notices: Notices
) -> None:
    assert await upkeep_notices(console(drill(2), plan=approved(1)), notices) == []


async def test_both_at_once_are_still_one_notice(
    console: Build, approved: Callable[[int], Plan], notices: Notices
) -> None:
    found = await upkeep_notices(console(drill(13), plan=approved(30)), notices)
    [(message, _severity)] = found
    assert "is more than" in message and "No drill of this plan" in message
    assert message.index("approval") < message.index("No drill")


async def test_a_real_disaster_comes_first(
    console: Build, approved: Callable[[int], Plan], notices: Notices
) -> None:
    def real(session: Session) -> None:
        actions.declare(session, "total", "Brand", at=NOW)

    assert await upkeep_notices(console(real, plan=approved(30)), notices) == []
