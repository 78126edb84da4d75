"""The backups tab (being built)."""

from __future__ import annotations

from textual.app import ComposeResult

from console.tui.widgets.tab import Line, Tab


class BackupsTab(Tab):
    """The backups tab."""

    def compose(self) -> ComposeResult:
        yield Line("backups", id="backups-body")
