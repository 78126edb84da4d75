"""A table of thousands of rows (an incident's whole timeline), laid out and drawn in linear time.

reportlab's `Table` styles, measures and draws every cell on its own: a
10,000-row timeline took two seconds to print, and the coordinator exports
the after-action report while the board waits. Here every cell is wrapped
once into plain lines, with word widths measured once per distinct word;
the table splits page by page on precomputed row heights, and each page's
text goes out as one text object (`TextRun`), its grid as one path. What a reader sees
is the same as a short table: the shaded header row on every page, a grid,
every word of every cell.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from reportlab import platypus  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from console.report.pdf_layout import GRID, HEADER_FILL
from console.report.pdf_operators import TextRun, rules
from console.report.pdf_text import BOLD, REGULAR, printable


@lru_cache(maxsize=65_536)
def word_width(word: str, font: str, size: float) -> float:
    """How wide a word prints; a timeline repeats its words, so each is measured once."""
    return float(pdfmetrics.stringWidth(word, font, size))


def line_width(line: str, font: str, size: float) -> float:
    """How wide a line of printable text prints: its words and its spaces (widths add up)."""
    words = line.split(" ")
    space = word_width(" ", font, size)
    return sum(word_width(word, font, size) for word in words) + space * (len(words) - 1)


def _broken(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too long for `width`, cut into pieces that fit (at least a character each)."""
    pieces, piece = [], ""
    for char in word:
        if piece and word_width(piece + char, font, size) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` (printable) in lines no wider than `width`, every word kept, line breaks kept."""
    space = word_width(" ", font, size)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            wide = word_width(word, font, size)
            if wide > width:
                pieces = _broken(word, font, size, width)
                *whole, word = pieces
                if line:
                    lines.append(" ".join(line))
                lines.extend(whole)
                line, used = [], 0.0
                wide = word_width(word, font, size)
            if line and used + space + wide > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += wide + (space if line else 0.0)
            line.append(word)
        lines.append(" ".join(line))
    return lines


@dataclass(frozen=True)
class Grid:
    """What every page of a long table shares: its columns, type and padding."""

    widths: tuple[float, ...]
    size: float
    leading: float
    pad: float
    pad_y: float

    def row_height(self, cells: list[list[str]]) -> float:
        """A row's height: its tallest cell's lines and the padding."""
        return max(len(lines) for lines in cells) * self.leading + 2 * self.pad_y


@dataclass(frozen=True)
class Rows:
    """Every row's wrapped cells, with running heights to split a page in O(log n)."""

    header: list[list[str]]
    cells: list[list[list[str]]]
    tops: list[float]
    """`tops[i]` is the height of rows 0..i-1 together: `tops[-1]` is the whole body."""


def long_rows(
    headers: tuple[str, ...], rows: list[tuple[str, ...]], grid: Grid, most: float
) -> Rows:
    """The table's text wrapped to its columns; a row taller than `most` goes on in another row."""
    room = [width - 2 * grid.pad for width in grid.widths]
    header = [
        wrapped(" ".join(printable(text).split()), BOLD, grid.size, width)
        for text, width in zip(headers, room, strict=True)
    ]
    most_lines = max(int((most - 2 * grid.pad_y) // grid.leading), 1)
    known: dict[tuple[str, float], list[str]] = {}  # a column's repeated values wrap once

    def lines_of(text: str, width: float) -> list[str]:
        if (text, width) not in known:
            shown = "\n".join(printable(line) for line in text.splitlines())
            known[text, width] = wrapped(shown, REGULAR, grid.size, width)
        return known[text, width]

    cells: list[list[list[str]]] = []
    for row in rows:
        lines = [lines_of(text, width) for text, width in zip(row, room, strict=True)]
        tallest = max(len(cell) for cell in lines)
        for start in range(0, tallest, most_lines):
            cells.append([cell[start : start + most_lines] for cell in lines])
    tops = [0.0, *accumulate(grid.row_height(row) for row in cells)]
    return Rows(header, cells, tops)


class LongTable(platypus.Flowable):  # type: ignore[misc]
    """Rows `start` to `stop` of a long table, with the header row; splits at a row boundary."""

    def __init__(self, grid: Grid, rows: Rows, start: int = 0, stop: int | None = None) -> None:
        super().__init__()
        self.grid, self.rows = grid, rows
        self.start = start
        self.stop = len(rows.cells) if stop is None else stop
        self.head = grid.row_height(rows.header)
        self.spaceBefore = self.spaceAfter = 0.0

    def body_height(self) -> float:
        """The height of this part's rows, without the header."""
        return self.rows.tops[self.stop] - self.rows.tops[self.start]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Its whole size: the header and every row of this part."""
        self.width = sum(self.grid.widths)
        self.height = self.head + self.body_height()
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        """The rows that fit in `available_height` under the header, and the rest."""
        tops = self.rows.tops
        room = available_height - self.head
        fit = bisect_right(tops, tops[self.start] + room, self.start, self.stop + 1) - 1
        if fit <= self.start:
            return []
        first = LongTable(self.grid, self.rows, self.start, fit)
        rest = LongTable(self.grid, self.rows, fit, self.stop)
        first.spaceBefore, rest.spaceAfter = self.spaceBefore, self.spaceAfter
        return [first, rest]

    def draw(self) -> None:
        """The header's shade, the grid as one path, and the text as one text object."""
        canvas, grid, rows = self.canv, self.grid, self.rows
        width = sum(grid.widths)
        top = self.head + self.body_height()
        edges = [0.0, *accumulate(grid.widths)]
        base = rows.tops[self.start]
        lines_at = [top, top - self.head]
        lines_at.extend(
            top - self.head - (rows.tops[i] - base) for i in range(self.start + 1, self.stop + 1)
        )
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, top - self.head, width, self.head, stroke=0, fill=1)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        rules(canvas, [(0, y, width, y) for y in lines_at] + [(x, top, x, 0) for x in edges])
        canvas.setFillColor(colors.black)
        text = TextRun(canvas, grid.leading)
        starts = [f"{left + grid.pad:.2f}" for left in edges[:-1]]  # written once, used per row
        text.set_font(BOLD, grid.size)
        self._cells(text, rows.header, top, starts)
        text.set_font(REGULAR, grid.size)
        body_top = top - self.head + base
        for index in range(self.start, self.stop):
            self._cells(text, rows.cells[index], body_top - rows.tops[index], starts)
        text.draw(canvas)
        canvas.restoreState()

    def _cells(self, text: TextRun, cells: list[list[str]], top: float, starts: list[str]) -> None:
        """One row's lines, each cell from its top left corner inside the padding."""
        baseline = f"{top - self.grid.pad_y - self.grid.size:.2f}"
        for lines, left in zip(cells, starts, strict=True):
            if any(lines):
                text.move_to(left, baseline)
                for line in lines:
                    text.line(line)
