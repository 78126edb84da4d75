"""`drp init PATH`: start a new plan from the seed's structure.

The template has every section with placeholders and a comment explaining
each, in the language drp speaks (`--lang nl|fr|en`, else as every command
chooses it; `console.plan.template`), and names that language as the plan's;
it passes the schema and fails readiness until it is filled in. An existing
file is never overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from console.commands.common import UserError, say
from console.errors import EXIT_OK
from console.i18n import _, current_language
from console.plan.template import template_text
from console.store.files import TargetExists, write_private


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp init`."""
    parser = subparsers.add_parser(
        "init",
        help=_("write a new plan to fill in"),
        description=_(
            "Write a new plan with every section of the template, placeholders and explanations. "
            "It refuses to overwrite an existing file."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("where to write the new plan"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the template to PATH, mode 0600, unless something is there already."""
    path = Path(args.path)
    if not path.parent.is_dir():
        raise UserError(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=path.parent)
        )
    try:
        write_private(path, template_text(current_language()))
    except TargetExists:
        raise UserError(
            _("{path} already exists; drp init never overwrites a plan").format(path=path)
        ) from None
    except IsADirectoryError:
        raise UserError(_("{path} is a directory").format(path=path)) from None
    say(
        _("Wrote {path}. Fill in the placeholders, then run `drp check --plan {path}`.").format(
            path=path
        )
    )
    return EXIT_OK
