"""Plan upkeep: is the plan approved recently enough, and has it been rehearsed?

A plan that is not reviewed drifts away from the organisation it describes,
and a plan that is never rehearsed fails on the day. The plan says how often
it is approved again (`[review] months`, 12 unless it says otherwise); a drill
is due at least every `DRILL_MONTHS`. `drp check` reports both as readiness
findings, the console warns on opening, and `drp revisions` shows when the
next approval is due.

Pure: the caller passes the instant (from the one clock) and the drills found
in the journal, so this layer reads no journal and no clock of its own. Days
are counted in the plan's time zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from console.i18n import _, ngettext
from console.plan.integrity import Loc
from console.plan.model import Plan

DRILL_MONTHS = 12
"""A plan with no drill in its journal for this many months is due for one."""


@dataclass(frozen=True)
class Notice:
    """What the plan's upkeep lacks: a readiness check's code, the message, the field if any."""

    check: str
    """"revision" (the approval is too old) or "drill" (no recent drill)."""
    message: str
    loc: Loc = ()


def local_day(plan: Plan, instant: datetime) -> date:
    """The day `instant` falls on in the plan's time zone."""
    return instant.astimezone(ZoneInfo(plan.organisation.timezone)).date()


def shift_months(day: date, months: int) -> date:
    """`day` moved by a whole number of months, to the month's last day where it has fewer."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def last_approval(plan: Plan) -> tuple[date, int] | None:
    """The latest approval date and the index of its revision, or None if none is approved."""
    approved = [
        (r.approved_on, i) for i, r in enumerate(plan.revisions) if r.approved_on is not None
    ]
    return max(approved) if approved else None


def review_due(plan: Plan) -> date | None:
    """The day by which the plan is to be approved again, or None if it never was."""
    found = last_approval(plan)
    return shift_months(found[0], plan.review.months) if found else None


def review_notice(plan: Plan, now: datetime) -> Notice | None:
    """A notice when no revision is approved, or the last approval is older than the interval."""
    found = last_approval(plan)
    if found is None:
        return Notice(
            "revision",
            _("no revision of the plan has been approved yet"),
            ("revisions",) if plan.revisions else (),
        )
    last, index = found
    months = plan.review.months
    if last >= shift_months(local_day(plan, now), -months):
        return None
    return Notice(
        "revision",
        ngettext(
            "the last approval, on {date}, is more than {months} month old: review the plan",
            "the last approval, on {date}, is more than {months} months old: review the plan",
            months,
        ).format(date=last.isoformat(), months=months),
        ("revisions", index, "approved_on"),
    )


def drill_notice(plan: Plan, now: datetime, drills: Iterable[datetime]) -> Notice | None:
    """A notice when none of `drills` (declaration times) falls in the last `DRILL_MONTHS`.

    A drill declared after `now` does not count: `--now` reproduces the
    check as it stood then.
    """
    today = local_day(plan, now)
    held = [local_day(plan, drill) for drill in drills if drill <= now]
    last = max(held, default=None)
    if last is not None and last >= shift_months(today, -DRILL_MONTHS):
        return None
    if last is None:
        message = _("no drill of this plan in the journal yet: rehearse it with `drp drill`")
    else:
        message = _(
            "no drill of this plan in the journal for {months} months (the last on {date}): "
            "rehearse it with `drp drill`"
        ).format(months=DRILL_MONTHS, date=last.isoformat())
    return Notice("drill", message)


def upkeep_notices(
    plan: Plan, now: datetime, drills: Iterable[datetime] | None = None
) -> list[Notice]:
    """The review notice and, when the journal was read (`drills` given), the drill notice."""
    found = [review_notice(plan, now)]
    if drills is not None:
        found.append(drill_notice(plan, now, drills))
    return [notice for notice in found if notice is not None]
