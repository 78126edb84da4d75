"""The timeline tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class TimelineTab(Tab):
    """The timeline tab."""

    def compose(self) -> ComposeResult:
        yield Line("timeline", id="timeline-body")
