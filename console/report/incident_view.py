"""What every report of an incident knows: the plan, the state, the moment, and how to say times.

The board's status report, the public one and the after-action report read
the same incident the same way: times in the plan's zone, the hour alone in a
table row on the report's day, who does a task, a component's site, the
priority services, and the drill's marker in the title. They share this
base, so a time or a marker reads the same in all of them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from console.i18n import _
from console.incident import timefmt
from console.incident.state import CLOSED_TASK_STATUSES, IncidentState, TaskState
from console.incident.urgency import marked_left
from console.plan.model import Plan


class IncidentView:
    """One incident at one moment, in the plan's words and time zone."""

    def __init__(self, plan: Plan, state: IncidentState, now: datetime) -> None:
        self.plan = plan
        self.state = state
        self.now = now
        self.zone = ZoneInfo(plan.organisation.timezone)

    def titled(self, title: str) -> str:
        """A report's title, marked as an exercise for a drill so nobody takes it for real."""
        drill = _("DRILL — EXERCISE")
        return f"{drill} · {title}" if self.state.drill else title

    def drill_clock(self) -> list[tuple[str, str]]:
        """A drill on an accelerated clock: how fast, and the real time it has taken so far."""
        state = self.state
        if state.speed == 1:
            return []
        end = state.closed_at or self.now
        real = (end.astimezone(UTC) - state.declared_at.astimezone(UTC)) / state.speed
        return [
            (
                _("Drill clock"),
                _("{speed} times as fast as real time; every time here is drill time").format(
                    speed=state.speed
                ),
            ),
            (_("Real time taken"), timefmt.span(real)),
        ]

    def when(self, instant: datetime | None) -> str:
        """A time for people, in the plan's zone."""
        return timefmt.when(instant, self.zone)

    def at(self, instant: datetime | None) -> str:
        """A time in a table row: the hour on the report's day, else the day too; or a dash."""
        return timefmt.moment(instant, self.zone, self.now)

    @cached_property
    def _roles(self) -> dict[str, str]:
        return {role.id: role.title for role in self.plan.roles}

    @cached_property
    def _sites(self) -> dict[str, str]:
        sites = {site.id: site.name for site in self.plan.sites}
        return {c.id: sites.get(c.site or "", c.site or "") for c in self.plan.components()}

    def owner(self, task: TaskState) -> str:
        """Who does a task: the assignee's name, else the role's title."""
        if task.assignee:
            person = self.plan.people_by_id.get(task.assignee)
            return person.name if person else task.assignee
        return self._roles.get(task.owner, task.owner)

    def left(self, task: TaskState) -> str:
        """The time left on an open task, with its marker; nothing for a closed one."""
        if task.due_at is None or task.status in CLOSED_TASK_STATUSES:
            return ""
        return marked_left(task.due_at, self.now)

    def site_of(self, component_id: str) -> str:
        """The name of the site a component is at, or a dash."""
        return self._sites.get(component_id) or "—"

    def priorities(self) -> list[TaskState]:
        """The decided scenario's priority services, in their order."""
        return [t for t in self.state.tasks if t.phase == "priority"]
