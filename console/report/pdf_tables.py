"""Tables, details and bar charts for the PDF renderer, measured to fit the page's width.

A plan's tables hold anything from a one-digit order to a paragraph of
instructions, so columns are sized from what they hold (`column_widths`)
rather than split evenly, and a table never runs off a page: a table too tall
for any page splits inside its rows rather than failing to lay out. Each
block comes back as a `Part` that says how tall it is and how much of it must
fit for it to start on a page, which the story uses to decide page breaks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab import platypus  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, Polygon, Rect  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]

from console.report.document import Bar, Bars, Table
from console.report.pdf_layout import (
    GRID,
    HEADER_FILL,
    LABEL_FILL,
    LEVEL_COLOURS,
    NARROW,
    OVER_MARK,
    Layout,
)
from console.report.pdf_long_table import Grid, LongTable, line_width, long_rows, word_width
from console.report.pdf_text import BOLD, REGULAR, markup, printable, shortened


@dataclass(frozen=True)
class Part:
    """A block's flowables, how tall they are, and how much must fit to start them on a page."""

    flowables: list[Any]
    height: float
    lead: float
    keep: bool = False
    """Kept on one page: a small table or chart is not worth splitting."""
    leads_in: bool = False
    """A line or two that introduces what follows ("Facilities available:"): kept with it."""


EMPTY = Part([], 0.0, 0.0)


def height(layout: Layout, flowable: Any) -> float:
    """How tall a flowable is across the frame, with the space around it."""
    _width, tall = flowable.wrap(layout.frame_width, layout.frame_height)
    return float(tall + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def natural_and_minimum(
    layout: Layout, texts: Iterable[str], font: str, size: float
) -> tuple[float, float]:
    """A column's width without wrapping (longest line), and its longest word."""
    natural = minimum = 0.0
    for text in set(texts):  # a timeline's column repeats its values: each is measured once
        for line in printable(text).splitlines():
            natural = max(natural, line_width(line, font, size))
            minimum = max([minimum, *(word_width(word, font, size) for word in line.split())])
    pad = 2 * layout.cell_pad + 1
    return natural + pad, minimum + pad


def column_widths(natural: list[float], minimum: list[float], available: float) -> list[float]:
    """Widths that fill `available` exactly, giving each column room for what it holds.

    When everything fits unwrapped, each column grows in proportion to its
    content. Otherwise narrow columns (a number, a due time, a phone) keep
    their width, and the others keep their longest word and share the rest in
    proportion to the text they hold; when even the words do not fit, they are
    shrunk alike (reportlab then splits the longest words).
    """
    if not natural:
        return []
    if sum(natural) <= available:
        return [width * available / sum(natural) for width in natural]
    narrow = [width <= available * NARROW for width in natural]
    room = available - sum(w for w, is_narrow in zip(natural, narrow, strict=True) if is_narrow)
    wide_minimum = sum(m for m, is_narrow in zip(minimum, narrow, strict=True) if not is_narrow)
    if any(narrow) and not all(narrow) and wide_minimum < room:
        wide = iter(
            _shared(
                [n for n, is_narrow in zip(natural, narrow, strict=True) if not is_narrow],
                [m for m, is_narrow in zip(minimum, narrow, strict=True) if not is_narrow],
                room,
            )
        )
        return [
            n if is_narrow else next(wide) for n, is_narrow in zip(natural, narrow, strict=True)
        ]
    return _shared(natural, minimum, available)


def _shared(natural: list[float], minimum: list[float], available: float) -> list[float]:
    """Each column its longest word, and the rest of `available` in proportion to its text."""
    total_minimum = sum(minimum)
    if total_minimum >= available:
        return [width * available / total_minimum for width in minimum]
    spare = available - total_minimum
    stretch = sum(natural) - total_minimum
    return [
        low + (high - low) * spare / stretch for low, high in zip(minimum, natural, strict=True)
    ]


def _cell_style(
    layout: Layout, rows: int, lines: bool = True, header: bool = False
) -> list[tuple[Any, ...]]:
    """Font, padding, and for a data table the lines and the shaded header row."""
    last = rows - 1
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, layout.type.cell.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if lines else "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), layout.cell_pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), layout.cell_pad),
        ("TOPPADDING", (0, 0), (-1, -1), layout.cell_pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), layout.cell_pad_y),
    ]
    if lines:
        commands.append(("GRID", (0, 0), (-1, last), 0.5, GRID))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    return commands


def _row_heights(layout: Layout, data: list[list[Any]], widths: list[float]) -> list[float]:
    """How tall each row of a table will be: its tallest cell, with the padding."""
    return [
        max(
            cell.wrap(width - 2 * layout.cell_pad, layout.frame_height)[1]
            for cell, width in zip(row, widths, strict=True)
        )
        + 2 * layout.cell_pad_y
        for row in data
    ]


def _grid(
    layout: Layout,
    data: list[list[Any]],
    widths: list[float],
    commands: list[tuple[Any, ...]],
    caption: str,
    header: bool,
) -> Part:
    """A table that fits the frame's width and never runs off a page.

    Rows are not split across pages, except one too tall for any page: that
    table may split inside rows, or reportlab could not lay it out at all.
    The caption is the table's last row, spanning it, so that it never lands
    alone at the top of a page: it stays with the last row.
    """
    heights = _row_heights(layout, data, widths)
    head = heights[0] if header else 0.0
    too_tall = max(heights) + head > layout.frame_height * 0.8
    rows = list(data)
    if caption:
        paragraph = platypus.Paragraph(markup(caption), layout.type.caption)
        last = len(rows)
        rows.append([paragraph, *[""] * (len(widths) - 1)])
        gap = layout.caption_gap
        commands = [
            *commands,
            ("SPAN", (0, last), (-1, last)),
            ("LEFTPADDING", (0, last), (-1, last), 0),
            ("TOPPADDING", (0, last), (-1, last), gap),
        ]
        if not too_tall:
            commands.append(("NOSPLIT", (0, last - 1), (-1, last)))
        heights.append(
            paragraph.wrap(layout.frame_width, layout.frame_height)[1] + gap + layout.cell_pad_y
        )
    before, after = layout.table_space_before, layout.table_space_after
    table = platypus.Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitInRow=40 if too_tall else 0,
        style=platypus.TableStyle(commands),
        spaceBefore=before,
        spaceAfter=after,
    )
    tall = sum(heights) + before + after
    lead = before + head + heights[min(1 if header else 0, len(heights) - 1)]
    keep = tall <= layout.keep_limit
    # What must fit to start the table: its header and first row, or a third of a page.
    lead = min(lead, layout.frame_height / 3)
    return Part([table], tall, tall if keep else lead, keep)


def caption_only(layout: Layout, caption: str) -> Part:
    """What is left of a table or chart with nothing in it: its caption, if any."""
    if not caption:
        return EMPTY
    paragraph = platypus.Paragraph(markup(caption), layout.type.caption)
    tall = height(layout, paragraph)
    return Part([paragraph], tall, tall)


LONG_TABLE = 150
"""Rows past which a table is drawn the fast way (`LongTable`): plain wrapped lines."""


def table(layout: Layout, block: Table) -> Part:
    """A data table: the header row shaded and repeated on every page, columns sized to fit."""
    styles = layout.type
    width = len(block.headers)
    if width == 0:
        return caption_only(layout, block.caption)
    rows = [
        row if len(row) == width else (*row[:width], *("",) * (width - len(row)))
        for row in block.rows
    ]
    size = styles.cell.fontSize
    natural, minimum = [], []
    for column in range(width):
        head = natural_and_minimum(layout, [block.headers[column]], BOLD, size)
        body = natural_and_minimum(layout, (row[column] for row in rows), REGULAR, size)
        natural.append(max(head[0], body[0]))
        minimum.append(min(max(head[1], body[1]), layout.frame_width / 3))
    widths = column_widths(natural, minimum, layout.frame_width)
    if len(rows) > LONG_TABLE:
        return _long_table(layout, block, rows, widths)
    data = [[platypus.Paragraph(markup(text), styles.cell_bold) for text in block.headers]]
    data.extend([platypus.Paragraph(markup(text), styles.cell) for text in row] for row in rows)
    commands = _cell_style(layout, len(data), header=True)
    return _grid(layout, data, widths, commands, block.caption, header=True)


def _long_table(
    layout: Layout, block: Table, rows: list[tuple[str, ...]], widths: list[float]
) -> Part:
    """A table of thousands of rows (an incident's whole timeline), drawn in linear time."""
    cell = layout.type.cell
    grid = Grid(tuple(widths), cell.fontSize, cell.leading, layout.cell_pad, layout.cell_pad_y)
    table = LongTable(grid, long_rows(block.headers, rows, grid, layout.frame_height * 0.8))
    table.spaceBefore = layout.table_space_before
    table.spaceAfter = layout.table_space_after
    flowables: list[Any] = [table]
    if block.caption:
        flowables.append(platypus.Paragraph(markup(block.caption), layout.type.caption))
    _width, tall = table.wrap(layout.frame_width, layout.frame_height)
    first = table.head + table.rows.tops[1] + layout.table_space_before
    return Part(flowables, tall, min(first, layout.frame_height / 3))


def key_values(layout: Layout, items: tuple[tuple[str, str], ...]) -> Part:
    """Labels in bold on a shaded column, values beside them; side by side where the layout says.

    Side by side, the pairs are read down each column and then across, as in
    a newspaper, so that related facts listed together stay together. Of the
    arrangements the layout allows, the shortest wins: three pairs whose
    values wrap can take more room than two that do not.
    """
    if not items:
        return EMPTY
    arrangements = [
        _side_by_side(layout, items, pairs)
        for pairs in range(min(layout.key_value_pairs, len(items)), 1, -1)
    ]
    fitting = [part for part in arrangements if part is not None]
    if fitting:
        return min(fitting, key=lambda part: part.height)  # the first, with more pairs, on a tie
    styles = layout.type
    size = styles.cell.fontSize
    label_width = natural_and_minimum(layout, [label for label, _ in items], BOLD, size)[0]
    label_width = min(max(label_width, layout.label_least), layout.frame_width * 0.4)
    data = [
        [
            platypus.Paragraph(markup(label), styles.cell_bold),
            platypus.Paragraph(markup(value), styles.cell),
        ]
        for label, value in items
    ]
    commands = [*_cell_style(layout, len(data)), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)]
    widths = [label_width, layout.frame_width - label_width]
    return _grid(layout, data, widths, commands, "", header=False)


def _side_by_side(layout: Layout, items: tuple[tuple[str, str], ...], pairs: int) -> Part | None:
    """`items` in `pairs` label/value column pairs, or None when their words cannot fit."""
    styles = layout.type
    size = styles.cell.fontSize
    depth = -(-len(items) // pairs)
    columns = [items[start : start + depth] for start in range(0, len(items), depth)]
    natural, minimum = [], []
    for column in columns:
        for texts, font in (
            ([label for label, _ in column], BOLD),
            ([v for _, v in column], REGULAR),
        ):
            widest, longest_word = natural_and_minimum(layout, texts, font, size)
            natural.append(widest)
            minimum.append(longest_word)
    if sum(minimum) > layout.frame_width:
        return None
    data: list[list[Any]] = []
    for row in range(depth):
        cells: list[Any] = []
        for column in columns:
            if row < len(column):
                label, value = column[row]
                cells.append(platypus.Paragraph(markup(label), styles.cell_bold))
                cells.append(platypus.Paragraph(markup(value), styles.cell))
            else:
                cells.extend([platypus.Paragraph("", styles.cell)] * 2)
        data.append(cells)
    # Lines and shading only where there is a pair: the last column may be shorter.
    commands = [*_cell_style(layout, depth, lines=False), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for pair, column in enumerate(columns):
        last = (2 * pair + 1, len(column) - 1)
        commands.append(("GRID", (2 * pair, 0), last, 0.5, GRID))
        commands.append(("BACKGROUND", (2 * pair, 0), (2 * pair, len(column) - 1), LABEL_FILL))
    widths = column_widths(natural, minimum, layout.frame_width)
    return _grid(layout, data, widths, commands, "", header=False)


def _track(layout: Layout, bar: Bar, width: float) -> Any:
    """A bar's track, filled as far as its fraction, in its level's colour."""
    track = width - OVER_MARK
    tall = layout.bar_height
    fraction = min(max(bar.fraction, 0.0), 1.0)
    colour = LEVEL_COLOURS.get(bar.level, LEVEL_COLOURS["ok"])
    line = {"strokeColor": GRID, "strokeWidth": 0.6}
    drawing = Drawing(width, tall + 2)
    drawing.add(Rect(0, 1, track, tall, fillColor=colors.white, **line))
    if fraction > 0:
        drawing.add(Rect(0, 1, track * fraction, tall, fillColor=colour, **line))
    if bar.fraction > 1:
        tip = track + OVER_MARK - 1
        points = [track + 1, 1, tip, 1 + tall / 2, track + 1, 1 + tall]
        drawing.add(Polygon(points, fillColor=colour, **line))
    return drawing


def bars(layout: Layout, block: Bars) -> Part:
    """A chart, a row per bar: label, the drawn bar, and its figure in words."""
    if not block.bars:
        return caption_only(layout, block.caption)
    styles = layout.type
    size = styles.cell.fontSize
    frame = layout.frame_width
    labels = natural_and_minimum(layout, [bar.label for bar in block.bars], REGULAR, size)[0]
    texts = natural_and_minimum(layout, [bar.text for bar in block.bars], REGULAR, size)[0]
    label_width = min(labels, frame * layout.bar_label_share)
    figures = min(texts, frame * layout.bar_text_share)
    track_width = frame - label_width - figures
    room = label_width - 2 * layout.cell_pad

    def label(bar: Bar) -> str:
        if layout.bar_labels_on_one_line:
            return shortened(bar.label, REGULAR, size, room)
        return bar.label

    data = [
        [
            platypus.Paragraph(markup(label(bar)), styles.cell),
            _track(layout, bar, track_width - 2 * layout.cell_pad),
            platypus.Paragraph(markup(bar.text), styles.cell),
        ]
        for bar in block.bars
    ]
    widths = [label_width, track_width, figures]
    commands = _cell_style(layout, len(data), lines=False)
    return _grid(layout, data, widths, commands, block.caption, header=False)
