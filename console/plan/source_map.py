"""Where each value of a TOML document stands, so errors can name a line and column.

`tomllib` parses but forgets positions. This scanner walks a document that
`tomllib` has already accepted and records the line and column of every table
header, key, array element and inline-table key under its field path, such as
("scenarios", 2, "technical", 0, "owner"). It assumes valid TOML; anything it
does not understand ends the scan early, and a lookup then falls back to the
nearest enclosing path that was seen.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Position = tuple[int, int]

BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Stop(Exception):
    """The scanner met something it does not understand."""


@dataclass
class SourceMap:
    """Field paths of a TOML document mapped to 1-based (line, column)."""

    positions: dict[Path, Position] = field(default_factory=dict)

    def find(self, path: Path) -> Position | None:
        """The position of `path`, or of the closest enclosing path that has one."""
        for end in range(len(path), 0, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.map = SourceMap()
        self.array_counts: dict[Path, int] = {}
        self.line_starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]

    # -- low level -------------------------------------------------------

    def where(self, offset: int | None = None) -> Position:
        offset = self.pos if offset is None else offset
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_blank(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            else:
                return

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise _Stop
        self.pos += 1

    def record(self, path: Path, offset: int) -> None:
        self.map.positions.setdefault(path, self.where(offset))

    # -- keys and strings -----------------------------------------------

    def string(self) -> str:
        text = self.text
        for quote in ('"""', "'''"):
            if text.startswith(quote, self.pos):
                end = self.pos + 3
                while True:
                    end = text.find(quote, end)
                    if end < 0:
                        raise _Stop
                    if quote == '"""' and _escaped(text, end):
                        end += 1
                        continue
                    break
                while text.startswith(quote[0], end + 3):  # up to two quotes may end the content
                    end += 1
                value = text[self.pos + 3 : end]
                self.pos = end + 3
                return value
        quote = self.peek()
        end = self.pos + 1
        while True:
            end = text.find(quote, end)
            if end < 0 or "\n" in text[self.pos : end]:
                raise _Stop
            if quote == '"' and _escaped(text, end):
                end += 1
                continue
            break
        value = text[self.pos + 1 : end]
        self.pos = end + 1
        return value

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.pos
                while self.peek() and self.peek() in BARE_KEY_CHARS:
                    self.pos += 1
                if start == self.pos:
                    raise _Stop
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.pos += 1

    # -- values ---------------------------------------------------------

    def value(self, path: Path) -> None:
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            start = self.pos
            while self.peek() and self.peek() not in ",]}\n#":
                self.pos += 1
            if start == self.pos:
                raise _Stop

    def array(self, path: Path) -> None:
        self.expect("[")
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.pos += 1
                return
            self.record((*path, index), self.pos)
            self.value((*path, index))
            index += 1
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise _Stop

    def inline_table(self, path: Path) -> None:
        self.expect("{")
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.pos += 1
                return
            self.key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.pos += 1

    def key_value(self, table: Path) -> None:
        start = self.pos
        parts = self.key()
        path = (*table, *parts)
        for end in range(len(table) + 1, len(path) + 1):
            self.record(path[:end], start)
        self.expect("=")
        self.skip_blank(newlines=False)
        self.value(path)

    # -- tables ----------------------------------------------------------

    def resolve(self, parts: list[str]) -> Path:
        """Insert the current index of every array of tables along a header's path."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
        return path

    def header(self) -> Path:
        start = self.pos
        is_array = self.text.startswith("[[", self.pos)
        self.pos += 2 if is_array else 1
        parts = self.key()
        self.expect("]")
        if is_array:
            self.expect("]")
            parent = self.resolve(parts[:-1])
            key = (*parent, parts[-1])
            index = self.array_counts.get(key, 0)
            self.array_counts[key] = index + 1
            for nested in [p for p in self.array_counts if p[: len(key)] == key and p != key]:
                del self.array_counts[nested]
            path = (*key, index)
            self.record(key, start)
        else:
            path = self.resolve(parts)
        self.record(path, start)
        return path

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def build_source_map(text: str) -> SourceMap:
    """Positions of every path in `text`, as far as the scanner understands it."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError):
        scanner.document()
    return scanner.map
