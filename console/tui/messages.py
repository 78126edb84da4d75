"""The one message every part of the console sends up to record something.

A tab or a dialog never writes to the journal itself: it posts
`RecordRequested` with the action to take (a call of a function from
`console.incident.actions`, the same the command line uses), and the app runs
it, confirms what was recorded or reports a refusal or a mistake (in the
command line's words), and refreshes the state everyone shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the app imports this before the journal layer is loaded
    from console.incident.events import Event
    from console.incident.session import Session

Perform = Callable[["Session"], "Event"]


@dataclass
class RecordRequested(Message):
    """Please record this: `perform(session)` writes one event."""

    perform: Perform
    """Calls an action of `console.incident.actions` on the session."""
