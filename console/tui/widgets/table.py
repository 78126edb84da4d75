"""A row table that fits its columns to the terminal and redraws only what changed.

Shared by the infrastructure and the contacts tab. Textual's `DataTable`
sizes columns to their content and reads a `str` cell as markup; plan and
journal text may hold brackets or escape sequences and the console must fit
80 columns. So every cell is plain `Text` on one line, its control characters
shown as signs (`console.present.text.visible`), cut with an ellipsis; the
columns share the width the table has (a
minimum each, the rest by weight). A table of thousands of rows holds only
the rows up to two screenfuls past the cursor, and adds more as the cursor
moves down: Textual measures every row it is given, so a search over 2,000
contacts shows its first screen within a frame and sends no more than that
screen over a slow link. Showing rows with the same keys again updates only
the cells whose text changed: an idle console sends next to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Final

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable

from console.i18n import _
from console.present.text import visible
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import EPOCH

Cell = str | Text
Row = tuple[str, tuple[Cell, ...]]
"""A row: its key, then its cells in column order."""

FIRST_ROWS: Final = 40
"""Rows added ahead of the cursor, at least; twice the table's height on a tall terminal."""


class _Keep:
    """The cursor stays on the row it is on."""


KEEP: Final = _Keep()


@dataclass(frozen=True)
class Column:
    """A column: its key, its header, its minimum width and its share of the rest."""

    key: str
    label: str
    width: int
    grow: int = 0
    whole: bool = False
    """As wide as its longest cell, never cut: an id a person types (a ticket's), a time."""
    lead: bool = False
    """Cells start with an id a person types ("wan1 WAN line"): the id is never cut, the rest is."""


def fit(columns: Sequence[Column], room: int) -> tuple[int, ...]:
    """Content widths of `columns` in `room` cells: minimums, the rest shared by weight."""
    widths = [column.width for column in columns]
    weights = [column.grow for column in columns]
    total = sum(weights)
    extra = room - sum(widths)
    if total == 0 or extra == 0:
        return tuple(widths)
    if extra > 0:
        shares = [extra * weight // total for weight in weights]
        shares[max(range(len(weights)), key=lambda i: weights[i])] += extra - sum(shares)
        return tuple(w + s for w, s in zip(widths, shares, strict=True))
    # Too narrow: the growing columns give up width, the widest share first, down to 4
    # (an id a person types keeps its whole width).
    cut = -extra
    floors = [column.width if column.whole or column.lead else 4 for column in columns]
    for index in sorted(range(len(weights)), key=lambda i: -weights[i]):
        if weights[index] and cut:
            give = min(cut, max(0, widths[index] - floors[index]))
            widths[index] -= give
            cut -= give
    return tuple(widths)


@lru_cache(maxsize=50_000)
def _plain(cell: str) -> Text:
    # Shared, never changed: refilling a table of thousands of rows allocates nothing.
    return Text(visible(cell), end="", no_wrap=True, overflow="ellipsis")


def cell_text(cell: Cell) -> Text:
    """A cell as plain text on one line, cut with an ellipsis when it does not fit."""
    if isinstance(cell, str):
        return _plain(cell)
    if visible(cell.plain) == cell.plain:
        text = cell.copy()
    else:  # styled cells are drp's own markers and times: one style for the whole cell
        text = Text(visible(cell.plain), style=cell.style, end="")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def warn(widget: Widget, text: str) -> None:
    """Tell the user why nothing happened (plain text: names may hold brackets)."""
    widget.notify(text, severity="warning", markup=False)


def shown_now(tab: ConsoleTab) -> datetime:
    """The minute a tab shows (the clock's time before the app's first tick)."""
    return tab.minute if tab.minute != EPOCH else tab.context.clock.now()


class FittedTable(DataTable[Text]):
    """A row-cursor table of plain text whose columns fill its width."""

    def __init__(
        self, columns: Sequence[Column], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(cursor_type="row", id=id, classes=classes)
        self.specs = tuple(columns)
        self._room = 0
        self._widths: tuple[int, ...] = ()
        self._rows: list[Row] = []
        self._keys: list[str] = []
        self._added = 0
        self._wanted: str | None = None

    @property
    def selected(self) -> str | None:
        """The key of the row under the cursor, if there is one."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return key

    @property
    def keys(self) -> list[str]:
        """The keys of every row shown or about to be."""
        return self._keys

    def show_rows(self, rows: list[Row], cursor: str | _Keep | None = KEEP) -> None:
        """Show `rows`; when their keys are those shown, update only the cells that changed.

        `cursor` is the key of the row to put the cursor on (None: the first);
        by default the cursor stays on its row.
        """
        keys = [key for key, _cells in rows]
        if keys != self._keys or (rows != self._rows and self._widths != self._fitted(rows)):
            self._wanted = self.selected if isinstance(cursor, _Keep) else cursor
            self._rows, self._keys = rows, keys
            if not self._relayout():
                self._refill()
            return
        if rows != self._rows:
            self._update(rows)
        if not isinstance(cursor, _Keep):
            row = keys.index(cursor) if cursor in keys else 0
            self._add_until(row)
            self.move_cursor(row=row)

    def _update(self, rows: list[Row]) -> None:
        old, self._rows = self._rows, rows
        for index in range(min(self._added, len(rows))):
            if old[index] == rows[index]:
                continue
            key, cells = rows[index]
            for spec, before, after in zip(self.specs, old[index][1], cells, strict=True):
                if before != after:
                    self.update_cell(key, spec.key, cell_text(after))

    def _refill(self) -> None:
        self._added = 0
        self.clear()
        if self.columns:
            row = self._keys.index(self._wanted) if self._wanted in self._keys else 0
            self._add_until(row)
            self.move_cursor(row=row)

    def _add_until(self, row: int) -> None:
        """Add the rows up to `row` and two screenfuls beyond, if they are not there yet."""
        end = min(len(self._rows), row + max(FIRST_ROWS, 2 * self.size.height))
        for index in range(self._added, end):
            key, cells = self._rows[index]
            self.add_row(*map(cell_text, cells), key=key)
        self._added = max(self._added, end)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """More rows as the cursor comes near the last ones added."""
        if event.data_table is self:
            self._add_until(event.cursor_row)

    def action_scroll_bottom(self) -> None:
        """ctrl+end goes to the very last row: add them all first."""
        self._add_until(len(self._rows))
        super().action_scroll_bottom()

    def _fitted(self, rows: list[Row]) -> tuple[int, ...]:
        """The columns' widths for `rows`: whole columns as wide as their widest cell."""
        specs = list(self.specs)
        for index, spec in enumerate(specs):
            if spec.whole or spec.lead:
                texts = [visible(str(cells[index])) for _key, cells in rows]
                if spec.lead:  # the id, a space, and the first letter of the rest
                    texts = [text.split(" ", 1)[0] + "  " for text in texts]
                widest = max(map(cell_len, texts), default=0)
                specs[index] = replace(spec, width=max(spec.width, widest))
        return fit(specs, self._room)

    def _relayout(self) -> bool:
        """Rebuild the columns if their widths changed; whether they did."""
        widths = self._fitted(self._rows)
        if self._room <= 0 or widths == self._widths:
            return False
        self._widths = widths
        self.clear(columns=True)
        for spec, width in zip(self.specs, widths, strict=True):
            self.add_column(cell_text(_(spec.label)), width=width, key=spec.key)
        self._refill()
        return True

    def on_resize(self, event: events.Resize) -> None:
        """Share the new width between the columns; rebuild only if a width changed."""
        room = event.size.width - self.styles.scrollbar_size_vertical
        self._room = room - 2 * self.cell_padding * len(self.specs)
        if event.size.width:
            self._wanted = self.selected
            self._relayout()
