"""From bytes on disk to TOML data: the part of reading a plan that needs no schema.

Kept apart from the schema so that the console can show its first frame (the
organisation's name, in the plan's language) before the plan is validated,
which takes longer than everything else at start. Every way the file itself
can be wrong (missing, a directory, binary, not UTF-8, empty, bad TOML)
becomes a `PlanProblem` here; wrong values are found by `console.plan.loader`.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from console.i18n import _
from console.plan.errors import PlanError, PlanProblem
from console.store.regular import NotRegular, open_regular

TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
MAX_PLAN_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
"""How deeply lists and tables may nest in a plan: the schema needs about five levels."""
SHOWN_LEVELS = 3
"""How much of the path to a value nested too deeply a message shows."""
DEFAULT_LANGUAGE: Final = "nl"
"""The plan's language when `[organisation]` names none (see `Organisation.language`)."""


@dataclass(frozen=True)
class PlanSource:
    """A plan file read and parsed as TOML, not yet checked against the schema."""

    path: Path
    text: str
    data: dict[str, object]

    @property
    def shown(self) -> str:
        """The path as the user gave it, for messages."""
        return str(self.path)

    @property
    def name(self) -> str:
        """The organisation's name as written (not yet checked), else the file's name."""
        return self._organisation("name") or self.path.name

    @property
    def language(self) -> str:
        """The plan's language as written (not yet checked), else the default."""
        return self._organisation("language") or DEFAULT_LANGUAGE

    def _organisation(self, key: str) -> str | None:
        table = self.data.get("organisation")
        value = table.get(key) if isinstance(table, dict) else None
        return value if isinstance(value, str) and value.strip() else None


def read_source(path: Path | str) -> PlanSource:
    """Read and parse the plan at `path`; raise `PlanError` if the file is not a TOML plan."""
    path = Path(path)
    shown = str(path)
    text = _read_text(path, shown)
    if not text.strip() or not any(
        line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise PlanError(
            [PlanProblem(shown, _("the file is empty; start a plan with `drp init PATH`"))]
        )
    return PlanSource(path, text, _parse_toml(text, shown))


def _read_text(path: Path, shown: str) -> str:
    def fail(message: str) -> PlanError:
        return PlanError([PlanProblem(shown, message)])

    if not os.path.lexists(path):
        raise fail(_("no such file; create one with `drp init {path}`").format(path=shown))
    try:
        with os.fdopen(open_regular(path), "rb") as handle:
            data = handle.read(MAX_PLAN_BYTES + 1)
    except NotRegular as error:
        raise fail(
            _("is {what}, not a plan file; give the path of the plan itself").format(
                what=error.what
            )
        ) from None
    except PermissionError:
        raise fail(_("cannot be read: permission denied")) from None
    except OSError as error:
        raise fail(_("cannot be read: {reason}").format(reason=error.strerror or error)) from None
    if len(data) > MAX_PLAN_BYTES:
        raise fail(_("is larger than 16 MiB; this is not a plan file"))
    if b"\x00" in data:
        raise fail(_("is a binary file, not a TOML plan"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise PlanError(
            [
                PlanProblem(
                    shown,
                    _("is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8").format(
                        byte=data[error.start]
                    ),
                    line,
                    column,
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _parse_toml(text: str, shown: str) -> dict[str, object]:
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        raise PlanError(
            [
                PlanProblem(
                    shown,
                    _(
                        "lists or tables nested inside each other hundreds of levels deep, "
                        "too deep to read; a plan needs a few levels, {depth} at most"
                    ).format(depth=MAX_DEPTH),
                )
            ]
        ) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line: int | None = None
        column: int | None = None
        match = TOML_POSITION.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif TOML_END.search(message):
            line = text.count("\n") + 1
            message = TOML_END.sub("", message)
        raise PlanError(
            [PlanProblem(shown, _("TOML syntax: {message}").format(message=message), line, column)]
        ) from None
    too_deep = _too_deep(data)
    if too_deep is not None:
        raise PlanError(
            [
                PlanProblem(
                    shown,
                    _(
                        "lists or tables nested inside each other more than {depth} levels "
                        "deep; a plan needs a few levels, {depth} at most"
                    ).format(depth=MAX_DEPTH),
                    field=too_deep,
                )
            ]
        )
    return data


def _too_deep(data: dict[str, object]) -> str | None:
    """The field path (its first levels) to a value nested deeper than `MAX_DEPTH`, else None.

    Walked without recursion, before anything else (the schema, the source map,
    the readiness checks) walks the data recursively and fails on a hostile file.
    """
    stack: list[tuple[object, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((item, depth + 1, _deeper(path, depth, f".{key}" if path else key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                stack.append((item, depth + 1, _deeper(path, depth, f"[{index}]")))
    return None


def _deeper(path: str, depth: int, step: str) -> str:
    """The path one level down, written out for the first levels only."""
    if depth < SHOWN_LEVELS:
        return path + step
    return path if path.endswith("…") else path + "…"
