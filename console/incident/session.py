"""A session on a state directory: the plan, the journal read so far, the clock and the user.

The command line makes one per command; the console keeps one open and calls
`refresh()` when the journal files change. Both record through the functions
in `console.incident.actions`, which take a session.
"""

from __future__ import annotations

import os
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
from console.incident.tamper import file_risks, folder_risks
from console.incident.trust import Trust
from console.plan.model import Plan
from console.store.journal import JournalReader, JournalWriter, host_name
from console.store.journal_text import Damage, Origin


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
        self.trust = Trust(self._role, self.login)
        self._risks_told = False
        self._files_judged: set[Path] = set()
        self.events: dict[str, Event] = {}
        self.origins: dict[str, Origin] = {}
        """Where the copy kept of each event was read."""
        self.damage: list[Damage] = []
        """What the journal held and this session did not take: damage, ignored events."""
        self.briefs: dict[str, Brief] = {}
        self._states: dict[str, IncidentState] = {}

    @property
    def role(self) -> Role:
        """This user's role under the plan."""
        return role_of(self.plan, self.login)

    def refresh(self) -> bool:
        """Read what was appended to the journal since the last refresh; True if anything was.

        Every event is weighed first (`console.incident.trust`): one its file's
        owner or its actor's role does not vouch for is ignored and reported in
        `damage`, and of two differing copies of one event the more trusted is
        kept, whichever is read first.
        """
        result = self.reader.poll()
        self.damage.extend(result.damage)
        changed = bool(result.damage)
        for event, origin in zip(result.events, result.origins, strict=True):
            changed = self._weigh(event, origin) or changed
        if self.plan.access is not None:
            changed = self._tell_risks() or changed
        return changed

    def _tell_risks(self) -> bool:
        """Report, once each, what lets a member tamper with others' journal files."""
        risks = []
        if not self._risks_told:
            risks = folder_risks(self.state_dir, self.reader.folder, self._role)
            self._risks_told = True
        files = {p: f for p, f in self.reader.files().items() if p not in self._files_judged}
        self._files_judged.update(files)
        risks.extend(file_risks(files))
        for risk in risks:
            reason = _("{reason}; {fix}").format(reason=risk.reason, fix=risk.fix)
            self.damage.append(Damage(risk.path, 0, reason, kind="notice"))
        return bool(risks)

    def _role(self, login: str) -> Role:
        return role_of(self.plan, login)

    def remember(self, event: Event) -> None:
        """Take an event this session has just written into account."""
        if event.id not in self.events:
            path = self.writer.path or self.reader.folder
            self._take(event, Origin(path, 0, os.getuid()))

    def _weigh(self, event: Event, origin: Origin) -> bool:
        """Take `event` read at `origin` if it is believed; True if anything changed."""
        reason = self.trust.refusal(event.kind, event.actor, origin)
        if reason is not None:
            self.damage.append(Damage(origin.path, origin.line, reason, kind="ignored"))
            return True
        kept = self.events.get(event.id)
        if kept is None:
            self._take(event, origin)
            return True
        if kept == event:
            return False
        kept_at = self.origins[event.id]
        new_wins = self.trust.rank(origin, event.recorded_at) < self.trust.rank(
            kept_at, kept.recorded_at
        )
        winner_at, loser_at = (origin, kept_at) if new_wins else (kept_at, origin)
        self.damage.append(
            Damage(
                loser_at.path,
                loser_at.line,
                _(
                    "event ignored: event {id} differs from its copy at {place}, "
                    "which is kept (the more trusted file)"
                ).format(id=event.id, place=f"{winner_at.path}:{winner_at.line}"),
                kind="ignored",
            )
        )
        if new_wins:
            self._take(event, origin)
            self._rebrief({kept.incident, event.incident})
        return True

    def _take(self, event: Event, origin: Origin) -> None:
        self.events[event.id] = event
        self.origins[event.id] = origin
        self.briefs.setdefault(event.incident, Brief()).take(event)
        self._states.pop(event.incident, None)

    def _rebrief(self, incidents: set[str]) -> None:
        """Sum up these incidents again from their events (a kept copy was replaced)."""
        for incident in incidents:
            self.briefs.pop(incident, None)
            self._states.pop(incident, None)
        for event in self.events.values():
            if event.incident in incidents:
                self.briefs.setdefault(event.incident, Brief()).take(event)

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
