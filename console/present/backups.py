"""The backup scheme as people read it: each backup's configuration and its retention grid.

The retention grid is drawn as the seed draws it, a week per row and days 1
to 7 across, so nobody has to open the binder to see which day has a restore
point. The age of a restore point is the window of lost data, which is what
the crisis staff ask about.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from console.i18n import _
from console.incident import timefmt
from console.plan.ict import Backup
from console.plan.model import Plan
from console.present.text import visible

POINT_MARK = "■"
"""A day with a restore point in the retention grid."""
NO_POINT_MARK = "·"
"""A day without one ('.' or '-' in the plan)."""

DASH = "—"


def age(point: datetime | None, now: datetime) -> str:
    """How old a restore point is, to the minute: the data lost since, "16:00 old"."""
    if point is None:
        return DASH
    return _("{span} old").format(span=timefmt.span(now.astimezone(UTC) - point.astimezone(UTC)))


def retention_lines(backup: Backup) -> list[str]:
    """The retention grid drawn as the seed draws it: a week per row, days 1 to 7 across."""
    labels = []
    first = 1
    for week in backup.retention_grid:
        last = first + len(week) - 1
        labels.append(
            _("Day {day}").format(day=first)
            if first == last
            else _("Day {first}-{last}").format(first=first, last=last)
        )
        first = last + 1
    width = max(cell_len(label) for label in labels)
    lines = [" " * width + "  " + " ".join(str(day) for day in range(1, 8))]
    for label, week in zip(labels, backup.retention_grid, strict=True):
        marks = " ".join(POINT_MARK if mark == "*" else NO_POINT_MARK for mark in week)
        lines.append(label + " " * (width - cell_len(label)) + "  " + marks)
    return lines


def backup_facts(backup: Backup, plan: Plan) -> list[tuple[str, str]]:
    """The backup's configuration as (label, value) pairs; a dash shows what is missing."""
    sites = {site.id: site.name for site in plan.sites}
    components = {component.id: component.name for component in plan.components()}
    place = ", ".join(
        part for part in (sites.get(backup.site or "", backup.site or ""), backup.location) if part
    )
    protects = ", ".join(
        f"{components.get(system, system)} ({system})" for system in backup.systems
    )
    offline = _("yes: out of reach of ransomware") if backup.offline else _("no: online, reachable")
    return [
        (_("Software"), backup.software or DASH),
        (_("Type"), backup.type or DASH),
        (_("Schedule"), backup.schedule or DASH),
        (_("Alerts to"), ", ".join(backup.notify) or DASH),
        (_("Retention"), _("{days} days").format(days=backup.retention_days)),
        (_("Medium"), backup.medium or DASH),
        (_("Location"), place or DASH),
        (_("Offline copy"), offline),
        (_("Protects"), protects or DASH),
    ]


def backup_card(backup: Backup, plan: Plan) -> Group:
    """One backup's configuration and retention grid, as plain text: never markup or control."""
    title = Text(visible(backup.name), style="bold")
    title.append(f" ({backup.id})", style="none")
    if backup.offline:
        title.append("  " + _("[OFFLINE]"), style="bold")
    facts = Table.grid(padding=(0, 1))
    facts.add_column(no_wrap=True, style="bold")
    facts.add_column(overflow="fold")
    for label, value in backup_facts(backup, plan):
        facts.add_row(Text(label), Text(visible(value, lines=True)))
    parts: list[Text | Table] = [title, facts]
    if backup.retention_grid:
        points = sum(week.count("*") for week in backup.retention_grid)
        parts.append(
            Text(
                _(
                    "Retention grid: {points} restore points ({mark} restore point, {none} none)"
                ).format(points=points, mark=POINT_MARK, none=NO_POINT_MARK),
                style="bold",
            )
        )
        parts.append(Text("\n".join(retention_lines(backup))))
    return Group(*parts)
