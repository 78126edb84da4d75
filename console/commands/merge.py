"""`drp merge OTHER_STATE_DIR`: take in the events of a copy that drifted apart.

A laptop at the fallback site and the server each kept a journal while they
could not reach each other. Merging writes into this state directory every
event of the other that it lacks, unchanged (same id, time, actor and host),
so the result is the union of both; merging again adds nothing. Only a
coordinator merges, and the other copy is weighed as this one is read
(`console.incident.trust`): an event its file's owner or its actor's role
does not vouch for is reported and not copied, since the coordinator's own
file, where it would land, is trusted to hold other people's events.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from console.commands.common import UserError, say, warn
from console.commands.session import add_session_arguments, damage_line, open_session
from console.errors import EXIT_OK
from console.i18n import _, ngettext
from console.incident.access import require
from console.incident.events import sort_key
from console.incident.session import Session
from console.present.text import visible
from console.store.journal import journal_folder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp merge`."""
    parser = subparsers.add_parser(
        "merge",
        help=_("take in the events of another state directory"),
        description=_(
            "Copy into this state directory every event of OTHER that it lacks. "
            "Nothing is changed or removed; merging twice adds nothing the second time."
        ),
    )
    parser.add_argument("other", metavar="OTHER_STATE_DIR")
    add_session_arguments(parser, action=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Merge OTHER into this state directory."""
    other = Path(args.other)
    if not journal_folder(other).is_dir():
        raise UserError(
            _("{path} is not a drp state directory (it has no journal folder)").format(path=other)
        )
    session = open_session(args)
    require(session.plan, session.login, "merge")
    if journal_folder(other).resolve() == journal_folder(session.state_dir).resolve():
        raise UserError(_("{path} is this state directory itself").format(path=other))
    offered = Session(session.plan, other, session.clock, login=session.login)
    offered.refresh()  # weighed as this state directory's own journal is
    for damage in offered.damage:
        warn(_("in {other}: {line}").format(other=visible(str(other)), line=damage_line(damage)))
    differing = [e for e in offered.events.values() if session.events.get(e.id, e) != e]
    for event in differing:
        warn(
            _("in {other}: event {id} differs from the copy here, which is kept").format(
                other=visible(str(other)), id=event.id
            )
        )
    new = sorted((e for e in offered.events.values() if e.id not in session.events), key=sort_key)
    try:
        for event in new:
            session.writer.append(event)
            session.remember(event)
    finally:
        session.close()
    say(
        ngettext(
            "Merged {new} new event from {other} ({known} already here).",
            "Merged {new} new events from {other} ({known} already here).",
            len(new),
        ).format(new=len(new), other=visible(str(other)), known=len(offered.events) - len(new))
    )
    return EXIT_OK
