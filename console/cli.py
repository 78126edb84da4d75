"""The `drp` command: parse the arguments, call the layers, turn errors into messages.

Every subcommand lives in `console.commands`; this module only wires them up
and is the one place where a user's mistake becomes one clear message on
standard error and an exit status (0 ok, 1 findings of `check` or warnings of
`doctor`, 2 invalid input, 3 refused), never a traceback: every such mistake
is a `DrpError` (`console.errors`), handled by one `except`. A closed pipe
ends any command quietly with status 141.

`drp` alone opens the console, which should show as soon as it can: then no
subcommand module is imported.

The language is chosen before anything writes text or the parser is built
(`console.commands.language`): `--lang`, `DRP_LANG`, the plan's language, the
locale, English. argparse's own words ("usage:", its errors) come from drp's
catalog too (`console.commands.parser.install`).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Sequence

from console import __version__
from console.commands import console, language
from console.commands.common import warn
from console.commands.console import add_console_arguments
from console.commands.parser import DrpParser, install
from console.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    DrpError,
)
from console.i18n import _, ask, set_language
from console.present.text import visible


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from console.commands import (
        actions,
        binder,
        check,
        demo,
        doctor,
        drill,
        init,
        merge,
        report,
        revisions,
        serve,
        status,
    )

    parser = DrpParser(prog="drp", description=_("drp, the disaster recovery crisis console."))
    parser.add_argument(
        "--version",
        action="version",
        version=f"drp {__version__}",
        help=_("show drp's version and exit"),
    )
    add_console_arguments(parser)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    commands = (check, init, binder, revisions, actions, drill, status, report, merge, serve)
    for command in (*commands, doctor, demo):
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `drp` with `argv`; return the exit status.

    A reader that goes away (`drp check | head`) ends any command quietly with
    status 141, as it ends any Unix tool. The output still buffered is flushed
    here, where a closed pipe (or a full disk) can be caught, and an output
    that cannot be written then points at /dev/null, so the interpreter's own
    last flush has nothing to complain about.
    """
    collecting = gc.isenabled()  # a one-shot command turns the collector off (`one_shot`)
    try:
        try:
            status = _main(argv)
        finally:
            if collecting:
                gc.enable()  # for a caller that goes on after the command, such as a test
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _drop_unwritable_outputs()
        return EXIT_BROKEN_PIPE
    except OSError as error:  # the last of the output did not fit (drp check > /dev/full)
        _drop_unwritable_outputs()
        warn(f"drp: {error.strerror or error}")
        return EXIT_INVALID
    return status


def _drop_unwritable_outputs() -> None:
    """Point standard output and error, where they can no longer be written, at /dev/null."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is None:
                continue
            try:
                stream.flush()
            except OSError:  # what is still buffered can go nowhere: the caller says why
                os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    install()
    ask(language.requested(arguments))
    set_language(None)
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            warn(
                _("drp: an argument is not valid UTF-8 text: {argument!a}").format(
                    argument=argument
                )
            )
            return EXIT_INVALID
    args = console_arguments(arguments)
    if args is None:  # a subcommand (or --help): its parser speaks the plan's language too
        set_language(language.plan_language(arguments))
        args = build_parser().parse_args(arguments)
    if getattr(args, "lang", None):  # an abbreviation (`--la fr`) the first look missed
        ask(args.lang)
        set_language(None)
    if not getattr(args, "run", None):
        args.run = console.run
    try:
        status: int = args.run(args)
        return status
    except DrpError as error:
        for line in error.lines():
            warn(visible(line))  # a value it quotes cannot pass for another line
        return error.status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away: `main` ends quietly
        raise
    except OSError as error:
        _drop_unwritable_outputs()  # the error may be standard output's own
        target = f"{error.filename}: " if error.filename else ""
        warn(visible(f"drp: {target}{error.strerror or error}"))
        return EXIT_INVALID
    except Exception as error:
        return report(error)


def console_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """The options of `drp` alone, which opens the console; None for anything else.

    Anything the console's own options do not take (a subcommand, --help,
    --version) goes to the full parser, and so does a mistake: the full
    parser reports it with the whole usage.
    """
    parser = DrpParser(prog="drp", add_help=False, exit_on_error=False)
    add_console_arguments(parser)
    try:
        args, rest = parser.parse_known_args(arguments)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def report(error: Exception) -> int:
    """Report a bug, not a user mistake: say so plainly, with details on request."""
    if os.environ.get("DRP_DEBUG"):
        traceback.print_exception(error)
    warn(
        visible(
            _("drp: internal error ({kind}: {error}); set DRP_DEBUG=1 for details").format(
                kind=type(error).__name__, error=error
            )
        )
    )
    return EXIT_INTERNAL
