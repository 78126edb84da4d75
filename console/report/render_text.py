"""Render a report `Document` as plain text, for a mail, a chat message or a phone.

Plain text is what the coordinator pastes when nothing else will do, so it
must read well with no markup at all: headings underlined, lists with dashes,
tables as aligned columns whose cells wrap when the table is too wide (and, when
not even the longest words fit side by side, as one labelled record per row,
which reads better on a phone than columns of broken words). Every line fits
in `width` display cells, measured the way a terminal does
(`rich.cells.cell_len`: an accent takes none, "漢" takes two), so a column
never slips when a name has an accent. Plan and journal values are data: a
control character in them is shown as a sign (ESC as "␛", see
`console.present.text.visible`), never passed on raw, so a pasted or printed
report cannot carry a terminal escape sequence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len, chop_cells, set_cell_size

from console.i18n import _
from console.present.text import visible
from console.report.document import (
    Bar,
    Bars,
    Block,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
    text_bar,
)

MIN_WIDTH = 40
"""Below this, a bar and its label, or a table of a few columns, no longer fit on a line."""

MIN_FIGURE = 12
"""The room a bar's figure needs beside it; with less, the figure goes below the bar."""

GAP = "  "
"""Between two table columns, and between a bar's label, drawing and figure."""

SPACE = r"[^\S\u00a0\u2007\u202f]+"
BREAK = re.compile(rf"(?<!\d){SPACE}|{SPACE}(?!\d)")
"""Where a line may break: white space, but not a no-break space, nor a space between
two digits, so that a phone number ("+32 470 10 20 31") is never cut in two."""


def _inline(text: str) -> str:
    """Text for one place on a line: line breaks as spaces, control characters shown."""
    return visible(text.replace("\r\n", " ").replace("\n", " ")).strip()


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words; a longer word is cut."""
    if text == " ".join(text.split()) and cell_len(text) <= width:
        return [text]  # most cells fit as they are: a timeline has tens of thousands
    words = [word for word in BREAK.split(text) if word]
    lines: list[str] = []
    line, length = "", 0
    for word in words:
        size = cell_len(word)
        if line and length + 1 + size <= width:
            line, length = f"{line} {word}", length + 1 + size
            continue
        if line:
            lines.append(line)
        pieces = [piece for piece in chop_cells(word, width) if piece] or [""]
        lines.extend(pieces[:-1])
        line, length = pieces[-1], cell_len(pieces[-1])
    lines.append(line)
    return lines


def _hanging(prefix: str, text: str, width: int) -> list[str]:
    """`text` wrapped after `prefix`, its following lines indented under the text's start."""
    indent = cell_len(prefix)
    lines = _wrap(text, width - indent)
    first = (prefix + lines[0]).rstrip()
    return [first, *(" " * indent + line for line in lines[1:])]


def _heading(text: str, underline: str, width: int) -> list[str]:
    """A heading wrapped to `width`, underlined with `underline` when one is given."""
    text = _inline(text)
    if not text:
        return []
    lines = _wrap(text, width)
    if underline:
        lines.append(underline * max(cell_len(line) for line in lines))
    return lines


def _paragraph(paragraph: Paragraph, width: int) -> list[str]:
    lines: list[str] = []
    for line in paragraph.text.replace("\r\n", "\n").split("\n"):
        text = visible(line).strip()
        lines.extend(_wrap(text, width) if text else [""])
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _bullets(bullets: BulletList, width: int) -> list[str]:
    lines: list[str] = []
    digits = len(str(len(bullets.items)))
    for number, item in enumerate(bullets.items, 1):
        marker = f"{number:>{digits}}. " if bullets.ordered else "- "
        lines.extend(_hanging(marker, _inline(item), width))
    return lines


def _labelled(label: str, value: str, width: int) -> list[str]:
    """A labelled value, "Label: value"; the value's next lines start under its first."""
    label, value = _inline(label), _inline(value)
    if not label:
        return _wrap(value, width)
    head = label + ":"
    if cell_len(head) + 1 <= width // 2:
        return _hanging(head + " ", value, width)
    lines = _wrap(head, width)
    if value:
        lines.extend("    " + line for line in _wrap(value, width - 4))
    return lines


def _key_values(items: Sequence[tuple[str, str]], width: int) -> list[str]:
    return [line for label, value in items for line in _labelled(label, value, width)]


def _longest_word(text: str) -> int:
    """The widest word in `text`: a column this narrow or wider breaks no word."""
    return max((cell_len(word) for word in BREAK.split(text)), default=0)


def _lines_needed(words: Sequence[int], width: int) -> int:
    """How many lines `_wrap` makes of words this wide, none wider than `width`."""
    lines, used = 1, -1
    for word in words:
        if used >= 0 and used + 1 + word <= width:
            used += 1 + word
            continue
        lines += used >= 0
        used = word
    return lines


SAMPLED = 200
"""Rows past which a table's column widths are weighed on an evenly spread sample of rows."""


def _column_widths(cells: Sequence[Sequence[str]], available: int) -> list[int] | None:
    """Widths for the columns of `cells` (header row first) within `available` cells.

    Each column at its widest cell when that fits. Otherwise narrow columns keep
    their width; each wider one starts at its longest word, so that no word is
    broken, and the room left goes, a few cells at a time, where it saves the
    most lines: first lines of the table, then lines of text. None when even the
    longest words do not fit side by side.
    """
    count = len(cells[0])
    columns = [{row[index] for row in cells} for index in range(count)]  # repeats measured once
    natural = [max(map(cell_len, column)) or 1 for column in columns]
    if sum(natural) <= available:
        return natural
    floors = [max(map(_longest_word, column)) or 1 for column in columns]
    if sum(floors) > available:
        return None
    order = sorted(range(count), key=lambda index: natural[index])
    remaining, squeezed = available, order
    for position, index in enumerate(order):
        if natural[index] > remaining // (count - position):
            squeezed = order[position:]
            break
        remaining -= natural[index]
    if sum(floors[index] for index in squeezed) > remaining:
        remaining, squeezed = available, order
    if len(cells) > SAMPLED:  # thousands of rows: the line counts of a spread sample decide
        step = len(cells) // SAMPLED + 1
        cells = [cells[0], *cells[1::step]]
    words = [
        [[cell_len(word) for word in BREAK.split(row[index]) if word] for row in cells]
        for index in range(count)
    ]
    counted: dict[tuple[int, int], list[int]] = {}

    def lines(index: int, width: int) -> list[int]:
        if (index, width) not in counted:
            counted[index, width] = [_lines_needed(cell, width) for cell in words[index]]
        return counted[index, width]

    widths = list(natural)
    for index in squeezed:
        widths[index] = floors[index]
    texts = sum(sum(lines(index, widths[index])) for index in range(count))

    def cost(trial: list[int]) -> int:
        columns = [lines(index, trial[index]) for index in range(count)]
        height = sum(max(column[row] for column in columns) for row in range(len(cells)))
        return height * (texts + 1) + sum(sum(column) for column in columns)

    room = remaining - sum(widths[index] for index in squeezed)
    current = cost(widths)
    while room:
        best: tuple[float, int, int] | None = None
        for index in squeezed:
            for step in range(1, min(room, natural[index] - widths[index]) + 1):
                trial = list(widths)
                trial[index] += step
                saved = current - cost(trial)
                if saved > 0:
                    if best is None or saved / step > best[0]:
                        best = (saved / step, index, step)
                    break
        if best is None:
            break
        _, index, step = best
        widths[index] += step
        room -= step
        current = cost(widths)
    return widths


def _table_row(
    cells: Sequence[str], widths: Sequence[int], known: dict[tuple[str, int], list[str]]
) -> list[str]:
    """One row as one or more lines, each cell wrapped within its column.

    `known` holds the cells already wrapped and padded: a timeline's columns
    repeat their values (the same people, the same kinds of event).
    """
    wrapped = []
    for cell, width in zip(cells, widths, strict=True):
        if (cell, width) not in known:
            known[cell, width] = [set_cell_size(line, width) for line in _wrap(cell, width)]
        wrapped.append(known[cell, width])
    height = max(len(lines) for lines in wrapped)
    return [
        GAP.join(
            lines[line] if line < len(lines) else " " * width
            for lines, width in zip(wrapped, widths, strict=True)
        ).rstrip()
        for line in range(height)
    ]


def _table(table: Table, width: int) -> list[str]:
    count = len(table.headers)
    headers = [_inline(header) for header in table.headers]
    rows = [
        [_inline(cell) for cell in (*row[:count], *("",) * (count - len(row)))]
        for row in table.rows
    ]
    caption = _wrap(_inline(table.caption), width) if table.caption.strip() else []
    if not count:
        return caption
    widths = _column_widths([headers, *rows], width - len(GAP) * (count - 1))
    if widths is None:
        return _records(headers, rows, caption, width)
    rule = GAP.join("-" * column for column in widths)
    known: dict[tuple[str, int], list[str]] = {}
    lines = [*_table_row(headers, widths, known), rule]
    body = [_table_row(row, widths, known) for row in rows]
    spaced = any(len(row_lines) > 1 for row_lines in body)
    for number, row_lines in enumerate(body):
        if spaced and number:
            lines.append("")
        lines.extend(row_lines)
    if caption:
        lines.extend([rule, *caption])
    return lines


def _records(
    headers: list[str], rows: list[list[str]], caption: list[str], width: int
) -> list[str]:
    """A table too wide for columns: each row as labelled values, a blank line between rows."""
    lines: list[str] = []
    for row in rows:
        if lines:
            lines.append("")
        lines.extend(_key_values(list(zip(headers, row, strict=True)), width))
    if caption:
        lines.extend(["-" * min(width, max(map(cell_len, caption))), *caption])
    return lines


def _clip(text: str, width: int) -> str:
    """`text` cut to `width` cells, with "…" when cut."""
    if cell_len(text) <= width:
        return text
    return (chop_cells(text, width - 1) or [""])[0] + "…"


def _bars(block: Bars, width: int) -> list[str]:
    share = width // 4
    labels = [_clip(_inline(bar.label), share) for bar in block.bars]
    label_width = max((cell_len(label) for label in labels), default=0)
    drawn = [text_bar(bar) for bar in block.bars]
    drawn_width = max((cell_len(drawing) for drawing in drawn), default=0)
    lines: list[str] = []
    for bar, label, drawing in zip(block.bars, labels, drawn, strict=True):
        prefix = set_cell_size(label, label_width) + GAP + set_cell_size(drawing, drawn_width)
        lines.extend(_bar_line(prefix, bar, width))
    if block.caption.strip():
        lines.extend(["", *_wrap(_inline(block.caption), width)])
    return lines


def _bar_line(prefix: str, bar: Bar, width: int) -> list[str]:
    """A bar with its figure beside it, or below it when the line has no room left."""
    text = _inline(bar.text)
    if width - cell_len(prefix) - len(GAP) >= MIN_FIGURE or not text:
        return _hanging(prefix + GAP, text, width)
    return [prefix.rstrip(), *_hanging(GAP, text, width)]


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Paragraph):
        return _paragraph(block, width)
    if isinstance(block, BulletList):
        return _bullets(block, width)
    if isinstance(block, KeyValues):
        return _key_values(block.items, width)
    if isinstance(block, Bars):
        return _bars(block, width)
    return _table(block, width)


UNDERLINES = {1: "=", 2: "-"}
"""The underline of a section heading by depth; deeper headings are not underlined."""


def _section(section: Section, depth: int, width: int) -> list[str]:
    parts = [_heading(section.heading, UNDERLINES.get(depth, ""), width)]
    parts.extend(_block(block, width) for block in section.blocks)
    lines = _joined(parts)
    for subsection in section.subsections:
        lines.extend(["", *_section(subsection, depth + 1, width)])
    return lines


def _joined(parts: Sequence[list[str]]) -> list[str]:
    """The non-empty parts with a blank line between them."""
    lines: list[str] = []
    for part in parts:
        if part:
            lines.extend(["", *part] if lines else part)
    return lines


def render_text(doc: Document, width: int = 72) -> str:
    """The document as plain text, no line wider than `width` cells, classified top and bottom."""
    if width < MIN_WIDTH:
        raise ValueError(_("A text report needs at least {width} columns.").format(width=MIN_WIDTH))
    banner = _wrap(_inline(doc.classification.upper()), width) if doc.classification.strip() else []
    byline = " — ".join(_inline(part) for part in (doc.generated_for, doc.subtitle) if part.strip())
    parts = [
        banner,
        _heading(doc.title, "=", width),
        _wrap(byline, width) if byline else [],
        _key_values(doc.details, width),
    ]
    lines = _joined(parts)
    for section in doc.sections:
        lines.extend(["", "", *_section(section, 1, width)])
    if banner:
        lines.extend(["", "", *banner])
    return "\n".join(lines).strip("\n") + "\n"
