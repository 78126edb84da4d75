"""The live checklist: every task of the step plan, the decided scenario and the recovery.

Crisis staff come here to see what is left, what is late and whose it is, and
to move their tasks on with one key. Rows follow the plan's order, grouped by
phase under header rows. Each row reads without colour: a status marker
("[✓] done") and an urgency marker ("! 1:05 left", "LATE 0:10").

An idle console must send next to nothing over a slow link, so the table is
never rebuilt for the sake of it: each redraw computes the rows it should show
and, when the same rows are shown, updates only the cells whose text changed
(once a minute that is the time-left column). It is rebuilt only when the rows
themselves or their widths change: another task list, another filter, another
terminal width, a wider text in a column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from console.i18n import N_, _
from console.incident import actions
from console.incident.state import IncidentState, TaskState
from console.incident.words import task_marked
from console.present.checklist import (
    ADVANCE,
    COLUMNS,
    GROUP,
    Cell,
    ChecklistRows,
    Layout,
    Row,
    closed,
)
from console.present.text import clip, visible
from console.tui.context import ConsoleContext
from console.tui.screens.person_picker import PersonPicker
from console.tui.screens.task_status import StatusRequest, TaskStatusDialog
from console.tui.screens.text_prompt import TextPrompt
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import Line

if TYPE_CHECKING:
    from console.incident.access import Action


class TaskTable(DataTable[Text]):
    """The checklist's table, with component classes for urgency and group headers."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "checklist--late",
        "checklist--soon",
        "checklist--group",
    }


class ChecklistTab(ConsoleTab):
    """The live checklist, with its filters and the keys that move tasks on."""

    FRONT = "#checklist-table"

    BINDINGS = [
        # Priority, or the focused table would take Enter for its own "select".
        Binding("space,enter", "advance", N_("Advance"), priority=True),
        Binding("s", "status", N_("Status")),
        Binding("a", "assign", N_("Assign")),
        Binding("n", "note", N_("Note")),
        Binding("m", "filter('mine')", N_("Mine"), show=False),
        Binding("o", "filter('overdue')", N_("Overdue"), show=False),
        Binding("u", "filter('open')", N_("Open"), show=False),
        Binding("f,escape", "filter('all')", N_("All"), show=False),
    ]

    RECORDS: ClassVar[Mapping[str, Action]] = {
        "advance": "task",
        "status": "task",
        "note": "task",
        "assign": "assign",
    }

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        self.ready = False
        self.filter = "all"
        self.fitted: Layout | None = None
        self.keys: list[str] = []
        """The row keys shown, group headers included."""
        self.cells: dict[str, tuple[Cell, ...]] = {}
        """What each shown row holds, to update only the cells that change."""
        self.tasks: dict[str, TaskState] = {}
        self.texts = ChecklistRows(context.plan, context.zone)
        self.row = 0
        """The cursor's row as last seen, to know which way it moved."""

    def compose(self) -> ComposeResult:
        yield Line(id="checklist-status")
        yield Line(id="checklist-hint")
        table = TaskTable(id="checklist-table", cursor_type="row", cell_padding=0)
        table.zebra_stripes = False
        yield table
        yield Line(id="checklist-detail")

    def on_mount(self) -> None:
        self.ready = True
        self.show()

    @property
    def table(self) -> TaskTable:
        """The table of tasks."""
        return self.query_one(TaskTable)

    def on_resize(self, event: events.Resize) -> None:
        self.redraw()

    def show(self) -> None:
        if self.ready:
            self.refresh_bindings()
            self.redraw()

    def show_time(self) -> None:
        if self.ready:
            self.redraw()

    # Drawing ---------------------------------------------------------------------

    def redraw(self) -> None:
        """Show the state at this minute, changing only what changed."""
        state, now, texts = self.incident, self.minute, self.texts
        everything = state.tasks if state is not None else []
        self.tasks = {t.id: t for t in everything}
        shown = texts.shown(everything, self.filter, now, self.context.person)
        rows = texts.rows(shown, now, everything)
        layout = texts.layout(self.size.width or self.app.size.width, rows)
        table = self.table
        if not table.size.height:
            pass  # never shown yet: filled on the first resize, once it has a height
        elif layout != self.fitted or [key for key, _cells in rows] != self.keys:
            self.rebuild(table, layout, rows)
        else:
            for key, cells in rows:
                old, self.cells[key] = self.cells[key], cells
                for column in layout.shown:
                    if cells[column:] and cells[column] != old[column]:
                        table.update_cell(key, COLUMNS[column][0], self.text(cells, column))
        status, hint = texts.status(everything, len(shown), self.filter, now), ""
        if state is None:
            status = _("No active disaster: the checklist starts when one is declared (D).")
        elif not rows:
            hint = _("No task matches this filter; f shows them all.")
        elif state.scenario is None:
            hint = _("The scenario's tasks appear once the coordinator decides (S).")
        self.query_one("#checklist-status", Line).show(status)
        line = self.query_one("#checklist-hint", Line)
        line.show(hint)
        line.display = bool(hint)
        self.show_detail()

    def rebuild(self, table: TaskTable, layout: Layout, rows: list[Row]) -> None:
        """Fill the table anew, keeping the cursor on the same task if it is still shown."""
        chosen = self.current_key()
        if layout != self.fitted:
            table.clear(columns=True)
            self.fitted = layout
            for (key, label), width in zip(COLUMNS, layout.widths, strict=True):
                if width:
                    table.add_column(Text(clip(_(label), width)), key=key, width=width + 1)
        else:
            table.clear()
        for key, cells in rows:
            table.add_row(*(self.text(cells, i) for i in layout.shown), key=key)
        first = not self.keys
        self.keys = [key for key, _cells in rows]
        self.cells = dict(rows)
        if chosen in self.keys:
            index = self.keys.index(chosen)
        elif first:  # on the first open task, where the work is
            index = next((i for i, key in enumerate(self.keys) if self.is_open(key)), 0)
        else:
            index = min(self.row, len(rows) - 1)
        if 0 <= index < len(rows) - 1 and self.keys[index].startswith(GROUP):
            index += 1
        self.row = max(index, 0)
        table.move_cursor(row=self.row, animate=False)

    def is_open(self, key: str) -> bool:
        """Whether the row is a task not yet done or skipped."""
        task = self.tasks.get(key)
        return task is not None and not closed(task)

    def text(self, cells: tuple[Cell, ...], column: int) -> Text:
        """A cell as the table shows it: cut to its column, never read as markup."""
        content, style = cells[column] if cells[column:] else ("", "")
        assert self.fitted is not None
        rich_style = self.table.get_component_rich_style(style, partial=True) if style else ""
        shown = clip(visible(content), self.fitted.widths[column])
        return Text(shown, style=rich_style, end="")

    def show_detail(self) -> None:
        """Everything about the highlighted task, for what the columns cut off."""
        task = self.current_task()
        text = self.texts.detail(task, self.minute) if task is not None else ""
        self.query_one("#checklist-detail", Line).show(text)

    def current_key(self) -> str | None:
        """The row key under the cursor."""
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value

    def current_task(self) -> TaskState | None:
        """The task under the cursor, if the cursor is on a task."""
        key = self.current_key()
        return self.tasks.get(key) if key is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Step over group headers, and show the highlighted task below the table."""
        table = self.table
        if event.cursor_row != table.cursor_row:
            return  # stale: the cursor moved on since
        key = event.row_key.value or ""
        if key.startswith(GROUP):
            step = 1 if event.cursor_row >= self.row else -1
            target = event.cursor_row + step
            if not 0 <= target < table.row_count:
                target = event.cursor_row - step
            if 0 <= target < table.row_count:
                table.move_cursor(row=target)
                return
        self.row = event.cursor_row
        self.show_detail()

    # Keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The recording keys by the one policy; the filters only while there is an incident."""
        if action == "filter":
            return self.incident is not None
        return super().check_action(action, parameters)

    def chosen(self, action: str) -> tuple[IncidentState, TaskState] | None:
        """The incident and the highlighted task, if this user may take `action` on it now."""
        state = self.incident_to_record(action)
        if state is None:
            return None
        task = self.current_task()
        if task is None:
            self.notify(_("Highlight a task first."), severity="warning")
            return None
        return state, task

    def action_advance(self) -> None:
        """Move the highlighted task on: todo, doing, done (blocked goes back to doing)."""
        if (chosen := self.chosen("advance")) is None:
            return
        state, task = chosen
        new = ADVANCE.get(task.status)
        if new is None:
            self.notify(
                _("{task} is {status}; press s to change it.").format(
                    task=task.id, status=task_marked(task.status)
                )
            )
            return
        self.record(lambda session: actions.set_task(session, task.id, new, incident=state.id))

    def action_status(self) -> None:
        """Set the highlighted task's status, with a note, through the status dialog."""
        if (chosen := self.chosen("status")) is None:
            return
        state, task = chosen

        def set_status(request: StatusRequest | None) -> None:
            if request is not None:
                self.record(
                    lambda session: actions.set_task(
                        session, task.id, request.status, request.note, incident=state.id
                    )
                )

        self.app.push_screen(
            TaskStatusDialog(task.id, task.title, task.status, task.note), set_status
        )

    def action_assign(self) -> None:
        """Give the highlighted task to a person chosen from the plan."""
        if (chosen := self.chosen("assign")) is None:
            return
        state, task = chosen

        def assign(person: str | None) -> None:
            if person is not None:
                self.record(
                    lambda session: actions.assign(session, task.id, person, incident=state.id)
                )

        picker = PersonPicker(
            self.context.plan,
            _("Assign {task} to").format(task=task.id),
            task.title,
            current=task.assignee,
            preferred_roles=[task.owner],
        )
        self.app.push_screen(picker, assign)

    def action_note(self) -> None:
        """Add a note to the highlighted task, keeping its status."""
        if (chosen := self.chosen("note")) is None:
            return
        state, task = chosen

        def add_note(text: str | None) -> None:
            if text is None:
                return
            self.record(  # no status: someone else may have moved it meanwhile
                lambda session: actions.set_task(session, task.id, None, text, incident=state.id)
            )

        prompt = TextPrompt(
            _("Note on {task}").format(task=task.id),
            task.title,
            placeholder=_("what was done, what blocks it"),
            submit=_("Add note"),
        )
        self.app.push_screen(prompt, add_note)

    def action_filter(self, name: str) -> None:
        """Show only mine, the overdue or the open tasks, or all; "mine" needs a person."""
        if name == "mine" and self.context.person is None:
            self.notify(
                _("Your login {login} is not in the plan's people, so no task is yours.").format(
                    login=self.context.login
                ),
                severity="warning",
            )
            return
        self.filter = name
        self.redraw()

    def commands(self) -> Iterable[SystemCommand]:
        """The tab's actions for the command palette."""
        yield from self.offer(_("Checklist: advance task"), _("todo → doing → done"), "advance")
        yield from self.offer(_("Checklist: set status"), _("With a note"), "status")
        yield from self.offer(_("Checklist: add a note"), _("Keeps the status"), "note")
        yield from self.offer(_("Checklist: assign task"), _("To a person"), "assign")
        yield from self.offer(
            _("Checklist: my tasks"), _("Assigned to me or my role"), "filter", "mine"
        )
        yield from self.offer(
            _("Checklist: overdue tasks"), _("Past due, not done"), "filter", "overdue"
        )
        yield from self.offer(
            _("Checklist: open tasks"), _("Not done or skipped"), "filter", "open"
        )
        yield from self.offer(_("Checklist: all tasks"), _("Clear the filter"), "filter", "all")
