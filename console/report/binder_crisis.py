"""Binder sections 12 to 15: the crisis staff, the scenarios, the recovery phase, the revisions.

These are the pages read at the contact address on the first evening: who
sits at the table and how to reach them, where the services can move, what to
restart first and who does which task by when. Each scenario gets a numbered
subsection (13.1, 13.2, ...) as in the seed, however many the plan defines.
"""

from __future__ import annotations

from console.i18n import _, ngettext
from console.plan.model import Plan
from console.plan.people import FallbackSite
from console.plan.scenarios import Scenario, Task
from console.report.binder_common import (
    DASH,
    SEP,
    Names,
    dash,
    date_text,
    due_text,
    flow,
    hours_text,
    joined,
    paragraphs,
    yes_no,
)
from console.report.document import Block, BulletList, KeyValues, Paragraph, Section, Table


def _staff_table(plan: Plan, names: Names) -> Table:
    rows = []
    for person_id in plan.crisis.staff:
        person = names.person(person_id)
        if person is None:
            rows.append((person_id, DASH, DASH))
            continue
        function = person.function or joined(names.role_title(role) for role in person.roles)
        rows.append((person.name, dash(person.phone), function))
    return Table(
        (_("Name"), _("Phone"), _("Function")), tuple(rows), _("Members of the crisis staff")
    )


def _fallback_site(site: FallbackSite, names: Names) -> Section:
    facts = (
        (_("Address"), dash(site.address)),
        (_("Phone"), dash(site.phone)),
        (_("Contact person"), names.person_line(site.contact) if site.contact else DASH),
        (
            _("Capacity"),
            ngettext("{count} person", "{count} people", site.capacity).format(count=site.capacity),
        ),
        (_("Period of use"), _("about {weeks} weeks").format(weeks=hours_text(site.period_weeks))),
    )
    blocks: list[Block] = [
        KeyValues(facts),
        Paragraph(_("Facilities available:")),
        BulletList(tuple(site.facilities)) if site.facilities else Paragraph(DASH),
    ]
    return Section("", site.name, tuple(blocks))


def crisis_section(plan: Plan, names: Names) -> Section:
    """Section 12: coordinator and substitute, crisis staff, contact address, fallback sites."""
    crisis = plan.crisis
    coordinator = Section(
        "",
        _("Coordinator"),
        (
            KeyValues(
                (
                    (_("Coordinator"), names.person_line(crisis.coordinator)),
                    (_("Substitute"), names.person_line(crisis.substitute)),
                )
            ),
        ),
    )
    staff = Section(
        "",
        _("Crisis staff"),
        (
            Paragraph(
                _(
                    "The coordinator invites the members of the crisis staff to the first "
                    "meeting after the disaster."
                )
            ),
            _staff_table(plan, names),
        ),
    )
    address = crisis.contact_address
    site = next((s for s in plan.sites if s.id == address.site), None)
    note = flow(address.note) or _(
        "If the contact address cannot be used or reached, the coordinator fixes another "
        "place and tells the crisis staff."
    )
    contact = Section(
        "",
        _("Contact address"),
        (
            KeyValues(
                (
                    (_("Place"), address.name),
                    (_("Site"), names.site_name(address.site)),
                    (_("Address"), dash(address.address or (site.address if site else ""))),
                    (_("Contact person"), names.person_line(address.contact)),
                )
            ),
            Paragraph(_("Note: {note}").format(note=note)),
        ),
    )
    fallback = Section(
        "",
        _("Fallback sites"),
        (
            Paragraph(
                _("These places can take over the organisation's services for a while:")
                if plan.fallback_sites
                else DASH
            ),
        ),
        subsections=tuple(_fallback_site(item, names) for item in plan.fallback_sites),
    )
    return Section(
        "12",
        _("Coordinator, crisis staff, contact address and fallback sites"),
        (Paragraph(_("While drawing up this plan, people were appointed and places were fixed.")),),
        subsections=(coordinator, staff, contact, fallback),
        new_page=True,
    )


def _priority_item(task: Task, names: Names) -> str:
    due = due_text(task.due_hours) if task.due_hours is not None else ""
    return joined([task.title, names.role_title(task.owner), due], SEP)


def _task_part(title: str, tasks: list[Task], names: Names) -> Section:
    block: Block = names.task_table(tasks, title) if tasks else Paragraph(DASH)
    return Section("", title, (block,))


def _scenario(number: str, scenario: Scenario, plan: Plan, names: Names) -> Section:
    blocks: list[Block] = [Paragraph(text) for text in paragraphs(scenario.description)]
    blocks.append(
        KeyValues(
            (
                (
                    _("Target"),
                    _("basic services running within {hours} hours of the declaration").format(
                        hours=hours_text(scenario.target_hours)
                    ),
                ),
                (_("Moves to a fallback site"), yes_no(scenario.needs_fallback_site)),
            )
        )
    )
    parts: list[Section] = []
    if scenario.needs_fallback_site or scenario.fallback_sites:
        sites = {site.id: site for site in plan.fallback_sites}
        items = tuple(
            joined([sites[ref].name, sites[ref].address, sites[ref].phone], SEP)
            if ref in sites
            else ref
            for ref in scenario.fallback_sites
        )
        parts.append(
            Section(
                "",
                _("Fallback sites"),
                (BulletList(items, ordered=True) if items else Paragraph(DASH),),
            )
        )
    priorities = tuple(_priority_item(task, names) for task in scenario.priorities)
    parts.append(
        Section(
            "",
            _("Priority list"),
            (
                Paragraph(_("The basic services to restart, in this order:")),
                BulletList(priorities, ordered=True) if priorities else Paragraph(DASH),
            ),
        )
    )
    parts.append(_task_part(_("Technical tasks"), scenario.technical, names))
    parts.append(_task_part(_("Organisational tasks"), scenario.organisational, names))
    deadlines = tuple(
        (deadline.name, due_text(deadline.hours), dash(deadline.description))
        for deadline in scenario.deadlines
    )
    parts.append(
        Section(
            "",
            _("Deadlines"),
            (
                Table((_("Deadline"), _("Due"), _("Details")), deadlines, _("Deadlines"))
                if deadlines
                else Paragraph(DASH),
            ),
        )
    )
    title = _("Scenario {id}: {title}").format(id=scenario.id, title=scenario.title)
    return Section(number, title, tuple(blocks), tuple(parts), new_page=True)


def scenarios_section(plan: Plan, names: Names) -> Section:
    """Section 13: one numbered subsection per scenario, with targets and task lists."""
    choices = tuple(
        _("Scenario {id} ({title}): basic services within {hours} hours").format(
            id=scenario.id, title=scenario.title, hours=hours_text(scenario.target_hours)
        )
        for scenario in plan.scenarios
    )
    blocks: list[Block] = [
        Paragraph(
            _(
                "After the crisis staff has assessed the damage, the coordinator decides how "
                "the services continue:"
            )
        ),
        BulletList(choices),
    ]
    subsections = tuple(
        _scenario(f"13.{index}", scenario, plan, names)
        for index, scenario in enumerate(plan.scenarios, start=1)
    )
    return Section("13", _("Scenarios"), tuple(blocks), subsections, new_page=True)


def recovery_section(plan: Plan, names: Names) -> Section:
    """Section 14: the recovery phase, which ends the disaster, and its tasks."""
    recovery = plan.recovery
    blocks: list[Block] = [Paragraph(text) for text in paragraphs(recovery.description)]
    if not blocks:
        blocks.append(Paragraph(DASH))
    if recovery.tasks:
        blocks.append(names.task_table(recovery.tasks, _("Recovery tasks")))
    return Section("14", _("Recovery phase"), tuple(blocks), new_page=True)


def revisions_section(plan: Plan) -> Section:
    """Section 15: the version history with each revision's approval and changes."""
    rows = tuple(
        (
            revision.label,
            date_text(revision.date),
            dash(revision.summary),
            dash(revision.approved_by),
            date_text(revision.approved_on),
        )
        for revision in plan.revisions
    )
    headers = (_("Revision"), _("Date"), _("Summary"), _("Approved by"), _("Approved on"))
    block: Block = Table(headers, rows, _("Version history")) if rows else Paragraph(DASH)
    changes = tuple(
        Section(
            "",
            _("Changes in {label}").format(label=revision.label),
            (BulletList(tuple(revision.changes)),),
        )
        for revision in plan.revisions
        if revision.changes
    )
    return Section("15", _("Revisions"), (block,), changes)
