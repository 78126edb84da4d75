"""The PDF's pages: the classification and "page N / M" on every one, and section bookmarks.

A printed page that got separated from the rest must still say how
confidential it is and where it belongs, so every page carries the
classification at its top and foot and its number out of the total. The
total is only known at the end, so the canvas holds its pages back until
`save` and then writes each with its running header and footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab import platypus  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from console.i18n import _
from console.report.pdf_layout import GRID, PAGE_HEIGHT, PAGE_WIDTH, Page
from console.report.pdf_text import BOLD, REGULAR, fitted_size, printable, text_width


@dataclass(frozen=True)
class Running:
    """What every page carries: the classification above and below, the page number."""

    classification: str
    organisation: str


class PagedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages back until the end, to print "page N / M" on each.

    Section bookmarks are held back too: a bookmark points at the page being
    written, and no page is written before `save`.
    """

    def __init__(self, *args: Any, running: Running, page: Page, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running = running
        self.page = page
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
        running, sheet = self.running, self.page
        width = sheet.frame_width
        left, right = sheet.margin_x, PAGE_WIDTH - sheet.margin_x
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
            size = fitted_size(header, BOLD, sheet.header_size, width)
            self.setFont(BOLD, size)
            self.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - sheet.header_at, header)
            rule = PAGE_HEIGHT - sheet.header_rule_at
            self.line(left, rule, right, rule)
        self.line(left, sheet.footer_rule_at, right, sheet.footer_rule_at)
        page = printable(page)
        self.setFont(REGULAR, sheet.footer_size)
        self.drawRightString(right, sheet.footer_at, page)
        if running.classification:
            marking = printable(running.classification)
            room = width - text_width(page, REGULAR, sheet.footer_size) - 6 * mm
            self.setFont(BOLD, fitted_size(marking, BOLD, sheet.footer_size, room))
            self.drawString(left, sheet.footer_at, marking)
        self.restoreState()


class DocTemplate(platypus.BaseDocTemplate):  # type: ignore[misc]
    """A4 with one frame; passes each section heading to the canvas as a bookmark."""

    def afterFlowable(self, flowable: Any) -> None:
        """Bookmark the page a section heading landed on."""
        outline = getattr(flowable, "drp_outline", None)
        if outline is not None:
            self.canv.mark(*outline)
