"""What the checklist shows, as plain data: the filtered tasks, their rows and the columns.

Kept apart from the widget so that the filters, the texts people read and the
column widths at 80 columns can be tested without a terminal, and so the
widget only has to compare these rows with the ones it shows and redraw the
difference. Every text carries its own marker ("[✓] done", "! 1:05 left",
"LATE 0:10"): colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.cells import cell_len

from console.i18n import N_, _
from console.incident import timefmt
from console.incident.events import TaskStatus
from console.incident.state import CLOSED_TASK_STATUSES, TaskState
from console.incident.urgency import marked_left, urgency
from console.incident.words import task_marked
from console.plan.model import Plan
from console.plan.people import Person
from console.present.text import visible

GROUPS = {
    "step": N_("Step plan"),
    "priority": N_("Priority services"),
    "technical": N_("Technical"),
    "organisational": N_("Organisational"),
    "recovery": N_("Recovery"),
}
"""The header row of each phase, in the order the state lists them."""

FILTERS = {"all": N_("all"), "mine": N_("mine"), "overdue": N_("overdue"), "open": N_("open")}

ADVANCE: dict[str, TaskStatus] = {"todo": "doing", "doing": "done", "blocked": "doing"}
"""What the quick key moves a task on to; done and skipped tasks stay as they are."""

GROUP = "§"
"""Row keys of group headers start with this; plan ids cannot."""

COLUMNS = (
    ("status", N_("Status")),
    ("id", N_("Id")),
    ("title", N_("Task")),
    ("owner", N_("Owner")),
    ("due", N_("Due")),
    ("left", N_("Left")),
)

Cell = tuple[str, str]
"""A cell's text and its style class ("" for none): cheap to compare."""

Row = tuple[str, tuple[Cell, ...]]
"""A row key (a task id, or GROUP + phase) and its cells."""


def closed(task: TaskState) -> bool:
    """Whether the task is done or skipped."""
    return task.status in CLOSED_TASK_STATUSES


@dataclass(frozen=True)
class Layout:
    """Column widths, in the order of COLUMNS, for one terminal width; 0 hides a column."""

    widths: tuple[int, ...]

    @property
    def shown(self) -> list[int]:
        """The indexes of the columns shown."""
        return [index for index, width in enumerate(self.widths) if width]

    @classmethod
    def fit(
        cls, width: int, status: int, ident: int, left: int, due: int, owner: int = 99
    ) -> Layout:
        """Give the title what the others leave, dropping the due time first when narrow.

        At 80 columns the title keeps about 20 cells and the due time goes; with
        long task ids the owner goes too (never the id, never the time left).
        The detail lines below the table show them all in full for the
        highlighted task.
        """
        room = width - 1  # the vertical scrollbar
        stages = ((24, due, 40), (14, due, 30), (14, 0, 24), (12, 0, 16), (0, 0, 0))
        for most, shown, least in stages:
            fixed = [status, ident, min(owner, most), shown, left]
            title = room - sum(w + 1 for w in fixed if w) - 1  # a space after each column
            if title >= least:
                return cls((status, ident, max(title, 10), *fixed[2:]))
        raise AssertionError("unreachable: the last layout accepts any width")


class ChecklistRows:
    """The checklist's texts for one plan, in its time zone."""

    def __init__(self, plan: Plan, zone: ZoneInfo) -> None:
        self.plan = plan
        self.zone = zone
        self.roles = {role.id: role.title for role in plan.roles}

    def shown(
        self, tasks: list[TaskState], view: str, now: datetime, person: Person | None
    ) -> list[TaskState]:
        """The tasks that pass the filter `view` (one of FILTERS)."""
        if view == "open":
            return [t for t in tasks if not closed(t)]
        if view == "overdue":
            return [t for t in tasks if t.overdue(now)]
        if view == "mine" and person is not None:
            roles = set(person.roles)
            return [t for t in tasks if t.assignee == person.id or t.owner in roles]
        return tasks

    def owner(self, task: TaskState) -> str:
        """Who does it: the assignee's name, else the owning role's title (shown as written)."""
        if task.assignee:
            person = self.plan.people_by_id.get(task.assignee)
            return visible(person.name if person else task.assignee)
        return visible(self.roles.get(task.owner, task.owner))

    def due(self, task: TaskState, now: datetime) -> str:
        """The due time in local time: "14:00" today, "Sun 29 Mar 09:00" another day."""
        return timefmt.moment(task.due_at, self.zone, now)

    @staticmethod
    def left(task: TaskState, now: datetime) -> Cell:
        """Time left with its marker; nothing for a closed task or one without a due time."""
        if task.due_at is None or closed(task):
            return ("", "")
        level = urgency(task.due_at, now)
        return (marked_left(task.due_at, now), "" if level == "ok" else f"checklist--{level}")

    def rows(self, tasks: list[TaskState], now: datetime, every: list[TaskState]) -> list[Row]:
        """A header row per phase with its counts among `every` task, then its `tasks`."""
        found: list[Row] = []
        for phase, name in GROUPS.items():
            members = [t for t in tasks if t.phase == phase]
            if not members:
                continue
            group = [t for t in every if t.phase == phase]
            done = sum(1 for t in group if closed(t))
            counts = _("{done}/{total} done").format(done=done, total=len(group))
            header = ("---", _(name), counts)
            found.append((GROUP + phase, tuple((text, "checklist--group") for text in header)))
            for t in members:
                title = visible(t.title)
                cells = (task_marked(t.status), t.id, title, self.owner(t), self.due(t, now))
                found.append((t.id, (*((text, "") for text in cells), self.left(t, now))))
        return found

    @staticmethod
    def layout(width: int, rows: list[Row]) -> Layout:
        """Column widths for `width` cells, measured on what the rows hold.

        The table is rebuilt when a width changes (a task becomes "blocked", the
        last "1d" time left drops under a day): rare, and cheaper than wasting
        cells on the title at 80 columns.
        """
        tasks = [cells for key, cells in rows if not key.startswith(GROUP)]
        labels = [cells for key, cells in rows if key.startswith(GROUP)]

        def widest(column: int, least: int, measured: list[tuple[Cell, ...]] = tasks) -> int:
            found = max((cell_len(cells[column][0]) for cells in measured), default=0)
            return max(found, cell_len(_(COLUMNS[column][1])), least)

        # A task's id is typed (`drp task ID done`): never cut. A group's name shares
        # the column and may be cut, at 20 cells.
        ident = max(widest(1, 2), min(widest(1, 2, labels), 20))
        return Layout.fit(
            width,
            status=widest(0, 3),
            ident=ident,
            left=widest(5, 9),
            due=widest(4, 5),  # "14:00" today, "Sun 29 Mar 09:00" another day
            owner=widest(3, 3),
        )

    def status(self, tasks: list[TaskState], shown: int, view: str, now: datetime) -> str:
        """The line above the table: "Tasks 4/32 done · 2 overdue · filter: open · 9 shown"."""
        done = sum(1 for t in tasks if closed(t))
        late = sum(1 for t in tasks if t.overdue(now))
        text = _("Tasks {done}/{total} done · {late} overdue · filter: {filter}").format(
            done=done, total=len(tasks), late=late, filter=_(FILTERS[view])
        )
        if view != "all":
            text += " · " + _("{shown} shown").format(shown=shown)
        return text

    def detail(self, task: TaskState, now: datetime) -> str:
        """Two lines on one task: everything the columns cut off or leave out."""
        parts = [_("due {when}").format(when=timefmt.when(task.due_at, self.zone))]
        if left := self.left(task, now)[0]:
            parts.append(left)
        parts.append(self.owner(task))
        if task.updated_at is not None:
            changed = timefmt.moment(task.updated_at, self.zone, now)
            parts.append(_("changed {time}").format(time=changed))
        if task.note:
            parts.append(_("note: {note}").format(note=visible(task.note)))  # on its line
        return f"{task.id}: {visible(task.title)}\n" + " · ".join(parts)
