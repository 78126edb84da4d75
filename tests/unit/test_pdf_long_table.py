"""The long table's fast path: thousands of rows wrapped once, drawn as PDF operators.

A timeline of thousands of rows is not laid out by reportlab's `Table` but
by `LongTable`, which wraps and measures text itself and writes the page's
text and grid as PDF operators (`pdf_operators`). These tests hold that path
to what a reader needs: every word of every cell comes back out of the PDF
(accents, €, curly quotes, parentheses and backslashes too), no line is wider
than its column, a word too long for its column is cut rather than lost, and
a cell taller than a page goes on over the next page.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from console.report.document import Table
from console.report.pdf_long_table import line_width, wrapped
from console.report.pdf_operators import escaped
from console.report.pdf_tables import LONG_TABLE
from console.report.pdf_text import REGULAR, glyphs, printable
from console.report.render_pdf import render_pdf
from tests.unit.test_render_pdf import document, flat, pages_text

pytestmark = pytest.mark.usefixtures("english")

SIZE = 8.0
SINGLE = "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
DOUBLE = "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
WORDS = st.text(
    alphabet=st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzéèçëÖ€()\\0123456789-.,:" + SINGLE + DOUBLE
    ),
    min_size=1,
    max_size=30,
)


@given(st.text(alphabet=st.sampled_from("aWiéè€ ()\\.,"), max_size=60))
def test_a_lines_width_is_its_words_and_spaces_as_reportlab_measures_it(text: str) -> None:
    glyphs()
    line = printable(text)
    assert line_width(line, REGULAR, SIZE) == pytest.approx(
        pdfmetrics.stringWidth(line, REGULAR, SIZE)
    )


@given(st.lists(WORDS, max_size=25), st.floats(min_value=12.0, max_value=200.0))
def test_wrapped_lines_fit_their_column_and_keep_every_character(
    words: list[str], width: float
) -> None:
    glyphs()
    text = printable(" ".join(words))
    lines = wrapped(text, REGULAR, SIZE, width)
    for line in lines:
        assert line_width(line, REGULAR, SIZE) <= width or len(line) == 1
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_line_breaks_in_a_cell_are_kept_and_an_empty_cell_is_one_empty_line() -> None:
    glyphs()
    assert wrapped("first\nsecond", REGULAR, SIZE, 500) == ["first", "second"]
    assert wrapped("", REGULAR, SIZE, 500) == [""]


def test_a_pdf_string_escapes_its_delimiters_and_writes_other_bytes_in_octal() -> None:
    assert escaped(b"a(b)c\\d") == "a\\(b\\)c\\\\d"
    assert escaped(bytes([7, 128, 255])) == "\\007\\200\\377"


def test_a_long_table_prints_every_character_and_splits_a_cell_taller_than_a_page() -> None:
    accents = f"Coördinatie € {DOUBLE}quotes {SINGLE}single (haakjes) back\\slash café"
    overlong = "x" * 400
    towering = "\n".join(f"regel {n}" for n in range(300))
    rows = [(f"{n:05d}", accents, f"detail {n}") for n in range(LONG_TABLE + 50)]
    rows.insert(10, ("long", overlong, "word"))
    rows.insert(20, ("tall", "cell", towering))
    pdf = render_pdf(document(Table(("Nr", "Text", "Detail"), tuple(rows), "Caption")))
    pages = pages_text(pdf)
    text = "".join("".join(pages).split())
    assert all(f"{n:05d}" in text for n in range(LONG_TABLE + 50))
    assert text.count("".join(accents.split())) == LONG_TABLE + 50
    assert overlong in text  # cut into pieces that fit, every character kept
    assert all(f"regel{n}" in text for n in range(300))
    assert all("Detail" in page for page in pages)
    later = [n for n, page in enumerate(pages) if "regel 299" in page]
    earlier = [n for n, page in enumerate(pages) if "regel 0\n" in page or "regel 0 " in page]
    assert later and earlier and later[0] > earlier[0]  # the tall cell went on overleaf
    assert "Caption" in flat(pages[-1])
