"""One access policy for every key that records: who sees it, when it works, what a refusal says.

A key that records in the journal needs a role that allows its action and,
except for declaring, an active disaster. It is hidden from a user whose
role never allows it, greyed out while there is no active disaster, and an
action reached another way (the palette, a click, a test) is refused with
the same message the command line gives. `console.incident.access` stays
the real check: the action functions ask it again before they write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.widget import Widget

from console.i18n import _
from console.incident.access import refusal
from console.incident.errors import NoActiveIncident

if TYPE_CHECKING:  # the app imports this before the plan and the journal are loaded
    from console.errors import DrpError
    from console.incident.access import Action
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext


def key_state(
    context: ConsoleContext,
    action: Action,
    incident: IncidentState | None,
    *,
    needs_incident: bool = True,
) -> bool | None:
    """For `check_action`: False hides the key, None greys it out, True enables it."""
    if not context.may(action):
        return False
    if needs_incident and (incident is None or not incident.active):
        return None
    return True


def refused(
    context: ConsoleContext,
    action: Action,
    incident: IncidentState | None,
    *,
    needs_incident: bool = True,
) -> DrpError | None:
    """Why `action` cannot be taken now, as the error the command line would report; or None."""
    denied = refusal(context.role, context.login, action)
    if denied is not None:
        return denied
    if needs_incident and (incident is None or not incident.active):
        return NoActiveIncident()
    return None


def show_error(node: Widget | App[Any], error: DrpError) -> None:
    """Tell the user what went wrong, in the command line's words, under the error's title."""
    node.notify(error.message, title=_(error.title), severity=error.severity, markup=False)
