"""Who may do what: coordinators, members and viewers, by OS login.

Without an `[access]` table in the plan everyone is coordinator (the
single-user laptop). With one, unknown logins are viewers. Only a coordinator
declares, decides the scenario, starts the recovery and closes; a member
records everything else; a viewer changes nothing. The command line and the
console both ask `require` before they write.
"""

from __future__ import annotations

import os
import pwd
from typing import TYPE_CHECKING, Literal

from console.i18n import N_, _

if TYPE_CHECKING:  # the console's first frame shows before the schema is loaded
    from console.plan.model import Plan

Role = Literal["coordinator", "member", "viewer"]

COORDINATOR_ACTIONS = frozenset({"declare", "decide", "recover", "close"})

ROLE_NAMES = {"coordinator": N_("coordinator"), "member": N_("member"), "viewer": N_("viewer")}


class Refused(Exception):
    """The user's role does not allow the action."""


def current_login() -> str:
    """The OS login of this process's user id (not $USER, which anyone can set)."""
    uid = os.getuid()
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


def allowed(role: Role, action: str) -> bool:
    """Whether `role` may take `action` (an action name such as "declare" or "note")."""
    if role == "viewer":
        return False
    return role == "coordinator" or action not in COORDINATOR_ACTIONS


def require(plan: Plan, login: str, action: str) -> None:
    """Raise `Refused` unless `login` may take `action`."""
    role = role_of(plan, login)
    if allowed(role, action):
        return
    if role == "viewer":
        message = _("{login} is a viewer and cannot change anything").format(login=login)
    else:
        message = _("only a coordinator may {action}; {login} is a {role}").format(
            action=_(ACTION_NAMES.get(action, action)), login=login, role=_(ROLE_NAMES[role])
        )
    raise Refused(message)


ACTION_NAMES = {
    "declare": N_("declare a disaster"),
    "decide": N_("decide the scenario"),
    "recover": N_("start the recovery"),
    "close": N_("close the incident"),
}
