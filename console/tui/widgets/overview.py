"""The overview tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class OverviewTab(Tab):
    """The overview tab."""

    def compose(self) -> ComposeResult:
        yield Line("overview", id="overview-body")
