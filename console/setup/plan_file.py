"""Who can read and change the plan file.

The plan holds personal phone numbers: it is readable by its owner (0600) or
by the crisis staff's group (0640), never by every user of the machine. On a
shared host the crisis staff's group must be able to read it, or the others
cannot open drp; and nobody but its maintainer changes it, since its
`[access]` table says who is coordinator.
"""

from __future__ import annotations

import shlex
import stat
from pathlib import Path

from console.i18n import _
from console.setup.findings import Finding, error, ok, warning
from console.setup.owners import (
    Sharing,
    described,
    group_logins,
    group_name,
    is_root,
    names,
    quoted,
    user_name,
)


def plan_file_findings(path: Path | None, shared: Sharing | None) -> list[Finding]:
    """Whether the plan can be read (or changed) by others, and read by the crisis staff."""
    try:
        found = path.stat() if path is not None else None
    except OSError:
        found = None
    if path is None or found is None or not stat.S_ISREG(found.st_mode):
        return [ok("plan-file", _("not checked: there is no plan file to look at"))]
    shown = described(path, found)
    mode = found.st_mode
    fix = _("run: chmod 640 {path} (or 600 if only you use drp)").format(path=quoted(path))
    findings = []
    if mode & stat.S_IWOTH:
        findings.append(
            error(
                "plan-file",
                _(
                    "{described} can be changed by every user of this machine: the phone "
                    "numbers, the tasks, and who is coordinator"
                ).format(described=shown),
                fix,
            )
        )
    elif mode & stat.S_IROTH:
        findings.append(
            warning(
                "plan-file",
                _(
                    "{described} is readable by every user of this machine, and it holds "
                    "personal phone numbers"
                ).format(described=shown),
                fix,
            )
        )
    others = {
        login
        for login in group_logins(found.st_gid)
        if login != user_name(found.st_uid) and not is_root(login)
    }
    if mode & stat.S_IWGRP and others:
        findings.append(
            warning(
                "plan-file",
                _(
                    "{described} can be changed by group {group} ({logins}), who could make "
                    "themselves coordinator in its [access] table"
                ).format(described=shown, group=group_name(found.st_gid), logins=names(others)),
                _("run: chmod 640 {path}").format(path=quoted(path)),
            )
        )
    if shared is not None and shared.shared and not mode & stat.S_IROTH:
        readable = found.st_gid == shared.gid and mode & stat.S_IRGRP
        if not readable:
            findings.append(
                warning(
                    "plan-file",
                    _(
                        "the state directory is shared with group {group}, but {described} "
                        "cannot be read by that group: the others cannot open drp"
                    ).format(group=shared.group, described=shown),
                    _("run: chgrp {group} {path} && chmod 640 {path}").format(
                        group=shlex.quote(shared.group), path=quoted(path)
                    ),
                )
            )
    if not findings:
        findings.append(
            ok("plan-file", _("{described} is not readable by others").format(described=shown))
        )
    return findings
