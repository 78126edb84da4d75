"""Reading `plan.toml`: from bytes on disk to a checked `Plan`, or every problem in its place.

The plan is written by people and never rewritten by the program. Reading it
can fail in many ways (missing, a directory, binary, not UTF-8, empty, bad
TOML, wrong values, dangling references); each becomes a `PlanProblem` with
the file, line, column and field path, collected in one `PlanError`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from console.i18n import _
from console.plan.errors import PlanError, PlanProblem
from console.plan.integrity import Loc, format_loc, integrity_problems
from console.plan.messages import describe
from console.plan.model import Plan
from console.plan.source_map import SourceMap, build_source_map

TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
MAX_PLAN_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class PlanDocument:
    """A loaded plan together with the file it came from, for locating findings."""

    path: Path
    text: str
    plan: Plan

    @cached_property
    def source_map(self) -> SourceMap:
        """Line and column of every field path (built only when needed)."""
        return build_source_map(self.text)

    def locate(self, loc: Loc) -> tuple[int | None, int | None]:
        """The line and column of a field path in the file, if known."""
        position = self.source_map.find(loc)
        return position if position else (None, None)


def _read_text(path: Path, shown: str) -> str:
    def fail(message: str) -> PlanError:
        return PlanError([PlanProblem(shown, message)])

    if not path.exists():
        raise fail(_("no such file; create one with `drp init {path}`").format(path=shown))
    if path.is_dir():
        raise fail(_("is a directory, not a plan file"))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PLAN_BYTES + 1)
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
        return tomllib.loads(text)
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


def read_plan(path: Path | str) -> PlanDocument:
    """Load and check the plan at `path`; raise `PlanError` with every problem found."""
    path = Path(path)
    shown = str(path)
    text = _read_text(path, shown)
    if not text.strip() or not any(
        line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise PlanError(
            [PlanProblem(shown, _("the file is empty; start a plan with `drp init PATH`"))]
        )
    data = _parse_toml(text, shown)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        source = build_source_map(text)
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            line, column = source.find(loc) or (None, None)
            problems.append(
                PlanProblem(shown, describe(Plan, detail), line, column, format_loc(loc))
            )
        raise PlanError(_sorted(problems)) from None
    document = PlanDocument(path, text, plan)
    found = integrity_problems(plan)
    if found:
        problems = []
        for problem in found:
            line, column = document.locate(problem.loc)
            problems.append(
                PlanProblem(shown, problem.message, line, column, format_loc(problem.loc))
            )
        raise PlanError(_sorted(problems))
    return document


def load_plan(path: Path | str) -> Plan:
    """The checked plan at `path`; raise `PlanError` with every problem found."""
    return read_plan(path).plan


def _sorted(problems: list[PlanProblem]) -> list[PlanProblem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
