"""Writing files that hold the plan's confidential content.

The plan is "uiterst vertrouwelijk": whatever drp writes from it (a new plan,
a binder) is created mode 0600 and never world-readable. A write is atomic:
the content goes to a temporary file beside the target, is fsync'ed, and only
then takes the target's name, so a crash or a full disk never leaves half a
file and never destroys the file that was there. Only a regular file is ever
replaced: a device, a named pipe, a socket, a folder or a symbolic link at
the target's name is refused, whatever the caller asked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from console.store.regular import NotRegular, kind_in_words

PRIVATE_MODE = 0o600


class TargetExists(FileExistsError):
    """The target file exists and overwriting was not asked for."""


def write_private(path: Path, content: str | bytes, *, overwrite: bool = False) -> None:
    """Write `content` (text as UTF-8) to `path` atomically, mode 0600; refuse an existing
    file unless `overwrite`, and anything there that is not a regular file always."""
    path = Path(path)
    _check_target(path)
    if not overwrite and os.path.lexists(path):
        raise TargetExists(path)
    directory = path.parent
    temporary = directory / f".{path.name}.{os.getpid()}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, PRIVATE_MODE)  # the umask may have narrowed, never widened
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_directory(directory)


def _check_target(path: Path) -> None:
    """Refuse a target that exists and is not a regular file.

    Replacing a name by rename removes whatever had it: `-o /dev/full --force`
    would put a report where a device node was, and a symbolic link would be
    replaced rather than followed. Only a regular file may be replaced.
    """
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    except NotADirectoryError:  # a parent is a file: the write fails with its own reason
        return
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    what = kind_in_words(found.st_mode, path)
    if what is not None:
        raise NotRegular(path, what)


def _link_new(temporary: Path, path: Path) -> None:
    """Give `temporary` the name `path`, failing if `path` appeared meanwhile."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise TargetExists(path) from None
    except OSError:  # no hard links here (a FAT USB stick): check, then rename
        if os.path.lexists(path):
            raise TargetExists(path) from None
        os.replace(temporary, path)


def _sync_directory(directory: Path) -> None:
    """Make the new name durable too (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
