"""Render a report `Document` as an A4 PDF, with reportlab.

The PDF is the copy that gets printed, mailed to the plan holders and opened
on whatever laptop is left on the day, so it carries everything it needs: the
Bitstream Vera fonts that ship inside reportlab are embedded (real text, and
the €, accents and curly quotes of the plan print the same everywhere), the
classification is printed at the top and bottom of every page with "page N / M",
and long tables wrap their cells and repeat their header row on every page.
Plan values are data, never markup: reportlab paragraphs parse a mini-markup, so
every value is escaped, and a character the font has no glyph for is replaced by
a readable fallback instead of an empty box. The output is byte-identical for
the same document (reportlab's invariant mode, a fixed creation date), so two
copies can be compared byte for byte.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab  # type: ignore[import-untyped]
from reportlab import platypus
from reportlab.graphics.shapes import Drawing, Polygon, Rect  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from console.i18n import _
from console.report.document import (
    Bar,
    Bars,
    Block,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Table,
)

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = "drp-Vera", "drp-VeraBd", "drp-VeraIt", "drp-VeraBI"
FONT_FILES = {
    REGULAR: "Vera.ttf",
    BOLD: "VeraBd.ttf",
    ITALIC: "VeraIt.ttf",
    BOLD_ITALIC: "VeraBI.ttf",
}

FALLBACKS = {
    "\N{CHECK MARK}": "v",
    "\N{HEAVY CHECK MARK}": "v",
    "\N{BALLOT X}": "x",
    "\N{HEAVY BALLOT X}": "x",
    "\N{ANTICLOCKWISE TOP SEMICIRCLE ARROW}": "<-",
    "\N{LEFTWARDS ARROW}": "<-",
    "\N{RIGHTWARDS ARROW}": "->",
    "\N{DOWNWARDS ARROW WITH TIP RIGHTWARDS}": "->",
    "\N{LEFT RIGHT ARROW}": "<->",
    "\N{BLACK SQUARE}": "#",
    "\N{WHITE SQUARE}": "o",
}
"""Readable stand-ins for symbols the app uses that Vera has no glyph for."""

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
KEEP_LIMIT = FRAME_HEIGHT / 3
"""Tables and charts up to this tall are kept on one page; taller ones split by rows."""
NARROW = 0.2
"""A column this narrow (a share of the page) is not wrapped when others can be instead."""
CELL_PAD = 4.0
CELL_PAD_Y = 2.5
GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#e6e6e6")
LABEL_FILL = colors.HexColor("#f2f2f2")
LEVEL_COLOURS = {
    "ok": colors.HexColor("#2e7d32"),
    "soon": colors.HexColor("#ef6c00"),
    "late": colors.HexColor("#c62828"),
}
BAR_HEIGHT = 9.0
OVER_MARK = 7.0
"""Room after a bar's track for the triangle that marks "more than full"."""


@cache
def _glyphs() -> frozenset[int]:
    """Register the Vera family once; return the code points all four faces can draw."""
    covered: frozenset[int] | None = None
    for name, file in FONT_FILES.items():
        font = TTFont(name, str(FONT_DIR / file))
        pdfmetrics.registerFont(font)
        faces = frozenset(font.face.charToGlyph)
        covered = faces if covered is None else covered & faces
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return covered or frozenset()


def _fallback(char: str, covered: frozenset[int]) -> str:
    """What to print for a character the font cannot draw."""
    if char in FALLBACKS:
        return FALLBACKS[char]
    if char.isspace():
        return " "
    if unicodedata.category(char) == "Cf":
        return ""
    base = "".join(
        c
        for c in unicodedata.normalize("NFKD", char)
        if ord(c) in covered and not unicodedata.combining(c)
    )
    return base or "?"


def printable(text: str) -> str:
    """`text` with every character Vera cannot draw replaced by a fallback ("✓" -> "v")."""
    covered = _glyphs()
    return "".join(c if ord(c) in covered else _fallback(c, covered) for c in text)


def _markup(text: str) -> str:
    """Plan text as reportlab paragraph markup: printable, escaped, line breaks kept."""
    return "<br/>".join(escape(printable(line)) for line in text.splitlines())


def _one_line(text: str) -> str:
    """Plan text as one line of paragraph markup, for headings."""
    return escape(printable(" ".join(text.split())))


@dataclass(frozen=True)
class _Styles:
    """The paragraph styles of every report."""

    body: Any
    bullet: Any
    cell: Any
    cell_bold: Any
    caption: Any
    title: Any
    organisation: Any
    subtitle: Any
    headings: tuple[Any, ...]

    def heading(self, depth: int) -> Any:
        """The style of a section heading at `depth` (1 for a top-level section)."""
        return self.headings[min(depth, len(self.headings)) - 1]


@cache
def _styles() -> _Styles:
    """The styles, made once the fonts are registered."""
    _glyphs()
    body = ParagraphStyle(
        "drp-body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=5, alignment=TA_LEFT
    )
    cell = ParagraphStyle("drp-cell", body, fontSize=8.5, leading=11, spaceAfter=0)

    def heading(name: str, font: str, size: float, before: float) -> Any:
        return ParagraphStyle(
            name,
            body,
            fontName=font,
            fontSize=size,
            leading=size * 1.25,
            spaceBefore=before,
            spaceAfter=5,
        )

    return _Styles(
        body=body,
        bullet=ParagraphStyle(
            "drp-bullet",
            body,
            leftIndent=16,
            bulletIndent=3,
            bulletFontName=REGULAR,
            bulletFontSize=10,
            spaceAfter=2,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("drp-cell-bold", cell, fontName=BOLD),
        caption=ParagraphStyle(
            "drp-caption", body, fontName=ITALIC, fontSize=8.5, leading=11, spaceBefore=2
        ),
        title=ParagraphStyle(
            "drp-title", body, fontName=BOLD, fontSize=22, leading=28, spaceAfter=10
        ),
        organisation=ParagraphStyle(
            "drp-organisation", body, fontName=BOLD, fontSize=15, leading=20, spaceAfter=4
        ),
        subtitle=ParagraphStyle("drp-subtitle", body, fontSize=13, leading=17, spaceAfter=14),
        headings=(
            heading("drp-h1", BOLD, 15, 14),
            heading("drp-h2", BOLD, 12.5, 11),
            heading("drp-h3", BOLD, 11, 9),
            heading("drp-h4", BOLD_ITALIC, 10, 7),
        ),
    )


def _text_width(text: str, font: str, size: float) -> float:
    """How wide `text` prints, in points."""
    return float(pdfmetrics.stringWidth(printable(text), font, size))


def _natural_and_minimum(texts: Iterable[str], font: str, size: float) -> tuple[float, float]:
    """A column's width without wrapping (longest line), and its longest word."""
    natural = minimum = 0.0
    for text in texts:
        for line in text.splitlines():
            natural = max(natural, _text_width(line, font, size))
            for word in line.split():
                minimum = max(minimum, _text_width(word, font, size))
    pad = 2 * CELL_PAD + 1
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


def _cell_style(rows: int, lines: bool = True, header: bool = False) -> list[tuple[Any, ...]]:
    """Font, padding, and for a data table the lines and the shaded header row."""
    last = rows - 1
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if lines else "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
    ]
    if lines:
        commands.append(("GRID", (0, 0), (-1, last), 0.5, GRID))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    return commands


@dataclass(frozen=True)
class _Part:
    """A block's flowables, how tall they are, and how much must fit to start them on a page."""

    flowables: list[Any]
    height: float
    lead: float
    keep: bool = False
    """Kept on one page: a small table or chart is not worth splitting."""
    leads_in: bool = False
    """A line or two that introduces what follows ("Facilities available:"): kept with it."""


def _height(flowable: Any) -> float:
    """How tall a flowable is across the frame, with the space around it."""
    _width, height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _row_heights(data: list[list[Any]], widths: list[float]) -> list[float]:
    """How tall each row of a table will be: its tallest cell, with the padding."""
    return [
        max(
            cell.wrap(width - 2 * CELL_PAD, FRAME_HEIGHT)[1]
            for cell, width in zip(row, widths, strict=True)
        )
        + 2 * CELL_PAD_Y
        for row in data
    ]


def _grid(
    data: list[list[Any]],
    widths: list[float],
    commands: list[tuple[Any, ...]],
    caption: str,
    header: bool,
) -> _Part:
    """A table that fits the frame's width and never runs off a page.

    Rows are not split across pages, except one too tall for any page: that
    table may split inside rows, or reportlab could not lay it out at all.
    The caption is the table's last row, spanning it, so that it never lands
    alone at the top of a page: it stays with the last row.
    """
    heights = _row_heights(data, widths)
    head = heights[0] if header else 0.0
    too_tall = max(heights) + head > FRAME_HEIGHT * 0.8
    rows = list(data)
    if caption:
        paragraph = platypus.Paragraph(_markup(caption), _styles().caption)
        last = len(rows)
        rows.append([paragraph, *[""] * (len(widths) - 1)])
        commands = [
            *commands,
            ("SPAN", (0, last), (-1, last)),
            ("LEFTPADDING", (0, last), (-1, last), 0),
            ("TOPPADDING", (0, last), (-1, last), 3),
        ]
        if not too_tall:
            commands.append(("NOSPLIT", (0, last - 1), (-1, last)))
        heights.append(paragraph.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + 3 + CELL_PAD_Y)
    table = platypus.Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitInRow=40 if too_tall else 0,
        style=platypus.TableStyle(commands),
        spaceBefore=3,
        spaceAfter=8,
    )
    height = sum(heights) + 3 + 8
    lead = 3 + head + heights[min(1 if header else 0, len(heights) - 1)]
    keep = height <= KEEP_LIMIT
    return _Part([table], height, height if keep else min(lead, KEEP_LIMIT), keep)


def _caption_only(caption: str) -> _Part:
    """What is left of a table or chart with nothing in it: its caption, if any."""
    if not caption:
        return _Part([], 0.0, 0.0)
    paragraph = platypus.Paragraph(_markup(caption), _styles().caption)
    height = _height(paragraph)
    return _Part([paragraph], height, height)


def _table(table: Table) -> _Part:
    styles = _styles()
    width = len(table.headers)
    if width == 0:
        return _caption_only(table.caption)
    rows = [(*row[:width], *("",) * (width - len(row))) for row in table.rows]
    natural, minimum = [], []
    for column in range(width):
        head = _natural_and_minimum([table.headers[column]], BOLD, styles.cell.fontSize)
        body = _natural_and_minimum((row[column] for row in rows), REGULAR, styles.cell.fontSize)
        natural.append(max(head[0], body[0]))
        minimum.append(min(max(head[1], body[1]), FRAME_WIDTH / 3))
    data = [[platypus.Paragraph(_markup(text), styles.cell_bold) for text in table.headers]]
    data.extend([platypus.Paragraph(_markup(text), styles.cell) for text in row] for row in rows)
    widths = column_widths(natural, minimum, FRAME_WIDTH)
    commands = _cell_style(len(data), header=True)
    return _grid(data, widths, commands, table.caption, header=True)


def _key_values(items: tuple[tuple[str, str], ...]) -> _Part:
    """Labels in bold on a shaded column, values beside them."""
    if not items:
        return _Part([], 0.0, 0.0)
    styles = _styles()
    label_width = _natural_and_minimum([label for label, _ in items], BOLD, 8.5)[0]
    label_width = min(max(label_width, 30 * mm), FRAME_WIDTH * 0.4)
    data = [
        [
            platypus.Paragraph(_markup(label), styles.cell_bold),
            platypus.Paragraph(_markup(value), styles.cell),
        ]
        for label, value in items
    ]
    commands = [*_cell_style(len(data)), ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)]
    return _grid(data, [label_width, FRAME_WIDTH - label_width], commands, "", header=False)


def _track(bar: Bar, width: float) -> Any:
    """A bar's track, filled as far as its fraction, in its level's colour."""
    track = width - OVER_MARK
    fraction = min(max(bar.fraction, 0.0), 1.0)
    colour = LEVEL_COLOURS.get(bar.level, LEVEL_COLOURS["ok"])
    line = {"strokeColor": GRID, "strokeWidth": 0.6}
    drawing = Drawing(width, BAR_HEIGHT + 2)
    drawing.add(Rect(0, 1, track, BAR_HEIGHT, fillColor=colors.white, **line))
    if fraction > 0:
        drawing.add(Rect(0, 1, track * fraction, BAR_HEIGHT, fillColor=colour, **line))
    if bar.fraction > 1:
        tip = track + OVER_MARK - 1
        points = [track + 1, 1, tip, 1 + BAR_HEIGHT / 2, track + 1, 1 + BAR_HEIGHT]
        drawing.add(Polygon(points, fillColor=colour, **line))
    return drawing


def _bars(block: Bars) -> _Part:
    """A chart, a row per bar: label, the drawn bar, and its figure in words."""
    if not block.bars:
        return _caption_only(block.caption)
    styles = _styles()
    size = styles.cell.fontSize
    labels = _natural_and_minimum([bar.label for bar in block.bars], REGULAR, size)[0]
    texts = _natural_and_minimum([bar.text for bar in block.bars], REGULAR, size)[0]
    label_width = min(labels, FRAME_WIDTH * 0.35)
    text_width = min(texts, FRAME_WIDTH * 0.3)
    track_width = FRAME_WIDTH - label_width - text_width
    data = [
        [
            platypus.Paragraph(_markup(bar.label), styles.cell),
            _track(bar, track_width - 2 * CELL_PAD),
            platypus.Paragraph(_markup(bar.text), styles.cell),
        ]
        for bar in block.bars
    ]
    widths = [label_width, track_width, text_width]
    return _grid(data, widths, _cell_style(len(data), lines=False), block.caption, header=False)


def _paragraphs(paragraphs: list[Any], first_lines: int) -> _Part:
    """Paragraphs that may split across pages, once `first_lines` lines fit."""
    if not paragraphs:
        return _Part([], 0.0, 0.0)
    heights = [_height(p) for p in paragraphs]
    first = paragraphs[0]
    lead = min(heights[0], first.getSpaceBefore() + first_lines * first.style.leading)
    return _Part(paragraphs, sum(heights), lead)


def _block(block: Block) -> _Part:
    styles = _styles()
    if isinstance(block, Paragraph):
        part = _paragraphs([platypus.Paragraph(_markup(block.text), styles.body)], 3)
        short = part.height <= 2 * styles.body.leading + styles.body.spaceAfter + 1
        return _Part(part.flowables, part.height, part.lead, leads_in=short)
    if isinstance(block, BulletList):
        items = []
        for number, item in enumerate(block.items, 1):
            bullet = f"{number}." if block.ordered else "\N{BULLET}"
            items.append(platypus.Paragraph(_markup(item), styles.bullet, bulletText=bullet))
        if items:
            items[-1].spaceAfter = 6
        return _paragraphs(items, 2)
    if isinstance(block, KeyValues):
        return _key_values(block.items)
    if isinstance(block, Bars):
        return _bars(block)
    return _table(block)


def _title_block(doc: Document) -> list[Any]:
    styles = _styles()
    story: list[Any] = [platypus.Spacer(1, 25 * mm)]
    story.append(platypus.Paragraph(_markup(doc.title), styles.title))
    if doc.generated_for:
        story.append(platypus.Paragraph(_markup(doc.generated_for), styles.organisation))
    if doc.subtitle:
        story.append(platypus.Paragraph(_markup(doc.subtitle), styles.subtitle))
    story.extend(_key_values(doc.details).flowables)
    return story


class _Story:
    """The flowables in reading order, with headings held until what follows them is known.

    A heading, and a short line that introduces a table or list, waits for
    the next block, and goes to the next page unless it fits together with
    the start of that block: nothing is left alone at the foot of a page.
    """

    def __init__(self) -> None:
        self.flowables: list[Any] = []
        self.waiting: list[Any] = []

    def wait(self, flowables: list[Any]) -> None:
        """Hold `flowables` until the next block."""
        self.waiting.extend(flowables)

    def flush(self, lead: float = 0.0) -> None:
        """Place what waits, on a new page unless it fits with `lead` points below it."""
        if self.waiting:
            # Capped, or a long run could never fit and would leave a blank page.
            needed = min(sum(map(_height, self.waiting)) + lead, FRAME_HEIGHT / 2)
            self.flowables.append(platypus.CondPageBreak(needed))
            self.flowables.extend(self.waiting)
            self.waiting = []

    def add(self, part: _Part) -> None:
        """Place a block after what waits for it."""
        if part.leads_in:
            if self.ends_with_text():
                self.flush(part.lead)
            self.wait(part.flowables)
            return
        self.flush(part.lead)
        if part.keep:
            self.flowables.append(platypus.KeepTogether(part.flowables))
        else:
            self.flowables.extend(part.flowables)

    def ends_with_text(self) -> bool:
        """Whether the last thing waiting is text rather than a heading."""
        return bool(self.waiting) and not hasattr(self.waiting[-1], "drp_outline")


def _story(doc: Document) -> list[Any]:
    """Every flowable of the document, in reading order."""
    styles = _styles()
    story = _Story()
    story.flowables.extend(_title_block(doc))
    for index, (depth, section) in enumerate(doc.walk()):
        if section.new_page or story.ends_with_text():
            story.flush()
        if section.new_page:
            story.flowables.append(platypus.PageBreakIfNotEmpty())
        heading = platypus.Paragraph(_one_line(section.heading), styles.heading(depth))
        heading.drp_outline = (f"section-{index}", section.heading, depth - 1)
        story.wait([heading])
        for block in section.blocks:
            part = _block(block)
            if part.flowables:
                story.add(part)
    story.flush()
    return story.flowables


def _fitted_size(text: str, font: str, size: float, width: float) -> float:
    """The font size, at most `size`, at which `text` fits in `width`."""
    natural = _text_width(text, font, size)
    return size if natural <= width else max(size * width / natural, 4.0)


@dataclass(frozen=True)
class _Running:
    """What every page carries: the classification above and below, the page number."""

    classification: str
    organisation: str


class _PagedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages back until the end, to print "page N / M" on each.

    Section bookmarks are held back too: a bookmark points at the page being
    written, and no page is written before `save`.
    """

    def __init__(self, *args: Any, running: _Running, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running = running
        self.held_pages: list[dict[str, Any]] = []
        self.held_marks: list[tuple[int, str, str, int]] = []

    def mark(self, key: str, title: str, level: int) -> None:
        """Bookmark the current page as section `title`, at outline `level`."""
        self.held_marks.append((len(self.held_pages), key, title, level))

    def showPage(self) -> None:
        """Hold the finished page back and start a new one."""
        self.held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Write every held page with its running header and footer, then the file."""
        pages = len(self.held_pages)
        for number, state in enumerate(self.held_pages, 1):
            self.__dict__.update(state)
            self._draw_running(number, pages)
            for page, key, _title, _level in self.held_marks:
                if page == number - 1:
                    self.bookmarkPage(key)
            super().showPage()
        for _page, key, title, level in self.held_marks:
            self.addOutlineEntry(printable(" ".join(title.split())) or "-", key, level=level)
        if self.held_marks:
            self.showOutline()
        super().save()

    def _draw_running(self, number: int, pages: int) -> None:
        running = self.running
        width = FRAME_WIDTH
        page = _("page {page} / {pages}").format(page=number, pages=pages)
        self.saveState()
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.setFillColor(colors.black)
        if running.classification:
            header = " \N{EM DASH} ".join(
                part for part in (running.classification, running.organisation) if part
            )
            header = printable(header)
            size = _fitted_size(header, BOLD, 9, width)
            self.setFont(BOLD, size)
            self.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 13 * mm, header)
            self.line(MARGIN_X, PAGE_HEIGHT - 15 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 15 * mm)
        self.line(MARGIN_X, 16 * mm, PAGE_WIDTH - MARGIN_X, 16 * mm)
        page = printable(page)
        self.setFont(REGULAR, 8)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, 11 * mm, page)
        if running.classification:
            marking = printable(running.classification)
            room = width - _text_width(page, REGULAR, 8) - 6 * mm
            self.setFont(BOLD, _fitted_size(marking, BOLD, 8, room))
            self.drawString(MARGIN_X, 11 * mm, marking)
        self.restoreState()


class _DocTemplate(platypus.BaseDocTemplate):  # type: ignore[misc]
    """A4 with one frame; passes each section heading to the canvas as a bookmark."""

    def afterFlowable(self, flowable: Any) -> None:
        """Bookmark the page a section heading landed on."""
        outline = getattr(flowable, "drp_outline", None)
        if outline is not None:
            self.canv.mark(*outline)


def render_pdf(doc: Document) -> bytes:
    """The document as an A4 PDF with embedded fonts, identical bytes for the same document."""
    _glyphs()
    buffer = BytesIO()
    # No padding in the frame: tables are measured to its exact width.
    frame = platypus.Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template = _DocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[platypus.PageTemplate(id="page", frames=[frame])],
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=doc.title,
        author=doc.generated_for,
        subject=doc.subtitle,
        creator="drp",
        lang=doc.language,
        invariant=1,
        initialFontName=REGULAR,
    )
    running = _Running(doc.classification, doc.generated_for)
    template.build(_story(doc), canvasmaker=partial(_PagedCanvas, running=running))
    return buffer.getvalue()
