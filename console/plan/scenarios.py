"""What to do: the step plan, the scenarios, the recovery phase, the revisions and their review.

Seed sections 4 and 13 to 15. A scenario is one way to continue the services
(A: at the fallback site within 72 h, B: in the own buildings within 48 h, and
any others a plan adds, such as a cyber attack); nothing assumes there are two.
Every task, in the step plan or in a scenario, has an id unique in the plan.
A step may name the event of the journal that completes it (`done_by`), so
that recording the meeting ticks off the meeting step.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from console.plan.fields import Hours, Id, Ref, Section, Text

Phase = Literal["step", "priority", "technical", "organisational", "recovery"]

DoneBy = Literal["declared", "meeting", "assessment", "decided", "recovery"]
"""The kinds of journal event that can complete a step: each is an event's `kind`."""
DONE_BY: tuple[DoneBy, ...] = ("declared", "meeting", "assessment", "decided", "recovery")


class Task(Section):
    """Something a role must get done, with an optional due offset."""

    id: Id
    """Stable id, unique across the whole plan."""
    title: Text
    """What to do, in a line."""
    owner: Ref
    """The `[[roles]]` id responsible for it."""
    due_hours: Hours | None = None
    """Hours after the declaration by which it is due, if it has a due time."""
    description: str = ""
    """More detail: who to call, what to bring."""


class Step(Task):
    """A step of the general step plan, which an event of the journal may complete."""

    done_by: DoneBy | None = None
    """The event that marks the step done, at its time and by its author: "declared" (the
    declaration), "meeting" (a meeting of the crisis staff), "assessment" (an assessment of
    the damage), "decided" (the decision of the scenario) or "recovery" (the start of the
    recovery phase). A status set by hand after that event wins."""


class Deadline(Section):
    """A deadline counted from the declaration, such as the GDPR breach notification."""

    id: Id
    """Stable id, unique within the scenario."""
    name: Text
    """What is due, such as "Melding datalek aan de GBA"."""
    hours: Hours
    """Hours after the declaration by which it is due."""
    description: str = ""
    """What must be done and for whom."""


class Scenario(Section):
    """Seed section 13: one way to continue the services, with its target and task lists."""

    id: Id
    """Stable id, such as "A", "B" or "C"."""
    title: Text
    """What the scenario is, such as "Voortzetting van diensten in de uitwijklocatie"."""
    description: str = ""
    """When it applies and what it aims at."""
    target_hours: float = Field(gt=0, le=24 * 365)
    """Hours after the declaration by which the basic services must run again."""
    needs_fallback_site: bool = False
    """Whether the services move to a fallback site."""
    fallback_sites: list[Ref] = []
    """The `[[fallback_sites]]` ids it uses, in order of preference."""
    priorities: list[Task] = []
    """The basic services to restart, in order (the priority list)."""
    technical: list[Task] = []
    """The technical task list."""
    organisational: list[Task] = []
    """The organisational task list."""
    deadlines: list[Deadline] = []
    """Extra deadlines counted from the declaration, such as the GDPR 72 h notification."""

    def tasks(self) -> list[tuple[Phase, Task]]:
        """The scenario's tasks in order: priority services, technical, organisational."""
        return [
            *(("priority", task) for task in self.priorities),
            *(("technical", task) for task in self.technical),
            *(("organisational", task) for task in self.organisational),
        ]


class Recovery(Section):
    """Seed section 14: the recovery phase, which ends the disaster."""

    description: str = ""
    """How the return to normal is prepared and carried out."""
    tasks: list[Task] = []
    """Tasks of the recovery phase, if the plan names any."""


class Review(Section):
    """Seed section 15: how often the plan is reviewed and approved again."""

    months: int = Field(default=12, ge=1, le=60, strict=True)
    """Approve the plan again at least every this many months, 1 to 60: `drp check` and the
    console warn once the last approval is older."""


class Revision(Section):
    """Seed section 15: one version of the plan and its approval."""

    label: Text
    """Which version, such as "Basisdocument" or "2e herziening"."""
    date: dt.date
    """When the revision was made."""
    summary: str = ""
    """What changed, in a sentence."""
    changes: list[Text] = []
    """What changed, point by point."""
    approved_by: str = ""
    """The body that approved it, such as "OCMW-raad"."""
    approved_on: dt.date | None = None
    """When it was approved; leave it out until it is."""
