"""Who: the organisation, its people and roles, the plan holders, the crisis staff.

Seed sections 2 (plan holders), 3 (communication lead) and 12 (coordinator,
crisis staff, contact address, fallback sites). People are defined once in
`[[people]]` and every section refers to them by id, so a phone number is
written in one place only.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from console.plan.fields import Id, Ref, Section, Text, TimeZoneName
from console.plan.source import DEFAULT_LANGUAGE


class Organisation(Section):
    """The public service that owns the plan."""

    name: Text
    """Full name, such as "OCMW Zonnedaal"."""
    kind: Literal["OCMW", "CPAS", "municipality", "other"] = "OCMW"
    """What kind of public service it is."""
    language: Literal["nl", "fr", "en"] = DEFAULT_LANGUAGE
    """The language the console and reports speak by default."""
    timezone: TimeZoneName = "Europe/Brussels"
    """The time zone in which every time is shown."""
    classification: str = "uiterst vertrouwelijk"
    """The confidentiality marking printed on every page of the binder."""
    address: str = ""
    """Postal address of the main seat."""
    phone: str = ""
    """Main telephone number."""
    website: str = ""
    """Public website, where the communication lead publishes status."""


class Introduction(Section):
    """Seed section 1: why the plan exists and what it assumes."""

    text: str = ""
    """The introduction, as it should appear in the binder."""
    assumptions: list[Text] = []
    """The assumptions the plan is built on (total or partial disaster, backups available, ...)."""


class Role(Section):
    """A responsibility that tasks are owned by, held by one or more people."""

    id: Id
    """Stable id, such as "ict" or "coordinator"."""
    title: Text
    """Name of the role, such as "ICT systeembeheerder"."""
    description: str = ""
    """What the role does during a disaster."""


class Person(Section):
    """Someone the crisis staff may need to reach."""

    id: Id
    """Stable id, such as "an-peeters"."""
    name: Text
    """Full name."""
    function: str = ""
    """Job title, such as "Algemeen directeur"."""
    phone: str = ""
    """Mobile phone (GSM) to reach them during a disaster."""
    email: str = ""
    """E-mail address outside the organisation's own systems, if any."""
    organisation: Ref | None = None
    """The `[[organisations]]` or `[[providers]]` id they work for, when not the plan's own."""
    roles: list[Ref] = []
    """The `[[roles]]` ids they hold."""
    login: str | None = None
    """Their OS login on the crisis console's host, so "my tasks" can find them."""
    notes: str = ""
    """Anything else worth knowing."""


class OtherOrganisation(Section):
    """Another organisation the plan names: the DPO's employer, the municipality, the insurer."""

    id: Id
    """Stable id."""
    name: Text
    """Name of the organisation."""
    kind: str = ""
    """What it is to us, such as "DPO", "gemeente" or "verzekeraar"."""
    phone: str = ""
    """Main telephone number."""
    email: str = ""
    """Main e-mail address."""
    address: str = ""
    """Postal address."""
    notes: str = ""
    """Anything else worth knowing."""


class Holders(Section):
    """Seed section 2: the people who keep a copy of the plan outside the building."""

    people: list[Ref] = Field(min_length=1)
    """The `[[people]]` ids of the plan holders."""
    dpo: Ref | None = None
    """The data protection officer's `[[people]]` id; their organisation is on their entry."""
    note: str = ""
    """The note on keeping the copy (paper or electronic, confidential)."""


class Communication(Section):
    """Seed section 3: who speaks for the organisation during the disaster."""

    lead: Ref
    """The communication lead's `[[people]]` id."""
    scope: str = ""
    """What they communicate through: website, staff, partners."""


class ContactAddress(Section):
    """Where the crisis staff gathers."""

    name: Text
    """Name of the place, such as "Administratief centrum, vergaderzaal"."""
    site: Ref | None = None
    """The `[[sites]]` id, when the place is one of the organisation's own sites."""
    address: str = ""
    """Postal address."""
    contact: Ref | None = None
    """The `[[people]]` id of the contact person on site."""
    note: str = ""
    """What to do when the contact address cannot be reached."""


class Crisis(Section):
    """Seed section 12: the coordinator, the substitute, the crisis staff and where they meet."""

    coordinator: Ref
    """The plan coordinator's `[[people]]` id (the general director)."""
    substitute: Ref | None = None
    """The substitute coordinator's `[[people]]` id (the deputy)."""
    staff: list[Ref] = Field(min_length=1)
    """The `[[people]]` ids of the crisis staff, invited by the coordinator."""
    contact_address: ContactAddress
    """Where the crisis staff gathers for its first meeting."""


class FallbackSite(Section):
    """A temporary location to continue the services (scenario A)."""

    id: Id
    """Stable id."""
    name: Text
    """Name of the place."""
    address: str = ""
    """Postal address."""
    phone: str = ""
    """Telephone number to open it."""
    contact: Ref | None = None
    """The `[[people]]` id of the contact person, if any."""
    capacity: int = Field(ge=1)
    """How many people it holds."""
    period_weeks: float = Field(gt=0)
    """For how long it can be used, in weeks."""
    facilities: list[Text] = []
    """What it offers: lockable room, desks, telephony, power, VLAN, internet with KSZ access."""


class Access(Section):
    """Who may do what in the console, by OS login; without this table everyone is coordinator."""

    coordinators: list[Text] = []
    """Logins that may declare, decide the scenario, start the recovery and close."""
    members: list[Text] = []
    """Logins that may record everything except those four."""
    viewers: list[Text] = []
    """Logins that may only look; unknown logins are viewers too."""
