"""The checklist tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class ChecklistTab(Tab):
    """The checklist tab."""

    def compose(self) -> ComposeResult:
        yield Line("checklist", id="checklist-body")
