"""The public status report: what the staff at large and the website may be told.

It says what happened, which services are available, where and from when,
when the target is and whom to call, and nothing else: no person's name, no
phone number but the organisation's own, no provider reference, no free text
from the journal. It is built from the plan's own texts and the state's
statuses only, so that nothing personal can slip in through a note.
"""

from __future__ import annotations

from console.i18n import _
from console.incident.state import CLOSED_TASK_STATUSES, TaskState
from console.incident.words import extent_word
from console.plan.people import FallbackSite
from console.report.document import Document, KeyValues, Paragraph, Section, Table
from console.report.incident_view import IncidentView


class PublicReport(IncidentView):
    """The public status report of one incident at one moment."""

    def document(self) -> Document:
        """The text for the staff and the website: no names, no personal numbers, no notes."""
        state, plan = self.state, self.plan
        organisation = plan.organisation
        title = _("{organisation}: service update").format(organisation=organisation.name)
        happened = _("Since {at}, {organisation} is dealing with a {extent}.").format(
            at=self.when(state.declared_at),
            organisation=organisation.name,
            extent=extent_word(state.extent),
        )
        sections = [Section("", _("What happened"), (Paragraph(happened),))]
        scenario = plan.scenario(state.scenario) if state.scenario else None
        priorities = self.priorities()
        if priorities:
            rows = tuple((task.title, self.availability(task)) for task in priorities)
            sections.append(
                Section("", _("Services"), (Table((_("Service"), _("Available")), rows),))
            )
        else:
            sections.append(
                Section(
                    "",
                    _("Services"),
                    (Paragraph(_("The crisis staff is deciding how services will continue.")),),
                )
            )
        if scenario is not None:
            chosen = self.fallback_sites()
            if chosen:
                place = ", ".join(" — ".join(p for p in (s.name, s.address) if p) for s in chosen)
                where = _("Services continue at {place}, from {at}.").format(
                    place=place, at=self.when(state.decided_at)
                )
            else:
                where = _("Services continue in our own buildings.")
            sections.append(Section("", _("Where"), (Paragraph(where),)))
        if state.target_at is not None:
            when = _("Basic services are planned to be available again by {at}.").format(
                at=self.when(state.target_at)
            )
            sections.append(Section("", _("When"), (Paragraph(when),)))
        contact = [organisation.phone, organisation.website]
        if any(contact):
            reach = KeyValues(
                tuple(
                    (label, value)
                    for label, value in (
                        (_("Phone"), organisation.phone),
                        (_("Website"), organisation.website),
                    )
                    if value
                )
            )
            sections.append(Section("", _("Whom to call"), (reach,)))
        return Document(
            title=self.titled(title),
            subtitle=_("as of {at}").format(at=self.when(self.now)),
            generated_for=organisation.name,
            language=organisation.language,
            sections=tuple(sections),
        )

    def availability(self, task: TaskState) -> str:
        """Whether a priority service is available, in words for the public."""
        if task.status in CLOSED_TASK_STATUSES:
            return _("available again")
        if task.status == "doing":
            return _("being restored")
        if task.due_at is not None:
            return _("expected by {at}").format(at=self.when(task.due_at))
        return _("not yet available")

    def fallback_sites(self) -> list[FallbackSite]:
        """The fallback sites the decided scenario moves to; none when it stays in place."""
        scenario = self.plan.scenario(self.state.scenario) if self.state.scenario else None
        if scenario is None or not scenario.needs_fallback_site:
            return []
        sites = {site.id: site for site in self.plan.fallback_sites}
        return [sites[s] for s in scenario.fallback_sites if s in sites]
