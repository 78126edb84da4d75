"""Who may do what: coordinators, members and viewers, by OS login.

Without an `[access]` table in the plan everyone is coordinator (the
single-user laptop). With one, unknown logins are viewers. Only a coordinator
declares, decides the scenario, starts the recovery and closes; a member
records everything else; a viewer changes nothing. The command line and the
console both ask `require` before they write, and say `refusal` when they may not.
"""

from __future__ import annotations

import os
import pwd
from functools import cache
from typing import TYPE_CHECKING, Literal, assert_never

from console.errors import EXIT_REFUSED, DrpError
from console.i18n import N_, _

if TYPE_CHECKING:  # the console's first frame shows before the schema is loaded
    from console.plan.model import Plan

Role = Literal["coordinator", "member", "viewer"]

Action = Literal[
    "declare",
    "decide",
    "recover",
    "close",
    "contact",
    "meeting",
    "assess",
    "task",
    "assign",
    "note",
    "component",
    "ticket",
    "restore",
    "report",
    "merge",
]
"""Everything that writes to the journal, by the name the access rules use."""

COORDINATOR_ACTIONS: frozenset[Action] = frozenset(
    {"declare", "decide", "recover", "close", "merge"}
)
"""What only a coordinator may do. Merging writes other people's events into the
coordinator's own file, which readers trust to hold them (`console.incident.trust`)."""


class Refused(DrpError):
    """The user's role does not allow the action."""

    status = EXIT_REFUSED
    title = N_("Not allowed")


def current_login() -> str:
    """The OS login of this process's user id (not $USER, which anyone can set)."""
    return login_of(os.getuid())


@cache
def login_of(uid: int) -> str:
    """The login of user id `uid`, or the number when it has none."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def role_of(plan: Plan, login: str) -> Role:
    """The role of `login` under the plan's access table."""
    access = plan.access
    if access is None:
        return "coordinator"
    if login in access.coordinators:
        return "coordinator"
    if login in access.members:
        return "member"
    return "viewer"


def allowed(role: Role, action: Action) -> bool:
    """Whether `role` may take `action`."""
    if role == "viewer":
        return False
    return role == "coordinator" or action not in COORDINATOR_ACTIONS


def role_word(role: Role) -> str:
    """A role in a word, for people."""
    match role:
        case "coordinator":
            return _("coordinator")
        case "member":
            return _("member")
        case "viewer":
            return _("viewer")
        case _:
            assert_never(role)


def refusal(role: Role, login: str, action: Action) -> Refused | None:
    """Why `login`, being `role`, may not take `action`; None when they may.

    The one wording of a refusal, on the command line and in the console alike.
    """
    if allowed(role, action):
        return None
    if role == "viewer":
        return Refused(_("{login} is a viewer and cannot change anything").format(login=login))
    return Refused(
        _("only a coordinator may {action}; {login} is a {role}").format(
            action=_(ACTION_NAMES.get(action, action)), login=login, role=role_word(role)
        )
    )


def require(plan: Plan, login: str, action: Action) -> None:
    """Raise `Refused` unless `login` may take `action`."""
    refused = refusal(role_of(plan, login), login, action)
    if refused is not None:
        raise refused


ACTION_NAMES = {
    "declare": N_("declare a disaster"),
    "decide": N_("decide the scenario"),
    "recover": N_("start the recovery"),
    "close": N_("close the incident"),
    "merge": N_("merge another copy of the journal"),
}
"""The coordinator's actions in words, for the refusal."""
