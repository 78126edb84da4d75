"""Fonts and text for the PDF renderer: Vera embedded, plan values escaped, missing glyphs replaced.

The PDF is opened on whatever laptop is left on the day, so it carries its own
fonts: the Bitstream Vera family that ships inside reportlab, embedded, so the
€, accents and curly quotes of the plan print the same everywhere. Vera has no
glyph for a few symbols the app uses (✓, ↶, ■); those get a readable stand-in
instead of an empty box. Plan values are data, never markup: reportlab
paragraphs parse a mini-markup, so every value goes through `markup` or
`one_line` before it reaches a paragraph.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

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

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


@cache
def glyphs() -> frozenset[int]:
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
    if text.isascii() and text.isprintable():
        return text  # Vera draws every printable ASCII character: the common case, at once
    covered = glyphs()
    return "".join(c if ord(c) in covered else _fallback(c, covered) for c in text)


def markup(text: str) -> str:
    """Plan text as reportlab paragraph markup: printable, escaped, line breaks kept."""
    return "<br/>".join(escape(printable(line)) for line in text.splitlines())


def one_line(text: str) -> str:
    """Plan text as one line of paragraph markup, for headings."""
    return escape(printable(" ".join(text.split())))


def text_width(text: str, font: str, size: float) -> float:
    """How wide `text` prints, in points."""
    return float(pdfmetrics.stringWidth(printable(text), font, size))


def fitted_size(text: str, font: str, size: float, width: float, smallest: float = 4.0) -> float:
    """The font size, at most `size` and at least `smallest`, at which `text` fits in `width`."""
    natural = text_width(text, font, size)
    return size if natural <= width else max(size * width / natural, smallest)


def shortened(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, cut at a word with an ellipsis where it would not fit in `width`.

    For a label that has to stay on one line, such as a bar's, whose full text
    is printed elsewhere in the same report.
    """
    line = " ".join(text.split())
    if text_width(line, font, size) <= width:
        return line
    words = line.split(" ")
    while len(words) > 1:
        words.pop()
        cut = " ".join(words).rstrip(",;:.·-") + ELLIPSIS
        if text_width(cut, font, size) <= width:
            return cut
    # One word too long: cut it by characters.
    word = words[0]
    while len(word) > 1 and text_width(word + ELLIPSIS, font, size) > width:
        word = word[:-1]
    return word + ELLIPSIS
