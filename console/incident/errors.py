"""The incident layer's errors: an action that cannot be taken as asked.

Refusals for a role are `console.incident.access.Refused`. Both are drp's
errors (`console.errors`): the command line and the console report them with
the same words. Light to import: the console checks for an active disaster
before the event schema is loaded.
"""

from __future__ import annotations

from console.errors import DrpError
from console.i18n import N_, _


class ActionError(DrpError):
    """The action cannot be taken as asked; the message says why."""

    title = N_("Not recorded")


class NoActiveIncident(ActionError):
    """There is no active disaster to record in."""

    def __init__(self) -> None:
        super().__init__(_("no active disaster: a coordinator declares one first (drp declare)"))
