"""The language of a command, chosen from its arguments before anything shows text.

`--lang` may stand anywhere among the arguments (`drp --lang fr check`,
`drp check --lang=fr`), and the parser's own texts (`--help`, its error
messages) are written when the parser is built: so the arguments are looked
through for it first (`requested`). Without `--lang` or `DRP_LANG`, the
plan's language comes next: `plan_language` takes it from the plan the
command will read, the one `console.commands.common.plan_path` finds. A
plan that cannot be read here says nothing; the command reports it properly.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from console.commands.common import DEFAULT_PLAN, PLAN_ENV
from console.i18n import DRP_LANG, LANG_OPTION, supported


def _option(arguments: Sequence[str], option: str) -> str | None:
    """The last value given to `option` ("--lang fr" or "--lang=fr"), up to a lone "--"."""
    found: str | None = None
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == option and index + 1 < len(arguments):
            found = arguments[index + 1]
        elif argument.startswith(option + "="):
            found = argument.partition("=")[2]
    return found


def requested(arguments: Sequence[str]) -> str | None:
    """The language `--lang` asks for, if it names one of drp's; the parser refuses the rest."""
    value = _option(arguments, LANG_OPTION)
    return supported(value) if value else None


def plan_language(arguments: Sequence[str]) -> str | None:
    """The language of the plan the command will read, when it decides (no --lang, no DRP_LANG)."""
    if requested(arguments) or os.environ.get(DRP_LANG, "").strip():
        return None  # decided already: the plan need not be read twice
    given = _option(arguments, "--plan") or os.environ.get(PLAN_ENV)
    path = Path(given) if given else Path(DEFAULT_PLAN)
    from console.errors import DrpError
    from console.plan.source import read_source

    try:
        if not path.is_file():  # not a folder, and never a named pipe that would block
            return None
        return read_source(path).language
    except (DrpError, OSError):
        return None  # the command says what is wrong with it, in the language chosen without it
