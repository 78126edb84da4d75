"""`visible` and `json_text`: the one convention by which drp shows outside text as data.

Every face of drp relies on these two properties: whatever a text holds, what
`visible` makes of it holds nothing a terminal acts on (and, but with `lines`,
no line break), and `json_text` reads back as exactly the same data.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from console.present.text import json_text, visible
from tests.hostile import HOSTILE, HOSTILE_SHOWN, raw_bytes, raw_controls

ANYTHING = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\x07", "\x9b", "\x7f", "\n", "\r", "\u202e", "\u2066"]),
    )
)
"""Any text, with more than its share of what a terminal acts on."""


@pytest.mark.parametrize(
    "text, shown",
    [
        ("\x1b[2J", "␛[2J"),
        ("\x1b]0;title\x07", "␛]0;title␇"),
        ("\x00\x09\x0a\x0d\x1f", "␀␉␊␍␟"),
        ("\x7f", "␡"),
        ("\x85\x9b", "\\x85\\x9b"),
        ("a\u202eb\u2069c\u2028", "a\\u202eb\\u2069c\\u2028"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),  # markup is the console's to ignore
        ("Loïc · 漢字 · +32 470 10 20 31\u00a0", "Loïc · 漢字 · +32 470 10 20 31\u00a0"),
        (HOSTILE, HOSTILE_SHOWN),
    ],
)
def test_each_control_has_its_sign(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_with_lines_a_line_feed_stays_a_line_break() -> None:
    assert visible("one\r\ntwo\nthree\rfour\x1b", lines=True) == "one\ntwo\nthree␍four␛"


@given(ANYTHING)
def test_nothing_a_terminal_acts_on_survives(text: str) -> None:
    shown = visible(text)
    assert raw_controls(shown) == [] and "\n" not in shown
    assert raw_controls(visible(text, lines=True)) == []
    assert visible(shown) == shown  # showing twice changes nothing


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Zl", "Zp"))))
def test_text_without_controls_is_shown_as_it_is(text: str) -> None:
    assert visible(text) == text


def test_a_sign_takes_one_cell_so_columns_stay_aligned() -> None:
    assert cell_len(visible("\x1b\x07\x00\x7f")) == 4


@given(st.recursive(ANYTHING, lambda inner: st.dictionaries(ANYTHING, inner, max_size=3)))
def test_json_reads_back_exactly_and_sends_no_control(data: object) -> None:
    text = json_text(data)
    assert json.loads(text) == data
    assert raw_bytes(text.encode()) == []
