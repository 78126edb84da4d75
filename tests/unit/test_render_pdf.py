"""The PDF renderer: real PDFs read back as text, the way a plan holder reads the printout.

The PDF is the copy that is printed and mailed, so these tests open what
`render_pdf` wrote with pypdf and look for what a reader must find: the
shipped binder's sections and plan values, the classification and "page N / M"
on every page, the header row of a long table on the next page, the €, accents
and curly quotes, plan values with markup in them printed as typed, and the
same bytes for the same document.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import Destination

from console.i18n import set_language
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.report.binder import build_binder
from console.report.document import (
    Bar,
    Bars,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
)
from console.report.pdf_tables import LONG_TABLE
from console.report.pdf_text import ELLIPSIS, REGULAR, shortened, text_width
from console.report.render_pdf import column_widths, printable, render_pdf
from tests.conftest import SHIPPED_PLAN

MARKING = "UITERST VERTROUWELIJK"
SINGLE = "\N{LEFT SINGLE QUOTATION MARK}enkel\N{RIGHT SINGLE QUOTATION MARK}"
DOUBLE = "\N{LEFT DOUBLE QUOTATION MARK}dubbel\N{RIGHT DOUBLE QUOTATION MARK}"
DASHES = "\N{EN DASH} \N{EM DASH}"


pytestmark = pytest.mark.usefixtures("english")


@cache
def shipped_plan() -> Plan:
    return load_plan(SHIPPED_PLAN)


@cache
def binder_pdf() -> bytes:
    """The shipped plan's binder, rendered once for the whole module (English)."""
    set_language("en")
    return render_pdf(build_binder(shipped_plan()))


@cache
def binder_pages() -> tuple[str, ...]:
    return pages_text(binder_pdf())


def pages_text(pdf: bytes) -> tuple[str, ...]:
    """The text of each page, as pypdf extracts it."""
    return tuple(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def flat(text: str) -> str:
    """Text with every run of white space as one space: lines wrap where the page ends."""
    return " ".join(text.split())


def document(*blocks: Paragraph | BulletList | Table | KeyValues | Bars) -> Document:
    """A one-section document holding `blocks`."""
    return Document("Test", (Section("1", "Blocks", blocks),), classification=MARKING)


def test_the_binder_has_its_sections_and_plan_values() -> None:
    plan = shipped_plan()
    text = flat("\n".join(binder_pages()))
    for section in build_binder(plan).sections:
        assert section.heading in text
    assert plan.organisation.name in text
    assert plan.organisation.phone and plan.organisation.phone in text
    member = plan.people_by_id[plan.crisis.staff[0]]
    assert member.name in text
    assert member.phone and member.phone in text


def test_every_page_has_the_classification_and_page_n_of_m() -> None:
    pages = binder_pages()
    count = len(pages)
    assert count > 10
    for number, text in enumerate(pages, 1):
        assert MARKING in text
        assert f"page {number} / {count}" in text
    assert "page 1 /" in pages[0]
    assert f"page {count} / {count}" in pages[-1]


def test_sections_are_bookmarked_and_new_page_sections_open_their_page() -> None:
    reader = PdfReader(BytesIO(binder_pdf()))
    pages = binder_pages()
    top = [entry for entry in reader.outline if isinstance(entry, Destination)]
    sections = build_binder(shipped_plan()).sections
    assert [str(entry.title) for entry in top] == [s.heading for s in sections]
    for entry, section in zip(top, sections, strict=True):
        number = reader.get_destination_page_number(entry)
        assert number is not None
        page = flat(pages[number])
        assert section.heading in page
        if section.new_page:
            assert page.startswith(section.heading)


def test_binder_renders_the_same_bytes_twice() -> None:
    assert render_pdf(build_binder(shipped_plan())) == binder_pdf()


def test_the_fonts_are_embedded() -> None:
    pdf = binder_pdf()
    assert b"/FontFile2" in pdf
    assert b"BitstreamVeraSans" in pdf
    assert b"/Helvetica" not in pdf


def test_euro_quotes_and_accents_survive_and_missing_glyphs_are_replaced() -> None:
    doc = document(
        Paragraph(f"Kost: € 1.250 {DASHES} {SINGLE} en {DOUBLE}: café, façade, coördinator"),
        Table(("Klaar", "Taak"), (("✓", "Back-up ↶ teruggezet ■"),)),
    )
    text = flat("\n".join(pages_text(render_pdf(doc))))
    assert f"€ 1.250 {DASHES} {SINGLE} en {DOUBLE}:" in text
    assert "café, façade, coördinator" in text
    assert "✓" not in text
    assert "Klaar Taak v Back-up <- teruggezet #" in text


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (f"€ {SINGLE} {DOUBLE} {DASHES} é ç … ·", f"€ {SINGLE} {DOUBLE} {DASHES} é ç … ·"),
        ("✓ klaar", "v klaar"),
        ("↶ terug", "<- terug"),
        ("■ blok", "# blok"),
        ("Gdańsk, Ødegård", "Gdansk, Ødegård"),
        ("tab\there", "tab here"),
        ("zero\u200bwidth", "zerowidth"),
        ("☃ sneeuw", "? sneeuw"),
    ],
)
def test_characters_without_a_glyph_get_a_fallback(text: str, printed: str) -> None:
    assert printable(text) == printed


def test_a_timeline_of_hundreds_of_rows_keeps_every_word_and_its_header() -> None:
    """Past `LONG_TABLE` rows the fast path draws plain wrapped lines in chunks."""
    detail = "leverancier gebeld over de vervanging van de kapotte kern-switch in lokaal"
    rows = tuple(
        (f"10:{n % 60:02d}", "coördinator", "note", f"{detail} <b>{n}</b> & klaar")
        for n in range(LONG_TABLE + 250)
    )
    doc = document(Table(("When", "Who", "What", "Detail"), rows, "The timeline"))
    pages = pages_text(render_pdf(doc))
    assert len(pages) > 5
    assert all("Detail" in page for page in pages)
    words = " ".join(" ".join(pages).split())
    assert all(f"<b>{n}</b> & klaar" in words for n in range(len(rows)))
    assert "coördinator" in words and "The timeline" in words


def test_a_long_table_repeats_its_header_row_on_every_page() -> None:
    rows = tuple((str(n), f"Taak {n:03d}", "Coördinator", f"+{n} h") for n in range(1, 121))
    doc = document(Table(("Volgnummer", "Omschrijving", "Eigenaar", "Termijn"), rows, "Taken"))
    pages = pages_text(render_pdf(doc))
    assert len(pages) >= 3
    for text in pages:
        assert "Volgnummer" in text
        assert "Omschrijving" in text
    assert "Taak 001" in pages[0]
    assert "Taak 120" in pages[-1]
    text = "\n".join(pages)
    assert all(f"Taak {n:03d}" in text for n in range(1, 121))


def test_markup_in_the_data_is_printed_as_typed() -> None:
    hostile = "<b>vet & <i>schuin</b> <script>alert(1)</script> &amp; &nbsp; &#128; </para>"
    doc = Document(
        f"Plan {hostile}",
        (
            Section(
                "1",
                f"Kop {hostile}",
                (
                    Paragraph(f"Tekst {hostile}\n<br/> tweede regel"),
                    BulletList((f"Punt {hostile}",), ordered=True),
                    KeyValues(((f"Label {hostile}", f"Waarde {hostile}"),)),
                    Table((f"Kolom {hostile}",), ((f"Cel {hostile}",),), f"Bijschrift {hostile}"),
                    Bars((Bar(f"Balk {hostile}", 0.5, f"Cijfer {hostile}"),)),
                ),
            ),
        ),
        generated_for=f"OCMW {hostile}",
        classification=f"GEHEIM {hostile}",
    )
    text = flat("\n".join(pages_text(render_pdf(doc))))
    for prefix in ("Plan", "Kop", "Tekst", "Punt", "Label", "Waarde", "Kolom", "Cel"):
        assert f"{prefix} {flat(hostile)}" in text
    for prefix in ("Bijschrift", "Balk", "Cijfer", "OCMW", "GEHEIM"):
        assert f"{prefix} {flat(hostile)}" in text
    assert "<br/> tweede regel" in text


def test_bars_are_drawn_with_their_figures_in_words() -> None:
    doc = document(
        Bars(
            (
                Bar("Time used", 31 / 72, "31:00 of 72:00", "ok"),
                Bar("Keuken en thuiszorg", 1.25, "LATE 18:00", "late"),
                Bar("Onthaal", 0.9, "SOON 2:00", "soon"),
                Bar("Nog niet begonnen", -0.5, "0 of 3 done", "unknown"),
            ),
            caption="As of 14:00",
        )
    )
    text = flat("\n".join(pages_text(render_pdf(doc))))
    for words in ("Time used", "31:00 of 72:00", "Keuken en thuiszorg", "LATE 18:00"):
        assert words in text
    for words in ("SOON 2:00", "Nog niet begonnen", "0 of 3 done", "As of 14:00"):
        assert words in text


def test_tables_too_wide_or_too_tall_for_a_page_still_render() -> None:
    word = "Ononderbrokenwoordzonderspatiesdatnergenspast" * 4
    wide = Table(tuple(f"Kolom {n}" for n in range(12)), ((word,) * 12, ("kort",) * 12))
    tall = Table(("Sleutel", "Tekst"), (("k", "woord " * 4000 + "EINDE"),))
    kv = KeyValues((("Label " * 80, "waarde " * 3000 + "SLOT"),))
    pages = pages_text(render_pdf(document(wide, tall, kv)))
    text = flat("\n".join(pages))
    assert "Kolom 11" in text
    assert "EINDE" in text
    assert "SLOT" in text
    assert not any(page.strip() == "" for page in pages)
    page_numbers = [re.search(r"page (\d+) / (\d+)", page) for page in pages]
    assert [m and int(m[1]) for m in page_numbers] == list(range(1, len(pages) + 1))


def test_an_empty_document_renders_one_page() -> None:
    doc = Document("", (Section("", "", (Table((), ()), Bars(()), BulletList(()))),))
    assert len(pages_text(render_pdf(doc))) == 1


@given(
    st.lists(
        st.tuples(st.floats(9, 3000), st.floats(0, 1)),
        min_size=1,
        max_size=12,
    ),
    st.floats(100, 600),
)
def test_column_widths_fill_the_page_and_keep_words_whole_when_they_can(
    columns: list[tuple[float, float]], available: float
) -> None:
    natural = [width for width, _ in columns]
    minimum = [max(9.0, width * share) for width, share in columns]
    widths = column_widths(natural, minimum, available)
    assert len(widths) == len(natural)
    assert sum(widths) == pytest.approx(available)
    assert all(width > 0 for width in widths)
    if sum(natural) <= available:
        assert all(w >= n - 1e-6 for w, n in zip(widths, natural, strict=True))
    elif sum(minimum) <= available:
        assert all(w >= m - 1e-6 for w, m in zip(widths, minimum, strict=True))


def test_a_compact_document_is_denser_and_still_repeats_its_header_rows() -> None:
    rows = tuple((str(n), f"Taak {n:03d}", "Coördinator", f"+{n} h") for n in range(1, 121))
    regular = document(Table(("Volgnummer", "Omschrijving", "Eigenaar", "Termijn"), rows))
    compact = dataclasses.replace(regular, compact=True)
    pages = pages_text(render_pdf(compact))
    assert 2 <= len(pages) < len(pages_text(render_pdf(regular)))
    for number, text in enumerate(pages, 1):
        assert "Volgnummer" in text
        assert MARKING in text and f"page {number} / {len(pages)}" in text
    assert all(f"Taak {n:03d}" in "\n".join(pages) for n in range(1, 121))


@given(st.text(min_size=1, max_size=200), st.floats(20, 400))
def test_a_shortened_label_fits_its_width_and_is_kept_whole_when_it_can_be(
    text: str, width: float
) -> None:
    short = shortened(text, REGULAR, 7, width)
    line = " ".join(text.split())
    if text_width(line, REGULAR, 7) <= width:
        assert short == line
    else:
        assert short.endswith(ELLIPSIS)
        assert text_width(short, REGULAR, 7) <= width or len(short) == 2
