"""Plan upkeep as the console and `drp check` see it: the plan's journal, read for its drills.

`console.plan.upkeep` decides whether the plan is due for review or for a
drill; this module finds the drills in a state directory's journal and words
the one notice the console shows on opening. Where the state directory does
not exist (a copy of the plan on a desk) there is no drill history to judge:
the drill check is left out there, by `drp check` and the console alike. An
existing state directory with no journal yet has had no drill. While a real
disaster is open the console says nothing of upkeep: the crisis comes first.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from console.plan.upkeep import upkeep_notices

if TYPE_CHECKING:
    from console.incident.session import Session


def journal_drills(session: Session) -> list[datetime] | None:
    """When each drill in the session's journal was declared; None without a state directory."""
    if not session.state_dir.is_dir():
        return None
    return [incident.declared_at for incident in session.incidents() if incident.drill]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def opening_notice(session: Session) -> str | None:
    """What the console says on opening about the plan's review and drills, if anything.

    One text, so that it is one notice: the approval's age and the last
    drill, as `drp check` words them, as of the session's clock.
    """
    if session.active(drill=False) is not None:
        return None
    notices = upkeep_notices(session.plan, session.now(), journal_drills(session))
    return " ".join(_sentence(notice.message) for notice in notices) or None
