"""Textual's own words in the user's language: the palette, its system commands, `?`, ctrl+c.

Textual speaks some English of its own: the command palette's "Search for
commands…" and "No matches found", its system commands (Theme, Quit, Keys,
Maximize, Screenshot), "Search for themes…", the notice ctrl+c gives and the
one a screenshot gives. `TextualInWords`, a mixin of the app like the
coordinator's actions, says each in drp's words through `_()`: it opens the
palettes with translated placeholders, lists the system commands itself,
and answers a search that matches nothing with a line of its own
(`NothingMatches`), so that Textual never has to. Its Keys is drp's own list
of keys (`?`, `console.tui.screens.keys`), which says what each does in the
user's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from textual import events, on
from textual.app import App, SystemCommand
from textual.command import CommandPalette, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen
from textual.theme import ThemeProvider

from console.i18n import _
from console.present.text import visible
from console.tui.screens.keys import KeysScreen, key_lines


def _nothing(provider: Provider, query: str, titles: Iterable[str]) -> Iterator[Hit]:
    """The one line a search that matches nothing gets, in place of Textual's English."""
    matcher = provider.matcher(query)
    if query.strip() and not any(matcher.match(title) > 0 for title in titles):
        said = _("Nothing matches “{query}”").format(query=visible(query))
        yield Hit(1.0, Content(said), _do_nothing, text=said)  # Content: the query is no markup


def _do_nothing() -> None:
    """Choosing "nothing matches" closes the palette and does nothing."""


class NothingMatches(Provider):
    """Says so when a search matches no command (the commands are the app's system commands)."""

    async def search(self, query: str) -> Hits:
        titles = [command.title for command in self.app.get_system_commands(self.screen)]
        for hit in _nothing(self, query, titles):
            yield hit


class NoThemeMatches(Provider):
    """Says so when a search matches no theme."""

    async def search(self, query: str) -> Hits:
        for hit in _nothing(self, query, self.app.available_themes):
            yield hit


class TextualInWords(App[None]):
    """The palette, its system commands, `?` and Textual's notices, in the user's language."""

    COMMANDS = App.COMMANDS | {NothingMatches}

    def textual_commands(self, screen: Screen[object]) -> Iterator[SystemCommand]:
        """Textual's own system commands, in the user's words, doing what Textual's do."""
        yield SystemCommand(_("Keys (?)"), _("Every key of the tab in front"), self.action_keys)
        yield SystemCommand(_("Theme"), _("Change the colours of the console"), self.search_themes)
        yield SystemCommand(_("Quit (q)"), _("Close the console"), self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(
                _("Minimize"), _("Show the widget at its normal size again"), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                _("Maximize"),
                _("Show the focused widget on the whole screen"),
                screen.action_maximize,
            )
        yield SystemCommand(
            _("Screenshot"),
            _("Save the screen as an SVG picture"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def action_command_palette(self) -> None:
        """Open the command palette, its placeholder in the user's language."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=_("Search for commands…"))
            )

    def search_themes(self) -> None:
        """The palette's Theme: the colour themes (their names are names, not translated)."""
        self.push_screen(
            CommandPalette(
                providers=[ThemeProvider, NoThemeMatches], placeholder=_("Search for themes…")
            )
        )

    def action_keys(self) -> None:
        """`?`: list every key of the tab in front, what it does, and whether it acts now."""
        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(_("Keys"), key_lines(self, self.screen)))

    @on(events.DeliveryComplete)
    def screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """Say where the palette's Screenshot went, in place of Textual's English."""
        if event.name != "screenshot":
            return
        event.prevent_default()
        if event.path is None:
            self.notify(_("Saved the screenshot."), title=_("Screenshot"))
        else:
            self.notify(
                _("Saved the screenshot to {path}.").format(path=event.path),
                title=_("Screenshot"),
            )

    @on(events.DeliveryFailed)
    def screenshot_failed(self, event: events.DeliveryFailed) -> None:
        """Say that the palette's Screenshot could not be saved, in place of Textual's English."""
        if event.name != "screenshot":
            return
        event.prevent_default()
        self.notify(_("Could not save the screenshot."), title=_("Screenshot"), severity="error")
