"""Time: the plan's time zone, this machine's, and whether the clock can be right.

Every deadline and SLA clock counts from this machine's clock, shown in the
plan's time zone; the machine's own zone changes nothing drp shows. A clock
years off (a dead CMOS battery, a VM restored from an old snapshot) makes
every clock of the console wrong, so it is compared with what is known: this
version of drp was made in `RELEASE_YEAR`, and the plan was last revised on
its latest revision date. The clock checked is the injected one, so `--now`
tries another moment.
"""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from console.i18n import _
from console.incident import timefmt
from console.setup.findings import Finding, error, ok, warning

RELEASE_YEAR = 2026
"""The year this version of drp was made: a clock before it is wrong."""

PLAN_YEARS = 10
"""A clock this many years past the plan's last revision is more likely wrong than the plan."""

LOCALTIME = Path("/etc/localtime")


def machine_zone(environ: Mapping[str, str], localtime: Path = LOCALTIME) -> str | None:
    """This machine's time zone: `TZ`, else what /etc/localtime links to, else None."""
    if environ.get("TZ"):
        return environ["TZ"].removeprefix(":")
    try:
        target = os.path.realpath(localtime, strict=True)
    except OSError:
        return None
    _before, found, name = target.partition("zoneinfo/")
    return name if found and name else None


def timezone_findings(zone: str, environ: Mapping[str, str]) -> list[Finding]:
    """Whether the plan's time zone is known here; this machine's own zone, for information."""
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if not zoneinfo.available_timezones():
            advice = _("install the time zone database: apt install tzdata, or pip install tzdata")
        else:
            advice = _("correct organisation.timezone in the plan, such as Europe/Brussels")
        return [
            error(
                "timezone",
                _("the plan's time zone {zone} is not in this machine's time zone database").format(
                    zone=zone
                ),
                advice,
            )
        ]
    machine = machine_zone(environ) or _("not known")
    return [
        ok(
            "timezone",
            _(
                "drp shows every time in {zone}, the plan's time zone; this machine's own "
                "zone ({machine}) changes nothing drp shows"
            ).format(zone=zone, machine=machine),
        )
    ]


def last_revision(dates: list[date]) -> date | None:
    """The latest date the plan's revisions give (made or approved), if any."""
    return max(dates, default=None)


def clock_findings(now: datetime, zone: str, revised: date | None) -> list[Finding]:
    """Whether the clock is plausible: not before drp was made, nor years off the plan."""
    try:
        shown_zone = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        shown_zone = zoneinfo.ZoneInfo("UTC")
    shown = timefmt.when(now, shown_zone)
    today = now.astimezone(shown_zone).date()
    advice = _(
        "set the clock, and keep it set: run: timedatectl set-ntp true (or ask who runs the "
        "host); every deadline and SLA clock counts from it"
    )
    if today.year < RELEASE_YEAR:
        return [
            warning(
                "clock",
                _(
                    "the clock says {now}, before this version of drp was made ({year}): "
                    "it is wrong"
                ).format(now=shown, year=RELEASE_YEAR),
                advice,
            )
        ]
    if revised is not None and today + timedelta(days=1) < revised:
        return [
            warning(
                "clock",
                _(
                    "the clock says {now}, before the plan's last revision ({revised}): the "
                    "clock is behind, or that date in the plan is wrong"
                ).format(now=shown, revised=revised.isoformat()),
                _(
                    "if the clock is wrong, run: timedatectl set-ntp true (or ask who runs the "
                    "host); if the date is, correct it in the plan's [[revisions]]"
                ),
            )
        ]
    if revised is not None and today > _years_after(revised, PLAN_YEARS):
        return [
            warning(
                "clock",
                _(
                    "the clock says {now}, more than {years} years after the plan's last "
                    "revision ({revised}): the clock is ahead, or the plan is that old"
                ).format(now=shown, years=PLAN_YEARS, revised=revised.isoformat()),
                advice,
            )
        ]
    return [ok("clock", _("the clock says {now}").format(now=shown))]


def _years_after(day: date, years: int) -> date:
    """The same day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
