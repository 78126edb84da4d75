"""`?`: every key of the tab in front, the ones the footer has no room for too.

The footer keeps the most used keys in 80 columns; this list has them all,
each with what it does in the user's language: the tab's own keys (its
filters and `e` export too), then the console's (the tabs `1` to `6`, the
coordinator's, the palette, quit). A key that does nothing now (no active
disaster, say) is marked as such, not left out: the list is where one learns
the keys. Only drp's own keys are listed; the cursor keys of a table or a
text field work as everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from console.i18n import N_, _
from console.tui.tabs.base import ConsoleTab


@dataclass(frozen=True)
class KeyLine:
    """One key of the list: the key as shown, what it does, and whether it acts now."""

    key: str
    description: str
    enabled: bool = True

    def text(self, key_width: int) -> str:
        """ "S      Decide", or with "(not now)" when the key does nothing at the moment."""
        line = f"{self.key}{' ' * (key_width - cell_len(self.key))}  {self.description}"
        return line if self.enabled else _("{line} (not now)").format(line=line)


def key_lines(app: App[Any], screen: Screen[object]) -> list[KeyLine]:
    """drp's keys on `screen`: the tab's own first, then the console's; a line per action.

    Keys for the same action share a line ("f/escape  All"). Textual's own
    keys of a table or a text field (the cursor keys) are not drp's to list,
    nor are its system keys.
    """
    tab: dict[tuple[str, str], KeyLine] = {}
    console: dict[tuple[str, str], KeyLine] = {}
    for node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.system or not binding.description:
            continue
        if node is app:
            lines = console
        elif isinstance(node, ConsoleTab):
            lines = tab
        else:
            continue
        what = (binding.action, binding.description)
        key = app.get_key_display(binding)
        known = lines.get(what)
        if known is None:
            lines[what] = KeyLine(key, _(binding.description), enabled)
        elif key not in known.key.split("/"):
            lines[what] = KeyLine(f"{known.key}/{key}", known.description, known.enabled)
    return [*tab.values(), *console.values()]


class KeysScreen(ModalScreen[None]):
    """The list of every key of the tab in front; Escape or `?` closes it."""

    BINDINGS = [
        Binding("escape", "close", N_("Close")),
        Binding("question_mark", "close", N_("Close"), key_display="?"),
    ]

    def __init__(self, title: str, lines: Sequence[KeyLine]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        width = max((cell_len(line.key) for line in self.lines), default=1)
        with Vertical(classes="dialog", id="keys-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(id="keys-list"):
                for line in self.lines:
                    yield Label(
                        line.text(width), markup=False, classes="" if line.enabled else "-off"
                    )
            yield Label(_("Escape or ? closes this list."))

    def action_close(self) -> None:
        self.dismiss(None)
