"""What every part of the binder needs: ids resolved to names, and one way to print a value.

The plan refers to people, roles, sites and providers by id so that each fact
is written once; a printed binder must show names instead. Missing or empty
values print as a dash, so a reader can tell "not filled in" from a layout
glitch, and hours and dates print the same way in every section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from console.i18n import _
from console.incident import timefmt
from console.incident.numbers import number
from console.plan.model import Plan
from console.plan.people import Person
from console.plan.scenarios import Task
from console.report.document import Table

DASH = "\N{EM DASH}"
"""What an empty or missing value prints as."""

SEP = " \N{EN DASH} "
"""Between the parts of one line, such as name, function and phone, as in the seed."""


def flow(text: str) -> str:
    """Text as one line: plan values are wrapped wherever the TOML author pressed Enter."""
    return " ".join(text.split())


def dash(value: object) -> str:
    """The value as one line of text, or a dash when it is missing or empty."""
    if value is None:
        return DASH
    return flow(str(value)) or DASH


def hours_text(hours: float) -> str:
    """Hours without a needless ".0", as the language writes them: 72.0 is "72", 1.5 "1,5"."""
    return number(hours)


def due_text(hours: float | None) -> str:
    """A due offset from the declaration, such as "+24 h", or a dash."""
    if hours is None:
        return DASH
    return _("+{hours} h").format(hours=hours_text(hours))


def date_text(value: date | None) -> str:
    """A date as the console and the reports write it, "Thu 15 Jan 2026", or a dash."""
    return timefmt.day(value) if value is not None else DASH


def yes_no(value: bool) -> str:
    """Yes or No, translated."""
    return _("Yes") if value else _("No")


def joined(parts: Iterable[str], separator: str = ", ") -> str:
    """The non-empty parts joined, or a dash when there are none."""
    kept = [part.strip() for part in parts if part and part.strip()]
    return separator.join(kept) if kept else DASH


@dataclass(frozen=True)
class Names:
    """Ids resolved to what a reader recognises, for one plan."""

    plan: Plan

    def person(self, person_id: str | None) -> Person | None:
        """The person with this id, if any."""
        return self.plan.people_by_id.get(person_id) if person_id else None

    def person_name(self, person_id: str | None) -> str:
        """A person's name, the bare id if it does not resolve, or a dash."""
        if not person_id:
            return DASH
        person = self.person(person_id)
        return person.name if person else person_id

    def person_line(self, person_id: str | None) -> str:
        """Name, function and phone in one line, for lists and labelled values."""
        person = self.person(person_id)
        if person is None:
            return dash(person_id)
        return joined([person.name, person.function, person.phone], SEP)

    @cached_property
    def _titles(self) -> dict[str, dict[str, str]]:
        """Name by id for each kind of thing, built once so big plans stay fast."""
        plan = self.plan
        return {
            "role": {role.id: role.title for role in plan.roles},
            "site": {site.id: site.name for site in plan.sites},
            "provider": {provider.id: provider.name for provider in plan.providers},
            "organisation": {other.id: other.name for other in plan.organisations},
            "component": {component.id: component.name for component in plan.components()},
        }

    def _name(self, kind: str, item_id: str | None) -> str:
        if not item_id:
            return DASH
        return self._titles[kind].get(item_id, item_id)

    def role_title(self, role_id: str) -> str:
        """The title of a role, or its id when it does not resolve."""
        return self._name("role", role_id)

    def site_name(self, site_id: str | None) -> str:
        """The name of a site, or a dash."""
        return self._name("site", site_id)

    def provider_name(self, provider_id: str | None) -> str:
        """The company name of a provider, or a dash."""
        return self._name("provider", provider_id)

    def organisation_name(self, organisation_id: str | None) -> str:
        """The name of another organisation, or a dash."""
        return self._name("organisation", organisation_id)

    def component_name(self, component_id: str | None) -> str:
        """The name of an ICT component, or a dash."""
        return self._name("component", component_id)

    def task_table(self, tasks: Iterable[Task], caption: str = "") -> Table:
        """Tasks in order with their owner's role title, due offset and details."""
        rows = tuple(
            (
                str(index),
                task.title,
                self.role_title(task.owner),
                due_text(task.due_hours),
                dash(task.description),
            )
            for index, task in enumerate(tasks, start=1)
        )
        headers = ("#", _("Task"), _("Owner"), _("Due"), _("Details"))
        return Table(headers, rows, caption)


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines into paragraphs, each flowed into one line."""
    parts = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return [flow(part) for part in parts if part.strip()]
