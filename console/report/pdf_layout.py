"""How dense a PDF is printed: one `Layout` per density, chosen once per document.

Most documents (the binder, the after-action report) are read at a desk and
kept in a folder: generous margins, 10 pt text, a title page, small tables
kept whole on a page and sections that start where they read best. The
board's status report is different: it is handed round the table and must
fit one A4 page, so a document marked `compact` gets small margins, 8 pt text
and 7 pt tables with little padding, a one-line title, its details side by
side, one-line bars, and tables that split wherever the page ends.

Every difference between the two lives here, as values and named switches,
so the renderer asks "how tall is a bar" or "are sections given page breaks"
instead of "is this compact".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]

from console.report.document import Document
from console.report.pdf_text import BOLD, BOLD_ITALIC, ITALIC, REGULAR, glyphs

PAGE_WIDTH, PAGE_HEIGHT = A4
GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#e6e6e6")
LABEL_FILL = colors.HexColor("#f2f2f2")
LEVEL_COLOURS = {
    "ok": colors.HexColor("#2e7d32"),
    "soon": colors.HexColor("#ef6c00"),
    "late": colors.HexColor("#c62828"),
}
OVER_MARK = 7.0
"""Room after a bar's track for the triangle that marks "more than full"."""
NARROW = 0.2
"""A column this narrow (a share of the page) is not wrapped when others can be instead."""


@dataclass(frozen=True)
class Page:
    """The page's margins and where the running header and footer sit in them (points)."""

    margin_x: float
    margin_top: float
    margin_bottom: float
    header_at: float
    """The header's baseline, down from the top edge."""
    header_rule_at: float
    """The line under the header, down from the top edge."""
    footer_rule_at: float
    """The line over the footer, up from the bottom edge."""
    footer_at: float
    """The footer's baseline, up from the bottom edge."""
    header_size: float
    footer_size: float

    @property
    def frame_width(self) -> float:
        """The width text is set in."""
        return float(PAGE_WIDTH - 2 * self.margin_x)

    @property
    def frame_height(self) -> float:
        """The height text is set in."""
        return float(PAGE_HEIGHT - self.margin_top - self.margin_bottom)


@dataclass(frozen=True)
class Type:
    """The paragraph styles of one density."""

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


@dataclass(frozen=True)
class Layout:
    """Everything that makes one density: the page, the type, and how blocks are laid out."""

    page: Page
    type: Type
    cell_pad: float
    """Left and right padding inside a table cell."""
    cell_pad_y: float
    """Top and bottom padding inside a table cell."""
    table_space_before: float
    table_space_after: float
    caption_gap: float
    """Space between a table's last row and its caption."""
    list_space_after: float
    """Space after a list's last item."""
    keep_limit: float
    """Tables and charts up to this tall are kept on one page; taller ones split by rows."""
    new_pages: bool
    """Whether a section marked `new_page` opens a page (a compact report flows on)."""
    title_space: float
    """Room above the title."""
    title_on_one_line: bool
    """The title shrinks to one line, with the organisation and subtitle in small type under it."""
    key_value_pairs: int
    """How many label/value pairs stand side by side in a block of details."""
    label_least: float
    """The narrowest a label column of a single label/value pair gets."""
    bar_height: float
    bar_label_share: float
    """The widest a chart's label column gets, as a share of the frame."""
    bar_text_share: float
    """The widest a chart's figure column gets, as a share of the frame."""
    bar_labels_on_one_line: bool
    """A bar's label is cut to one line (the full name is in the report's tables)."""

    @property
    def frame_width(self) -> float:
        """The width text is set in."""
        return self.page.frame_width

    @property
    def frame_height(self) -> float:
        """The height text is set in."""
        return self.page.frame_height


def _body_and_cell(
    size: float, leading: float, after: float, cell: float, cell_leading: float
) -> tuple[Any, Any]:
    """The body and cell styles every other style derives from."""
    body = ParagraphStyle(
        "drp-body",
        fontName=REGULAR,
        fontSize=size,
        leading=leading,
        spaceAfter=after,
        alignment=TA_LEFT,
    )
    cells = ParagraphStyle("drp-cell", body, fontSize=cell, leading=cell_leading, spaceAfter=0)
    return body, cells


def _heading(
    body: Any, name: str, font: str, size: float, before: float, after: float, leading: float = 1.25
) -> Any:
    """A heading's style; `leading` is a multiple of its size."""
    return ParagraphStyle(
        name,
        body,
        fontName=font,
        fontSize=size,
        leading=size * leading,
        spaceBefore=before,
        spaceAfter=after,
    )


@cache
def regular() -> Layout:
    """The binder's density: a title page, 10 pt text, tables kept whole when small."""
    glyphs()
    body, cell = _body_and_cell(10, 13.5, 5, 8.5, 11)
    page = Page(
        margin_x=18 * mm,
        margin_top=22 * mm,
        margin_bottom=22 * mm,
        header_at=13 * mm,
        header_rule_at=15 * mm,
        footer_rule_at=16 * mm,
        footer_at=11 * mm,
        header_size=9,
        footer_size=8,
    )
    type_ = Type(
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
            _heading(body, "drp-h1", BOLD, 15, 14, 5),
            _heading(body, "drp-h2", BOLD, 12.5, 11, 5),
            _heading(body, "drp-h3", BOLD, 11, 9, 5),
            _heading(body, "drp-h4", BOLD_ITALIC, 10, 7, 5),
        ),
    )
    return Layout(
        page=page,
        type=type_,
        cell_pad=4.0,
        cell_pad_y=2.5,
        table_space_before=3,
        table_space_after=8,
        caption_gap=3,
        list_space_after=6,
        keep_limit=page.frame_height / 3,
        new_pages=True,
        title_space=25 * mm,
        title_on_one_line=False,
        key_value_pairs=1,
        label_least=30 * mm,
        bar_height=9.0,
        bar_label_share=0.35,
        bar_text_share=0.3,
        bar_labels_on_one_line=False,
    )


@cache
def compact() -> Layout:
    """The status report's density: one dense page, 8 pt text, 7 pt tables that split freely."""
    glyphs()
    body, cell = _body_and_cell(8, 9.6, 2.5, 7, 8.2)
    page = Page(
        margin_x=12 * mm,
        margin_top=13 * mm,
        margin_bottom=12 * mm,
        header_at=8 * mm,
        header_rule_at=9.5 * mm,
        footer_rule_at=9 * mm,
        footer_at=5.5 * mm,
        header_size=8,
        footer_size=7,
    )
    type_ = Type(
        body=body,
        bullet=ParagraphStyle(
            "drp-compact-bullet",
            body,
            leftIndent=10,
            bulletIndent=2,
            bulletFontName=REGULAR,
            bulletFontSize=8,
            spaceAfter=1,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("drp-compact-cell-bold", cell, fontName=BOLD),
        caption=ParagraphStyle(
            "drp-compact-caption", body, fontName=ITALIC, fontSize=7, leading=8.4, spaceBefore=1
        ),
        title=ParagraphStyle(
            "drp-compact-title", body, fontName=BOLD, fontSize=13, leading=15.5, spaceAfter=0
        ),
        organisation=ParagraphStyle(
            "drp-compact-organisation", body, fontName=BOLD, fontSize=8, leading=10, spaceAfter=0
        ),
        subtitle=ParagraphStyle(
            "drp-compact-subtitle", body, fontSize=8, leading=10, spaceBefore=1, spaceAfter=4
        ),
        headings=(
            _heading(body, "drp-compact-h1", BOLD, 10, 4, 1, 1.15),
            _heading(body, "drp-compact-h2", BOLD, 9, 2, 1, 1.15),
            _heading(body, "drp-compact-h3", BOLD, 8.5, 2, 1, 1.15),
            _heading(body, "drp-compact-h4", BOLD_ITALIC, 8, 2, 1, 1.15),
        ),
    )
    return Layout(
        page=page,
        type=type_,
        cell_pad=2.5,
        cell_pad_y=1.0,
        table_space_before=1,
        table_space_after=2.5,
        caption_gap=1,
        list_space_after=3,
        keep_limit=0.0,
        new_pages=False,
        title_space=0.0,
        title_on_one_line=True,
        key_value_pairs=3,
        label_least=18 * mm,
        bar_height=6.0,
        bar_label_share=0.28,
        bar_text_share=0.3,
        bar_labels_on_one_line=True,
    )


def layout_for(doc: Document) -> Layout:
    """The layout `doc` asks for: compact when it must fit one page, else the regular one."""
    return compact() if doc.compact else regular()
