"""The text of a journal file: events between `[[events]]` headers and checksum lines.

`console.store.journal` owns the files (who writes, where a reader stopped,
locks); this module owns their bytes: finding each complete event, checking
its checksum, reading its table (a fast path for the lines drp writes, TOML
otherwise), and checking tables against the event schema, reporting what
cannot be read as damage with its file and line. The schema, and pydantic
with it, loads only when tables are checked: the console's first look at the
journal reads tables without it.
"""

from __future__ import annotations

import json
import re
import tomllib
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from console.i18n import _

if TYPE_CHECKING:
    from console.incident.events import Event

HEADER = b"[[events]]\n"
MAX_EVENT_BYTES = 1024 * 1024
"""An event larger than this is reported and not decoded: drp writes none that large."""
CRC_LINE = re.compile(rb'crc = "([0-9a-f]{8})"\n')


DamageKind = Literal["damage", "notice", "ignored"]


@dataclass(frozen=True)
class Damage:
    """Something in a journal file a reader did not take as it is; the file is kept as it is.

    `kind` says what: "damage", a part that could not be read; "notice", a
    file read in full all the same but worth telling (converted line ends, a
    journal folder others could tamper with); "ignored", an event read and not
    believed (see `console.incident.trust`).
    """

    path: Path
    line: int
    reason: str
    kind: DamageKind = "damage"

    @property
    def notice(self) -> bool:
        """True for a file read in full all the same but worth telling."""
        return self.kind == "notice"

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.reason}"
        return f"{self.path}:{self.line}: {self.reason}"


class Origin(NamedTuple):
    """Where a copy of an event was read: its file, its line, and the file's owner's user id."""

    path: Path
    line: int
    owner: int


@dataclass
class ReadResult:
    """What one poll found: new events, where each was read, and damage not reported before."""

    events: list[Event] = field(default_factory=list)
    damage: list[Damage] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    """Where `events[i]` was read."""


class Table(NamedTuple):  # a tuple: a long journal makes many
    """An event's table as read from its file, checksum verified, not yet checked."""

    path: Path
    line: int
    data: dict[str, object]


Found = Table | Damage
"""What reading a file finds, in file order: tables to check, and damage."""


def parse(path: Path, data: bytes, first_line: int, found: list[Found]) -> tuple[int, int]:
    """Parse every complete event in `data`; return the bytes and lines consumed.

    An event ends with its checksum line. What follows the last checksum line
    is an event still being written (or torn), and is left for later.
    """
    position, line = 0, first_line
    while (match := CRC_LINE.search(data, position)) is not None:
        end = match.end() + (data[match.end() : match.end() + 1] == b"\n")
        segment = data[position : match.start()]
        header = _last_header(segment)
        if header < 0:
            found.append(Damage(path, line, _("checksum line without an event")))
        else:
            if not comments_only(segment[:header]):
                found.append(Damage(path, line, _("unreadable text (a damaged event)")))
            body_line = line + segment.count(b"\n", 0, header)
            if len(segment) - header > MAX_EVENT_BYTES:
                found.append(Damage(path, body_line, _("event larger than 1 MiB: not read")))
            else:
                found.append(_decode(path, segment[header:], int(match.group(1), 16), body_line))
        line += data.count(b"\n", position, end)
        position = end
    if comments_only(data[position:]):
        return len(data), line - first_line + data.count(b"\n", position)
    return position, line - first_line


def parse_converted(
    path: Path, data: bytes, first_line: int, found: list[Found], told: bool
) -> tuple[int, int]:
    """`parse` for a file whose line ends were converted to CRLF, as if they were not.

    Git's `autocrlf` or a Windows share may convert a journal file; drp
    itself never writes a carriage return (its strings escape it), so each
    CR LF is a converted line end. The checksums are those of the LF text.
    The file is reported once (unless `told` already), kept as it is.
    """
    if not told:
        first = first_line + data.count(b"\n", 0, data.index(b"\r\n"))
        found.append(
            Damage(
                path,
                first,
                _(
                    "converted to Windows line ends (CR LF), by git or a file share; "
                    "read as drp wrote it, and kept as it is"
                ),
                kind="notice",
            )
        )
    plain = data.replace(b"\r\n", b"\n")
    consumed, lines = parse(path, plain, first_line, found)
    if consumed == len(plain):
        return len(data), lines
    # `consumed` ends a line: the same line of `data` ends after as many line feeds.
    rest = data.split(b"\n", lines)[-1] if lines else data
    return len(data) - len(rest), lines


def _last_header(segment: bytes) -> int:
    """Where the last `[[events]]` header begins, or -1.

    The header cannot occur inside a value (drp writes strings on one line, so
    a `]]` in a value is followed by its closing quote, never by a newline):
    found anywhere, it is a header, even after a damaged byte on its line.
    """
    return segment.rfind(HEADER)


def _decode(path: Path, body: bytes, crc: int, line: int) -> Found:
    """The table of one event whose checksum line has been found, or why it cannot be read."""
    if zlib.crc32(body) != crc:
        return Damage(path, line, _("event damaged (checksum mismatch)"))
    try:
        text = body.decode("utf-8")
        table = fast_table(text)
        if table is None:
            table = tomllib.loads(text)["events"][0]
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, IndexError) as error:
        return Damage(path, line, _("event unreadable: {error}").format(error=error))
    except RecursionError:  # a hand-made event nesting lists or tables hundreds deep
        return Damage(path, line, _("event unreadable: nested too deeply"))
    return Table(path, line, table)


def check(found: list[Found], owners: dict[Path, int] | None = None) -> ReadResult:
    """Check each table against the event schema: an event, or damage where it is not one.

    `owners` gives the user id that owns each file (-1 where unknown).
    """
    from pydantic import ValidationError

    from console.incident.events import EVENT_ADAPTER

    result = ReadResult()
    for item in found:
        if isinstance(item, Damage):
            result.damage.append(item)
            continue
        try:
            result.events.append(EVENT_ADAPTER.validate_python(item.data))
            owner = owners.get(item.path, -1) if owners is not None else -1
            result.origins.append(Origin(item.path, item.line, owner))
        except RecursionError:
            result.damage.append(
                Damage(item.path, item.line, _("event invalid: nested too deeply"))
            )
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            result.damage.append(
                Damage(
                    item.path,
                    item.line,
                    _("event invalid: {field}: {reason}").format(field=where, reason=first["msg"]),
                )
            )
    return result


FAST_LINE = re.compile(r'([a-z_]+) = ("(?:[^"\\]|\\.)*"|true|false|[0-9][0-9:.+ -]*)$')


STRING_DECODER = json.JSONDecoder(strict=False)
"""TOML's basic strings as drp writes them use JSON's escapes; one decoder for all."""


def fast_table(text: str) -> dict[str, object] | None:
    """Read an event the way `encode_event` writes it, without the general TOML parser.

    Journal files are written only by drp, one flat table per event, so most
    of them can be read several times faster than by `tomllib`. Anything that
    does not look exactly like that returns None and goes to `tomllib`.
    """
    lines = text.split("\n")
    if lines[0] != "[[events]]" or lines[-1] != "":
        return None
    table: dict[str, object] = {}
    for line in lines[1:-1]:
        match = FAST_LINE.fullmatch(line)
        if match is None:
            return None
        key, raw = match.groups()
        value: object
        if raw.startswith('"'):
            if "\\" not in raw:
                value = raw[1:-1]  # no escapes: the text between the quotes is the value
            else:
                try:
                    value = STRING_DECODER.decode(raw)
                except ValueError:
                    return None
        elif raw in ("true", "false"):
            value = raw == "true"
        else:
            try:
                value = datetime.fromisoformat(raw)
            except ValueError:
                return None
        table[key] = value
    return table


def comments_only(data: bytes) -> bool:
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in data.split(b"\n"))
