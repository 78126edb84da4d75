"""Text as people search and read it in a narrow terminal: without accents, cut to fit."""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len


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
