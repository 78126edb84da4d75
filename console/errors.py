"""One family for every error a person can act on: a message, a title and an exit status.

Inside, each layer raises its own kind: the plan is invalid (`PlanError`),
the journal cannot be written (`StoreError`), the role does not allow an
action (`Refused`), an action cannot be taken as asked (`ActionError`), a
command's argument is wrong (`UserError`). At the edges there is one
handler each: `drp` prints the message on standard error and exits with the
status; the console shows the same message under the title. So a refusal
reads the same on both faces, and a new kind of error is one subclass.

Imports nothing of the domain: the console's first frame loads it.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from console.i18n import N_

EXIT_OK = 0
EXIT_FINDINGS = 1
"""`drp check`: the plan is valid, with readiness findings; `drp doctor`: warnings."""
EXIT_INVALID = 2
EXIT_REFUSED = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""The reader of the output went away (`drp check | head`): 128 + SIGPIPE, as for any Unix tool."""


class DrpError(Exception):
    """A mistake a person can correct, or a refusal: one clear message, never a traceback."""

    status: ClassVar[int] = EXIT_INVALID
    """The exit status of `drp`."""
    title: ClassVar[str] = N_("Not done")
    """The console's title above the message (translated where it is shown)."""
    severity: ClassVar[Literal["warning", "error"]] = "error"
    """How the console shows it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def lines(self) -> list[str]:
        """What `drp` prints on standard error, a line each."""
        return [f"drp: {self.message}"]
