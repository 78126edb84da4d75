"""The whole plan: one frozen model whose sections follow the seed, 1 to 15.

`Plan` is what `load_plan` returns and what every other layer reads. It holds
no logic beyond lookups that several layers need (every task, every component,
a person by id).
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from console.plan.fields import Section
from console.plan.ict import Backup, Component, Ict
from console.plan.infrastructure import (
    Insurance,
    Inventory,
    NetworkLocations,
    Provider,
    Site,
    Sla,
    Support,
    Telephony,
)
from console.plan.people import (
    Access,
    Communication,
    Crisis,
    FallbackSite,
    Holders,
    Introduction,
    Organisation,
    OtherOrganisation,
    Person,
    Role,
)
from console.plan.scenarios import Phase, Recovery, Review, Revision, Scenario, Step, Task

FORMAT_VERSION = 1


class Plan(Section):
    """A Disaster Recovery Plan, section by section as in the seed."""

    format: int = Field(default=FORMAT_VERSION, ge=1, le=FORMAT_VERSION)
    """The version of this file format."""
    organisation: Organisation
    """The public service that owns the plan."""
    introduction: Introduction = Introduction()
    """Section 1: introduction and assumptions."""
    roles: list[Role] = Field(min_length=1)
    """The roles that own tasks."""
    people: list[Person] = Field(min_length=1)
    """Everyone the plan names, each once."""
    organisations: list[OtherOrganisation] = []
    """Other organisations the plan names: the DPO's, the municipality, the insurer."""
    holders: Holders
    """Section 2: who keeps a copy of the plan."""
    communication: Communication
    """Section 3: the communication lead."""
    steps: list[Step] = Field(min_length=1)
    """Sections 4 and 13: the general step plan, from the report of the disaster to the decision."""
    sites: list[Site] = Field(min_length=1)
    """Section 5: the organisation's sites."""
    network: NetworkLocations
    """Section 5: where the WAN, the servers and the phone line are."""
    providers: list[Provider] = []
    """Section 6: service providers and ICT suppliers."""
    telephony: Telephony = Telephony()
    """Section 7: internal telephony."""
    insurance: Insurance | None = None
    """Section 8: insurance policies."""
    ict: Ict = Ict()
    """Section 9: the ICT configuration."""
    backups: list[Backup] = []
    """Section 9: the backup systems."""
    inventories: list[Inventory] = []
    """Section 10: the inventories."""
    support: Support | None = None
    """Section 11: the support contract."""
    slas: list[Sla] = []
    """Section 11: the providers' service level agreements."""
    crisis: Crisis
    """Section 12: coordinator, crisis staff and contact address."""
    fallback_sites: list[FallbackSite] = []
    """Section 12: the fallback sites."""
    scenarios: list[Scenario] = Field(min_length=1)
    """Section 13: the scenarios, such as A (fallback site, 72 h) and B (own buildings, 48 h)."""
    recovery: Recovery = Recovery()
    """Section 14: the recovery phase."""
    review: Review = Review()
    """Section 15: how often the plan is approved again (by default every 12 months)."""
    revisions: list[Revision] = []
    """Section 15: the version history."""
    access: Access | None = None
    """Who may do what in the console; without it everyone is coordinator."""

    @cached_property
    def people_by_id(self) -> dict[str, Person]:
        """Every person by id."""
        return {person.id: person for person in self.people}

    def components(self) -> list[Component]:
        """Every component with an id: the ICT configuration's."""
        return self.ict.components()

    def tasks(self) -> list[tuple[Phase, Task]]:
        """Every task in the plan with its phase: steps, each scenario's, the recovery's."""
        found: list[tuple[Phase, Task]] = [("step", step) for step in self.steps]
        for scenario in self.scenarios:
            found.extend(scenario.tasks())
        found.extend(("recovery", task) for task in self.recovery.tasks)
        return found

    def scenario(self, scenario_id: str) -> Scenario | None:
        """The scenario with this id, if any."""
        return next((s for s in self.scenarios if s.id == scenario_id), None)
