"""Reading `plan.toml`: from bytes on disk to a checked `Plan`, or every problem in its place.

The plan is written by people and never rewritten by the program. Reading it
can fail in many ways: the file itself (missing, a directory, binary, not
UTF-8, empty, bad TOML; see `console.plan.source`), wrong values, dangling
references. Each becomes a `PlanProblem` with the file, line, column and field
path, collected in one `PlanError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from console.plan.errors import PlanError, PlanProblem
from console.plan.integrity import Loc, format_loc, integrity_problems
from console.plan.messages import describe
from console.plan.model import Plan
from console.plan.source import PlanSource, read_source
from console.plan.source_map import SourceMap, build_source_map


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


def read_plan(path: Path | str) -> PlanDocument:
    """Load and check the plan at `path`; raise `PlanError` with every problem found."""
    return check_plan(read_source(path))


def check_plan(source: PlanSource) -> PlanDocument:
    """Check a plan file's data against the schema and its references."""
    shown, text, data = source.shown, source.text, source.data
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        located = build_source_map(text)
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            line, column = located.find(loc) or (None, None)
            problems.append(
                PlanProblem(shown, describe(Plan, detail), line, column, format_loc(loc))
            )
        raise PlanError(_sorted(problems)) from None
    document = PlanDocument(source.path, text, plan)
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
