"""Hostile text: what anyone who can write a journal file or name one can put before a terminal.

A note, a ticket's reference, a contact's note, an actor, an incident id, a
ticket id or a journal file name may hold escape sequences (clear the screen,
retitle the terminal, write its clipboard), a bell, a C1 control, a bidi
override that reorders what is shown, Textual markup, and a line break that
would pass for a line of `drp status`. `hostile_events` is a journal holding
all of them, written the way a member would write it by hand: valid events
with a valid checksum. The tests assert that every face of drp shows them as
data (`SHOWN`) and never sends one of them raw (`raw_controls`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from console.incident.events import EVENT_ADAPTER, Event
from console.incident.ids import new_id
from console.plan.model import Plan

CLEAR = "\x1b[2J\x1b[H"
"""Clear the screen and go home."""
TITLE = "\x1b]0;pwned\x07"
"""OSC 0: set the terminal's title, ended by a bell."""
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""OSC 52: write the terminal's clipboard."""
C1 = "\x9b31m"
"""CSI as one C1 character: red text on a terminal that reads 8-bit controls."""
BIDI = "\u202etxt.exe\u202c"
"""A right-to-left override: the terminal shows the text reversed."""
MARKUP = "[@click=app.quit]x[/] [b]y[/b]"
"""Textual markup: a click that quits, and bold."""
FAKE_LINE = "\n  [✓] fake-task done"
"""A line break and what would pass for a task line of `drp status`."""

HOSTILE = CLEAR + TITLE + CLIPBOARD + C1 + BIDI + MARKUP + FAKE_LINE
"""All of it in one text, as a note."""

SHOWN = {
    CLEAR: "␛[2J␛[H",
    TITLE: "␛]0;pwned␇",
    CLIPBOARD: "␛]52;c;cm0gLXJmIH4=␇",
    C1: "\\x9b31m",
    BIDI: "\\u202etxt.exe\\u202c",
    MARKUP: MARKUP,
    FAKE_LINE: "␊  [✓] fake-task done",
}
"""Each part as people must see it: the control pictures, escapes, the markup as written."""

HOSTILE_SHOWN = "".join(SHOWN.values())
"""`HOSTILE` as it is shown on one line."""

INCIDENT = "20260328-" + TITLE + C1
ACTOR = "member" + CLIPBOARD + FAKE_LINE
HOST = "laptop" + CLEAR
TICKET = "wan-" + CLEAR + FAKE_LINE
SYSTEM = "main" + TITLE + FAKE_LINE
DAMAGED_FILE = "x[@click=app.quit]y" + TITLE + ".toml"
"""A journal file's name: markup and an escape sequence."""
DAMAGE = b'[[events]]\nid = "forged"\ncrc = "00000000"\n\n'
"""What such a file holds: an event whose checksum does not match, reported as damage."""

RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Every control or invisible formatting character but the line feed."""


def raw_controls(text: str) -> list[str]:
    """The characters in `text` that a terminal would act on instead of print."""
    return RAW.findall(text)


def raw_bytes(data: bytes) -> list[bytes]:
    """In UTF-8 output: C0 controls but the line feed (ESC, BEL), DEL, C1 controls, bidi."""
    return re.findall(
        rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", data
    )


def hostile_events(plan: Plan, declared: datetime) -> list[Event]:
    """A disaster declared at `declared`, then every kind of text a member could make hostile."""
    events: list[Event] = []

    def add(minutes: int, **fields: Any) -> None:
        at = declared + timedelta(minutes=minutes)
        event = {"id": new_id(at), "incident": INCIDENT, "at": at, "recorded_at": at}
        events.append(
            EVENT_ADAPTER.validate_python({**event, "actor": ACTOR, "host": HOST, **fields})
        )

    add(0, kind="declared", summary=HOSTILE)
    add(1, kind="note", text=HOSTILE)
    coordinator = plan.crisis.coordinator
    assert coordinator is not None
    add(2, kind="contact", person=coordinator, result="reached", note=HOSTILE)
    add(3, kind="ticket-opened", ticket=TICKET, provider="wan", ref=HOSTILE)
    add(4, kind="task", task="reported", status="doing", note=HOSTILE)
    add(5, kind="component", component="wan1", status="down", note=HOSTILE)
    add(6, kind="restore", system=SYSTEM, status="running")
    return events
