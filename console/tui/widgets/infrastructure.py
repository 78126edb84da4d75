"""The infrastructure tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class InfrastructureTab(Tab):
    """The infrastructure tab."""

    def compose(self) -> ComposeResult:
        yield Line("infrastructure", id="infrastructure-body")
