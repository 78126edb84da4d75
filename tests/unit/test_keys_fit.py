"""The footer's keys and the tab names fit their line, in any language and at any width.

`fit_keys` keeps the most used keys (they come ranked) and `?` whenever one
gave way; `fit_tab_names` cuts the longest names first and never a tab's
number. The console tests check the same on the rendered screen; these check
the rules for any words a translator may choose.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from console.present.keys import KeyItem, fit_keys, fit_tab_names

WORDS = (
    st.text(alphabet=st.characters(codec="utf-8", categories=("L", "Zs")), min_size=1, max_size=24)
    .map(str.strip)
    .filter(bool)
)
KEYS = st.lists(st.builds(KeyItem, st.sampled_from(list("abcSRXq/⏎")), WORDS), max_size=12)
MORE = KeyItem("?", "Toetsen")


@given(KEYS, st.integers(min_value=0, max_value=120))
def test_the_keys_shown_fit_and_the_most_used_stay(keys: list[KeyItem], room: int) -> None:
    shown = fit_keys(keys, MORE, room)
    kept = [item for item in shown if item is not MORE]
    assert kept == keys[: len(kept)]  # a prefix of the ranking: the most used stay
    if len(kept) < len(keys):  # some gave way: `?` says where to find them
        assert shown[-1] is MORE
    if MORE in shown and kept:
        assert sum(item.width for item in shown) <= room
    if MORE not in shown or kept:
        assert sum(item.width for item in kept) <= room


def test_every_key_and_the_question_mark_when_there_is_room() -> None:
    keys = [KeyItem("n", "Note"), KeyItem("S", "Decide")]
    assert fit_keys(keys, MORE, 80) == [*keys, MORE]
    assert fit_keys(keys, MORE, 16) == keys  # all fit, `?` does not: it is not needed
    assert fit_keys(keys, MORE, 15) == [MORE]


def test_the_contacts_keys_in_french_keep_the_tabs_own_first() -> None:
    ranked = [
        KeyItem("/", "Chercher"),
        KeyItem("c", "Copier"),
        KeyItem("r", "Joint"),
        KeyItem("n", "Sans réponse"),
        KeyItem("u", "Injoignable"),
        KeyItem("S", "Décider"),
        KeyItem("q", "Quitter"),
        KeyItem("R", "Rétablir"),
        KeyItem("X", "Clore"),
    ]
    shown = fit_keys(ranked, KeyItem("?", "Touches"), 80 - 13)
    assert [item.key for item in shown] == ["/", "c", "r", "n", "u", "?"]


NAMES = st.lists(WORDS, min_size=6, max_size=6).map(
    lambda words: [f"{number} {word}" for number, word in enumerate(words, start=1)]
)


@given(NAMES, st.integers(min_value=40, max_value=160))
def test_the_tab_names_share_the_line(names: list[str], room: int) -> None:
    shown = fit_tab_names(names, room)
    for number, (name, original) in enumerate(zip(shown, names, strict=True), start=1):
        assert name.startswith(f"{number} ")
        assert name == original or name.endswith("…")
    total = sum(cell_len(name) + 2 for name in shown)
    shortest = sum(min(cell_len(name), 2 + 3) + 2 for name in names)
    assert total <= room or total <= shortest + len(names)


def test_names_that_fit_are_left_whole_and_the_longest_gives_way_first() -> None:
    english = ["1 Overview", "2 Checklist", "3 Contacts", "4 Infrastructure", "5 Backups"]
    assert fit_tab_names([*english, "6 Timeline"], 80) == [*english, "6 Timeline"]
    dutch = ["1 Overzicht", "2 Checklist", "3 Contacten", "4 Infrastructuur", "5 Back-ups"]
    assert fit_tab_names([*dutch, "6 Tijdlijn"], 80) == [
        "1 Overzicht",
        "2 Checklist",
        "3 Contacten",
        "4 Infrastructu…",
        "5 Back-ups",
        "6 Tijdlijn",
    ]
