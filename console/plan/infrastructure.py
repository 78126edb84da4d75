"""Where and with whom: sites, network locations, providers, telephony, insurance,
inventories, the support contract and the providers' SLAs.

Seed sections 5 to 8, 10 and 11. The SLA's business-hour windows and closure
dates are what the SLA clocks of the journal count in.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from console.plan.fields import Id, Ref, Section, Text, Weekday, Windows


class Site(Section):
    """Seed section 5: a building of the organisation during normal operation."""

    id: Id
    """Stable id, such as "admin"."""
    name: Text
    """Name of the site."""
    address: str = ""
    """Postal address."""
    internal_network: str = ""
    """The internal network there, such as "wired + wireless"; empty when there is none."""
    visitor_network: str = ""
    """The visitor network there, such as "wireless"; empty when there is none."""
    telephony: str = ""
    """The telephony there, such as "digitaal, enkel vaste toestellen"."""
    notes: str = ""
    """Anything else worth knowing."""


class NetworkLocations(Section):
    """Seed section 5: where the external connections and the servers are."""

    wan_site: Ref
    """The `[[sites]]` id where the WAN (internet / KSZ) connection comes in."""
    server_site: Ref
    """The `[[sites]]` id of the server room."""
    phone_line_site: Ref
    """The `[[sites]]` id where the telephone line comes in."""
    notes: list[Text] = []
    """Remarks, such as "the municipality's internal wireless network also reaches the OCMW"."""


class Provider(Section):
    """Seed section 6: a service provider or ICT supplier."""

    id: Id
    """Stable id, such as "wan"."""
    category: Literal["service", "ict"]
    """"service" for communication (internet, telephony), "ict" for hardware and software."""
    service: Text
    """What they provide, such as "Internet (+ KSZ)" or "Hardware (server)"."""
    name: Text
    """Company name."""
    phone: str = ""
    """Contact telephone number."""
    helpdesk: str = ""
    """Helpdesk number or address, when it differs from the contact number."""
    email: str = ""
    """Contact e-mail address."""
    notes: str = ""
    """Remarks, such as "Raamcontract" or "Alarmcentrale"."""
    account_managers: list[Ref] = []
    """The `[[people]]` ids of their account managers."""


class TelephonyLine(Section):
    """Seed section 7: one kind of telephone line or set."""

    id: Id
    """Stable id, usable as a component in the journal."""
    type: Text
    """Kind of line, such as "Digitaal (no SIP)" or "Analoog"."""
    provider: Ref | None = None
    """The `[[providers]]` id that supplies it."""
    internal_numbers: int = Field(default=0, ge=0)
    """How many internal numbers."""
    notes: str = ""
    """What is connected, such as "Vaste toestellen" or "Fax"."""


class Telephony(Section):
    """Seed section 7: the internal telephony."""

    description: str = ""
    """The exchange in a sentence: digital, no SIP, shared with the municipality."""
    exchange_site: Ref | None = None
    """The `[[sites]]` id where the telephone exchange is connected."""
    lines: list[TelephonyLine] = []
    """The kinds of lines and sets."""


class Insurance(Section):
    """Seed section 8: where the insurance policies are listed."""

    reference: Text
    """The document or place that lists the policies."""
    contact: Ref | None = None
    """The `[[organisations]]` id of the insurer or broker, if any."""
    notes: str = ""
    """Anything else worth knowing."""


class Inventory(Section):
    """Seed section 10: one inventory kept up to date."""

    id: Id
    """Stable id."""
    name: Text
    """What it lists: hardware, software, accounts, ICT partners, office material."""
    responsible: Ref
    """The `[[people]]` id who keeps it up to date."""
    system: str = ""
    """Where it is kept."""
    notes: str = ""
    """Remarks, such as "regelmatige update"."""


class Support(Section):
    """Seed section 11: the support contract for hardware and software in a disaster."""

    provider: Ref
    """The `[[providers]]` id that holds the contract."""
    contract: Text
    """Name of the contract, such as "Jaarlijkse systeembijstand"."""
    description: str = ""
    """What it covers."""


class Sla(Section):
    """Seed section 11: a provider's service level agreement, which an SLA clock counts."""

    id: Id
    """Stable id."""
    provider: Ref
    """The `[[providers]]` id it binds."""
    service: Text
    """The service covered, such as "WAN aansluiting"."""
    repair_hours: float = Field(gt=0)
    """Repair time promised, counted in business hours only."""
    hours: dict[Weekday, Windows]
    """Business-hour windows per weekday ("mon" to "sun"); days left out are closed."""
    holidays: Literal["BE", "none"] = "BE"
    """Whose public holidays do not count: Belgian ("BE") or none."""
    closed: list[date] = []
    """Extra closure dates of the provider, which do not count either."""
    helpdesk: str = ""
    """Helpdesk number to open a ticket."""
    customer_numbers: dict[str, str] = {}
    """Numbers to quote on the phone, such as KLANTENNR, DSID, LINE NR."""
