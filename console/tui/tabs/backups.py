"""The backups tab: where each restore stands, and the backup scheme to restore from.

For the ICT sysadmin, often over SSH at 80x24. On top, a table with every
backup system and every other system whose restore is tracked: its status, the
restore point and that point's age (the window of lost data, which is what the
crisis staff ask about). Below, in a scrolling pane, the plan's backup
configuration with its retention grid drawn as the seed draws it, so nobody has
to open the binder to see which day has a restore point. Selecting a row
scrolls the pane to the backup behind it.

Only what changed is redrawn: the ages move once a minute, the rest only when
an event arrives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.widgets import DataTable, Static

from console.i18n import N_, _
from console.incident import actions, timefmt
from console.incident.events import RESTORE_STATUSES
from console.incident.state import RestoreState
from console.incident.words import restore_marker
from console.present.backups import age, backup_card
from console.present.text import clip, visible
from console.tui.context import ConsoleContext
from console.tui.screens.restore import RestoreDialog, RestoreRequest
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import Line

if TYPE_CHECKING:
    from console.incident.access import Action


COLUMNS = ("system", "status", "point", "age", "changed")
PADDING = 1
"""The table's cell padding on each side of a column."""
SCROLLBAR = 2
"""Room kept for the table's vertical scrollbar."""
WIDEST_AGE = (datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 10, 23, 59, tzinfo=UTC))
"""A point and a moment 99 days apart: the widest age the column makes room for."""


class BackupsTab(ConsoleTab):
    """Restore tracking for every system, with the backup scheme beside it."""

    FRONT = "#restores"

    BINDINGS = [Binding("r", "restore", N_("Restore"))]
    RECORDS: ClassVar[Mapping[str, Action]] = {"restore": "restore"}

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        self._shown: dict[str, tuple[str, ...]] = {}
        self._name_width = 0
        self._widths: tuple[int, ...] = ()

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(id="restores", cursor_type="row", cell_padding=PADDING)
        yield table
        with VerticalScroll(id="backups-config") as config:
            config.border_title = _("Backup configuration")
            if not self.context.plan.backups:
                yield Line(_("The plan lists no backup systems."), classes="backup")
            for backup in self.context.plan.backups:
                yield Static(
                    backup_card(backup, self.context.plan),
                    id=f"backup-{backup.id}",
                    classes="backup",
                )

    def on_mount(self) -> None:
        self.show()

    # What to show -----------------------------------------------------------

    def systems(self) -> list[tuple[str, str]]:
        """(id, name) of every backup, then of every other system with a restore."""
        backups = {backup.id for backup in self.context.plan.backups}
        tracked = set(self.restores())
        found = [(s, name) for s, name in self.restorable() if s in backups or s in tracked]
        known = {system for system, _name in found}
        return found + [(system, system) for system in sorted(tracked - known)]

    def restores(self) -> dict[str, RestoreState]:
        """The incident's restores by system id (none without an incident)."""
        if self.incident is None:
            return {}
        return {restore.system: restore for restore in self.incident.restores}

    def widths(self) -> tuple[int, ...]:
        """Column widths: a time as wide as the widest shown, the system's id and name what is left.

        A time reads "13:00" today and "Fri 27 Mar 22:00" another day, so the
        name keeps the cells of the times that are today. The id, which is
        typed (`drp restore ID`), comes first and only the name after it is
        cut; on a narrow terminal with both times dated the id may be cut too,
        and the configuration below shows the selected backup's id in full.
        """
        restores, zone = self.restores().values(), self.context.zone

        def widest(label: str, times: Iterable[datetime | None]) -> int:
            shown = (cell_len(timefmt.moment(time, zone, self.minute)) for time in times)
            return max(cell_len(label), max(shown, default=0))

        fixed = (
            max(cell_len(restore_marker(status)) for status in (None, *RESTORE_STATUSES)),
            widest(_("Point"), (restore.point for restore in restores)),
            cell_len(age(WIDEST_AGE[0], WIDEST_AGE[1])),
            widest(_("Changed"), (restore.at for restore in restores)),
        )
        used = sum(fixed) + 2 * PADDING * len(COLUMNS) + SCROLLBAR
        return (max(10, self.size.width - used), *fixed)  # 11 at 80 columns, both dated

    def cells(self, system: str, name: str) -> tuple[str, ...]:
        """The text of one row."""
        restore = self.restores().get(system)
        zone = self.context.zone
        point = restore.point if restore else None
        return (
            clip(visible(system if name == system else f"{system} {name}"), self._name_width),
            restore_marker(restore.status if restore else None),
            timefmt.moment(point, zone, self.minute),
            age(point, self.minute),
            timefmt.moment(restore.at if restore else None, zone, self.minute),
        )

    # Drawing ---------------------------------------------------------------

    def show(self) -> None:
        """Redraw the table, touching only the cells whose text changed."""
        if not self.is_mounted:
            return
        systems = self.systems()
        widths = self.widths()
        if [system for system, _name in systems] != list(self._shown) or widths != self._widths:
            self.rebuild(systems, widths)
            return
        table = self.table
        for system, name in systems:
            new = self.cells(system, name)
            old = self._shown[system]
            for column, before, after in zip(COLUMNS, old, new, strict=True):
                if before != after:
                    table.update_cell(system, column, Text(after))
            self._shown[system] = new

    def show_time(self) -> None:
        """Once a minute: the ages move, redrawn only where their text changed."""
        self.show()

    def rebuild(self, systems: list[tuple[str, str]], widths: tuple[int, ...]) -> None:
        """Build the table anew (other systems or another width), keeping the cursor."""
        table = self.table
        selected = self.selected_system()
        self._name_width, self._widths = widths[0], widths
        labels = (_("System"), _("Restore"), _("Point"), _("Age"), _("Changed"))
        table.clear(columns=True)
        for key, label, width in zip(COLUMNS, labels, widths, strict=True):
            table.add_column(Text(label), width=width, key=key)
        self._shown = {}
        for system, name in systems:
            cells = self.cells(system, name)
            table.add_row(*(Text(cell) for cell in cells), key=system)
            self._shown[system] = cells
        if selected in self._shown:
            table.move_cursor(row=table.get_row_index(selected), animate=False)

    @property
    def table(self) -> DataTable[Text]:
        """The restore table."""
        return self.query_one("#restores", DataTable)

    def selected_system(self) -> str | None:
        """The id of the system under the cursor, if any."""
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_resize(self, event: Resize) -> None:
        if self.widths()[0] != self._name_width:
            self.show()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Scroll the configuration to the backup behind the selected system."""
        system = event.row_key.value
        backup = next(
            (b for b in self.context.plan.backups if system == b.id or system in b.systems),
            None,
        )
        if backup is not None:
            card = self.query_one(f"#backup-{backup.id}")
            self.query_one("#backups-config").scroll_to_widget(card, animate=False, top=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row does what `r` does."""
        event.stop()
        if event.row_key.value is not None:
            self.action_restore(event.row_key.value)

    # Actions ---------------------------------------------------------------

    def action_restore(self, system: str | None = None) -> None:
        """Ask for the status and restore point of `system` (the selected one), then record."""
        chosen = system or self.selected_system()
        if chosen is None or self.incident_to_record("restore") is None:
            return
        name = self.system_name(chosen)
        current = self.restores().get(chosen)
        dialog = RestoreDialog(
            name,
            self.context.clock.now(),
            self.context.zone,
            status=current.status if current else None,
            point=current.point if current else None,
        )
        self.app.push_screen(dialog, partial(self.restore_chosen, chosen))

    def restore_chosen(self, system: str, request: RestoreRequest | None) -> None:
        """Record what the dialog returned (nothing when it was cancelled)."""
        if request is None:
            return
        status, point = request.status, request.point
        self.record(lambda session: actions.restore(session, system, status, point))

    def restorable(self) -> list[tuple[str, str]]:
        """(id, name) of every system whose restore can be tracked: backups, then components."""
        plan = self.context.plan
        return [(b.id, b.name) for b in plan.backups] + [(c.id, c.name) for c in plan.components()]

    def system_name(self, system: str) -> str:
        """The plan's name of a backup or component, or its id."""
        return dict(self.restorable()).get(system, system)

    def commands(self) -> Iterable[SystemCommand]:
        """For the command palette: set the restore of any backup or component."""
        for system, name in self.restorable():
            yield from self.offer(
                _("Restore status: {system}").format(system=name),
                _("Record how far the restore of {system} ({id}) has come").format(
                    system=name, id=system
                ),
                "restore",
                system,
            )
