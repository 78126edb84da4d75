"""The printable plan binder: the whole plan, sections 1 to 15, as every holder keeps it.

On the day of the disaster the building, the servers and the console may all
be out of reach; what is left is the copy each plan holder keeps outside the
building. `build_binder` lays the plan out in the seed template's order and
wording, with names instead of ids and tables where the template has tables,
so the printout can be followed without the program. Sections 5 to 15 are
built in `binder_sites`, `binder_ict` and `binder_crisis`.
"""

from __future__ import annotations

from console.i18n import _
from console.plan.model import Plan
from console.report.binder_common import (
    DASH,
    Names,
    dash,
    date_text,
    flow,
    joined,
    paragraphs,
)
from console.report.binder_crisis import (
    crisis_section,
    recovery_section,
    revisions_section,
    scenarios_section,
)
from console.report.binder_ict import ict_section
from console.report.binder_sites import (
    insurance_section,
    inventories_section,
    normal_operation_section,
    providers_section,
    support_section,
    telephony_section,
)
from console.report.document import (
    Block,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
)


def build_binder(plan: Plan) -> Document:
    """The plan binder: every section of the seed, 1 to 15, in order."""
    names = Names(plan)
    sections = (
        introduction_section(plan),
        holders_section(plan, names),
        communication_section(plan, names),
        steps_section(plan, names),
        normal_operation_section(plan, names),
        providers_section(plan, names),
        telephony_section(plan, names),
        insurance_section(plan, names),
        ict_section(plan, names),
        inventories_section(plan, names),
        support_section(plan, names),
        crisis_section(plan, names),
        scenarios_section(plan, names),
        recovery_section(plan, names),
        revisions_section(plan),
    )
    organisation = plan.organisation
    return Document(
        title=_("Disaster Recovery Procedure (DRP)"),
        subtitle=_("Business Continuity Planning"),
        generated_for=organisation.name,
        classification=organisation.classification.strip().upper(),
        language=organisation.language,
        details=_cover_details(plan),
        sections=sections,
    )


def _cover_details(plan: Plan) -> tuple[tuple[str, str], ...]:
    organisation = plan.organisation
    details = [
        (_("Organisation"), organisation.name),
        (_("Address"), dash(organisation.address)),
        (_("Phone"), dash(organisation.phone)),
        (_("Website"), dash(organisation.website)),
    ]
    if plan.revisions:
        latest = max(plan.revisions, key=lambda revision: revision.date)
        details.append((_("Version"), f"{latest.label} ({date_text(latest.date)})"))
        if latest.approved_on is not None:
            approval = _("approved by {body} on {date}").format(
                body=dash(latest.approved_by), date=date_text(latest.approved_on)
            )
        else:
            approval = _("not approved yet")
        details.append((_("Approval"), approval))
    return tuple(details)


def introduction_section(plan: Plan) -> Section:
    """Section 1: why the plan exists and the assumptions it is built on."""
    intro = plan.introduction
    blocks: list[Block] = [Paragraph(text) for text in paragraphs(intro.text)]
    if not blocks:
        blocks.append(Paragraph(DASH))
    blocks.append(Paragraph(_("This plan is built on the following assumptions:")))
    blocks.append(BulletList(tuple(intro.assumptions)) if intro.assumptions else Paragraph(DASH))
    return Section("1", _("Introduction"), tuple(blocks), new_page=True)


def holders_section(plan: Plan, names: Names) -> Section:
    """Section 2: who keeps a copy of the plan, the DPO, and the confidentiality note."""
    rows = []
    for person_id in plan.holders.people:
        person = names.person(person_id)
        if person is None:
            rows.append((person_id, DASH, DASH))
        else:
            rows.append((person.name, dash(person.function), dash(person.phone)))
    blocks: list[Block] = [
        Paragraph(plan.organisation.name),
        Table(
            (_("Name"), _("Function"), _("Phone")),
            tuple(rows),
            _("People who hold a copy of this plan"),
        ),
    ]
    if plan.holders.dpo:
        dpo = names.person(plan.holders.dpo)
        employer = dpo.organisation if dpo else None
        blocks.append(
            KeyValues(
                (
                    (_("Data protection officer"), names.person_name(plan.holders.dpo)),
                    (
                        _("Organisation"),
                        names.organisation_name(employer) if employer else plan.organisation.name,
                    ),
                    (_("Phone"), dash(dpo.phone if dpo else None)),
                    (_("E-mail"), dash(dpo.email if dpo else None)),
                )
            )
        )
    note = flow(plan.holders.note) or _(
        "These people keep a copy of this plan outside the organisation's buildings, "
        "on paper or electronically; an electronic copy can be printed by its holder when "
        "needed. This document is {classification}: it may be shared with people not on "
        "this list only after consulting the board."
    ).format(classification=plan.organisation.classification or _("confidential"))
    blocks.append(Paragraph(_("Note: {note}").format(note=note)))
    return Section("2", _("Plan holders"), tuple(blocks))


def communication_section(plan: Plan, names: Names) -> Section:
    """Section 3: the communication lead for all internal and external communication."""
    lead = names.person(plan.communication.lead)
    blocks: list[Block] = [
        Paragraph(
            _(
                "The communication lead handles all internal and external communication "
                "during a disaster."
            )
        ),
        KeyValues(
            (
                (_("Communication lead"), names.person_name(plan.communication.lead)),
                (_("Function"), dash(lead.function if lead else None)),
                (_("Phone"), dash(lead.phone if lead else None)),
                (_("E-mail"), dash(lead.email if lead else None)),
                (_("Channels"), dash(plan.communication.scope)),
                (_("Website"), dash(plan.organisation.website)),
            )
        ),
    ]
    return Section("3", _("Communication lead"), tuple(blocks))


def steps_section(plan: Plan, names: Names) -> Section:
    """Section 4: the general step plan, from the report of the disaster to the decision."""
    blocks: list[Block] = [
        Paragraph(
            _(
                "From the report of the disaster to the coordinator's decision on the "
                "scenario, in this order:"
            )
        ),
        names.task_table(plan.steps, _("General step plan")),
    ]
    if plan.scenarios:
        blocks.append(
            Paragraph(
                _("The coordinator then decides which scenario applies: {scenarios}.").format(
                    scenarios=joined(
                        _("{id} ({title})").format(id=scenario.id, title=scenario.title)
                        for scenario in plan.scenarios
                    )
                )
            )
        )
    return Section("4", _("General step plan"), tuple(blocks), new_page=True)
