"""Which language drp speaks: the first that is set wins.

--lang > DRP_LANG > the plan's organisation.language > LANGUAGE > LC_ALL >
LC_MESSAGES > LANG > English. The locale's variables are read as gettext
reads them: the first one set decides, "nl_BE.UTF-8" is Dutch, "C" and
"POSIX" are English, and a language drp does not speak is English too
(`console.i18n.choose`). The same order holds in a real `drp` process
(`tests/cli/test_languages.py`); here it is the pure function, exhaustively.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.cli import build_parser
from console.commands.language import requested
from console.commands.serve import console_command
from console.i18n import (
    LOCALE_VARIABLES,
    SUPPORTED,
    Choice,
    ask,
    choose,
    from_locale,
    supported,
)


@pytest.mark.parametrize(
    ("asked", "plan", "environ", "expected"),
    [
        pytest.param(None, None, {}, Choice("en", "default"), id="nothing-set"),
        pytest.param("fr", "nl", {"DRP_LANG": "en"}, Choice("fr", "--lang", "fr"), id="lang-wins"),
        pytest.param(None, "nl", {"DRP_LANG": "fr"}, Choice("fr", "DRP_LANG", "fr"), id="drp-lang"),
        pytest.param(
            None, "nl", {"DRP_LANG": "fr_BE.UTF-8"}, Choice("fr", "DRP_LANG", "fr_BE.UTF-8")
        ),
        pytest.param(None, "nl", {"DRP_LANG": "de"}, Choice("en", "DRP_LANG", "de"), id="unknown"),
        pytest.param(None, "nl", {"DRP_LANG": ""}, Choice("nl", "plan", "nl"), id="empty-is-unset"),
        pytest.param(
            None, "nl", {"LANGUAGE": "fr", "LANG": "fr_BE.UTF-8"}, Choice("nl", "plan", "nl")
        ),
        pytest.param(None, "de", {"LANG": "fr_BE"}, Choice("fr", "LANG", "fr_BE"), id="bad-plan"),
        pytest.param(
            None,
            None,
            {"LANGUAGE": "fr_BE:nl", "LC_ALL": "nl_BE.UTF-8"},
            Choice("fr", "LANGUAGE", "fr_BE:nl"),
            id="language-first",
        ),
        pytest.param(
            None,
            None,
            {"LANGUAGE": "de:nl_NL", "LANG": "fr_BE"},
            Choice("nl", "LANGUAGE", "de:nl_NL"),
            id="language-list",
        ),
        pytest.param(
            None,
            None,
            {"LC_ALL": "nl_BE.UTF-8", "LC_MESSAGES": "fr_BE", "LANG": "en_GB"},
            Choice("nl", "LC_ALL", "nl_BE.UTF-8"),
            id="lc-all",
        ),
        pytest.param(
            None,
            None,
            {"LC_MESSAGES": "fr_BE", "LANG": "nl_BE.UTF-8"},
            Choice("fr", "LC_MESSAGES", "fr_BE"),
            id="lc-messages",
        ),
        pytest.param(None, None, {"LANG": "nl_BE.UTF-8"}, Choice("nl", "LANG", "nl_BE.UTF-8")),
        pytest.param(None, None, {"LANG": "nl_NL"}, Choice("nl", "LANG", "nl_NL"), id="nl-nl"),
        pytest.param(None, None, {"LANG": "fr_BE"}, Choice("fr", "LANG", "fr_BE"), id="fr-be"),
        pytest.param(None, None, {"LANG": "fr_BE@euro"}, Choice("fr", "LANG", "fr_BE@euro")),
        pytest.param(None, None, {"LANG": "C"}, Choice("en", "LANG", "C"), id="c"),
        pytest.param(None, None, {"LANG": "C.UTF-8"}, Choice("en", "LANG", "C.UTF-8")),
        pytest.param(None, None, {"LANG": "POSIX"}, Choice("en", "LANG", "POSIX"), id="posix"),
        pytest.param(
            None,
            None,
            {"LC_ALL": "C", "LANG": "nl_BE.UTF-8"},
            Choice("en", "LC_ALL", "C"),
            id="c-in-lc-all-wins",
        ),
        pytest.param(
            None, None, {"LANGUAGE": "C:fr", "LANG": "nl_BE"}, Choice("en", "LANGUAGE", "C:fr")
        ),
        pytest.param(
            None,
            None,
            {"LANG": "de_DE.UTF-8"},
            Choice("en", "LANG", "de_DE.UTF-8"),
            id="unknown-locale",
        ),
        pytest.param(
            None,
            None,
            {"LC_MESSAGES": "de_DE", "LANG": "nl_BE"},
            Choice("en", "LC_MESSAGES", "de_DE"),
            id="first-set-decides-even-unknown",
        ),
        pytest.param(None, None, {"LANG": "  "}, Choice("en", "default"), id="blank-is-unset"),
    ],
)
def test_the_first_that_is_set_wins(
    asked: str | None, plan: str | None, environ: dict[str, str], expected: Choice
) -> None:
    assert choose(asked, plan, environ) == expected


LOCALES = st.sampled_from(
    ["nl_BE.UTF-8", "nl_NL", "fr_BE", "fr_FR.UTF-8", "en_GB", "de_DE", "C", "POSIX", "C.UTF-8"]
)
SOURCES = ("--lang", "DRP_LANG", "plan", *LOCALE_VARIABLES)


@given(
    asked=st.none() | st.sampled_from(SUPPORTED),
    drp_lang=st.none() | LOCALES,
    plan=st.none() | st.sampled_from(SUPPORTED),
    locale=st.dictionaries(st.sampled_from(LOCALE_VARIABLES), LOCALES),
)
def test_the_order_holds_for_any_settings(
    asked: str | None,
    drp_lang: str | None,
    plan: str | None,
    locale: dict[str, str],
) -> None:
    environ = dict(locale) | ({"DRP_LANG": drp_lang} if drp_lang else {})
    choice = choose(asked, plan, environ)
    given_ = {"--lang": asked, "DRP_LANG": drp_lang, "plan": plan, **locale}
    first = next((source for source in SOURCES if given_.get(source)), "default")
    assert choice.source == first
    assert choice.language in SUPPORTED
    if first == "default":
        assert choice.language == "en"
    elif first in ("--lang", "plan"):
        assert choice.language == given_[first]
    elif first == "DRP_LANG":
        assert choice.language == (supported(drp_lang or "") or "en")
    else:
        assert choice.language == (from_locale(locale[first]) or "en")


@pytest.mark.parametrize(
    ("arguments", "language"),
    [
        (["--lang", "fr", "check"], "fr"),
        (["check", "--lang=nl_BE"], "nl"),
        (["check", "--lang", "de"], None),  # the parser refuses it, in the language chosen else
        (["note", "--", "--lang", "fr"], None),  # after "--" it is a note's text
        (["note", "--lang fr"], None),  # one argument: the note's text
        (["--lang", "en", "check", "--lang", "fr"], "fr"),  # the last one given
        (["--lang"], None),
    ],
)
def test_lang_is_found_anywhere_among_the_arguments(
    arguments: list[str], language: str | None
) -> None:
    assert requested(arguments) == language


def _parsers(parser: argparse.ArgumentParser, name: str = "drp") -> Iterator[tuple[str, Any]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                yield from _parsers(child, f"{name} {sub}")


def test_lang_is_an_option_of_every_command() -> None:
    found = dict(_parsers(build_parser()))
    assert len(found) > 20  # drp, its subcommands, `ticket open` and `ticket close`
    for name, parser in found.items():
        options = {option for action in parser._actions for option in action.option_strings}
        assert "--lang" in options, name


def test_drp_serve_passes_lang_on_to_each_console(tmp_path: Path) -> None:
    """Each browser tab is a `drp` process of its own: a --lang given to `drp serve` goes along."""
    plan, state = tmp_path / "plan.toml", tmp_path / "state"
    assert "--lang" not in console_command(plan, state)  # the environment goes along anyway
    ask("fr")
    try:
        assert console_command(plan, state).endswith(" --lang fr")
    finally:
        ask(None)
