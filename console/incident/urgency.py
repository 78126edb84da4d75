"""How urgent a deadline is, as a CSS class and as a text marker.

Colour is never the only signal: every urgent time also carries a marker
("!" soon, "LATE" past due), so the console and `drp status` read the same
without colour. Part of drp's vocabulary (`console.incident.words`), kept
apart because the console's header shows it in the first frame, before the
event schema is loaded.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from console.i18n import _
from console.incident import timefmt

Urgency = Literal["ok", "soon", "late"]

SOON = timedelta(hours=2)
"""Less time left than this is shown as urgent."""

SOON_MARK = "!"
"""Goes before the time left when less than `SOON` is left."""


def urgency(due: datetime, now: datetime, soon: timedelta = SOON) -> Urgency:
    """ "late" when past due, "soon" within `soon`, else "ok"."""
    left = due.astimezone(UTC) - now.astimezone(UTC)
    if left < timedelta(0):
        return "late"
    return "soon" if left <= soon else "ok"


def mark(due: datetime, now: datetime) -> str:
    """The marker alone, where there is no room for the time: "LATE", "!" or nothing."""
    level = urgency(due, now)
    if level == "late":
        return _("LATE")
    return SOON_MARK if level == "soon" else ""


def marked_left(due: datetime, now: datetime) -> str:
    """Time left with its marker: "12:30 left", "! 1:05 left", "LATE 0:10"."""
    text = timefmt.left(due, now)
    return f"{SOON_MARK} {text}" if urgency(due, now) == "soon" else text
