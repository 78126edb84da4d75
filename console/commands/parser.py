"""The argument parser every `drp` command shares: `--lang` on each, argparse's words in drp's.

argparse writes some words of its own: "usage:", "options:", "show this help
message and exit" and its error messages ("the following arguments are
required: %s"). It looks each up, when it writes it, through the functions
`_` and `ngettext` of its module, which are gettext's. `install()` puts drp's
in their place, so those words come from drp's catalog in drp's language; the
catalog holds them because `ARGPARSE_WORDS` and `argparse_plurals` mark them
here, in argparse's own spelling (`tests/unit/test_argparse_words.py` holds
the list equal to what the running Python's argparse says).

`--lang` is on the main parser and on every subcommand's (`DrpParser`), so
`drp --lang fr check` and `drp check --lang fr` are the same. The language is
chosen from the arguments before the parser is built (`console.commands.language`):
the parser only documents and checks the option.
"""

from __future__ import annotations

import argparse
from typing import Any

from console.i18n import LANG_OPTION, N_, SUPPORTED, _, ngettext, supported

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    # Translators: argparse, "drp: error: unrecognized arguments: --bogus".
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""argparse's messages that a person can meet, exactly as argparse spells them."""


def argparse_plurals(count: int) -> tuple[str, ...]:
    """argparse's messages that depend on a count, as argparse spells them, for `count`."""
    return (ngettext("expected %s argument", "expected %s arguments", count),)


def install() -> None:
    """Let argparse look its own words up in drp's catalog, in the language drp speaks."""
    argparse_module: Any = argparse  # its `_` and `ngettext` are gettext's, read at each call
    argparse_module._ = _
    argparse_module.ngettext = ngettext


def language(value: str) -> str:
    """`--lang`'s type: one of drp's languages, in any spelling a locale uses ("fr_BE")."""
    code = supported(value)
    if code is None:
        raise argparse.ArgumentTypeError(
            _("drp speaks {languages}, not '{value}'").format(
                languages=", ".join(SUPPORTED), value=value
            )
        )
    return code


class DrpParser(argparse.ArgumentParser):
    """An argument parser with `--lang`; the subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument(
            LANG_OPTION,
            metavar="LANG",
            type=language,
            default=argparse.SUPPRESS,  # keep a --lang given before the subcommand
            help=_(
                "the language drp speaks: nl, fr or en (default: $DRP_LANG, else the "
                "plan's language, else the locale's, else en)"
            ),
        )
