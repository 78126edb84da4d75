"""The action subcommands: one line each for everything the crisis staff records.

`drp declare`, `contact`, `meeting`, `assess`, `decide`, `task`, `assign`,
`note`, `component`, `ticket open|close`, `restore`, `recover` and `close`.
Each calls the function of the same name in `console.incident.actions`,
which the console calls too, and prints one line saying what was recorded, in
the words the console shows (`console.incident.words.confirmation`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

from console.commands.common import say
from console.commands.session import add_session_arguments, at_option, open_session
from console.errors import EXIT_OK
from console.i18n import _
from console.incident import actions
from console.incident.events import (
    COMPONENT_STATUSES,
    CONTACT_RESULTS,
    RESTORE_STATUSES,
    TASK_STATUSES,
    Event,
)
from console.incident.session import Session
from console.incident.words import confirmation

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Perform = Callable[[Session, argparse.Namespace], Event]


def _command(
    subparsers: Subparsers, name: str, help_text: str, perform: Perform
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_session_arguments(parser, action=True)
    parser.set_defaults(run=lambda args: _run(args, perform))
    return parser


def _note_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--note", default="", help=_("a remark to go with it"))


def _run(args: argparse.Namespace, perform: Perform) -> int:
    session = open_session(args)
    try:
        event = perform(session, args)
    finally:
        session.close()
    say(confirmation(event, session.plan))
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    """Declare every action subcommand."""
    parser = _command(
        subparsers,
        "declare",
        _("declare a disaster (or a drill): the clocks start"),
        lambda s, a: actions.declare(s, a.kind, a.summary, a.drill, at_option(a, s)),
    )
    parser.add_argument(
        "--kind",
        choices=("total", "partial"),
        default="total",
        help=_("a total or a partial disaster (default: total)"),
    )
    parser.add_argument("--summary", default="", help=_("what happened, in a sentence"))
    parser.add_argument("--drill", action="store_true", help=_("an exercise, not a real disaster"))

    parser = _command(
        subparsers,
        "contact",
        _("record an attempt to reach a person"),
        lambda s, a: actions.contact(s, a.person, a.result, a.note, at_option(a, s), a.incident),
    )
    parser.add_argument("person", metavar="PERSON", help=_("the person's id in the plan"))
    parser.add_argument("result", choices=CONTACT_RESULTS)
    _note_option(parser)

    parser = _command(
        subparsers,
        "meeting",
        _("record a meeting of the crisis staff"),
        lambda s, a: actions.meeting(s, a.note, at_option(a, s), a.incident),
    )
    _note_option(parser)

    parser = _command(
        subparsers,
        "assess",
        _("record an assessment of the damage"),
        lambda s, a: actions.assess(s, a.text, at_option(a, s), a.incident),
    )
    parser.add_argument("text", metavar="TEXT", help=_("what is damaged, what still works"))

    parser = _command(
        subparsers,
        "decide",
        _("decide the scenario (coordinator)"),
        lambda s, a: actions.decide(s, a.scenario, a.note, at_option(a, s), a.incident),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help=_("the scenario's id, such as A"))
    _note_option(parser)

    parser = _command(
        subparsers,
        "task",
        _("set a task's status"),
        lambda s, a: actions.set_task(s, a.task, a.status, a.note, at_option(a, s), a.incident),
    )
    parser.add_argument("task", metavar="TASK", help=_("the task's id in the plan"))
    parser.add_argument("status", choices=TASK_STATUSES)
    _note_option(parser)

    parser = _command(
        subparsers,
        "assign",
        _("give a task to a person"),
        lambda s, a: actions.assign(s, a.task, a.person, at_option(a, s), a.incident),
    )
    parser.add_argument("task", metavar="TASK", help=_("the task's id in the plan"))
    parser.add_argument("person", metavar="PERSON", help=_("the person's id in the plan"))

    parser = _command(
        subparsers,
        "note",
        _("add a note to the timeline"),
        lambda s, a: actions.note(s, a.text, at_option(a, s), a.incident),
    )
    parser.add_argument("text", metavar="TEXT")

    parser = _command(
        subparsers,
        "component",
        _("record a component's status"),
        lambda s, a: actions.set_component(
            s, a.component, a.status, a.note, at_option(a, s), a.incident
        ),
    )
    parser.add_argument("component", metavar="COMPONENT", help=_("the component's id"))
    parser.add_argument("status", choices=COMPONENT_STATUSES)
    _note_option(parser)

    ticket = subparsers.add_parser("ticket", help=_("open or close a provider ticket"))
    tickets = ticket.add_subparsers(dest="ticket_action", metavar="open|close", required=True)
    parser = _command(
        tickets,
        "open",
        _("open a ticket with a provider: its SLA clock starts"),
        lambda s, a: actions.open_ticket(s, a.provider, a.ref, at_option(a, s), a.incident),
    )
    parser.add_argument("provider", metavar="PROVIDER", help=_("the provider's id, such as wan"))
    parser.add_argument("--ref", default="", help=_("the provider's reference for the ticket"))
    parser = _command(
        tickets,
        "close",
        _("close a provider ticket"),
        lambda s, a: actions.close_ticket(s, a.ticket, a.note, at_option(a, s), a.incident),
    )
    parser.add_argument("ticket", metavar="TICKET", help=_("the ticket's id, such as wan-7K3F"))
    _note_option(parser)

    parser = _command(
        subparsers,
        "restore",
        _("record the restore of a system"),
        lambda s, a: actions.restore(
            s, a.system, a.status, at_option(a, s, "point"), at_option(a, s), a.incident
        ),
    )
    parser.add_argument("system", metavar="SYSTEM", help=_("a backup's or a component's id"))
    parser.add_argument("status", choices=RESTORE_STATUSES)
    parser.add_argument("--point", metavar="ISO8601", help=_("the restore point used"))

    parser = _command(
        subparsers,
        "recover",
        _("start the recovery phase (coordinator)"),
        lambda s, a: actions.start_recovery(s, a.note, at_option(a, s), a.incident),
    )
    _note_option(parser)

    parser = _command(
        subparsers,
        "close",
        _("close the incident (coordinator)"),
        lambda s, a: actions.close(s, a.note, at_option(a, s), a.incident),
    )
    _note_option(parser)
