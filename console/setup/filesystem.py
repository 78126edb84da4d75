"""The filesystem under the state directory: what kind it is, and how much room it has.

The journal relies on `flock`: a writer holds a lock on its file while it
lives, so that an event it is still writing is not taken for damage. On a
network filesystem (NFS, CIFS/SMB, sshfs and other FUSE filesystems) a lock
is kept by one machine only, or not at all, and cannot be trusted. The type
is read from `/proc/self/mountinfo` (else `/proc/mounts`): the mount whose
mount point is the longest prefix of the directory's real path.

An action is confirmed only once its event is on disk, so a full disk stops
the crisis staff from recording anything: free space is warned about early.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from console.i18n import _
from console.incident.numbers import number
from console.setup.findings import Finding, error, ok, warning

MOUNTINFO = Path("/proc/self/mountinfo")
MOUNTS = Path("/proc/mounts")

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "9p",
        "drvfs",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "beegfs",
        "orangefs",
        "davfs",
        "vboxsf",
        "vmhgfs",
        "prl_fs",
    }
)
"""Filesystems whose files live on another machine (or another system's share)."""

WARN_BELOW = 100 * 1000 * 1000
"""Free bytes under which `drp doctor` warns: a long incident writes a few megabytes."""
ERROR_BELOW = 5 * 1000 * 1000
"""Free bytes under which the next events may not fit."""

_OCTAL = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class Mount:
    """One mounted filesystem."""

    mount_point: str
    fstype: str
    source: str


def _unescape(field: str) -> str:
    """A mountinfo field with its octal escapes (`\\040` for a space) turned back."""
    return _OCTAL.sub(lambda match: chr(int(match.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts listed in `/proc/self/mountinfo` text, in its order.

    A line is: mount id, parent id, major:minor, root, mount point, options,
    any number of optional fields, a lone "-", the filesystem type, the source
    and the superblock options. A line that does not have that shape is skipped.
    """
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if len(fields) < 7 or "-" not in fields[6:]:
            continue
        separator = fields.index("-", 6)
        if len(fields) < separator + 3:
            continue
        mounts.append(
            Mount(_unescape(fields[4]), fields[separator + 1], _unescape(fields[separator + 2]))
        )
    return mounts


def parse_mounts(text: str) -> list[Mount]:
    """The mounts listed in `/proc/mounts` text: source, mount point, type, options, 0, 0."""
    mounts = []
    for line in text.splitlines():
        fields = line.split(" ")
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[1]), fields[2], _unescape(fields[0])))
    return mounts


def read_mounts() -> list[Mount] | None:
    """This process's mounts, or None where the system does not list them (no /proc)."""
    for path, parse in ((MOUNTINFO, parse_mountinfo), (MOUNTS, parse_mounts)):
        try:
            text = path.read_text("utf-8", errors="surrogateescape")
        except OSError:
            continue
        mounts = parse(text)
        if mounts:
            return mounts
    return None


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount that holds `path` (a real, absolute path): the longest mount point above it.

    Of two mounts on the same point the later one is on top, and it is the one seen.
    """
    found: Mount | None = None
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        inside = point == "/" or path == point or path.startswith(point + "/")
        if inside and (found is None or len(point) >= len(found.mount_point.rstrip("/") or "/")):
            found = mount
    return found


def is_network(fstype: str) -> bool:
    """Whether files of this type live elsewhere, or behind FUSE, where locks cannot be trusted.

    "fuse.sshfs" and any other "fuse.*" count; "fuseblk" (ntfs-3g on a local
    disk) does not.
    """
    base = fstype.split(".")[0]
    return fstype in NETWORK_TYPES or base in NETWORK_TYPES or base == "fuse"


def existing(path: Path) -> Path:
    """`path`, or the nearest folder above it that exists (where it would be created)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def filesystem_findings(state: Path, mounts: list[Mount] | None) -> list[Finding]:
    """Whether the state directory is on a filesystem where `flock` can be trusted."""
    where = existing(state)
    if mounts is None:
        return [
            ok(
                "filesystem",
                _("not checked: this system does not list its mounts in /proc"),
            )
        ]
    mount = mount_of(os.path.realpath(where), mounts)
    if mount is None:
        return [ok("filesystem", _("not checked: no mount holds {path}").format(path=where))]
    if is_network(mount.fstype):
        return [
            warning(
                "filesystem",
                _(
                    "{path} is on {fstype} ({source}, mounted at {point}), a network or FUSE "
                    "filesystem where flock cannot be trusted: an event another machine is "
                    "still writing may be reported as damage"
                ).format(
                    path=state, fstype=mount.fstype, source=mount.source, point=mount.mount_point
                ),
                _(
                    "keep the state directory on a local disk of the host the crisis staff log "
                    "in to (--state or DRP_STATE); join a copy kept elsewhere with drp merge"
                ),
            )
        ]
    return [
        ok(
            "filesystem",
            _("{path} is on {fstype}, a local filesystem (mounted at {point})").format(
                path=state, fstype=mount.fstype, point=mount.mount_point
            ),
        )
    ]


def size_text(size: int) -> str:
    """A number of bytes for people: "3.2 MB", "57 MB", "12.4 GB" ("12,4 GB" in Dutch)."""
    for unit, factor in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            value = size / factor
            decimals = 1 if value < 100 and value != int(value) else 0
            return f"{number(value, decimals)} {unit}"
    return f"{number(size)} B"


def space_finding(state: Path, free: int, free_files: int | None) -> Finding:
    """The finding for `free` bytes (and `free_files` inodes, None when unlimited) at `state`."""
    thresholds = _("warning below {warn}, error below {error}").format(
        warn=size_text(WARN_BELOW), error=size_text(ERROR_BELOW)
    )
    found = _("{free} free for {path} ({thresholds})").format(
        free=size_text(free), path=state, thresholds=thresholds
    )
    advice = _(
        "free some space on that filesystem, or move the state directory to a larger one "
        "(--state or DRP_STATE)"
    )
    if free_files == 0:
        return error(
            "disk-space",
            _("{path}: no file can be created there (no free inodes)").format(path=state),
            advice,
        )
    if free < ERROR_BELOW:
        return error(
            "disk-space",
            found + _(": the next events may not fit, and an unrecorded action is lost"),
            advice,
        )
    if free < WARN_BELOW:
        return warning("disk-space", found + _(": the disk is nearly full"), advice)
    return ok("disk-space", found)


def space_findings(state: Path) -> list[Finding]:
    """How much room the state directory's filesystem has left for this user."""
    where = existing(state)
    try:
        stats = os.statvfs(where)
    except OSError as failure:
        return [
            error(
                "disk-space",
                _("cannot tell the free space at {path}: {reason}").format(
                    path=where, reason=failure.strerror or failure
                ),
                _("run: df -h {path}").format(path=shlex.quote(str(where))),
            )
        ]
    free_files = stats.f_favail if stats.f_files else None  # 0 inodes in all: not counted
    return [space_finding(state, stats.f_bavail * stats.f_frsize, free_files)]
