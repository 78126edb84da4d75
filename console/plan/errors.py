"""Problems with a plan file, as values that name the file, line, column and field.

Every way a plan can be wrong ends up as a `PlanProblem`; `PlanError` carries
them all, so the command line prints one message per problem and exits 2, and
never shows a traceback for a user's mistake. It is one of drp's errors
(`console.errors`).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.errors import DrpError
from console.i18n import N_


@dataclass(frozen=True)
class PlanProblem:
    """One problem, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PlanError(DrpError):
    """The plan cannot be used; `problems` says why, each in its place."""

    title = N_("The plan cannot be used")

    def __init__(self, problems: list[PlanProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems

    def lines(self) -> list[str]:
        """One line per problem, each starting with its file, line and field."""
        return [str(problem) for problem in self.problems]
