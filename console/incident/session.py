"""A session on a state directory: the plan, the journal read so far, the clock and the user.

The command line makes one per command; the console keeps one open and calls
`refresh()` when the journal files change. Both record through the functions
in `console.incident.actions`, which take a session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.clock import Clock, incident_clock
from console.i18n import _
from console.incident.access import Role, current_login, role_of
from console.incident.brief import Brief
from console.incident.errors import ActionError, NoActiveIncident
from console.incident.events import Event
from console.incident.fold import fold
from console.incident.ids import new_id
from console.incident.state import IncidentState
from console.plan.model import Plan
from console.store.journal import JournalReader, JournalWriter, host_name
from console.store.journal_text import Damage


@dataclass(frozen=True)
class IncidentSummary:
    """One incident found in the journal."""

    id: str
    declared_at: datetime
    drill: bool
    closed: bool


class Session:
    """The plan and the journal of one state directory, seen by one user."""

    def __init__(
        self,
        plan: Plan,
        state_dir: Path,
        clock: Clock,
        login: str | None = None,
        host: str | None = None,
        id_source: Callable[[datetime], str] = new_id,
        reader: JournalReader | None = None,
    ) -> None:
        """`reader` may be one that has peeked at the journal already (the console's first look)."""
        self.plan = plan
        self.new_id = id_source
        """Makes the id of each new event (random ULIDs; tests pass a predictable source)."""
        self.state_dir = Path(state_dir)
        self.clock = clock
        self.login = login or current_login()
        self.host = host or host_name()
        self.reader = reader or JournalReader(self.state_dir)
        self.writer = JournalWriter(self.state_dir, self.host)
        self.events: dict[str, Event] = {}
        self.damage: list[Damage] = []
        self.briefs: dict[str, Brief] = {}
        self._states: dict[str, IncidentState] = {}

    @property
    def role(self) -> Role:
        """This user's role under the plan."""
        return role_of(self.plan, self.login)

    def refresh(self) -> bool:
        """Read what was appended to the journal since the last refresh; True if anything was."""
        result = self.reader.poll()
        self.damage.extend(result.damage)
        fresh = [e for e in result.events if e.id not in self.events]
        for event in fresh:
            self._take(event)
        return bool(fresh or result.damage)

    def remember(self, event: Event) -> None:
        """Take an event this session has just written into account."""
        if event.id not in self.events:
            self._take(event)

    def _take(self, event: Event) -> None:
        self.events[event.id] = event
        self.briefs.setdefault(event.incident, Brief()).take(event)
        self._states.pop(event.incident, None)

    def incidents(self) -> list[IncidentSummary]:
        """Every incident in the journal, oldest first."""
        return sorted(
            (
                IncidentSummary(
                    b.declared.incident, b.declared.at, b.declared.drill, b.closed_at is not None
                )
                for b in self.briefs.values()
                if b.declared is not None
            ),
            key=lambda s: (s.declared_at, s.id),
        )

    def active(self, drill: bool | None = None) -> IncidentSummary | None:
        """The open incident to act on: a real one before a drill, the latest first."""
        open_ones = [i for i in self.incidents() if not i.closed]
        if drill is not None:
            open_ones = [i for i in open_ones if i.drill == drill]
        open_ones.sort(key=lambda i: (not i.drill, i.declared_at, i.id))
        return open_ones[-1] if open_ones else None

    def select(self, incident_id: str | None = None) -> IncidentSummary:
        """The incident named, or else the active one; `ActionError` if there is none."""
        if incident_id:
            for summary in self.incidents():
                if summary.id == incident_id:
                    return summary
            raise ActionError(
                _("no incident '{id}' in this state directory").format(id=incident_id)
            )
        found = self.active()
        if found is None:
            raise NoActiveIncident()
        return found

    def state(self, incident_id: str) -> IncidentState:
        """The folded state of an incident (cached until the journal changes)."""
        cached = self._states.get(incident_id)
        if cached is None:
            events = [e for e in self.events.values() if e.incident == incident_id]
            cached = self._states[incident_id] = fold(self.plan, events)
        return cached

    def now(self) -> datetime:
        """The injected clock's current instant: the real time."""
        return self.clock.now()

    def clock_of(self, incident_id: str) -> Clock:
        """The clock of an incident: a drill's own accelerated one, else the injected clock."""
        brief = self.briefs.get(incident_id)
        declared = brief.declared if brief is not None else None
        if declared is None:
            return self.clock
        return incident_clock(self.clock, declared.at, declared.drill, declared.speed)

    def now_of(self, incident_id: str) -> datetime:
        """The current instant on an incident's clock (drill time on an accelerated drill)."""
        return self.clock_of(incident_id).now()

    def close(self) -> None:
        """Release this session's journal file."""
        self.writer.close()
