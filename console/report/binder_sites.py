"""Binder sections 5 to 8, 10 and 11: sites, providers, telephony, insurance, inventories, SLAs.

These are the sections a sysadmin reaches for with a phone in the other hand:
which building has what network, whom to call for which service, and how
long a provider has to repair. They follow the seed's tables 1 to 5 column for
column, with names instead of ids.
"""

from __future__ import annotations

from console.i18n import _
from console.plan.fields import WEEKDAYS, Weekday
from console.plan.infrastructure import Provider, Sla
from console.plan.model import Plan
from console.report.binder_common import (
    DASH,
    SEP,
    Names,
    dash,
    date_text,
    flow,
    hours_text,
    joined,
    paragraphs,
)
from console.report.document import Block, BulletList, KeyValues, Paragraph, Section, Table


def weekday_name(day: Weekday) -> str:
    """The full, translated name of a weekday."""
    names = {
        "mon": _("Monday"),
        "tue": _("Tuesday"),
        "wed": _("Wednesday"),
        "thu": _("Thursday"),
        "fri": _("Friday"),
        "sat": _("Saturday"),
        "sun": _("Sunday"),
    }
    return names[day]


def normal_operation_section(plan: Plan, names: Names) -> Section:
    """Section 5: the sites, their networks and telephony, and where the connections come in."""
    blocks: list[Block] = [
        Paragraph(
            _("During normal operation, {organisation} has the following sites:").format(
                organisation=plan.organisation.name
            )
        ),
        BulletList(tuple(joined([site.name, site.address], SEP) for site in plan.sites)),
    ]
    with_notes = any(site.notes for site in plan.sites)
    headers = (_("Site"), _("Internal network"), _("Visitor network"), _("Telephony"))
    rows = []
    for site in plan.sites:
        row: tuple[str, ...] = (site.name, dash(site.internal_network), dash(site.visitor_network))
        row += (dash(site.telephony),) + ((dash(site.notes),) if with_notes else ())
        rows.append(row)
    blocks.append(
        Table(
            headers + ((_("Notes"),) if with_notes else ()),
            tuple(rows),
            _("Data communication and telephony per site"),
        )
    )
    network = plan.network
    blocks.append(
        KeyValues(
            (
                (_("WAN connection (internet / KSZ)"), names.site_name(network.wan_site)),
                (_("Server infrastructure"), names.site_name(network.server_site)),
                (_("Telephone line"), names.site_name(network.phone_line_site)),
            )
        )
    )
    blocks.extend(Paragraph(_("Note: {note}").format(note=flow(note))) for note in network.notes)
    return Section("5", _("Normal operation"), tuple(blocks), new_page=True)


def _provider_table(providers: list[Provider], first_header: str, caption: str) -> Table:
    rows = []
    for provider in providers:
        helpdesk = (
            _("helpdesk {number}").format(number=provider.helpdesk) if provider.helpdesk else ""
        )
        contact = joined([provider.phone, helpdesk, provider.email], "; ")
        rows.append((provider.service, provider.name, contact, dash(provider.notes)))
    headers = (first_header, _("Supplier"), _("Contact"), _("Notes"))
    return Table(headers, tuple(rows), caption)


def _account_managers(providers: list[Provider], names: Names) -> list[str]:
    items = []
    for provider in providers:
        for person_id in provider.account_managers:
            person = names.person(person_id)
            who = joined([person.name, person.phone], SEP) if person else person_id
            items.append(
                _("Account manager {provider}: {person}").format(provider=provider.name, person=who)
            )
    return items


def _provider_group(plan: Plan, names: Names, category: str) -> Section:
    providers = [p for p in plan.providers if p.category == category]
    if category == "service":
        title, first, caption = (
            _("Service providers"),
            _("Service"),
            _("Communication services"),
        )
    else:
        title, first, caption = (
            _("ICT suppliers (hardware and software)"),
            _("Type"),
            _("ICT suppliers"),
        )
    blocks: list[Block] = [
        _provider_table(providers, first, caption) if providers else Paragraph(DASH)
    ]
    managers = _account_managers(providers, names)
    if managers:
        blocks.append(BulletList(tuple(managers)))
    return Section("", title, tuple(blocks))


def providers_section(plan: Plan, names: Names) -> Section:
    """Section 6: service providers and ICT suppliers, as seed tables 2 and 3."""
    return Section(
        "6",
        _("Service providers and ICT suppliers"),
        subsections=(_provider_group(plan, names, "service"), _provider_group(plan, names, "ict")),
        new_page=True,
    )


def telephony_section(plan: Plan, names: Names) -> Section:
    """Section 7: the internal telephony, as seed table 4."""
    telephony = plan.telephony
    rows = tuple(
        (
            line.type,
            names.provider_name(line.provider),
            str(line.internal_numbers) if line.internal_numbers else DASH,
            dash(line.notes),
        )
        for line in telephony.lines
    )
    blocks: list[Block] = [Paragraph(text) for text in paragraphs(telephony.description)]
    blocks.append(
        KeyValues(((_("Exchange connected at"), names.site_name(telephony.exchange_site)),))
    )
    headers = (_("Type"), _("Supplier"), _("Internal numbers"), _("Notes"))
    if rows:
        blocks.append(Table(headers, rows, _("Internal telephony")))
    else:
        blocks.append(KeyValues(((_("Lines"), DASH),)))
    return Section("7", _("Telephony"), tuple(blocks))


def insurance_section(plan: Plan, names: Names) -> Section:
    """Section 8: where the insurance policies are listed and who the insurer is."""
    insurance = plan.insurance
    insurer = DASH
    if insurance is not None and insurance.contact:
        found = next((o for o in plan.organisations if o.id == insurance.contact), None)
        insurer = (
            joined([found.name, found.phone], SEP)
            if found
            else names.organisation_name(insurance.contact)
        )
    items = (
        (_("Policies listed in"), dash(insurance.reference if insurance else None)),
        (_("Insurer or broker"), insurer),
        (_("Notes"), dash(insurance.notes if insurance else None)),
    )
    return Section("8", _("Insurance policies"), (KeyValues(items),))


def inventories_section(plan: Plan, names: Names) -> Section:
    """Section 10: the inventories kept up to date, as seed table 5."""
    rows = tuple(
        (
            inventory.name,
            names.person_name(inventory.responsible),
            dash(inventory.system),
            dash(inventory.notes),
        )
        for inventory in plan.inventories
    )
    blocks: list[Block] = [
        Paragraph(
            _(
                "An up-to-date inventory tells what must be made available again to keep "
                "at least the basic services running during a disaster."
            )
        ),
        Table(
            (_("Inventory"), _("Responsible"), _("System"), _("Notes")),
            rows,
            _("Inventories"),
        )
        if rows
        else Paragraph(DASH),
    ]
    return Section("10", _("ICT and office inventories"), tuple(blocks), new_page=True)


def _sla_section(sla: Sla, names: Names) -> Section:
    holidays = (
        _("Belgian public holidays do not count")
        if sla.holidays == "BE"
        else _("public holidays count as ordinary days")
    )
    facts = (
        (_("Provider"), names.provider_name(sla.provider)),
        (_("Service"), sla.service),
        (
            _("Repair time"),
            _("within {hours} business hours").format(hours=hours_text(sla.repair_hours)),
        ),
        (_("Helpdesk"), dash(sla.helpdesk)),
        (_("Public holidays"), holidays),
        (_("Closure dates"), joined(date_text(day) for day in sla.closed)),
    )
    hours = tuple(
        (
            weekday_name(day),
            joined(str(window) for window in sla.hours[day]) if sla.hours.get(day) else _("closed"),
        )
        for day in WEEKDAYS
    )
    blocks: list[Block] = [
        KeyValues(facts),
        Table((_("Day"), _("Business hours")), hours, _("Business hours of the SLA")),
    ]
    if sla.customer_numbers:
        blocks.append(Paragraph(_("Numbers to quote on the phone:")))
        blocks.append(KeyValues(tuple(sla.customer_numbers.items())))
    title = _("{provider}: {service}").format(
        provider=names.provider_name(sla.provider), service=sla.service
    )
    return Section("", title, tuple(blocks))


def support_section(plan: Plan, names: Names) -> Section:
    """Section 11: the support contract and each provider's SLA with its business hours."""
    support = plan.support
    blocks: list[Block] = []
    if support is None:
        blocks.append(KeyValues(((_("Support contract"), DASH),)))
    else:
        provider = next((p for p in plan.providers if p.id == support.provider), None)
        described = paragraphs(support.description)
        if not described:
            described = [
                _('{organisation} has the contract "{contract}" with {provider}.').format(
                    organisation=plan.organisation.name,
                    contract=support.contract,
                    provider=names.provider_name(support.provider),
                )
            ]
        blocks.extend(Paragraph(text) for text in described)
        blocks.append(
            KeyValues(
                (
                    (_("Support contract"), support.contract),
                    (_("Provider"), names.provider_name(support.provider)),
                )
            )
        )
        managers = _account_managers([provider], names) if provider else []
        if managers:
            blocks.append(BulletList(tuple(managers)))
    if not plan.slas:
        blocks.append(KeyValues(((_("Service level agreements"), DASH),)))
    return Section(
        "11",
        _("Support contract and SLAs"),
        tuple(blocks),
        subsections=tuple(_sla_section(sla, names) for sla in plan.slas),
    )
