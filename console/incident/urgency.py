"""How urgent a deadline is, as a CSS class and as a text marker.

Colour is never the only signal: every urgent time also carries a marker
("!" soon, "LATE" past due), so the console reads the same without colour.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from console.i18n import _
from console.incident import timefmt

Urgency = Literal["ok", "soon", "late"]

SOON = timedelta(hours=2)
"""Less time left than this is shown as urgent."""


def urgency(due: datetime, now: datetime, soon: timedelta = SOON) -> Urgency:
    """ "late" when past due, "soon" within `soon`, else "ok"."""
    left = due.astimezone(UTC) - now.astimezone(UTC)
    if left < timedelta(0):
        return "late"
    return "soon" if left <= soon else "ok"


def marked_left(due: datetime, now: datetime) -> str:
    """Time left with its marker: "12:30 left", "! 1:05 left", "LATE 0:10"."""
    level = urgency(due, now)
    if level == "late":
        return _("LATE {span}").format(span=timefmt.span(now.astimezone(UTC) - due.astimezone(UTC)))
    text = timefmt.left(due, now)
    return f"! {text}" if level == "soon" else text
