"""What a check finds: a level, what was found, and what to do about it.

A finding is plain data, read by people (`drp doctor`) and by scripts
(`drp doctor --json`, a stable list: keys are only added). Every check gives
at least one finding, in a fixed order, so a script can rely on each id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from console.errors import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK

Level = Literal["ok", "warning", "error"]

LEVELS: tuple[Level, ...] = ("ok", "warning", "error")
"""From harmless to serious."""


@dataclass(frozen=True)
class Finding:
    """One thing a check found."""

    check: str
    """The check's stable id, such as "plan-file" or "disk-space"."""
    level: Level
    """ok: nothing to do; warning: drp works, but something is at risk; error: it does not."""
    message: str
    """What was found, in a sentence."""
    advice: str = ""
    """What to do about it ("run: chmod 640 plan.toml"); empty when there is nothing to do."""

    def as_json(self) -> dict[str, str]:
        """The finding for `--json`."""
        return {
            "check": self.check,
            "level": self.level,
            "message": self.message,
            "advice": self.advice,
        }


def ok(check: str, message: str, advice: str = "") -> Finding:
    """A finding with nothing wrong."""
    return Finding(check, "ok", message, advice)


def warning(check: str, message: str, advice: str) -> Finding:
    """A finding that puts something at risk."""
    return Finding(check, "warning", message, advice)


def error(check: str, message: str, advice: str) -> Finding:
    """A finding that keeps drp from working as it should."""
    return Finding(check, "error", message, advice)


def worst(findings: Iterable[Finding]) -> Level:
    """The most serious level among `findings` ("ok" for none)."""
    return max((f.level for f in findings), key=LEVELS.index, default="ok")


def exit_status(findings: Iterable[Finding]) -> int:
    """0 when all is well, 1 with warnings, 2 with errors."""
    level = worst(findings)
    if level == "error":
        return EXIT_INVALID
    if level == "warning":
        return EXIT_FINDINGS
    return EXIT_OK
