"""Text as people read it in a terminal: without accents for searching, cut to fit, and inert.

Everything drp shows that came from outside (the journal, the plan, a file
name, an argument) is data: `visible` shows a character that a terminal would
act on instead of print as a sign of its own, so a note cannot clear the
coordinator's screen, retitle their terminal or write to their clipboard, and
a value cannot pass for another line of output. The convention, the same in
the console, on the command line and in the reports:

- C0 controls as the Unicode control pictures: ESC as "␛", BEL as "␇", a line
  feed as "␊" (kept as a line break only where the place shows several lines);
  DEL as "␡". One cell each, so columns stay aligned.
- C1 controls as escapes: "\\x9b".
- Characters that reorder or break what a terminal shows without being seen
  (bidi embeddings, overrides, isolates and marks; the line and paragraph
  separators) as escapes: "\\u202e".

`json_text` keeps JSON exact and still inert: JSON already escapes C0; the
rest is written as `\\u` escapes, which every JSON reader turns back into the
very same characters.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from rich.cells import cell_len

INVISIBLE = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
"""Bidi marks, embeddings, overrides and isolates, and the line and paragraph separators."""

CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")
"""Every character `visible` shows as a sign: C0, DEL, C1 and the invisible ones."""

CONTROL_BUT_LINE_FEED = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{INVISIBLE}]")

JSON_UNSAFE = re.compile(f"[\x7f-\x9f{INVISIBLE}]")
"""What `json.dumps(..., ensure_ascii=False)` leaves raw that a terminal would act on."""


def _sign(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: U+2400 is NUL's, U+241B ESC's
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control and invisible formatting character shown as a sign.

    With `lines`, for a place that shows several lines, a line feed (or a
    carriage return and line feed) stays a line break; otherwise it is "␊" and
    the text stays on the one line it is given.
    """
    if text.isprintable():  # nothing to show: the common case, at once
        return text
    if lines:
        return CONTROL_BUT_LINE_FEED.sub(_sign, text.replace("\r\n", "\n"))
    return CONTROL.sub(_sign, text)


def json_text(data: Any) -> str:
    """`data` as indented JSON that reads back exactly and that a terminal only prints."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


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
