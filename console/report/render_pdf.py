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

A document marked `compact` (the board's status report, which must fit one
page) is set densely; `pdf_layout` holds what differs. The work is split by
job: `pdf_text` (fonts, fallbacks, escaping), `pdf_tables` (tables, details,
bar charts), `pdf_long_table` and `pdf_operators` (a timeline of thousands of
rows), `pdf_canvas` (the running header and footer); this module puts the
story in reading order and builds the file.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import Any

from reportlab import platypus, rl_config  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]

from console.report.document import Block, BulletList, Document, KeyValues, Paragraph, Table
from console.report.pdf_canvas import DocTemplate, PagedCanvas, Running
from console.report.pdf_layout import Layout, layout_for
from console.report.pdf_tables import (
    EMPTY,
    Part,
    bars,
    column_widths,
    height,
    key_values,
    table,
)
from console.report.pdf_text import BOLD, REGULAR, fitted_size, glyphs, markup, one_line, printable

__all__ = ["column_widths", "printable", "render_pdf"]

TITLE_SMALLEST = 10.0
"""The smallest a one-line title is shrunk to; a longer title wraps instead."""


def _paragraphs(layout: Layout, paragraphs: list[Any], first_lines: int) -> Part:
    """Paragraphs that may split across pages, once `first_lines` lines fit."""
    if not paragraphs:
        return EMPTY
    heights = [height(layout, p) for p in paragraphs]
    first = paragraphs[0]
    lead = min(heights[0], first.getSpaceBefore() + first_lines * first.style.leading)
    return Part(paragraphs, sum(heights), lead)


def _block(layout: Layout, block: Block) -> Part:
    styles = layout.type
    if isinstance(block, Paragraph):
        part = _paragraphs(layout, [platypus.Paragraph(markup(block.text), styles.body)], 3)
        short = part.height <= 2 * styles.body.leading + styles.body.spaceAfter + 1
        return Part(part.flowables, part.height, part.lead, leads_in=short)
    if isinstance(block, BulletList):
        items = []
        for number, item in enumerate(block.items, 1):
            bullet = f"{number}." if block.ordered else "\N{BULLET}"
            items.append(platypus.Paragraph(markup(item), styles.bullet, bulletText=bullet))
        if items:
            items[-1].spaceAfter = layout.list_space_after
        return _paragraphs(layout, items, 2)
    if isinstance(block, KeyValues):
        return key_values(layout, block.items)
    if isinstance(block, Table):
        return table(layout, block)
    return bars(layout, block)


def _title_block(layout: Layout, doc: Document) -> list[Any]:
    styles = layout.type
    story: list[Any] = [platypus.Spacer(1, layout.title_space)]
    if layout.title_on_one_line:
        title = styles.title
        size = fitted_size(doc.title, BOLD, title.fontSize, layout.frame_width, TITLE_SMALLEST)
        fitted = ParagraphStyle("drp-title-fitted", title, fontSize=size, leading=size * 1.2)
        story.append(platypus.Paragraph(one_line(doc.title), fitted))
        byline = " \N{MIDDLE DOT} ".join(p for p in (doc.generated_for, doc.subtitle) if p)
        if byline:
            story.append(platypus.Paragraph(markup(byline), styles.subtitle))
    else:
        story.append(platypus.Paragraph(markup(doc.title), styles.title))
        if doc.generated_for:
            story.append(platypus.Paragraph(markup(doc.generated_for), styles.organisation))
        if doc.subtitle:
            story.append(platypus.Paragraph(markup(doc.subtitle), styles.subtitle))
    story.extend(key_values(layout, doc.details).flowables)
    return story


class _Story:
    """The flowables in reading order, with headings held until what follows them is known.

    A heading, and a short line that introduces a table or list, waits for
    the next block, and goes to the next page unless it fits together with
    the start of that block: nothing is left alone at the foot of a page.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.flowables: list[Any] = []
        self.waiting: list[Any] = []

    def wait(self, flowables: list[Any]) -> None:
        """Hold `flowables` until the next block."""
        self.waiting.extend(flowables)

    def flush(self, lead: float = 0.0) -> None:
        """Place what waits, on a new page unless it fits with `lead` points below it."""
        if self.waiting:
            # Capped, or a long run could never fit and would leave a blank page.
            needed = sum(height(self.layout, f) for f in self.waiting) + lead
            needed = min(needed, self.layout.frame_height / 2)
            self.flowables.append(platypus.CondPageBreak(needed))
            self.flowables.extend(self.waiting)
            self.waiting = []

    def add(self, part: Part) -> None:
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


def _story(layout: Layout, doc: Document) -> list[Any]:
    """Every flowable of the document, in reading order."""
    story = _Story(layout)
    story.flowables.extend(_title_block(layout, doc))
    for index, (depth, section) in enumerate(doc.walk()):
        new_page = section.new_page and layout.new_pages
        if new_page or story.ends_with_text():
            story.flush()
        if new_page:
            story.flowables.append(platypus.PageBreakIfNotEmpty())
        heading = platypus.Paragraph(one_line(section.heading), layout.type.heading(depth))
        heading.drp_outline = (f"section-{index}", section.heading, depth - 1)
        story.wait([heading])
        for block in section.blocks:
            part = _block(layout, block)
            if part.flowables:
                story.add(part)
    story.flush()
    return story.flowables


def render_pdf(doc: Document) -> bytes:
    """The document as an A4 PDF with embedded fonts, identical bytes for the same document."""
    glyphs()
    # Compressed streams stay binary, not ASCII85 text: a fifth smaller, and no
    # time spent encoding a long timeline's pages (every PDF reader reads both).
    rl_config.useA85 = 0
    layout = layout_for(doc)
    page = layout.page
    buffer = BytesIO()
    # No padding in the frame: tables are measured to its exact width.
    frame = platypus.Frame(
        page.margin_x,
        page.margin_bottom,
        page.frame_width,
        page.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template = DocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[platypus.PageTemplate(id="page", frames=[frame])],
        leftMargin=page.margin_x,
        rightMargin=page.margin_x,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        title=doc.title,
        author=doc.generated_for,
        subject=doc.subtitle,
        creator="drp",
        lang=doc.language,
        invariant=1,
        initialFontName=REGULAR,
    )
    running = Running(doc.classification, doc.generated_for)
    canvas = partial(PagedCanvas, running=running, page=page)
    template.build(_story(layout, doc), canvasmaker=canvas)
    return buffer.getvalue()
