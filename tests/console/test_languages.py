"""The console at 80x24 in Dutch, French and English: everything fits, and Textual speaks drp's.

French is about a fifth longer than English. In every language the header's
clocks, the tab names and the footer's keys of every tab fit in 80 columns;
where the keys cannot all fit, the most used stay and `?` lists them all.
This is asserted on the rendered screen through Pilot: each widget's place
and width as laid out, not only the strings. Textual's own words (the
palette's placeholder, its system commands, a search that matches nothing)
are the catalog's. The translations are the shipped catalogs'; what is
expected of them is read from those catalogs.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Tab

from console.i18n import LOCALE_DIR, SUPPORTED
from console.present.keys import KeyItem
from console.tui.app import DrpApp
from console.tui.screens.keys import KeysScreen
from console.tui.widgets.footer import DrpFooter, FooterKey
from console.tui.widgets.line import Line
from tests.console.conftest import (
    Build,
    Notices,
    Prepare,
    all_tabs_mounted,
    busy,
    declared,
    settle,
)

SIZE = (80, 24)
TAB_KEYS = "123456"


def catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation("drp", LOCALE_DIR, [language], fallback=language == "en")


def shown_keys(app: DrpApp) -> list[KeyItem]:
    return [key.item for key in app.query_one(DrpFooter).query(FooterKey)]


def assert_fits(app: DrpApp, where: str) -> None:
    """The header, the tab names and the footer's keys, as laid out, within the screen, whole."""
    width = app.size.width
    for line in app.query("#header Line").results(Line):
        assert "\n" not in line.text, where
        assert cell_len(line.text) <= line.content_region.width, (where, line.text)
        assert line.region.right <= width, where
    tabs = list(app.query(Tab).results())
    assert len(tabs) == len(TAB_KEYS)
    for number, tab in zip(TAB_KEYS, tabs, strict=True):
        assert tab.label_text.startswith(f"{number} "), (where, tab.label_text)
        assert tab.region.x >= 0 and tab.region.right <= width, (where, tab.label_text)
        assert tab.region.width >= cell_len(tab.label_text), (where, tab.label_text)
    footer = app.query_one(DrpFooter)
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-palette")]
    assert len(palette) == 1, where
    for key in keys:
        assert key.region.x >= 0 and key.region.right <= width, (where, key.item.text)
        assert key.region.width >= cell_len(key.item.text), (where, key.item.text)  # not cut
        if key is not palette[0]:
            assert key.region.right <= palette[0].region.x, (where, key.item.text)
    ranked, _palette, more = footer.keys()
    kept = [item.text for item in shown_keys(app)]
    if any(item.text not in kept for item in ranked):  # some gave way: `?` says where they are
        assert more is not None and more.text in kept, where


async def every_tab(pilot: Pilot[None], check: Callable[[str], None]) -> None:
    await all_tabs_mounted(pilot)
    for key in TAB_KEYS:
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        check(key)


@pytest.mark.parametrize("language", SUPPORTED)
@pytest.mark.parametrize("prepare", [None, declared, busy], ids=["calm", "declared", "busy"])
async def test_every_tab_fits_80_columns(
    console: Build, speak: Callable[[str], str], language: str, prepare: Prepare | None
) -> None:
    assert speak(language) == language
    app = console(prepare)
    async with app.run_test(size=SIZE) as pilot:
        await every_tab(pilot, lambda key: assert_fits(app, f"{language} tab {key}"))


async def test_keys_that_do_not_fit_give_way_to_question_mark(
    console: Build, speak: Callable[[str], str]
) -> None:
    """The contacts tab during a disaster has more keys than 80 columns hold, in English too."""
    speak("fr")
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("3")
        await pilot.pause()
        texts = [item.text for item in shown_keys(app)]
        words = catalog("fr")
        assert f"? {words.gettext('Keys')}" in texts
        assert texts[0] == f"/ {words.gettext('Search')}"  # the tab's own keys come first
        assert f"q {words.gettext('Quit')}" not in texts  # the app's give way first


@pytest.mark.parametrize("language", SUPPORTED)
async def test_question_mark_lists_every_key_of_the_tab(
    console: Build, speak: Callable[[str], str], language: str
) -> None:
    speak(language)
    words = catalog(language)
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("4", "question_mark")
        await settle(pilot, lambda: isinstance(app.screen, KeysScreen))
        listed = [str(label.render()) for label in app.screen.query("#keys-list Label")]
        for key, description in [
            ("c", "Status"),
            ("t", "New ticket"),
            ("x", "Close ticket"),
            ("tab", "Next table"),
            ("e", "Export"),  # in no footer: only here
            ("S", "Decide"),
            ("q", "Quit"),
            ("^p", "palette"),
            ("1", "Overview"),
        ]:
            assert any(
                key in line.split()[0].split("/") and line.endswith(words.gettext(description))
                for line in listed
            ), (key, listed)
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, KeysScreen))


@pytest.mark.parametrize("language", SUPPORTED)
async def test_the_palette_speaks_the_users_language(
    console: Build, speak: Callable[[str], str], language: str
) -> None:
    speak(language)
    words = catalog(language)
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: isinstance(app.screen, CommandPalette))
        field = app.screen.query_one(Input)
        assert str(field.placeholder) == words.gettext("Search for commands…")
        titles = [str(command.title) for command in app.get_system_commands(app.screen)]
        for title in ("Keys (?)", "Theme", "Quit (q)", "Screenshot"):
            assert words.gettext(title) in titles
        await pilot.press(*"zzqqxx")
        nothing = words.gettext("Nothing matches “{query}”").format(query="zzqqxx")
        await settle(pilot, lambda: nothing in screen_text(app))


def screen_text(app: DrpApp) -> str:
    """The texts of the options the palette shows."""
    from textual.widgets import OptionList

    lists = app.screen.query(OptionList)
    return "\n".join(
        str(option.prompt) for found in lists for option in found.options if option.prompt
    )


@pytest.mark.parametrize("language", ["nl", "fr"])
async def test_the_tab_names_are_the_catalogs(
    console: Build, speak: Callable[[str], str], language: str
) -> None:
    speak(language)
    words = catalog(language)
    app = console()
    async with app.run_test(size=(120, 24)):  # room for every name whole
        names = [tab.label_text for tab in app.query(Tab).results()]
        expected = ["Overview", "Checklist", "Contacts", "Infrastructure", "Backups", "Timeline"]
        assert names == [
            f"{n} {words.gettext(name)}" for n, name in zip(TAB_KEYS, expected, strict=True)
        ]


# Snapshots in Dutch and French --------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_snapshot_overview(
    console: Build, speak: Callable[[str], str], snap_compare: Any, language: str
) -> None:
    speak(language)
    assert snap_compare(console(busy), terminal_size=SIZE)


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_snapshot_decide_dialog(
    console: Build, speak: Callable[[str], str], snap_compare: Any, language: str
) -> None:
    speak(language)
    assert snap_compare(console(declared), terminal_size=SIZE, press=["S"])


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_snapshot_keys_of_the_contacts_tab(
    console: Build, speak: Callable[[str], str], snap_compare: Any, language: str
) -> None:
    speak(language)

    async def keys(pilot: Pilot[None]) -> None:
        await all_tabs_mounted(pilot)
        await pilot.press("3", "question_mark")
        await settle(pilot, lambda: isinstance(pilot.app.screen, KeysScreen))

    assert snap_compare(console(busy), terminal_size=SIZE, run_before=keys)


def test_no_label_is_left_in_english_by_mistake() -> None:
    """A guard on the tests above: the catalogs do translate what they compare with."""
    assert catalog("nl").gettext("Overview") != "Overview"
    assert catalog("fr").gettext("Decide") != "Decide"


@pytest.mark.parametrize("language", ["nl", "fr"])
async def test_textuals_notices_are_drps(
    console: Build, speak: Callable[[str], str], language: str, tmp_path: Path, notices: Notices
) -> None:
    """The screenshot's notice and ctrl+c's reminder, which Textual writes in English."""
    speak(language)
    words = catalog(language)
    app = console(busy)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await all_tabs_mounted(pilot)
        app.deliver_screenshot(filename="screen.svg", path=str(tmp_path))
        saved = words.gettext("Saved the screenshot to {path}.").format(
            path=tmp_path / "screen.svg"
        )
        await settle(pilot, lambda: saved in notices.messages)
        assert words.gettext("Screenshot") in notices.titles
        assert (tmp_path / "screen.svg").exists()
        await pilot.press("ctrl+c")
        reminder = words.gettext("Press q to quit.")
        await settle(pilot, lambda: reminder in notices.messages)
        assert not any("Press" in message for message in notices.messages if message != reminder)
