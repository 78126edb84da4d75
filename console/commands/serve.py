"""`drp serve`: the console in a web browser, for a coordinator without a terminal.

Each browser tab gets a console process of its own, `drp` itself on the same
plan and state directory, run as the user who runs `drp serve`, through
textual-serve. textual-serve has no authentication: whoever reaches the port
gets the console with that user's rights. So `drp serve` listens on the
loopback address only, and users on another machine come through an SSH
tunnel; a `--host` that others can reach is refused unless the user says they
know (`--i-know-it-is-open`).

textual-serve is imported only when `drp serve` runs.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from console.commands.common import (
    UserError,
    add_plan_argument,
    add_state_argument,
    plan_path,
    state_dir,
    warn,
)
from console.errors import EXIT_OK
from console.i18n import LANG_OPTION, _, asked, set_language
from console.incident.access import current_login

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
OPEN_FLAG = "--i-know-it-is-open"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp serve`."""
    parser = subparsers.add_parser(
        "serve",
        help=_("serve the console to a web browser"),
        description=_(
            "Serve the crisis console to a web browser: each browser tab gets its own console, "
            "run as you. There is no password: anyone who reaches the port gets the console, "
            "so it listens on this machine only; from elsewhere, use an SSH tunnel "
            "(ssh -L 8000:127.0.0.1:8000 host) and open http://127.0.0.1:8000."
        ),
    )
    add_plan_argument(parser)
    add_state_argument(parser)
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        metavar="N",
        help=_("the port to listen on (default: {port})").format(port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_("the address to listen on (default: {host}, this machine only)").format(
            host=DEFAULT_HOST
        ),
    )
    parser.add_argument(
        OPEN_FLAG,
        dest="open",
        action="store_true",
        help=_("allow a --host that other machines can reach, without any password"),
    )
    parser.set_defaults(run=run)


def port_number(text: str) -> int:
    """A TCP port, 1 to 65535."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a port number (1 to 65535)").format(text=text)
        )
    return number


def is_loopback(host: str) -> bool:
    """Whether every address `host` names is this machine's loopback address."""
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        reason = error.strerror if isinstance(error, socket.gaierror) else str(error)
        raise UserError(
            _("--host {host}: not an address of this machine ({reason})").format(
                host=host, reason=reason
            )
        ) from None
    return bool(found) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in found)


def console_command(plan: Path, state: Path) -> str:
    """The shell command that opens one console: this drp, on this plan and state directory.

    `-P` keeps the folder the server runs in off the module path, so a `console`
    folder there cannot stand in for drp. A `--lang` given to `drp serve` is
    passed on; the environment (`DRP_LANG`, the locale) is the server's.
    """
    chosen = asked()
    language = [LANG_OPTION, chosen] if chosen else []
    command = [sys.executable, "-P", "-m", "console", "--plan", str(plan), "--state", str(state)]
    return shlex.join([*command, *language])


def run(args: argparse.Namespace) -> int:
    """Check the plan, the address and the port, then serve until Ctrl+C (or SIGTERM)."""
    from console.plan.loader import load_plan

    path = plan_path(args)
    plan = load_plan(path)  # a plan with mistakes is reported here, not in every browser tab
    set_language(plan.organisation.language)
    state = state_dir(args, path)
    host: str = args.host
    port: int = args.port
    loopback = is_loopback(host)
    if not loopback and not args.open:
        raise UserError(
            _(
                "refusing to serve on {host}, which other machines can reach: textual-serve "
                "asks for no password, so anyone who reaches the port gets the console as "
                "{login}; serve on {default} and use an SSH tunnel, or pass {flag}"
            ).format(host=host, login=current_login(), default=DEFAULT_HOST, flag=OPEN_FLAG)
        )
    check_port(host, port)
    if not loopback:
        warn(
            _(
                "drp: serving on {host} without a password: anyone who reaches port {port} "
                "gets the console as {login}"
            ).format(host=host, port=port, login=current_login())
        )
    from console.serve.server import ConsoleServer  # textual-serve, for this command only

    server = ConsoleServer(
        console_command(path.resolve(), state.resolve()),
        name=plan.organisation.name,
        host=host,
        port=port,
    )
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and the start
        raise port_error(error, host, port) from None
    return EXIT_OK


def check_port(host: str, port: int) -> None:
    """Make sure the server can listen on `host`:`port` before it says it does."""
    for family, kind, protocol, _name, address in socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    ):
        with socket.socket(family, kind, protocol) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                raise port_error(error, host, port) from None


def port_error(error: OSError, host: str, port: int) -> OSError | UserError:
    """The user's error for a port that cannot be listened on; other errors unchanged."""
    if error.errno == errno.EADDRINUSE:
        return UserError(
            _("port {port} on {host} is in use: choose another with --port N").format(
                port=port, host=host
            )
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return UserError(_("--host {host}: not an address of this machine").format(host=host))
    if error.errno == errno.EACCES:
        return UserError(
            _("port {port} on {host} is not yours to listen on: choose one above 1023").format(
                port=port, host=host
            )
        )
    return error
