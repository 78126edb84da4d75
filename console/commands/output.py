"""Where a command's document goes: standard output, or a private file that is never clobbered.

`drp binder` and `drp report` write the same way: without `-o` to standard
output (bytes for a PDF), with `-o FILE` atomically and mode 0600, an existing
file replaced only with `--force` and only if it is a regular file (never a
device, a named pipe, a folder or a symbolic link), and a path that cannot be
written reported in one line (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.commands.common import UserError, say
from console.i18n import _
from console.present.text import visible
from console.store.files import TargetExists, write_private
from console.store.regular import NotRegular


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `-o FILE` and `--force`."""
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE (mode 0600)"))
    parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))


def deliver(content: str | bytes, output: str | None, *, force: bool) -> None:
    """Write `content` to standard output, or to the file `output`."""
    if not output:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(visible(content, lines=True))  # the renderers did; a terminal reads it
        return
    path = Path(output)
    try:
        write_private(path, content, overwrite=force)
    except TargetExists:
        raise UserError(
            _("{path} already exists; add --force to replace it").format(path=path)
        ) from None
    except IsADirectoryError:
        raise UserError(_("{path} is a directory").format(path=path)) from None
    except NotRegular as error:
        raise UserError(
            _(
                "{path} is {what}, not a regular file; drp writes only a new file or "
                "replaces a regular one"
            ).format(path=path, what=error.what)
        ) from None
    except FileNotFoundError:
        raise UserError(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=path.parent)
        ) from None
    say(visible(_("Wrote {path}.").format(path=path)))
