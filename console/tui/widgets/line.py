"""A line of plain text that redraws only when its text changes, and the clock's zero.

An idle console must send next to nothing over a slow link: a clock that
shows minutes is updated every second but redrawn once a minute.
"""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Static

from console.present.text import visible

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The minute before the app's first tick: widgets then read the clock themselves."""


class Line(Static):
    """Plain text that redraws only on change: never markup, never a terminal control.

    Plan and journal text may hold brackets, escape sequences or bidi
    overrides: they are shown as written (`console.present.text.visible`;
    line breaks are kept, as a Line may show several lines). An idle console
    must send next to nothing over a slow link: a clock that shows minutes is
    updated every second but redrawn once a minute.
    """

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        shown = visible(text, lines=True)
        super().__init__(shown, markup=False, id=id, classes=classes)
        self._text = shown

    def show(self, text: str) -> None:
        """Show `text`, redrawing only if it differs from what is shown."""
        shown = visible(text, lines=True)
        if shown != self._text:
            self._text = shown
            self.update(shown)

    @property
    def text(self) -> str:
        """What is shown."""
        return self._text
