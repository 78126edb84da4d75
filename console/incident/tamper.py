"""What on a shared state directory would let a member tamper with other people's journal files.

Readers believe a journal file's owner (`console.incident.trust`), so what
the operating system lets a member do to other people's files is what a
member can do to the incident: a folder without the sticky bit lets them
rename or delete any file in it, a folder of theirs lets them delete anyone's,
and a file the group can write lets them add events in its owner's name.
The console and every command report these once; `drp doctor` lists them
with the rest of the set-up. Only a shared set-up (a plan with `[access]`)
is judged: a laptop's own folders are nobody else's business.
"""

from __future__ import annotations

import os
import shlex
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from console.i18n import _
from console.incident.access import Role, login_of


@dataclass(frozen=True)
class Risk:
    """One way a member could tamper with the journal, and the command that closes it."""

    path: Path
    reason: str
    fix: str


def folder_risks(state_dir: Path, folder: Path, role_of: Callable[[str], Role]) -> list[Risk]:
    """The state directory's and the journal folder's risks: no sticky bit, a member's folder."""
    risks = []
    for path in (state_dir, folder):
        try:
            found = os.stat(path)
        except OSError:
            continue
        quoted = shlex.quote(str(path))
        if found.st_mode & stat.S_IWGRP and not found.st_mode & stat.S_ISVTX:
            risks.append(
                Risk(
                    path,
                    _(
                        "any member of its group can rename or delete another user's journal "
                        "files (the folder has no sticky bit)"
                    ),
                    _("run: chmod 3770 {path}").format(path=quoted),
                )
            )
        owner = login_of(found.st_uid)
        if found.st_uid != 0 and role_of(owner) != "coordinator":
            risks.append(
                Risk(
                    path,
                    _(
                        "it belongs to {owner}, who is not a coordinator and can delete anyone's "
                        "journal files in it"
                    ).format(owner=owner),
                    _("root runs: chown root {path}").format(path=quoted),
                )
            )
    return risks


def file_risks(files: Mapping[Path, tuple[int, int]]) -> list[Risk]:
    """Journal files that others than their owner can write: `files` maps paths to (uid, mode)."""
    return [
        Risk(
            path,
            _("its group can write it: a member could add events to it in {owner}'s name").format(
                owner=login_of(owner)
            ),
            _("{owner} runs: chmod 640 {path}").format(
                owner=login_of(owner), path=shlex.quote(str(path))
            ),
        )
        for path, (owner, mode) in sorted(files.items())
        if mode & (stat.S_IWGRP | stat.S_IWOTH)
    ]
