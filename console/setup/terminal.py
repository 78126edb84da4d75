"""The terminal the console would run in: its size and the colours it gets.

The console needs 80x24 (PRODUCT.md: an SSH session from a phone). Its size is
read as Textual reads it: `COLUMNS` and `LINES` from the environment when set,
else the terminal's own size. The colour system is decided as Textual 8
decides it (it asks rich, as a terminal): `TEXTUAL_COLOR_SYSTEM` when set,
else `TERM=dumb` gives none, `COLORTERM=truecolor` (or `24bit`) truecolor, a
`TERM` ending in `-256color` 256 colours, anything else 16 ("standard").
`NO_COLOR` turns colour off. The console reads the same without colour.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from console.i18n import _
from console.setup.findings import Finding, error, ok, warning

MIN_COLUMNS = 80
MIN_LINES = 24

ColourSystem = Literal["truecolor", "256", "standard", "windows", "none"]

COLOUR_SYSTEMS: tuple[ColourSystem, ...] = ("standard", "256", "truecolor", "windows")
"""What `TEXTUAL_COLOR_SYSTEM` may name besides "auto"; anything else stops the console."""

TERM_COLOURS: dict[str, ColourSystem] = {"256color": "256", "kitty": "256", "16color": "standard"}
"""The colour system by the last part of `TERM` after a hyphen, as rich reads it."""


@dataclass(frozen=True)
class TerminalSize:
    """The size of the terminal found."""

    columns: int
    lines: int


def measure_terminal() -> TerminalSize | None:
    """The size of the terminal this process runs in, or None when it runs in none (cron).

    Standard output first (`drp doctor | less` still has standard input), then
    the controlling terminal.
    """
    for descriptor in (1, 0, 2):
        if os.isatty(descriptor):
            with contextlib.suppress(OSError):
                size = os.get_terminal_size(descriptor)
                return TerminalSize(size.columns, size.lines)
    try:
        descriptor = os.open("/dev/tty", os.O_RDONLY | os.O_NOCTTY)
    except OSError:
        return None
    try:
        size = os.get_terminal_size(descriptor)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return TerminalSize(size.columns, size.lines)


def _positive(environ: Mapping[str, str], name: str) -> int | None:
    try:
        value = int(environ.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


def terminal_findings(measured: TerminalSize | None, environ: Mapping[str, str]) -> list[Finding]:
    """Whether the terminal is large enough, and whether the environment tells the truth of it."""
    needs = _("the console needs {columns}x{lines} at least").format(
        columns=MIN_COLUMNS, lines=MIN_LINES
    )
    if measured is None:
        return [
            ok(
                "terminal",
                _("not run in a terminal: its size is not checked ({needs})").format(needs=needs),
            )
        ]
    findings = []
    columns = _positive(environ, "COLUMNS") or measured.columns
    lines = _positive(environ, "LINES") or measured.lines
    if (columns, lines) != (measured.columns, measured.lines):
        findings.append(
            warning(
                "terminal",
                _(
                    "COLUMNS and LINES in the environment tell the console {columns}x{lines}, "
                    "but the terminal is {real_columns}x{real_lines}: it would draw for the "
                    "wrong size"
                ).format(
                    columns=columns,
                    lines=lines,
                    real_columns=measured.columns,
                    real_lines=measured.lines,
                ),
                _("run: unset COLUMNS LINES"),
            )
        )
    if columns < MIN_COLUMNS or lines < MIN_LINES:
        findings.append(
            warning(
                "terminal",
                _("the terminal is {columns}x{lines}; {needs}").format(
                    columns=columns, lines=lines, needs=needs
                ),
                _(
                    "make the window larger or the font smaller, to {columns} columns and "
                    "{lines} lines at least; on a phone, turn it sideways"
                ).format(columns=MIN_COLUMNS, lines=MIN_LINES),
            )
        )
    if not findings:
        findings.append(
            ok(
                "terminal",
                _("the terminal is {columns}x{lines}; {needs}").format(
                    columns=columns, lines=lines, needs=needs
                ),
            )
        )
    return findings


def colour_system(environ: Mapping[str, str]) -> tuple[ColourSystem | None, str]:
    """The colour system the console would use, and the variable that decides it.

    None when `TEXTUAL_COLOR_SYSTEM` names no colour system: the console would not start.
    """
    forced = environ.get("TEXTUAL_COLOR_SYSTEM", "auto")
    if forced != "auto":
        chosen = next((system for system in COLOUR_SYSTEMS if system == forced), None)
        return chosen, f"TEXTUAL_COLOR_SYSTEM={forced}"
    term = environ.get("TERM", "").strip().lower()
    if term in ("dumb", "unknown"):
        return "none", f"TERM={term}"
    colorterm = environ.get("COLORTERM", "").strip().lower()
    if colorterm in ("truecolor", "24bit"):
        return "truecolor", f"COLORTERM={colorterm}"
    system = TERM_COLOURS.get(term.rpartition("-")[2], "standard")
    return system, f"TERM={term}" if term else _("TERM is not set")


def colour_findings(environ: Mapping[str, str], in_terminal: bool) -> list[Finding]:
    """What colours the console would show, what decides it, and how to get more."""
    system, reason = colour_system(environ)
    if system is None:
        return [
            error(
                "colours",
                _(
                    "{reason} is not a colour system (auto, standard, 256, truecolor): "
                    "the console does not start"
                ).format(reason=reason),
                _("run: unset TEXTUAL_COLOR_SYSTEM"),
            )
        ]
    names: dict[ColourSystem, str] = {
        "truecolor": _("true colour (16 million colours)"),
        "256": _("256 colours"),
        "standard": _("16 colours"),
        "windows": _("the Windows console's colours"),
        "none": _("no colour"),
    }
    found = _("the console would use {system}: {reason} decides").format(
        system=names[system], reason=reason
    )
    if "NO_COLOR" in environ:
        found += _("; NO_COLOR is set, so it shows no colour at all, and reads the same")
    if system == "none" and in_terminal:
        return [
            warning(
                "colours",
                found + _(", and says this terminal understands no escape sequences"),
                _("set TERM to what the terminal is, such as: export TERM=xterm-256color"),
            )
        ]
    advice = ""
    if system in ("standard", "256") and "TEXTUAL_COLOR_SYSTEM" not in environ:
        advice = _(
            "if the terminal shows more colours, say so: export COLORTERM=truecolor "
            "(COLORTERM and TERM decide)"
        )
        if "SSH_CONNECTION" in environ:
            advice += _(
                "; over SSH, COLORTERM arrives only with SendEnv COLORTERM on the client "
                "and AcceptEnv COLORTERM in the server's sshd_config"
            )
    return [ok("colours", found, advice)]
