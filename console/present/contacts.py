"""The phone book of the disaster: everyone the plan names, once, in the order they are needed.

The coordinator first, the crisis staff, the plan holders, then each provider
with its account managers, the other organisations with their people, and
everyone else. Each entry knows what the search looks in: names, functions,
organisations, duties, e-mail and every phone number, in national and
international form, and what the plan calls them: the ids of people,
providers and organisations, the roles people hold, the services providers
give. All without case or accents.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.i18n import _
from console.incident.numbers import number
from console.plan.model import Plan
from console.present.text import fold, visible


@dataclass(frozen=True)
class Entry:
    """One row of the phone book, with what the search looks in."""

    key: str
    group: str
    name: str
    function: str
    phone: str
    detail: str
    search: str
    person: str | None = None
    phone_label: str = ""


def _digits(phone: str) -> str:
    """The digits of a number, also in national form: "+32 470 1" gives "324701 04701"."""
    digits = "".join(c for c in phone if c.isdigit())
    return f"{digits} 0{digits[2:]}" if digits.startswith("32") else digits


def matches(entry: Entry, terms: list[str]) -> bool:
    """Whether every term of the search is in the entry."""
    return all(term in entry.search for term in terms)


def _entry(
    key: str,
    shown: tuple[str, str, str, str],
    extra: list[str],
    person: str | None = None,
    label: str = "",
    hidden: tuple[str, ...] = (),
) -> Entry:
    """An entry; `hidden` is searched but not shown (ids, roles).

    What is shown is the plan's text as written (`visible`): a name or a note
    can neither act on the terminal nor break the detail line.
    """
    group, name, function, phone = (visible(text) for text in shown)
    detail = " · ".join(visible(part) for part in (name, function, *extra) if part)
    words = " ".join((group, detail, phone, *hidden))
    search = f"{fold(words)} {_digits(phone)}"
    return Entry(key, group, name, function, phone, detail, search, person, label or _("Phone"))


def _duties(plan: Plan) -> dict[str, list[str]]:
    """What each person is in the plan, for the line below the table."""
    crisis, holders = plan.crisis, plan.holders
    found: list[tuple[str | None, str]] = [
        (crisis.coordinator, _("plan coordinator")),
        (crisis.substitute, _("substitute coordinator")),
        *((member, _("crisis staff")) for member in crisis.staff),
        *((holder, _("holds a copy of the plan")) for holder in holders.people),
        (holders.dpo, _("data protection officer")),
        (plan.communication.lead, _("communication lead")),
        (
            crisis.contact_address.contact,
            _("contact at {place}").format(place=crisis.contact_address.name),
        ),
        *(
            (s.contact, _("contact of fallback site {name}").format(name=s.name))
            for s in plan.fallback_sites
        ),
        *(
            (m, _("account manager of {name}").format(name=p.name))
            for p in plan.providers
            for m in p.account_managers
        ),
    ]
    duties: dict[str, list[str]] = {}
    for person, duty in found:
        if person:
            duties.setdefault(person, []).append(duty)
    return duties


def build_entries(plan: Plan) -> list[Entry]:
    """Everyone the plan names, each once, in the order they are needed."""
    people, duties = plan.people_by_id, _duties(plan)
    roles = {role.id: role.title for role in plan.roles}
    names = {o.id: o.name for o in plan.organisations} | {p.id: p.name for p in plan.providers}
    members: dict[str, list[str]] = {}
    for person in plan.people:
        members.setdefault(person.organisation or "", []).append(person.id)
    entries: list[Entry] = []
    seen: set[str] = set()

    def add(person_id: str | None, group: str) -> None:
        if person_id is None or person_id in seen or person_id not in people:
            return
        seen.add(person_id)
        p = people[person_id]
        extra = [p.phone, p.email, names.get(p.organisation or "", ""), *duties.get(p.id, [])]
        shown = (group, p.name, p.function, p.phone)
        held = (text for role in p.roles for text in (role, roles.get(role, "")))
        hidden = (p.id, p.organisation or "", *held)
        entries.append(
            _entry(f"person:{p.id}", shown, [*extra, p.notes], person=p.id, hidden=hidden)
        )

    crisis = plan.crisis
    add(crisis.coordinator, _("coord."))
    add(crisis.substitute, _("subst."))
    for member in crisis.staff:
        add(member, _("staff"))
    for holder in plan.holders.people:
        add(holder, _("holder"))
    add(plan.holders.dpo, _("DPO"))
    add(plan.communication.lead, _("comms"))
    slas = {sla.provider: sla for sla in reversed(plan.slas)}
    for provider in plan.providers:
        sla = slas.get(provider.id)
        extra = [
            _("phone {number}").format(number=provider.phone) if provider.phone else "",
            _("helpdesk {number}").format(number=provider.helpdesk) if provider.helpdesk else "",
            provider.email,
            _("SLA: repair within {hours} business hours").format(hours=number(sla.repair_hours))
            if sla
            else "",
            *(
                f"{people[m].name} {people[m].phone}"
                for m in provider.account_managers
                if m in people
            ),
            provider.notes,
        ]
        group = _("prov.") if provider.category == "service" else _("suppl.")
        shown = (group, provider.name, provider.service, provider.helpdesk or provider.phone)
        label = _("Helpdesk") if provider.helpdesk else ""
        services = tuple(s.service for s in plan.slas if s.provider == provider.id)
        hidden = (provider.id, *services)
        entries.append(_entry(f"provider:{provider.id}", shown, extra, label=label, hidden=hidden))
        for manager in provider.account_managers:
            add(manager, _("↳"))
        for person_id in members.get(provider.id, []):
            add(person_id, _("↳"))
    for org in plan.organisations:
        shown = (_("org."), org.name, org.kind, org.phone)
        extra = [org.phone, org.email, org.address, org.notes]
        entries.append(_entry(f"org:{org.id}", shown, extra, hidden=(org.id,)))
        for person_id in members.get(org.id, []):
            add(person_id, _("↳"))
    for person in plan.people:
        add(person.id, _("other"))
    return entries
