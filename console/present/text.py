"""Text as people search and read it in a narrow terminal: without accents, cut to fit."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from rich.cells import cell_len

from console.i18n import current_language
from console.incident import timefmt


def fold(text: str) -> str:
    """Lower case without accents, so "lo" finds "Loïc" and "Geert" finds "GEERT"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def clip(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    while cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"


def time_width() -> int:
    """The cells a time of another day this year takes in the current language, for a column.

    "Wed 30 Sep 23:59" in English; measured on every weekday and month, since
    their translated names differ in length. A time of another year is longer
    and rare in an incident: it is cut.
    """
    return _time_width(current_language())


@lru_cache(maxsize=4)
def _time_width(language: str) -> int:  # the language is part of the cache key
    utc = ZoneInfo("UTC")
    now = datetime(2026, 1, 1, tzinfo=utc)
    times = (
        datetime(2026, month, day, 23, 59, tzinfo=utc)
        for month in range(1, 13)
        for day in range(22, 29)  # a week: every weekday, two digits
    )
    return max(cell_len(timefmt.moment(instant, utc, now)) for instant in times)
