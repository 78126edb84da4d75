"""The footer: the keys of the tab in front, in the user's language, fitted to the width.

Textual's footer shows every key in a row, untranslated, and cuts the row at
the edge of the screen: at 80 columns the Contacts tab lost "S Decide", and
French is a fifth longer than English. This one translates each description
(`BINDINGS` mark them with `N_()`: they are defined before the language is
chosen), and when the keys do not all fit it keeps the most used ones (the
tab's own keys, then the coordinator's: `console.present.keys.fit_keys`) and
shows `? Keys`, which lists every key (`console.tui.screens.keys`). The
command palette's key stays on the right, as in Textual's footer.
"""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget

from console.i18n import _
from console.present.keys import KeyItem, fit_keys

HELP_ACTION = "keys"
"""The action of `?`, which lists every key."""

PALETTE_ACTION = "command_palette"

APP_KEYS_ORDER = ("declare", "decide", "quit", "recover", "close_incident")
"""The app's own keys by how much they are used: they give way after the tab's keys."""


def said(binding: Binding) -> str:
    """What a key does, in the user's language (`_("")` would be the catalog's header)."""
    return _(binding.description) if binding.description else ""


class FooterKey(Widget):
    """One key and what it does, coloured as Textual's footer colours them; a click presses it."""

    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}

    def __init__(
        self, item: KeyItem, binding: Binding, enabled: bool, *, classes: str = ""
    ) -> None:
        super().__init__(classes=classes)
        self.item = item
        self.key = binding.key.split(",")[0]
        self.set_class(not enabled, "-disabled")

    def render(self) -> Text:
        key = self.get_component_rich_style("footer-key--key")
        description = self.get_component_rich_style("footer-key--description")
        text = Text.assemble((self.item.key, key))
        if self.item.description:
            text.append(f" {self.item.description}", description)
        return text

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.has_class("-disabled"):
            self.app.bell()
        else:
            self.app.simulate_key(self.key)


class DrpFooter(Horizontal, can_focus=False, can_focus_children=False):
    """The keys of the screen it is on, translated and fitted, with `?` when keys are left out."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Another tab came to the front, or a key was switched on or off: show the keys again."""
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.recompose)

    def on_resize(self) -> None:
        """Fit the keys again to the new width."""
        self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        keys, palette, help_key = self.keys()
        width = self.size.width or self.app.size.width
        room = width - (palette.width + 1 if palette else 0)  # and the bar before it
        for item in fit_keys(keys, help_key, room):
            binding, enabled = cast("tuple[Binding, bool]", item.source)
            yield FooterKey(item, binding, enabled)
        if palette is not None:
            binding, enabled = cast("tuple[Binding, bool]", palette.source)
            yield FooterKey(palette, binding, enabled, classes="-palette")

    def keys(self) -> tuple[list[KeyItem], KeyItem | None, KeyItem | None]:
        """The keys to show, most used first; the palette's key; and `?`: all translated."""
        tab_keys: list[KeyItem] = []
        app_keys: list[tuple[int, KeyItem]] = []
        palette = help_key = None
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            item = KeyItem(self.app.get_key_display(binding), said(binding), (binding, enabled))
            if binding.action == PALETTE_ACTION:
                palette = item
            elif binding.action == HELP_ACTION:
                help_key = item
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)  # one key per action, as in Textual's footer
                if node is self.app:
                    used = (
                        APP_KEYS_ORDER.index(binding.action)
                        if binding.action in (APP_KEYS_ORDER)
                        else len(APP_KEYS_ORDER)
                    )
                    app_keys.append((used, item))
                else:
                    tab_keys.append(item)
        ranked = tab_keys + [item for _used, item in sorted(app_keys, key=lambda pair: pair[0])]
        return ranked, palette, help_key
