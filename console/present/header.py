"""The header's two lines fitted to the terminal's width, for any plan.

A plan may have two scenarios or five, ids of one letter or of twenty, an
organisation's name of three words or of ten; the header must still say, in
80 columns, how much time is left to the nearest target. So the clocks go
nearest first, the separators narrow before anything is dropped, the extra
deadline's name is cut before a clock is, and what cannot fit is counted
("+2") rather than cut in the middle of a time: the decide dialog lists them
all. On the title line the organisation's name gives way before the incident
id, which a person may need to type.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from console.i18n import _
from console.present.text import clip

WIDE, NARROW = "  ·  ", " · "

NAME_LEAST = 8
"""The fewest cells an extra deadline's name keeps before the deadline is left out."""


def _joined(parts: Sequence[str], separator: str) -> str:
    return separator.join(part for part in parts if part)


def title_line(organisation: str, rest: Sequence[str], width: int) -> str:
    """ "Organisation · id · DRILL · scenario A": the name is cut first, never the id."""
    tail = _joined(rest, NARROW)
    if not tail:
        return clip(organisation, width)
    room = width - cell_len(tail) - cell_len(NARROW)
    if room >= min(NAME_LEAST, cell_len(organisation)):
        return _joined([clip(organisation, room), tail], NARROW)
    return clip(tail, width)


def clocks_line(
    elapsed: str, clocks: Sequence[str], deadline: tuple[str, str] | None, width: int
) -> str:
    """T+, the clocks nearest first, and the nearest extra deadline, in `width` cells.

    `clocks` are whole ("cyber 22:06 left"), already sorted nearest first;
    `deadline` is a name and its time left ("GDPR notification", "1d 22:06
    left"). What gives way, in order: the wide separators, the deadline's
    name (cut, then the deadline left out), then the farthest clocks,
    counted as "+N".
    """
    for separator in (WIDE, NARROW):
        line = _joined([elapsed, *clocks, _deadline(deadline, None)], separator)
        if cell_len(line) <= width:
            return line
    base = _joined([elapsed, *clocks], NARROW)
    if deadline is not None and cell_len(base) + cell_len(NARROW) < width:
        room = width - cell_len(base) - cell_len(NARROW)
        shown = _deadline(deadline, room)
        if shown:
            return _joined([base, shown], NARROW)
    if cell_len(base) <= width:
        return base
    for count in range(len(clocks) - 1, 0, -1):
        more = _("+{count}").format(count=len(clocks) - count)
        line = _joined([elapsed, *clocks[:count], more], NARROW)
        if cell_len(line) <= width:
            return line
    first = _joined([elapsed, *clocks[:1]], NARROW)
    more = _("+{count}").format(count=len(clocks) - 1)
    if len(clocks) > 1 and cell_len(first) + 1 + cell_len(more) <= width:
        return f"{first} {more}"  # no room for a separator: still counted
    return clip(first, width)


def _deadline(deadline: tuple[str, str] | None, room: int | None) -> str:
    """ "Name 1d 22:06 left", the name cut to fit `room` cells (None: not cut); "" if it cannot."""
    if deadline is None:
        return ""
    name, left = deadline
    if room is None:
        return f"{name} {left}"
    name_room = room - cell_len(left) - 1
    if name_room < min(NAME_LEAST, cell_len(name)):
        return ""
    return f"{clip(name, name_room)} {left}"
