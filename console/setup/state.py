"""The state directory and its journal folder: owner, group, mode and the setgid bit.

The state directory is private to one user on a laptop (0700, or 0770 with
the user's own group, as drp creates it), and on a host the crisis staff
share it is group-owned and setgid (README: `chgrp crisis drp-state && chmod
2770 drp-state`): without the setgid bit each writer's journal file gets the
writer's own group, which the others cannot read. Others never read or write
in it: a file put there would add events to the journal.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from console.i18n import _, ngettext
from console.incident.access import Role
from console.incident.tamper import file_risks, folder_risks
from console.setup.findings import Finding, error, ok, warning
from console.setup.owners import (
    Sharing,
    described,
    exists,
    names,
    quoted,
    sharing,
    user_name,
)
from console.store.journal import JOURNAL_FOLDER

if TYPE_CHECKING:
    from console.plan.model import Plan


def state_findings(state: Path, plan: Plan | None) -> tuple[list[Finding], Sharing | None]:
    """The state directory's owner, group, mode and setgid bit, against how it is shared."""
    try:
        found = state.stat()
    except FileNotFoundError:
        return _missing_state(state, plan), None
    except OSError as failure:
        return [
            error(
                "state",
                _("{path} cannot be looked at: {reason}").format(
                    path=state, reason=failure.strerror or failure
                ),
                _("pass the state directory with --state DIR, or set DRP_STATE"),
            )
        ], None
    if not stat.S_ISDIR(found.st_mode):
        return [
            error(
                "state",
                _("{path} is not a folder: drp keeps the journal in a folder there").format(
                    path=state
                ),
                _("move it away, or pass another state directory with --state DIR"),
            )
        ], None
    shared = sharing(found, plan)
    return _state_problems(state, found, shared), shared


def _missing_state(state: Path, plan: Plan | None) -> list[Finding]:
    parent = state.absolute().parent
    if not parent.is_dir():
        return [
            error(
                "state",
                _(
                    "{path} does not exist, nor does the folder {parent} it would be created in"
                ).format(path=state, parent=parent),
                _(
                    "run: mkdir -p {parent}, or pass another state directory with --state DIR"
                ).format(parent=quoted(parent)),
            )
        ]
    if not os.access(parent, os.W_OK | os.X_OK):
        return [
            error(
                "state",
                _("{path} does not exist, and you cannot create it in {parent}").format(
                    path=state, parent=parent
                ),
                _("ask who runs the host to create it, or pass another one with --state DIR"),
            )
        ]
    named = (
        {
            login
            for login in [*plan.access.coordinators, *plan.access.members, *plan.access.viewers]
            if exists(login) and login != user_name(os.getuid())
        }
        if plan is not None and plan.access is not None
        else set()
    )
    if named:
        return [
            warning(
                "state",
                _(
                    "{path} does not exist yet, and the plan's [access] names others who use "
                    "this machine ({logins}): created by the first action, it would be yours alone"
                ).format(path=state, logins=names(named)),
                _(
                    "create it for the crisis staff's group (here: crisis): run: mkdir {path} && "
                    "chgrp crisis {path} && chmod 2770 {path}"
                ).format(path=quoted(state)),
            )
        ]
    return [
        ok(
            "state",
            _("{path} does not exist yet: drp creates it at the first action (mode 0770)").format(
                path=state
            ),
        )
    ]


def _state_problems(state: Path, found: os.stat_result, shared: Sharing) -> list[Finding]:
    shown = described(state, found)
    mode = found.st_mode
    path = quoted(state)
    findings = []
    if mode & stat.S_IWOTH:
        findings.append(
            error(
                "state",
                _(
                    "{described}: every user of this machine can put files in it, and so "
                    "add events to the journal"
                ).format(described=shown),
                _("run: chmod o-rwx {path}").format(path=path),
            )
        )
    elif mode & (stat.S_IROTH | stat.S_IXOTH):
        findings.append(
            warning(
                "state",
                _("{described}: every user of this machine can look inside it").format(
                    described=shown
                ),
                _("run: chmod o-rwx {path}").format(path=path),
            )
        )
    if not os.access(state, os.W_OK | os.X_OK):
        findings.append(
            error(
                "state",
                _("{described}: you cannot write in it, so drp cannot record your actions").format(
                    described=shown
                ),
                _(
                    "ask who runs the host to add you to group {group} (usermod -aG {group} "
                    "{login}), then log in again"
                ).format(group=shlex.quote(shared.group), login=user_name(os.getuid())),
            )
        )
    if shared.shared:
        findings.extend(_sharing_problems(state, found, shared, shown))
    if not findings:
        if shared.shared:
            message = _("{described}: shared with group {group} ({logins}), setgid").format(
                described=shown, group=shared.group, logins=names(shared.members)
            )
        else:
            message = _("{described}: {owner}'s alone, as on a single-user laptop").format(
                described=shown, owner=shared.owner
            )
        findings.append(ok("state", message))
    return findings


def _sharing_problems(
    state: Path, found: os.stat_result, shared: Sharing, shown: str
) -> list[Finding]:
    mode = found.st_mode
    path = quoted(state)
    group = shlex.quote(shared.group)
    findings = []
    if not shared.members:
        findings.append(
            warning(
                "state",
                _(
                    "{described}: the plan's [access] names others who use this machine "
                    "({logins}), but group {group} holds none of them"
                ).format(described=shown, logins=names(shared.named), group=shared.group),
                _(
                    "give it the crisis staff's group (here: crisis): run: chgrp -R crisis "
                    "{path} && chmod 2770 {path}"
                ).format(path=path),
            )
        )
        return findings
    if mode & stat.S_IRWXG != stat.S_IRWXG:
        findings.append(
            warning(
                "state",
                _("{described}: group {group} cannot write in it").format(
                    described=shown, group=shared.group
                ),
                _("run: chmod 2770 {path}").format(path=path),
            )
        )
    if not mode & stat.S_ISGID:
        findings.append(
            warning(
                "state",
                _(
                    "{described} is shared with group {group} ({logins}) but has no setgid "
                    "bit: the journal files others create get their own group, and the rest "
                    "of the crisis staff cannot read them"
                ).format(described=shown, group=shared.group, logins=names(shared.members)),
                _("run: chmod g+s {path}").format(path=path),
            )
        )
    outside = shared.named - shared.members
    if outside:
        findings.append(
            warning(
                "state",
                _(
                    "the plan's [access] names {logins}, who are not in group {group}: they "
                    "cannot use the journal"
                ).format(logins=names(outside), group=shared.group),
                _("run: usermod -aG {group} LOGIN for each of them; they log in again").format(
                    group=group
                ),
            )
        )
    if shared.access is not None:
        strangers = shared.members - shared.access
        if strangers:
            findings.append(
                warning(
                    "state",
                    _(
                        "group {group} also holds {logins}, whom the plan's [access] does not "
                        "name: they can read the journal"
                    ).format(group=shared.group, logins=names(strangers)),
                    _(
                        "give the state directory a group of the crisis staff alone (here: "
                        "crisis): run: chgrp -R crisis {path}"
                    ).format(path=path),
                )
            )
    return findings


def journal_findings(state: Path, shared: Sharing | None) -> list[Finding]:
    """The journal folder and its files: readable by you, by the group, and by nobody else."""
    folder = state / JOURNAL_FOLDER
    try:
        found = folder.stat()
    except FileNotFoundError:
        return [ok("journal", _("no journal yet: drp starts it in {folder}").format(folder=folder))]
    except OSError as failure:
        return [
            error(
                "journal",
                _("{folder} cannot be looked at: {reason}").format(
                    folder=folder, reason=failure.strerror or failure
                ),
                _("run: ls -ld {folder}").format(folder=quoted(folder)),
            )
        ]
    if not stat.S_ISDIR(found.st_mode):
        return [
            error(
                "journal",
                _("{folder} is not a folder: drp cannot keep its journal there").format(
                    folder=folder
                ),
                _("move it away; drp creates the folder at the next action"),
            )
        ]
    shown = described(folder, found)
    try:
        files = [
            entry
            for entry in os.scandir(folder)
            if entry.name.endswith(".toml") and entry.is_file(follow_symlinks=False)
        ]
    except OSError as failure:
        return [
            error(
                "journal",
                _("{described}: you cannot read it ({reason}), so you see no event").format(
                    described=shown, reason=failure.strerror or failure
                ),
                _("ask who runs the host to add you to its group, then log in again"),
            )
        ]
    stats = [(entry, entry.stat(follow_symlinks=False)) for entry in files]
    findings = []
    unreadable = [entry.name for entry, _found in stats if not os.access(entry.path, os.R_OK)]
    if unreadable:
        findings.append(
            error(
                "journal",
                _(
                    "{n} of the {total} journal files in {folder} cannot be read by you "
                    "({files}): their events are missing from all you see"
                ).format(
                    n=len(unreadable), total=len(stats), folder=folder, files=names(unreadable)
                ),
                _(
                    "their owners (or root) run: chgrp -R GROUP {state} && chmod -R g+rX {state}"
                ).format(state=quoted(state)),
            )
        )
    open_files = [entry.name for entry, file in stats if file.st_mode & stat.S_IRWXO]
    if open_files:
        findings.append(
            warning(
                "journal",
                _("in {folder}, every user of this machine can read these: {files}").format(
                    folder=folder, files=names(open_files)
                ),
                _("run: chmod -R o-rwx {folder}").format(folder=quoted(folder)),
            )
        )
    elif found.st_mode & stat.S_IRWXO:
        findings.append(
            warning(
                "journal",
                _("{described}: every user of this machine can see its files' names").format(
                    described=shown
                ),
                _("run: chmod o-rwx {folder}").format(folder=quoted(folder)),
            )
        )
    if shared is not None and shared.shared and shared.members:
        findings.extend(_journal_sharing(state, folder, found, stats, shared, shown))
    if not findings:
        findings.append(
            ok(
                "journal",
                ngettext(
                    "{described}: {n} journal file, readable by you, closed to others",
                    "{described}: {n} journal files, readable by you, closed to others",
                    len(stats),
                ).format(described=shown, n=len(stats)),
            )
        )
    return findings


def _anyone(_login: str) -> Role:
    """Everyone counts as coordinator: who owns the folders is for the plan's roles to say."""
    return "coordinator"


def _journal_sharing(
    state: Path,
    folder: Path,
    found: os.stat_result,
    stats: list[tuple[os.DirEntry[str], os.stat_result]],
    shared: Sharing,
    shown: str,
) -> list[Finding]:
    findings = []
    group = shlex.quote(shared.group)
    strays = [entry.name for entry, file in stats if file.st_gid != shared.gid]
    if found.st_gid != shared.gid:
        strays.insert(0, _("the folder itself"))
    if strays:
        findings.append(
            warning(
                "journal",
                _(
                    "in {folder}, these belong to another group than {group}: {what}; the "
                    "rest of the crisis staff cannot read them"
                ).format(folder=folder, what=names(strays, sort=False), group=shared.group),
                _("run: chgrp -R {group} {state}").format(group=group, state=quoted(state)),
            )
        )
    if not found.st_mode & stat.S_ISGID:
        findings.append(
            warning(
                "journal",
                _(
                    "{described} has no setgid bit: a journal file created in it gets its "
                    "writer's own group"
                ).format(described=shown),
                _("run: chmod g+s {folder}").format(folder=quoted(folder)),
            )
        )
    files = {Path(entry.path): (file.st_uid, file.st_mode) for entry, file in stats}
    risks = [*folder_risks(state, folder, _anyone), *file_risks(files)]  # no sticky bit, g+w files
    findings.extend(warning("journal", f"{risk.path}: {risk.reason}", risk.fix) for risk in risks)
    return findings
