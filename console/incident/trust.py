"""Which events to believe: the operating system, not the journal, says who wrote what.

On a shared host every member can put a file in the journal folder, and an
event's `actor` is only text in that file. So a reader does not take the
journal at its word:

- **Authorship.** An event counts only when its actor owns the file it is in,
  or when the file's owner may hold other people's events: a coordinator (a
  coordinator merges copies), root, or the reader themself (a copy of their
  own, such as a folder synced to their laptop: they can only fool
  themselves, never the coordinator).
- **Roles.** The actor's role under the plan being read must allow the
  event, as `access.allowed` says before writing: a member's decision,
  written with a private plan copy or by hand, is not part of the incident.
- **One id, one content.** Two copies of an event that differ are a conflict;
  the copy in the most trusted file is kept (a coordinator's or root's, then
  the earliest `recorded_at`, then the file and line), whatever order the
  files are read in.

Every event not taken is reported with its file, line, claimed actor and the
file's owner. Without an `[access]` table everyone is coordinator and every
event counts, as on a single-user laptop. The rules work on plain values, so
the console's first look at the raw journal, before the schema is loaded,
believes exactly what the checked session believes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from console.i18n import _
from console.incident.access import Action, Role, login_of, refusal
from console.store.journal_text import Origin

KIND_ACTIONS: Mapping[str, Action] = {
    "declared": "declare",
    "decided": "decide",
    "recovery": "recover",
    "closed": "close",
    "contact": "contact",
    "meeting": "meeting",
    "assessment": "assess",
    "task": "task",
    "assigned": "assign",
    "note": "note",
    "component": "component",
    "ticket-opened": "ticket",
    "ticket-closed": "ticket",
    "restore": "restore",
    "report": "report",
}
"""The access rule each kind of event falls under, as the actions check it before writing."""


@dataclass(frozen=True)
class Trust:
    """The rules of one reader: the plan's roles and the reader's own login."""

    role_of: Callable[[str], Role]
    reader: str
    """The login of the user reading: their own files hold what they copied there."""

    def holds_others(self, owner: int) -> bool:
        """Whether a file of `owner`'s may hold events recorded by other people."""
        login = login_of(owner)
        return owner == 0 or login == self.reader or self.role_of(login) == "coordinator"

    def refusal(self, kind: str, actor: str, origin: Origin) -> str | None:
        """Why an event of `kind` claiming `actor`, read at `origin`, does not count; or None."""
        owner = login_of(origin.owner)
        if actor != owner and not self.holds_others(origin.owner):
            return _(
                "event ignored: it claims to be recorded by {actor}, but the file belongs to "
                "{owner}, who may record only their own events"
            ).format(actor=actor, owner=owner)
        action = KIND_ACTIONS.get(kind)
        if action is None:
            return _("event ignored: unknown kind {kind!r}").format(kind=kind)
        refused = refusal(self.role_of(actor), actor, action)
        if refused is not None:
            return _("event ignored: {reason}").format(reason=str(refused))
        return None

    def rank(self, origin: Origin, recorded_at: datetime) -> tuple[bool, datetime, str, int]:
        """How far a copy is believed when copies differ: the smallest rank is kept."""
        trusted = origin.owner == 0 or self.role_of(login_of(origin.owner)) == "coordinator"
        return (not trusted, recorded_at, str(origin.path), origin.line)


def trust_in_table(plan: Mapping[str, object], reader: str) -> Trust:
    """The rules under a plan as its file has it, before the schema checks it (the first look).

    The roles are read as `access.role_of` reads them from the checked plan:
    no `[access]` table, everyone is coordinator; unknown logins are viewers.
    """
    access = plan.get("access")
    if not isinstance(access, dict):
        return Trust(lambda _login: "coordinator", reader)

    def listed(key: str) -> frozenset[str]:
        logins = access.get(key)
        return frozenset(str(x) for x in logins) if isinstance(logins, list) else frozenset()

    coordinators, members = listed("coordinators"), listed("members")

    def role(login: str) -> Role:
        if login in coordinators:
            return "coordinator"
        return "member" if login in members else "viewer"

    return Trust(role, reader)
