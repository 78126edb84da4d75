"""Which keys the footer shows in the width it has, and the tab names fitted to a line.

The footer lists a tab's keys, then the coordinator's, in one line of 80
columns in every language. When they do not all fit, the most used stay (the
list comes ranked, most used first), the others give way from the end, and
`? Keys` takes a place of its own so that every key can still be found. They
are shown in the order they came, which is the order of use.

The six tab names share one line too; when they do not fit, the longest
give way first, cut with an ellipsis after their number, never below a few
letters (a tab's number is its key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from console.present.text import clip

KEY_GAP = 1
"""The space after each key in the footer."""


@dataclass(frozen=True)
class KeyItem:
    """A key as the footer shows it: "S Decide"."""

    key: str
    description: str
    source: object = None
    """What the key stands for, for the caller (a binding)."""

    @property
    def text(self) -> str:
        """The key and what it does, as shown."""
        return f"{self.key} {self.description}" if self.description else self.key

    @property
    def width(self) -> int:
        """The cells it takes in the footer, the gap after it included."""
        return cell_len(self.text) + KEY_GAP


def fit_keys(keys: Sequence[KeyItem], more: KeyItem | None, room: int) -> list[KeyItem]:
    """The keys that fit in `room` cells, most used first in `keys`, and `more` (`?`).

    `more` is always shown when a key had to give way (that is what it is
    for); when every key fits, only if there is room for it too.
    """
    total = sum(item.width for item in keys)
    extra = more.width if more is not None else 0
    if total + extra <= room:
        return [*keys, *([more] if more is not None else [])]
    if total <= room:
        return list(keys)
    kept = list(keys)
    while kept and sum(item.width for item in kept) + extra > room:
        kept.pop()
    return [*kept, *([more] if more is not None else [])]


TAB_PADDING = 2
"""The cells a tab adds around its name (one each side)."""

LEAST_NAME = 3
"""The fewest letters of its name a tab keeps, after its number."""


def fit_tab_names(names: Sequence[str], room: int) -> list[str]:
    """The tab names ("1 Overview") cut to share `room` cells: the longest give way first."""
    shown = list(names)
    width = sum(cell_len(name) + TAB_PADDING for name in shown)
    while width > room:
        longest = max(range(len(shown)), key=lambda index: cell_len(shown[index]))
        current = cell_len(shown[longest])
        number = shown[longest].split(" ", 1)[0]
        if current <= cell_len(number) + 1 + LEAST_NAME:
            break  # as short as they go: the line scrolls rather than lose the numbers
        shown[longest] = clip(names[longest], current - 1)
        width -= 1
    return shown
