"""`drp doctor`'s checks, in their fixed order, over one description of the set-up.

`Setup` holds everything the checks read that is not a file: the environment,
the moment (the injected clock's), the terminal's size, the mounts and
Python's UTF-8 mode, so that the command gives the real ones and nothing
else is read behind its back. The plan is read once (`look_at_plan`); a
plan that is missing or invalid is a finding, and the checks that need it
use what could be read.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from console.i18n import N_, _, ngettext
from console.plan.errors import PlanError
from console.plan.loader import PlanDocument, check_plan
from console.plan.people import Organisation
from console.plan.source import PlanSource, read_source
from console.setup.clocks import clock_findings, timezone_findings
from console.setup.filesystem import Mount, filesystem_findings, space_findings
from console.setup.findings import Finding, error, ok
from console.setup.language import language_findings, locale_findings, python_coerced
from console.setup.plan_file import plan_file_findings
from console.setup.state import journal_findings, state_findings
from console.setup.terminal import TerminalSize, colour_findings, terminal_findings

CHECKS = {
    "plan": N_("plan"),
    "plan-file": N_("plan file"),
    "state": N_("state directory"),
    "journal": N_("journal"),
    "filesystem": N_("filesystem"),
    "disk-space": N_("disk space"),
    "timezone": N_("time zone"),
    "clock": N_("clock"),
    "terminal": N_("terminal"),
    "colours": N_("colours"),
    "locale": N_("locale"),
    "language": N_("language"),
}
"""Every check's id and its name for people, in the order findings are given."""

DEFAULT_ZONE: str = Organisation.model_fields["timezone"].default
"""The time zone of a plan that names none (and of no plan at all)."""


@dataclass(frozen=True)
class PlanLook:
    """What could be read of the plan: its file, its TOML, the checked plan, or why not."""

    path: Path | None
    source: PlanSource | None = None
    document: PlanDocument | None = None
    problems: list[str] = field(default_factory=list)
    """Why the plan cannot be used, a line each; empty when it can."""

    @property
    def zone(self) -> str:
        """The plan's time zone as written (checked or not), else the default."""
        if self.document is not None:
            return self.document.plan.organisation.timezone
        written = self._organisation("timezone")
        return written or DEFAULT_ZONE

    @property
    def language(self) -> str | None:
        """The plan's language as written, if the file could be read."""
        return self.source.language if self.source is not None else None

    def _organisation(self, key: str) -> str | None:
        table = self.source.data.get("organisation") if self.source is not None else None
        value = table.get(key) if isinstance(table, dict) else None
        return value if isinstance(value, str) and value.strip() else None


def look_at_plan(path: Path | None) -> PlanLook:
    """Read and check the plan at `path` (None: no plan was given, and none is here)."""
    if path is None:
        return PlanLook(
            None, problems=[_("no plan: no --plan, no DRP_PLAN, and no plan.toml in this folder")]
        )
    try:
        source = read_source(path)
    except PlanError as failure:
        return PlanLook(path, problems=failure.lines())
    try:
        document = check_plan(source)
    except PlanError as failure:
        return PlanLook(path, source, problems=failure.lines())
    return PlanLook(path, source, document)


@dataclass(frozen=True)
class Setup:
    """Everything the checks read besides files."""

    plan: PlanLook
    state: Path
    environ: Mapping[str, str]
    now: datetime
    terminal: TerminalSize | None
    mounts: list[Mount] | None
    utf8_mode: int
    """Python's UTF-8 mode (`sys.flags.utf8_mode`), on when it replaced a C locale at start."""
    asked: str | None = None
    """The language `--lang` asked for, if it did."""


def plan_findings(look: PlanLook) -> list[Finding]:
    """Whether there is a plan, and whether it can be used."""
    if look.path is None:
        return [
            error(
                "plan",
                look.problems[0],
                _("pass --plan PATH, set DRP_PLAN, or start one: drp init plan.toml"),
            )
        ]
    if look.document is None:
        first, more = look.problems[0], len(look.problems) - 1
        message = first
        if more:
            message += ngettext(" (and {n} more problem)", " (and {n} more problems)", more).format(
                n=more
            )
        if look.path.exists():
            advice = _("run: drp check --plan {path}, which lists every problem")
        else:
            advice = _("pass the plan with --plan PATH or DRP_PLAN, or start one: drp init {path}")
        return [error("plan", message, advice.format(path=shlex.quote(str(look.path))))]
    organisation = look.document.plan.organisation.name
    return [
        ok(
            "plan",
            _(
                "{path}: the plan of {organisation}, valid; drp check says what it still lacks"
            ).format(path=look.path, organisation=organisation),
        )
    ]


def _revised(look: PlanLook) -> date | None:
    if look.document is None:
        return None
    dates = [
        day
        for revision in look.document.plan.revisions
        for day in (revision.date, revision.approved_on)
        if day is not None
    ]
    return max(dates, default=None)


def diagnose(setup: Setup) -> list[Finding]:
    """Every check's findings, in the order of `CHECKS`."""
    look = setup.plan
    plan = look.document.plan if look.document is not None else None
    state, shared = state_findings(setup.state, plan)
    coerced = python_coerced(setup.environ, setup.utf8_mode)
    findings = [
        *plan_findings(look),
        *plan_file_findings(look.path, shared),
        *state,
        *journal_findings(setup.state, shared),
        *filesystem_findings(setup.state, setup.mounts),
        *space_findings(setup.state),
        *timezone_findings(look.zone, setup.environ),
        *clock_findings(setup.now, look.zone, _revised(look)),
        *terminal_findings(setup.terminal, setup.environ),
        *colour_findings(setup.environ, in_terminal=setup.terminal is not None),
        *locale_findings(setup.environ, coerced),
        *language_findings(setup.environ, look.language, setup.asked),
    ]
    order = list(CHECKS)
    return sorted(findings, key=lambda finding: order.index(finding.check))
