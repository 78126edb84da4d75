"""Writer processes for the reliability tests: `python -m tests.reliability.writer MODE ...`.

The journal's promises are about separate processes (each its own file, its own
flock, killed at any moment), so the tests need real ones. Every mode prints the
id of each event once `append` has returned, one per line and flushed: that line
is the acknowledgement, and whatever was acknowledged must still load after a
crash. Other lines start with a word (`ready`, `file`, `torn`, `fail`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from console.clock import SystemClock
from console.incident import actions
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.ids import new_id
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import JournalWriter, StoreError, encode_event


def say(text: str) -> None:
    """One line on stdout, flushed at once (a killed process loses nothing it said)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def make_note(incident: str, text: str) -> Event:
    """A note event, built without a session (for writers that bypass the actions)."""
    now = datetime.now(UTC)
    return EVENT_ADAPTER.validate_python(
        {
            "id": new_id(now),
            "incident": incident,
            "at": now,
            "recorded_at": now,
            "actor": "reliability",
            "host": "test",
            "kind": "note",
            "text": text,
        }
    )


def notes(args: argparse.Namespace) -> None:
    """Append notes through the console's own path (`actions.note` on a `Session`).

    Waits for a line on stdin before it starts (so that several start together),
    appends `count` notes (forever if negative), prints its file, then keeps its
    lock until stdin closes.
    """
    session = Session(load_plan(Path(args.plan)), Path(args.state), SystemClock())
    session.refresh()
    say("ready")
    if not sys.stdin.readline():
        return  # the test went away before the go signal
    padding = "x" * args.pad
    index = 0
    while args.count < 0 or index < args.count:
        event = actions.note(session, f"writer {os.getpid()} note {index} {padding}")
        say(event.id)
        index += 1
    say(f"file {session.writer.path}")
    sys.stdin.read()
    session.close()


def torn(args: argparse.Namespace) -> None:
    """Append `count` events, then half of one more, and wait to be killed."""
    writer = JournalWriter(Path(args.state))
    for index in range(args.count):
        event = make_note(args.incident, f"before the tear {index}")
        writer.append(event)
        say(event.id)
    assert writer.path is not None
    chunk = encode_event(make_note(args.incident, "torn " + "y" * 300))
    fd = os.open(writer.path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, chunk[: len(chunk) // 2])
    os.fdatasync(fd)
    say(f"torn {writer.path}")
    time.sleep(60)


def late(args: argparse.Namespace) -> None:
    """Leave an event half-written behind many complete ones, finish it later, then close.

    This is what a reader sees when it reads while a `write()` is in progress
    (the kernel makes a long write visible page by page). The bulk makes the
    reader's parse take long enough for the writer to finish in the meantime.
    """
    writer = JournalWriter(Path(args.state))
    first = make_note(args.incident, "first")
    writer.append(first)
    say(first.id)
    assert writer.path is not None
    bulk = b"".join(
        encode_event(make_note(args.incident, f"bulk {index}")) for index in range(args.bulk)
    )
    last = make_note(args.incident, "finished while a reader was parsing")
    chunk = encode_event(last)
    fd = os.open(writer.path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, bulk + chunk[:100])
    os.fdatasync(fd)
    say(f"ready {writer.path}")
    time.sleep(args.delay)
    os.write(fd, chunk[100:])
    os.fdatasync(fd)
    say(last.id)
    os.close(fd)
    writer.close()
    sys.stdin.read()


def rounds(args: argparse.Namespace) -> None:
    """In each round, at an agreed instant, make the first append to a fresh state dir."""
    say("ready")
    start = float(sys.stdin.readline())
    for number in range(args.rounds):
        writer = JournalWriter(Path(args.base) / f"round-{number}")
        event = make_note("I", f"round {number}")
        while time.time() < start + number * args.gap:
            pass
        try:
            writer.append(event)
        except StoreError as error:
            say(f"fail round {number}: {error}")
        else:
            say(event.id)
        writer.close()


def main() -> None:
    """Parse the mode and run it."""
    parser = argparse.ArgumentParser(prog="writer")
    modes = parser.add_subparsers(dest="mode", required=True)
    mode = modes.add_parser("notes")
    mode.add_argument("plan")
    mode.add_argument("state")
    mode.add_argument("count", type=int)
    mode.add_argument("--pad", type=int, default=0)
    mode.set_defaults(run=notes)
    mode = modes.add_parser("torn")
    mode.add_argument("state")
    mode.add_argument("incident")
    mode.add_argument("count", type=int)
    mode.set_defaults(run=torn)
    mode = modes.add_parser("late")
    mode.add_argument("state")
    mode.add_argument("incident")
    mode.add_argument("--bulk", type=int, default=20_000)
    mode.add_argument("--delay", type=float, default=0.1)
    mode.set_defaults(run=late)
    mode = modes.add_parser("rounds")
    mode.add_argument("base")
    mode.add_argument("rounds", type=int)
    mode.add_argument("--gap", type=float, default=0.04)
    mode.set_defaults(run=rounds)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
