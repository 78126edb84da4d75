"""The catalogs are complete, consistent with the source, and shipped compiled.

Every string for people goes through `_()`, `N_()` or `ngettext()`; Babel's
extraction API, with `babel.cfg` and the keywords `tools/catalogs.py` runs
`pybabel` with, finds them all. A message the Dutch or French catalog leaves
untranslated or fuzzy would show in English to a Flemish OCMW or a Walloon
CPAS; a translation whose placeholders differ from its message's raises
`KeyError` the moment it is shown, or drops a value; a `.mo` file that is
not the compilation of its `.po` ships other words than the ones reviewed.
`pip install` ships the `.mo` files and nothing runs Babel at run time, so
these are checked here, not at run time.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from console.i18n import LOCALE_DIR, SUPPORTED
from tests.conftest import ROOT
from tools.catalogs import COMMENT_TAG, KEYWORDS

TRANSLATED = ("nl", "fr")
"""The languages whose catalogs are written by hand; English is the source."""

MsgId = str | tuple[str, ...]


@cache
def extracted() -> dict[MsgId, list[tuple[str, int]]]:
    """Every message in the source, as `pybabel extract` finds it, with where it is."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)  # type: ignore[no-untyped-call]
    found: dict[MsgId, list[tuple[str, int]]] = {}
    for path, line, message, _comments, _context in extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=(COMMENT_TAG,),
    ):
        key = message if isinstance(message, str) else tuple(m for m in message if m)
        found.setdefault(key, []).append((path, line))
    return found


def po(language: str) -> Catalog:
    """A language's catalog as written."""
    with (LOCALE_DIR / language / "LC_MESSAGES" / "drp.po").open("rb") as handle:
        return read_po(handle)


def key(message: Message) -> MsgId:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def translations(catalog: Catalog) -> dict[MsgId, str | tuple[str, ...]]:
    """What a catalog translates, and into what: untranslated and fuzzy messages left out."""
    found: dict[MsgId, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        text = message.string
        if isinstance(text, str) and text:
            found[key(message)] = text
        elif text is not None and not isinstance(text, str) and all(text):
            found[key(message)] = tuple(text)
    return found


def test_the_source_has_messages_where_they_are_expected() -> None:
    """The extraction itself works: a few known messages, found in the files that hold them."""
    messages = extracted()
    assert len(messages) > 1000
    assert "console/tui/app.py" in {path for path, _line in messages["Overview"]}
    assert ("{path}: invalid, {n} problem", "{path}: invalid, {n} problems") in messages
    assert "usage: " in messages  # argparse's own words, marked in console/commands/parser.py


def test_the_template_holds_every_message_of_the_source() -> None:
    with (LOCALE_DIR / "drp.pot").open("rb") as handle:
        template = {key(message) for message in read_po(handle) if message.id}
    assert sorted(map(str, set(extracted()) - template)) == [], "run: python tools/catalogs.py"
    assert sorted(map(str, template - set(extracted()))) == [], "run: python tools/catalogs.py"


@pytest.mark.parametrize("language", SUPPORTED)
def test_each_catalog_holds_every_message(language: str) -> None:
    """nl, fr and en: an English catalog too, whose empty translations fall back to the source."""
    held = {key(message) for message in po(language) if message.id}
    missing = sorted(str(message) for message in set(extracted()) - held)
    assert missing == [], f"run: python tools/catalogs.py update compile ({len(missing)} missing)"


def _untranslated(language: str) -> Iterator[str]:
    done = translations(po(language))
    for message, places in extracted().items():
        if message not in done:
            path, line = places[0]
            yield f"{path}:{line}: {message!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    missing = list(_untranslated(language))
    assert missing == [], f"{len(missing)} messages untranslated or fuzzy in {language}"


BRACES = string.Formatter()
PERCENT = re.compile(
    r"%(?:\((?P<name>\w+)\))?[#0\- +]*(?:\*|\d+)?(?:\.\d+)?(?P<kind>[sdrifgxXeEc%])"
)


def placeholders(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The brace fields ("{hours:02d}") and the %-placeholders ("%(prog)s", "%s") of `text`."""
    braces: list[str] = []
    try:
        for _literal, field, spec, conversion in BRACES.parse(text):
            if field is not None:
                braces.append(f"{{{field}{'!' + conversion if conversion else ''}:{spec}}}")
    except ValueError:
        braces.append("<unbalanced braces>")
    percents = [m.group(0) for m in PERCENT.finditer(text) if m.group("kind") != "%"]
    return tuple(sorted(braces)), tuple(percents)


def _mismatches(language: str) -> Iterator[str]:
    for message, translated in translations(po(language)).items():
        if isinstance(message, str):
            assert isinstance(translated, str)
            pairs = [(message, translated)]
        else:
            forms = translated if isinstance(translated, tuple) else (translated,)
            # A plural form may leave the count out ("une personne"), never add another name.
            pairs = [(message[-1], form) for form in forms]
        for source, text in pairs:
            wanted, got = placeholders(source), placeholders(text)
            if isinstance(message, str) and got != wanted:
                yield f"{message!r}: {wanted} != {got} in {text!r}"
            elif not isinstance(message, str) and not set(got[0]) <= set(wanted[0]):
                yield f"{message!r}: {got} not within {wanted} in {text!r}"
            elif not isinstance(message, str) and got[1] and got[1] != wanted[1]:
                yield f"{message!r}: {wanted} != {got} in {text!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_has_its_messages_placeholders(language: str) -> None:
    assert list(_mismatches(language)) == []


def test_the_placeholder_check_sees_a_difference() -> None:
    assert placeholders("{hours:02d} {name!r}") == placeholders("{name!r} {hours:02d}")
    assert placeholders("{hours}") != placeholders("{uren}")
    assert placeholders("{hours:02d}") != placeholders("{hours}")
    assert placeholders("%(prog)s: error: %(message)s\n") != placeholders("%(prog)s : %s\n")
    assert placeholders("100%") == placeholders("100 %")  # a sign, not a placeholder


@pytest.mark.parametrize("language", SUPPORTED)
def test_each_mo_is_the_compilation_of_its_po(language: str) -> None:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    with (folder / "drp.mo").open("rb") as handle:
        compiled = read_mo(handle)
    written = po(language)
    expected = translations(written)
    # Babel compiles an untranslated plural message to its English forms: the same as none.
    shipped = {
        message: text
        for message, text in translations(compiled).items()
        if message in expected or not isinstance(message, tuple) or text != message
    }
    assert shipped == expected, "run: python tools/catalogs.py compile"
    assert compiled.plural_forms == written.plural_forms


def test_the_catalogs_are_in_the_package() -> None:
    """`pip install` takes them along: the package data names .mo (and .po) files."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"*.mo"' in pyproject
    assert "babel>=2.14" in pyproject
    shipped = sorted(p.relative_to(LOCALE_DIR).as_posix() for p in LOCALE_DIR.rglob("*.mo"))
    assert shipped == [f"{language}/LC_MESSAGES/drp.mo" for language in sorted(SUPPORTED)]


def test_the_catalog_folder_is_the_packages() -> None:
    assert Path(LOCALE_DIR).resolve() == (ROOT / "console" / "locale").resolve()


def test_no_message_hides_inside_an_f_string() -> None:
    """`f"{_('target')} …"`: Babel does not look inside f-strings, so the catalog lacks it."""
    hidden = []
    for path in sorted((ROOT / "console").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in KEYWORDS
                    and any(isinstance(arg, ast.Constant) for arg in call.args)
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []
