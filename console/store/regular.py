"""Opening a file someone else may have put there: a regular file only, never waited on.

A journal folder on a shared host is writable by every member, and a plan
path can be anything a user types. Opening a named pipe for reading blocks
until someone writes to it, so one `mkfifo` in the journal folder froze every
`drp` command and every open console; a device can be endless; a symbolic
link can point at another user's file. So a file is opened with
`O_NOFOLLOW | O_NONBLOCK` (a link is not followed, a pipe does not block) and
checked with `fstat` on the open descriptor, which no rename can swap: only a
regular file is read. What is there instead is said in words, for the message.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from console.i18n import _


class NotRegular(OSError):
    """The path holds something other than a regular file; it is not opened, or not read."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EINVAL, _("{what}, not a regular file").format(what=what))
        self.filename = str(path)
        self.what = what
        """What is there instead, in words: "a named pipe", "a symbolic link to /etc/passwd"."""


def kind_in_words(mode: int, path: Path) -> str | None:
    """What a file of `mode` is, in words, when it is not a regular file; None when it is."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISLNK(mode):
        try:
            target = os.readlink(path)
        except OSError:
            return _("a symbolic link")
        return _("a symbolic link to {target}").format(target=target)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("something else")


def open_regular(path: Path) -> int:
    """A read-only descriptor on the regular file at `path`; `NotRegular` for anything else.

    The caller closes the descriptor. Other errors (no such file, permission
    denied) are raised as `OSError`, as `open` raises them. A device is not
    even opened (opening some has effects); the check after opening is the one
    that holds when the name is swapped in between.
    """
    what = kind_in_words(os.lstat(path).st_mode, path)
    if what is not None:
        raise NotRegular(path, what)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO):  # swapped for a link or a socket
            raise NotRegular(path, _("not a regular file any more")) from None
        raise
    try:
        what = kind_in_words(os.fstat(descriptor).st_mode, path)
    except BaseException:
        os.close(descriptor)
        raise
    if what is not None:
        os.close(descriptor)
        raise NotRegular(path, what)
    return descriptor
