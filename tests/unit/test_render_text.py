"""The plain-text report: what the coordinator pastes into a mail or reads on a phone.

These tests read the text the way a person would: the shipped binder with its
headings, names and phone numbers, no line wider than the screen (counted in
display cells, so accents and "漢字" count right), tables whose columns line
up or whose cells wrap without losing a word, and plan values that cannot
smuggle a terminal escape sequence into a pasted report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from console.plan.loader import load_plan
from console.report.binder import build_binder
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
from console.report.render_text import render_text

SHIPPED = Path(__file__).resolve().parents[2] / "plan.toml"
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Every control character but the line feed."""
HOSTILE = "\x1b[2J\x1b]0;title\x07"
"""Clear the screen and set the terminal's title: what a pasted report must never do."""

PROSE = (
    "De algemeen directeur of diens adjunct worden door de veiligheidsdiensten "
    "(politie, brandweer) ingelicht over een rampsituatie aangaande het gebouw."
)


pytestmark = pytest.mark.usefixtures("english")


def one(*blocks: Block) -> Document:
    """A document of one section holding `blocks`."""
    return Document("Report", (Section("1", "Part", blocks),))


def body(text: str) -> list[str]:
    """The lines of a `one(...)` document after its section's heading and underline."""
    lines = text.splitlines()
    return lines[lines.index("1. Part") + 3 :]


def widest(text: str) -> int:
    """The widest line of `text`, in display cells."""
    return max(cell_len(line) for line in text.split("\n"))


def column_starts(rule: str) -> list[int]:
    """Where each column starts, from a table's rule of dashes."""
    return [match.start() for match in re.finditer(r"-+", rule)]


# The shipped plan's binder


@pytest.fixture(scope="module")
def binder_text() -> str:
    return render_text(build_binder(load_plan(SHIPPED)))


def test_the_shipped_binder_fits_72_cells_and_reads_as_plain_text(binder_text: str) -> None:
    assert "<" not in SHIPPED.read_text(encoding="utf-8")
    assert binder_text.endswith("\n")
    assert widest(binder_text) <= 72
    assert not RAW_CONTROL.search(binder_text)
    assert all(line == line.rstrip() for line in binder_text.splitlines())
    for markup in ("<", "**", "](#", "`"):
        assert markup not in binder_text, markup
    assert not re.search(r"^\s*\|.*\|\s*$", binder_text, re.MULTILINE)
    assert not re.search(r"^#{2,} ", binder_text, re.MULTILINE)


def test_the_shipped_binder_has_its_headings_and_values(binder_text: str) -> None:
    plan = load_plan(SHIPPED)
    flowing = " ".join(binder_text.split())
    for _depth, section in build_binder(plan).walk():
        assert " ".join(section.heading.split()) in flowing, section.heading
    lines = binder_text.splitlines()
    assert lines[lines.index("1. Introduction") + 1] == "=" * len("1. Introduction")
    assert lines[lines.index("Crisis staff") + 1] == "-" * len("Crisis staff")
    assert plan.organisation.name in binder_text
    assert plan.organisation.phone and plan.organisation.phone in binder_text
    for person in plan.people:
        if person.phone:
            assert person.phone in binder_text, person.name


def test_the_classification_is_the_first_and_the_last_line(binder_text: str) -> None:
    classification = load_plan(SHIPPED).organisation.classification.strip().upper()
    lines = binder_text.splitlines()
    assert classification
    assert lines[0] == lines[-1] == classification


def test_the_crisis_staff_reads_one_member_a_line(binder_text: str) -> None:
    plan = load_plan(SHIPPED)
    lines = binder_text.splitlines()
    header = next(i for i, line in enumerate(lines) if re.match(r"Name +Phone +Function$", line))
    starts = column_starts(lines[header + 1])
    assert len(starts) == 3
    for person_id in plan.crisis.staff:
        person = plan.people_by_id[person_id]
        row = next(line for line in lines[header:] if line.startswith(person.name + " "))
        assert row[starts[1] :].startswith(f"{person.phone}  "), row


# Tables


def test_a_table_that_fits_keeps_its_columns_aligned() -> None:
    table = Table(
        ("Naam", "Telefoon", "Functie"),
        (
            ("Zoë Dupré", "+32 470 10 20 31", "Voorzitter"),
            ("漢字 Kanji", "+32 470 10 20 32"),
            ("Jean-François Müller", "", "Algemeen directeur", "cut"),
        ),
        caption="Crisisstaf",
    )
    lines = body(render_text(one(table)))
    header, rule, *rows = lines[:5]
    assert rows[-1] != "" and lines[5] == rule and lines[6] == "Crisisstaf"
    starts = column_starts(rule)
    assert len(starts) == 3
    for line, cells in zip([header, *rows], [table.headers, *table.rows], strict=True):
        for start, cell in zip(starts, cells[:3], strict=False):
            if cell:
                offset = line.index(cell)
                assert cell_len(line[:offset]) == start, (line, cell)
    assert "cut" not in "\n".join(lines)


def test_a_table_too_wide_wraps_its_cells_and_keeps_every_word() -> None:
    rows = tuple(
        (str(number), f"Taak {number}: contacteren van de leveranciers", "Coördinator", PROSE)
        for number in range(1, 4)
    )
    table = Table(("#", "Task", "Owner", "Details"), rows, caption="Stappenplan")
    text = render_text(one(table))
    assert widest(text) <= 72
    lines = body(text)
    assert column_starts(lines[1])[0] == 0 and len(column_starts(lines[1])) == 4
    assert len(lines) > 2 + len(rows) * 2, "the rows wrap over several lines"
    words = " ".join(text.split()).split()
    for row in rows:
        for cell in row:
            for word in cell.split():
                assert word in words, word
    details = [line[column_starts(lines[1])[3] :] for line in lines[2:] if line]
    assert " ".join(" ".join(details).split()).startswith("De algemeen directeur of diens adjunct")


def test_a_table_too_wide_never_breaks_a_word_or_a_phone_number() -> None:
    table = Table(
        ("Service", "Supplier", "Contact", "Notes"),
        (
            (
                "Telefonie (telefooncentrale, vaste toestellen)",
                "Delta Voice BV",
                "+32 9 300 42 10; helpdesk 0800 99 125",
                "Helpdesk; onderhoud van de digitale telefooncentrale van gemeente en OCMW.",
            ),
        ),
    )
    text = render_text(one(table))
    assert widest(text) <= 72
    assert "+32 9 300 42 10;" in text and "0800 99 125" in text
    assert "telefooncentrale" in text.split()


def test_columns_that_cannot_fit_their_words_become_labelled_records() -> None:
    headers = tuple(f"Kolom{number}" for number in range(8))
    row = tuple(f"waarde{number}-met-een-lang-woord" for number in range(8))
    text = render_text(one(Table(headers, (row, row), caption="Breed")), width=60)
    assert widest(text) <= 60
    lines = body(text)
    assert lines[:2] == ["Kolom0: waarde0-met-een-lang-woord", "Kolom1: waarde1-met-een-lang-woord"]
    assert lines.count("Kolom7: waarde7-met-een-lang-woord") == 2
    assert lines[-1] == "Breed"


def test_a_table_without_columns_prints_its_caption() -> None:
    assert body(render_text(one(Table((), (("x",),), caption="Leeg")))) == ["Leeg"]


# Lists, labelled values, bars, paragraphs


def test_a_bullet_list_hangs_its_continuation_lines_under_the_text() -> None:
    item = "Ten minste de voorzitter en de algemeen directeur bewaren een exemplaar"
    lines = body(render_text(one(BulletList((item, "Kort"))), width=40))
    assert lines == [
        "- Ten minste de voorzitter en de",
        "  algemeen directeur bewaren een",
        "  exemplaar",
        "- Kort",
    ]


def test_a_numbered_list_aligns_its_numbers() -> None:
    items = tuple(f"Stap {number}" for number in range(1, 11))
    lines = body(render_text(one(BulletList(items, ordered=True))))
    assert lines[0] == " 1. Stap 1"
    assert lines[9] == "10. Stap 10"


def test_labelled_values_wrap_under_the_value() -> None:
    items = (
        ("Phone", "+32 470 10 20 31"),
        ("Location", "Sociaal Huis, brandwerende kluis in het bureau van het diensthoofd"),
    )
    lines = body(render_text(one(KeyValues(items)), width=40))
    assert lines == [
        "Phone: +32 470 10 20 31",
        "Location: Sociaal Huis, brandwerende",
        "          kluis in het bureau van het",
        "          diensthoofd",
    ]


def test_a_phone_number_is_never_cut_at_the_end_of_a_line() -> None:
    item = "Account manager Infodata Systemen NV: Annelies Mertens \N{EN DASH} +32 470 10 20 51"
    lines = body(render_text(one(BulletList((item,)))))
    assert lines == [
        "- Account manager Infodata Systemen NV: Annelies Mertens \N{EN DASH}",
        "  +32 470 10 20 51",
    ]


def test_bars_draw_label_bar_and_figure_on_one_line() -> None:
    chart = Bars(
        (
            Bar("Time used", 31 / 72, "31:00 of 72:00"),
            Bar("Maaltijden aan huis en thuiszorg", 1.25, "LATE 18:00", "late"),
        ),
        caption="As of 14:00",
    )
    lines = body(render_text(one(chart)))
    first, second = chart.bars
    assert lines[0] == f"Time used           {text_bar(first)}   31:00 of 72:00"
    assert lines[1] == f"Maaltijden aan hu…  {text_bar(second)}  LATE 18:00"
    assert lines[2:] == ["", "As of 14:00"]


def test_a_paragraph_keeps_its_line_breaks_and_breaks_a_long_word() -> None:
    word = "x" * 100
    lines = body(render_text(one(Paragraph(f"Eerste regel\nTweede regel\n{word}")), width=40))
    assert lines[:2] == ["Eerste regel", "Tweede regel"]
    assert [len(line) for line in lines[2:]] == [40, 40, 20]
    assert "".join(lines[2:]) == word


def test_a_long_word_in_a_list_is_broken_not_overflowing() -> None:
    url = "https://www.zonnedaal.be/" + "ocmw/" * 20
    text = render_text(one(BulletList((url,)), KeyValues((("Website", url),))), width=50)
    assert widest(text) <= 50
    assert "".join(line.strip("- ") for line in body(text)[: len(url) // 48 + 1]) == url


def test_headings_are_underlined_by_depth() -> None:
    deep = Section("1.1.1", "Diep")
    doc = Document(
        "Binder",
        (Section("1", "Boven", subsections=(Section("1.1", "Onder", subsections=(deep,)),)),),
        generated_for="OCMW Zonnedaal",
        subtitle="Business Continuity Planning",
        details=(("Version", "5e herziening"),),
    )
    lines = render_text(doc).splitlines()
    assert lines[:6] == [
        "Binder",
        "======",
        "",
        "OCMW Zonnedaal — Business Continuity Planning",
        "",
        "Version: 5e herziening",
    ]
    assert lines[lines.index("1. Boven") + 1] == "========"
    assert lines[lines.index("1.1 Onder") + 1] == "---------"
    assert lines[lines.index("1.1.1 Diep") + 1 :] == []


def test_a_width_too_narrow_for_a_report_is_refused() -> None:
    with pytest.raises(ValueError):
        render_text(one(), width=20)


# Plan values are data


def test_an_escape_sequence_in_the_data_comes_out_escaped() -> None:
    doc = Document(
        HOSTILE,
        (
            Section(
                "1",
                HOSTILE,
                (
                    Paragraph(f"voor\n{HOSTILE}\nna"),
                    BulletList((HOSTILE,)),
                    KeyValues(((HOSTILE, HOSTILE),)),
                    Table((HOSTILE,), ((HOSTILE + "\x9b31m\x7f",),), caption=HOSTILE),
                    Bars((Bar(HOSTILE, 0.5, HOSTILE),), caption=HOSTILE),
                ),
            ),
        ),
        subtitle=HOSTILE,
        generated_for=HOSTILE,
        classification="geheim" + HOSTILE,
        details=((HOSTILE, HOSTILE),),
    )
    text = render_text(doc)
    assert not RAW_CONTROL.search(text)
    assert text.count("␛[2J␛]0;title␇") >= 12
    assert r"\x9b31m␡" in text
    assert text.splitlines()[0] == "GEHEIM␛[2J␛]0;TITLE␇"


def test_a_line_break_in_a_cell_or_item_is_a_space_and_a_carriage_return_is_shown() -> None:
    text = render_text(one(BulletList(("een\r\ntwee\ndrie",)), Paragraph("a\rb\r\nc")))
    assert body(text) == ["- een twee drie", "", "a␍b", "c"]


# Any document, any width

CHARACTERS = st.sampled_from(
    [
        *"abcdeéëçñ0123456789+ ",
        "\u2003",
        "\u202f",
        "\n",
        "\t",
        "\r",
        "\x1b",
        "\x9b",
        "\u2028",
        "\u3000",
        "\u00a0",
    ]
)
"""Letters with accents, digits (phone numbers), spaces of all kinds, control characters."""
WIDE_AND_ODD = st.sampled_from(
    [*"漢字👍", "\ufe0f", "\u0301", "\u200b", "\N{HORIZONTAL ELLIPSIS}", "\N{EM DASH}"]
)
"""Wide characters, an emoji with its variation selector, a combining accent, zero width."""
texts = st.one_of(
    st.just(""),
    st.text(st.one_of(CHARACTERS, WIDE_AND_ODD), max_size=60),
    st.text(st.sampled_from([*"xyz漢字é"]), min_size=40, max_size=200),
)
blocks = st.one_of(
    texts.map(Paragraph),
    st.builds(BulletList, st.tuples(texts, texts), st.booleans()),
    st.builds(KeyValues, st.lists(st.tuples(texts, texts), max_size=3).map(tuple)),
    st.builds(
        Table,
        st.lists(texts, max_size=7).map(tuple),
        st.lists(st.lists(texts, max_size=8).map(tuple), max_size=4).map(tuple),
        texts,
    ),
    st.builds(
        Bars,
        st.lists(st.builds(Bar, texts, st.floats(-1, 3, allow_nan=False), texts), max_size=3).map(
            tuple
        ),
        texts,
    ),
)
sections = st.recursive(
    st.builds(Section, texts, texts, st.lists(blocks, max_size=3).map(tuple)),
    lambda children: st.builds(
        Section, texts, texts, st.lists(blocks, max_size=2).map(tuple), st.tuples(children)
    ),
    max_leaves=4,
)
documents = st.builds(
    Document,
    texts,
    st.lists(sections, max_size=3).map(tuple),
    texts,
    texts,
    texts,
    details=st.lists(st.tuples(texts, texts), max_size=2).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(documents, st.integers(40, 120))
def test_any_document_renders_within_any_width(doc: Document, width: int) -> None:
    text = render_text(doc, width)
    assert text.endswith("\n")
    assert widest(text) <= width
    assert not RAW_CONTROL.search(text)
