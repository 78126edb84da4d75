"""Users, groups and modes, named as people and `chmod` name them.

`Sharing` says who besides its owner the state directory is for: the logins
in its group, and the logins of this machine the plan's `[access]` names. A
plan's `[access]` naming logins that do not exist here (a laptop copy of the
host's plan) does not make it shared.
"""

from __future__ import annotations

import grp
import os
import pwd
import shlex
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from console.i18n import _
from console.incident.access import login_of

if TYPE_CHECKING:
    from console.plan.model import Plan

SHOWN_NAMES = 5
"""How many logins a message names before it counts the rest."""


def user_name(uid: int) -> str:
    """The login of a user id, or the number when it has none."""
    return login_of(uid)


def group_name(gid: int) -> str:
    """The name of a group id, or the number when it has none."""
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def group_logins(gid: int) -> frozenset[str]:
    """Every login in a group: its listed members and those whose primary group it is."""
    try:
        members = set(grp.getgrgid(gid).gr_mem)
    except KeyError:
        members = set()
    members.update(p.pw_name for p in pwd.getpwall() if p.pw_gid == gid)
    return frozenset(members)


def exists(login: str) -> bool:
    try:
        pwd.getpwnam(login)
    except KeyError:
        return False
    return True


def is_root(login: str) -> bool:
    try:
        return pwd.getpwnam(login).pw_uid == 0
    except KeyError:
        return False


def names(items: Iterable[str], *, sort: bool = True) -> str:
    """Logins or files for a message: "bart, tom", or the first few and how many more."""
    ordered = sorted(items) if sort else list(items)
    shown = ", ".join(ordered[:SHOWN_NAMES])
    more = len(ordered) - SHOWN_NAMES
    return shown + _(" and {n} more").format(n=more) if more > 0 else shown


def mode_text(mode: int) -> str:
    """A file's permission bits as `chmod` takes them: "2770", "0640"."""
    return f"{stat.S_IMODE(mode):04o}"


def quoted(path: Path) -> str:
    """A path as it goes into a command to copy."""
    return shlex.quote(str(path))


@dataclass(frozen=True)
class Sharing:
    """Who besides the owner the state directory is for."""

    owner: str
    group: str
    gid: int
    members: frozenset[str]
    """Logins in the directory's group, besides its owner and root."""
    named: frozenset[str]
    """Logins the plan's `[access]` names that exist here, besides the owner."""
    access: frozenset[str] | None
    """Every login `[access]` names; None without an `[access]` table."""

    @property
    def shared(self) -> bool:
        """Whether other logins than the owner use (or can use) this directory."""
        return bool(self.members or self.named)


def sharing(found: os.stat_result, plan: Plan | None) -> Sharing:
    """How the state directory `found` is shared, by its group and the plan's `[access]`."""
    owner = user_name(found.st_uid)
    members = frozenset(
        login for login in group_logins(found.st_gid) if login != owner and not is_root(login)
    )
    access = None
    named: frozenset[str] = frozenset()
    if plan is not None and plan.access is not None:
        table = plan.access
        access = frozenset([*table.coordinators, *table.members, *table.viewers])
        named = frozenset(login for login in access if login != owner and exists(login))
    return Sharing(owner, group_name(found.st_gid), found.st_gid, members, named, access)


def described(path: Path, found: os.stat_result) -> str:
    """ "drp-state (owner alice, group crisis, mode 2770)"."""
    return _("{path} (owner {owner}, group {group}, mode {mode})").format(
        path=path,
        owner=user_name(found.st_uid),
        group=group_name(found.st_gid),
        mode=mode_text(found.st_mode),
    )
