"""Readiness: what a valid plan still lacks before a disaster finds out.

A plan can satisfy the schema and still fail on the day: a phone number left
as "**** ** ** **", a task whose owner role nobody holds, a scenario that
moves to a fallback site it does not name, an approval older than the plan's
review interval, no drill in the journal for a year (`console.plan.upkeep`), a
file that anyone on the machine can read. Each check examines a number of
items and reports the ones that fail.

The score says how much of the plan is filled in: the fields filled per
hundred fields examined. The fields examined are the organisation's own
particulars that the plan gives (`PARTICULARS`: the names, addresses, phone
numbers and e-mail addresses of the people, organisations and places it
lists, and the facts of its ICT and backups), every person's phone even when
left out, every VLAN's number, every WAN line's speed, and any other field
that holds a placeholder. A field is filled when it has a value and no
placeholder. So the template, where the particulars are placeholders, scores
near 0, and each one filled in raises the count; the other checks give
findings but do not move the score.
"""

from __future__ import annotations

import re
import shlex
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel

from console.clock import Clock
from console.i18n import N_, _
from console.plan.ict import Backup, CloudApp, Component, Ict, Wan
from console.plan.infrastructure import Inventory, Provider, Site, Sla, Telephony
from console.plan.integrity import Loc, format_loc
from console.plan.loader import PlanDocument
from console.plan.people import (
    ContactAddress,
    FallbackSite,
    Organisation,
    OtherOrganisation,
    Person,
)
from console.plan.upkeep import drill_notice, review_notice

PLACEHOLDER = re.compile(r"<[^<>\n]{1,60}>|\*{3,}|\b(?:xx|yy|XX|YY)\b")
"""The seed's placeholders: <naam>, **** ** ** **, VLAN xx, xx / yy Mbps."""

SKIP_FIELDS = frozenset({"retention_grid"})
"""Fields whose '*' marks are data, not placeholders."""

FieldKey = tuple[type[BaseModel], str]
"""A field of the schema: the model class that holds it (exactly, not a subclass) and its name."""

PARTICULARS: frozenset[FieldKey] = frozenset(
    {
        (Organisation, "name"),
        (Organisation, "address"),
        (Organisation, "phone"),
        (Organisation, "website"),
        (Person, "name"),
        (Person, "phone"),
        (Person, "email"),
        (OtherOrganisation, "name"),
        (OtherOrganisation, "address"),
        (OtherOrganisation, "phone"),
        (OtherOrganisation, "email"),
        (Provider, "name"),
        (Provider, "phone"),
        (Provider, "helpdesk"),
        (Provider, "email"),
        (Site, "name"),
        (Site, "address"),
        (FallbackSite, "name"),
        (FallbackSite, "address"),
        (FallbackSite, "phone"),
        (ContactAddress, "name"),
        (ContactAddress, "address"),
        (Telephony, "description"),
        (Ict, "as_of"),
        (Ict, "virtual_platform"),
        (Component, "name"),  # hosts and physical servers; not the subclasses' generic names
        (Wan, "subscription"),
        (CloudApp, "contract"),
        (Backup, "software"),
        (Backup, "type"),
        (Backup, "schedule"),
        (Backup, "notify"),
        (Backup, "medium"),
        (Inventory, "system"),
        (Sla, "service"),
        (Sla, "customer_numbers"),
    }
)
"""The organisation's own particulars, which the score counts where the plan gives them:
how to reach its people, organisations and places, and the facts of its ICT and backups."""

ASKED: frozenset[FieldKey] = frozenset({(Person, "phone")})
"""Particulars counted even when left empty: the phone check reports them."""

CHECKS = {
    "placeholder": N_("placeholders left"),
    "phone": N_("people without a phone"),
    "role": N_("roles and task owners"),
    "scenario": N_("scenarios"),
    "revision": N_("approval of the plan"),
    "drill": N_("drills"),
    "permissions": N_("file permissions"),
}
"""Every readiness check by code, with its name for people."""


@dataclass(frozen=True)
class Finding:
    """One thing the plan lacks, at a field path where it has one."""

    check: str
    message: str
    loc: Loc = ()
    line: int | None = None
    column: int | None = None

    @property
    def field(self) -> str:
        """The field path for people, such as "people[2].phone"."""
        return format_loc(self.loc)


@dataclass(frozen=True)
class Readiness:
    """The outcome of every check: the findings and a score from 0 to 100."""

    findings: list[Finding]
    score: int
    """The share of the fields examined that are filled, in percent, rounded down."""
    examined: dict[str, int]
    """How many items each check examined, by check code."""
    fields: int = 0
    """How many fields the score examined."""
    filled: int = 0
    """How many of those are filled."""

    @property
    def ready(self) -> bool:
        """Whether nothing was found."""
        return not self.findings


def _strings(
    value: object, loc: Loc, field: FieldKey | None = None
) -> Iterator[tuple[Loc, FieldKey | None, str]]:
    """Every text in `value`, with its path and the model field that holds it (or its list)."""
    if isinstance(value, str):
        yield loc, field, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in SKIP_FIELDS:
                yield from _strings(getattr(value, name), (*loc, name), (type(value), name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*loc, index), field)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, str(key)), field)


class _Run:
    """Collects findings and counts what each check examined."""

    def __init__(self, document: PlanDocument) -> None:
        self.document = document
        self.findings: list[Finding] = []
        self.examined: dict[str, int] = dict.fromkeys(CHECKS, 0)
        self.failed: dict[str, int] = dict.fromkeys(CHECKS, 0)
        self.fields = 0
        self.filled = 0

    def examine(self, check: str, count: int = 1) -> None:
        self.examined[check] += count

    def find(self, check: str, message: str, loc: Loc = ()) -> None:
        line, column = self.document.locate(loc) if loc else (None, None)
        self.findings.append(Finding(check, message, loc, line, column))
        self.failed[check] += 1

    def field(self, filled: bool) -> None:
        """Count one field towards the score."""
        self.fields += 1
        self.filled += filled

    def score(self) -> int:
        """Filled fields per hundred examined, rounded down: 100 only when all are filled."""
        return 100 * self.filled // self.fields if self.fields else 100


def _placeholders(run: _Run) -> None:
    plan = run.document.plan
    for loc, field, text in _strings(plan, ()):
        run.examine("placeholder")
        match = PLACEHOLDER.search(text)
        if match:
            run.find(
                "placeholder",
                _("placeholder '{text}' still to fill in").format(text=match.group(0)),
                loc,
            )
        if match or (field in PARTICULARS and (text or field in ASKED)):
            run.field(filled=bool(text) and not match)
    for i, vlan in enumerate(plan.ict.vlans):
        run.examine("placeholder")
        run.field(filled=vlan.tag is not None)
        if vlan.tag is None:
            run.find(
                "placeholder",
                _("VLAN '{id}' has no tag number yet").format(id=vlan.id),
                ("ict", "vlans", i),
            )
    for i, wan in enumerate(plan.ict.wan):
        run.examine("placeholder")
        run.field(filled=wan.down_mbps is not None and wan.up_mbps is not None)
        if wan.down_mbps is None or wan.up_mbps is None:
            run.find(
                "placeholder", _("WAN '{id}' has no speed yet").format(id=wan.id), ("ict", "wan", i)
            )


def _phones(run: _Run) -> None:
    for i, person in enumerate(run.document.plan.people):
        run.examine("phone")
        if not person.phone.strip():
            run.find(
                "phone", _("{name} has no phone number").format(name=person.name), ("people", i)
            )


def _roles(run: _Run) -> None:
    plan = run.document.plan
    held = {role for person in plan.people for role in person.roles}
    titles = {role.id: role.title for role in plan.roles}
    for i, role in enumerate(plan.roles):
        run.examine("role")
        if role.id not in held:
            run.find(
                "role", _("nobody holds the role '{title}'").format(title=role.title), ("roles", i)
            )
    for _phase, task in plan.tasks():
        run.examine("role")
        if task.owner not in held:
            run.find(
                "role",
                _("task '{id}' is owned by '{role}', which nobody holds").format(
                    id=task.id, role=titles.get(task.owner, task.owner)
                ),
                _task_loc(run.document, task.id),
            )


def _task_loc(document: PlanDocument, task_id: str) -> Loc:
    plan = document.plan
    for i, step in enumerate(plan.steps):
        if step.id == task_id:
            return ("steps", i, "owner")
    for s, scenario in enumerate(plan.scenarios):
        for phase in ("priorities", "technical", "organisational"):
            for i, task in enumerate(getattr(scenario, phase)):
                if task.id == task_id:
                    return ("scenarios", s, phase, i, "owner")
    for i, task in enumerate(plan.recovery.tasks):
        if task.id == task_id:
            return ("recovery", "tasks", i, "owner")
    return ()


def _scenarios(run: _Run) -> None:
    plan = run.document.plan
    for s, scenario in enumerate(plan.scenarios):
        run.examine("scenario", 2)
        if not scenario.tasks():
            run.find(
                "scenario",
                _("scenario '{id}' has no tasks").format(id=scenario.id),
                ("scenarios", s),
            )
        if scenario.needs_fallback_site and not scenario.fallback_sites:
            run.find(
                "scenario",
                _("scenario '{id}' moves to a fallback site but names none").format(id=scenario.id),
                ("scenarios", s, "needs_fallback_site"),
            )


def _revision(run: _Run, clock: Clock) -> None:
    run.examine("revision")
    notice = review_notice(run.document.plan, clock.now())
    if notice is not None:
        run.find(notice.check, notice.message, notice.loc)


def _drills(run: _Run, clock: Clock, drills: Iterable[datetime]) -> None:
    run.examine("drill")
    notice = drill_notice(run.document.plan, clock.now(), drills)
    if notice is not None:
        run.find(notice.check, notice.message, notice.loc)


def _permissions(run: _Run) -> None:
    run.examine("permissions")
    try:
        mode = run.document.path.stat().st_mode
    except OSError:
        return
    if mode & stat.S_IROTH:
        run.find(
            "permissions",
            _("the plan is readable by every user of this machine; run `chmod o-r {path}`").format(
                path=shlex.quote(str(run.document.path))
            ),
        )


def check_readiness(
    document: PlanDocument, clock: Clock, drills: Iterable[datetime] | None = None
) -> Readiness:
    """Run every readiness check on a loaded plan, dating the upkeep checks by `clock`.

    `drills` are the declaration times of the drills in the plan's journal;
    without them (no journal to read) the drill check is left out.
    """
    run = _Run(document)
    _placeholders(run)
    _phones(run)
    _roles(run)
    _scenarios(run)
    _revision(run, clock)
    if drills is not None:
        _drills(run, clock, drills)
    _permissions(run)
    findings = sorted(run.findings, key=lambda f: (f.line is None, f.line or 0, f.column or 0))
    return Readiness(findings, run.score(), run.examined, run.fields, run.filled)
