"""Thousands of lines and rules on a PDF page, written as PDF operators in linear time.

reportlab's text object formats every line through several layers (font
subsets, escaping, number formatting) that cost more than the line itself: a
10,000-row timeline spent a third of a second there, and as much again on its
grid's path. A long table's page is plain lines in two faces at known
positions and straight rules, so `TextRun` and `rules` write the PDF
operators themselves: a line of printable ASCII, the common case, is its own
encoding in the font's first subset (checked once per document, not assumed);
anything else goes through the font's own `splitString`, so accents, € and
curly quotes print exactly as elsewhere in the document.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

ESCAPES = {
    code: (f"\\{chr(code)}" if chr(code) in "()\\" else f"\\{code:03o}")
    for code in range(256)
    if chr(code) in "()\\" or not 32 <= code < 127
}
"""How each byte is written in a PDF string: ( ) and backslash escaped, the rest in octal."""

PRINTABLE_ASCII = "".join(chr(code) for code in range(32, 127))


def escaped(data: bytes) -> str:
    """A PDF literal string's content for `data`."""
    return data.decode("latin-1").translate(ESCAPES)


class TextRun:
    """The operators of one text object: fonts, line origins and lines, in the order drawn."""

    def __init__(self, canvas: Any, leading: float) -> None:
        self.doc = canvas._doc  # the document whose font subsets the codes belong to
        self.leading = leading
        self.code = ["BT"]
        self.font: Any = None
        self.size = 0.0
        self.subset = -1
        self.ascii_is_itself = False

    def set_font(self, name: str, size: float) -> None:
        """Write what follows in font `name` at `size`."""
        self.font = pdfmetrics.getFont(name)
        self.size = size
        self.subset = -1
        probe = self.font.splitString(PRINTABLE_ASCII, self.doc)
        self.ascii_is_itself = probe == [(0, PRINTABLE_ASCII.encode("ascii"))]

    def move_to(self, x: str, y: str) -> None:
        """Start the next line with its baseline at (x, y), both already written as numbers."""
        self.code.append(f"1 0 0 1 {x} {y} Tm")

    def line(self, text: str) -> None:
        """One line of printable text, then down by the leading."""
        if self.ascii_is_itself and self.subset == 0 and text.isascii():
            self.code.append(f"({text.translate(ESCAPES)}) Tj T*")
            return
        for subset, data in self.font.splitString(text, self.doc):
            self._show(subset, escaped(data))
        self.code.append("T*")

    def _show(self, subset: int, content: str) -> None:
        if subset != self.subset:
            name = self.font.getSubsetInternalName(subset, self.doc)
            self.code.append(f"{name} {self.size:.2f} Tf {self.leading:.2f} TL")
            self.subset = subset
        self.code.append(f"({content}) Tj")

    def draw(self, canvas: Any) -> None:
        """Put the text object on the page."""
        canvas.addLiteral("\n".join([*self.code, "ET"]))


def rules(canvas: Any, segments: list[tuple[float, float, float, float]]) -> None:
    """Stroke straight lines from (x1, y1) to (x2, y2) as one path, in the current colour."""
    path = [f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l" for x1, y1, x2, y2 in segments]
    canvas.addLiteral("\n".join([*path, "S"]))
