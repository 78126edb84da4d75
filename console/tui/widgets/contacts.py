"""The contacts tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class ContactsTab(Tab):
    """The contacts tab."""

    def compose(self) -> ComposeResult:
        yield Line("contacts", id="contacts-body")
