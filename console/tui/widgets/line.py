"""A line of plain text that redraws only when its text changes, and the clock's zero.

An idle console must send next to nothing over a slow link: a clock that
shows minutes is updated every second but redrawn once a minute.
"""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Static

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The minute before the app's first tick: widgets then read the clock themselves."""


class Line(Static):
    """Plain text (never markup: plan text may hold brackets) that redraws only on change.

    An idle console must send next to nothing over a slow link: a clock that
    shows minutes is updated every second but redrawn once a minute.
    """

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(text, markup=False, id=id, classes=classes)
        self._text = text

    def show(self, text: str) -> None:
        """Show `text`, redrawing only if it differs from what is shown."""
        if text != self._text:
            self._text = text
            self.update(text)

    @property
    def text(self) -> str:
        """What is shown."""
        return self._text
