"""Checks that span sections: ids are unique and every reference resolves.

The schema checks each value on its own; this pass checks the plan as a whole
(a task owner must be a role, the provider of an SLA must be a provider, the
site of a component must be a site) and reports each problem at the field
that holds it, so the loader can point at the line in `plan.toml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from console.i18n import N_, _
from console.plan.ict import COMPONENT_GROUPS
from console.plan.model import Plan

Loc = tuple[str | int, ...]


KINDS = (
    N_("role"),
    N_("person"),
    N_("organisation"),
    N_("organisation or provider"),
    N_("site"),
    N_("provider"),
    N_("fallback site"),
    N_("component"),
    N_("firewall"),
)
"""The kinds of thing a reference can point at, marked for translation (shown through `_`)."""


class HasId(Protocol):
    """Anything in the plan with a stable id."""

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan, at a field path such as ("people", 2, "phone")."""

    loc: Loc
    message: str


def _duplicates(items: Iterable[tuple[Loc, str]], what: str) -> Iterator[Problem]:
    seen: dict[str, Loc] = {}
    for loc, item_id in items:
        if item_id in seen:
            yield Problem(
                loc,
                _("duplicate {what} id '{id}', already used at {first}").format(
                    what=what, id=item_id, first=format_loc(seen[item_id])
                ),
            )
        else:
            seen[item_id] = loc


def format_loc(loc: Loc) -> str:
    """A field path for people: ("crisis", "staff", 2) -> "crisis.staff[2]"."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class _Checker:
    """Collects the problems of one plan."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.problems: list[Problem] = []
        self.ids: dict[str, set[str]] = {
            "role": {r.id for r in plan.roles},
            "person": {p.id for p in plan.people},
            "organisation": {o.id for o in plan.organisations},
            "organisation or provider": {o.id for o in plan.organisations}
            | {p.id for p in plan.providers},
            "site": {s.id for s in plan.sites},
            "provider": {p.id for p in plan.providers},
            "fallback site": {f.id for f in plan.fallback_sites},
            "component": {c.id for c in plan.components()},
            "firewall": {f.id for f in plan.ict.firewalls},
        }

    def ref(self, loc: Loc, kind: str, value: str | None) -> None:
        if value is None or value in self.ids[kind]:
            return
        known = sorted(self.ids[kind])
        hint = (
            _("known: {ids}").format(ids=", ".join(known[:8]) + (", ..." if len(known) > 8 else ""))
            if known
            else _("none is defined")
        )
        self.problems.append(
            Problem(loc, _("no {kind} '{id}' ({hint})").format(kind=_(kind), id=value, hint=hint))
        )

    def refs(self, loc: Loc, kind: str, values: list[str]) -> None:
        for index, value in enumerate(values):
            self.ref((*loc, index), kind, value)


def _id_problems(plan: Plan) -> Iterator[Problem]:
    def listed(name: str, items: Iterable[HasId]) -> list[tuple[Loc, str]]:
        return [((name, i, "id"), item.id) for i, item in enumerate(items)]

    yield from _duplicates(listed("roles", plan.roles), _("role"))
    yield from _duplicates(listed("people", plan.people), _("person"))
    yield from _duplicates(listed("organisations", plan.organisations), _("organisation"))
    yield from _duplicates(listed("sites", plan.sites), _("site"))
    yield from _duplicates(listed("providers", plan.providers), _("provider"))
    yield from _duplicates(listed("fallback_sites", plan.fallback_sites), _("fallback site"))
    yield from _duplicates(listed("scenarios", plan.scenarios), _("scenario"))
    yield from _duplicates(listed("backups", plan.backups), _("backup"))
    yield from _duplicates(listed("inventories", plan.inventories), _("inventory"))
    yield from _duplicates(listed("slas", plan.slas), _("SLA"))
    yield from _duplicates(
        [(("telephony", "lines", i, "id"), line.id) for i, line in enumerate(plan.telephony.lines)],
        _("telephony line"),
    )
    yield from _duplicates(
        [(("ict", "vlans", i, "id"), vlan.id) for i, vlan in enumerate(plan.ict.vlans)], _("VLAN")
    )
    components: list[tuple[Loc, str]] = []
    for group in COMPONENT_GROUPS:
        components.extend(
            (("ict", group, i, "id"), c.id) for i, c in enumerate(getattr(plan.ict, group))
        )
    yield from _duplicates(components, _("component"))
    tasks: list[tuple[Loc, str]] = [(("steps", i, "id"), t.id) for i, t in enumerate(plan.steps)]
    for s, scenario in enumerate(plan.scenarios):
        for phase in ("priorities", "technical", "organisational"):
            tasks.extend(
                (("scenarios", s, phase, i, "id"), t.id)
                for i, t in enumerate(getattr(scenario, phase))
            )
        yield from _duplicates(
            [
                (("scenarios", s, "deadlines", i, "id"), d.id)
                for i, d in enumerate(scenario.deadlines)
            ],
            _("deadline"),
        )
    tasks.extend((("recovery", "tasks", i, "id"), t.id) for i, t in enumerate(plan.recovery.tasks))
    yield from _duplicates(tasks, _("task"))


def _reference_problems(plan: Plan) -> list[Problem]:
    check = _Checker(plan)
    for i, person in enumerate(plan.people):
        check.ref(("people", i, "organisation"), "organisation or provider", person.organisation)
        check.refs(("people", i, "roles"), "role", person.roles)
    check.refs(("holders", "people"), "person", plan.holders.people)
    check.ref(("holders", "dpo"), "person", plan.holders.dpo)
    check.ref(("communication", "lead"), "person", plan.communication.lead)
    check.ref(("network", "wan_site"), "site", plan.network.wan_site)
    check.ref(("network", "server_site"), "site", plan.network.server_site)
    check.ref(("network", "phone_line_site"), "site", plan.network.phone_line_site)
    for i, provider in enumerate(plan.providers):
        check.refs(("providers", i, "account_managers"), "person", provider.account_managers)
    check.ref(("telephony", "exchange_site"), "site", plan.telephony.exchange_site)
    for i, line in enumerate(plan.telephony.lines):
        check.ref(("telephony", "lines", i, "provider"), "provider", line.provider)
    if plan.insurance is not None:
        check.ref(("insurance", "contact"), "organisation", plan.insurance.contact)
    for group in COMPONENT_GROUPS:
        for i, component in enumerate(getattr(plan.ict, group)):
            loc: Loc = ("ict", group, i)
            check.ref((*loc, "site"), "site", component.site)
            if group in ("firewalls", "wan", "cloud"):
                check.ref((*loc, "provider"), "provider", component.provider)
            if group == "wireless_links":
                check.ref((*loc, "to_site"), "site", component.to_site)
            if group == "vpns":
                check.ref((*loc, "via"), "firewall", component.via)
    for i, backup in enumerate(plan.backups):
        check.ref(("backups", i, "site"), "site", backup.site)
        check.refs(("backups", i, "systems"), "component", backup.systems)
        if backup.retention_grid:
            days = sum(len(row) for row in backup.retention_grid)
            if days != backup.retention_days:
                check.problems.append(
                    Problem(
                        ("backups", i, "retention_grid"),
                        _("the grid covers {days} days but retention_days is {retention}").format(
                            days=days, retention=backup.retention_days
                        ),
                    )
                )
    for i, inventory in enumerate(plan.inventories):
        check.ref(("inventories", i, "responsible"), "person", inventory.responsible)
    if plan.support is not None:
        check.ref(("support", "provider"), "provider", plan.support.provider)
    for i, sla in enumerate(plan.slas):
        check.ref(("slas", i, "provider"), "provider", sla.provider)
    check.ref(("crisis", "coordinator"), "person", plan.crisis.coordinator)
    check.ref(("crisis", "substitute"), "person", plan.crisis.substitute)
    check.refs(("crisis", "staff"), "person", plan.crisis.staff)
    check.ref(("crisis", "contact_address", "site"), "site", plan.crisis.contact_address.site)
    check.ref(
        ("crisis", "contact_address", "contact"), "person", plan.crisis.contact_address.contact
    )
    for i, fallback in enumerate(plan.fallback_sites):
        check.ref(("fallback_sites", i, "contact"), "person", fallback.contact)
    for i, step in enumerate(plan.steps):
        check.ref(("steps", i, "owner"), "role", step.owner)
    for s, scenario in enumerate(plan.scenarios):
        check.refs(("scenarios", s, "fallback_sites"), "fallback site", scenario.fallback_sites)
        for phase in ("priorities", "technical", "organisational"):
            for i, task in enumerate(getattr(scenario, phase)):
                check.ref(("scenarios", s, phase, i, "owner"), "role", task.owner)
    for i, task in enumerate(plan.recovery.tasks):
        check.ref(("recovery", "tasks", i, "owner"), "role", task.owner)
    return check.problems


def integrity_problems(plan: Plan) -> list[Problem]:
    """Every duplicate id and dangling reference in `plan`, in file order where possible."""
    return [*_id_problems(plan), *_reference_problems(plan)]
