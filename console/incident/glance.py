"""A first look at the active incident, for the header's clocks before the plan is checked.

Loading pydantic and the schemas takes longer than the rest of the console's
start together, and the header's clocks need only a few facts: which incident
is active, when it was declared, whether it is a drill and how fast its clock
runs, the scenario decided,
whether the recovery started, and the scenarios' targets and extra deadlines.
`first_look` finds them in the raw TOML data of the plan and of the journal
(`JournalReader.peek`) by the rules of `Session.active`, `Brief` and `fold`,
so that the console's first frame shows the time left. The checked state
replaces it a moment later; a plan that fails its check still closes the
console with its errors. A property test holds the first look equal to the
fold's state.

Anything that is not as the schema wants it is left out, never guessed: an
event with a wrong field is skipped, a plan whose scenarios are not as
expected gives no first look at all (the header then says it is opening).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from console.clock import MAX_SPEED
from console.incident.state import DeadlineState, IncidentState, after

Table = Mapping[str, object]
"""A TOML table as read: an event of the journal, or a part of the plan."""

ID_LENGTH = 26
"""The length of an event's id (a ULID), as the event schema requires."""


@dataclass(frozen=True)
class _Seen:
    """An event of the kinds the header needs, with its place in the fold's order."""

    at: datetime
    id: str
    table: Table

    @property
    def key(self) -> tuple[datetime, str]:
        """The fold's order: by `at`, then by id (`console.incident.events.sort_key`)."""
        return (self.at, self.id)


def _first(kept: _Seen | None, seen: _Seen) -> _Seen:
    return seen if kept is None or seen.key < kept.key else kept


def _last(kept: _Seen | None, seen: _Seen) -> _Seen:
    return seen if kept is None or seen.key > kept.key else kept


FIELDS: dict[str, dict[str, type]] = {
    "declared": {"summary": str, "drill": bool},
    "decided": {"scenario": str},
    "recovery": {},
    "closed": {},
}
"""What the first look reads of each kind it needs, with the type the event schema gives it
(`extent` is checked apart: one of two words); `scenario` is the one that is required."""

RULES: dict[str, Callable[[_Seen | None, _Seen], _Seen]] = {
    "declared": _first,
    "decided": _last,
    "recovery": _first,
    "closed": _first,
}
"""The brief's rules for the kinds the header shows: declared, recovery and closed happen
once (the first wins), a later decision replaces an earlier one."""


class _Deadline(NamedTuple):
    id: str
    name: str
    hours: float


class _Scenario(NamedTuple):
    id: str
    target_hours: float
    deadlines: list[_Deadline]


def first_look(plan: Table, events: Iterable[Table]) -> IncidentState | None:
    """The active incident with its declaration, decision and clocks; None if none is active.

    Only the fields the header reads are filled in; tasks, contacts and the
    rest come with the checked state. None too when the plan's scenarios are
    not as the schema wants them.
    """
    scenarios = _scenarios(plan.get("scenarios", []))
    if scenarios is None:
        return None
    incidents: dict[str, dict[str, _Seen]] = {}
    for table in events:
        seen = _seen(table)
        if seen is None:
            continue
        kind, kept = str(table["kind"]), incidents.setdefault(str(table["incident"]), {})
        kept[kind] = RULES[kind](kept.get(kind), seen)
    open_ones = [
        (not _flag(kept["declared"].table, "drill"), kept["declared"].at, incident)
        for incident, kept in incidents.items()
        if "declared" in kept and "closed" not in kept
    ]
    if not open_ones:
        return None
    *_, incident = max(open_ones)  # `Session.active`: a real incident first, the latest
    return _state(incident, incidents[incident], scenarios)


def _state(incident: str, kept: dict[str, _Seen], scenarios: list[_Scenario]) -> IncidentState:
    declared, decision, recovery = kept["declared"], kept.get("decided"), kept.get("recovery")
    scenario = str(decision.table["scenario"]) if decision else None
    chosen = next((s for s in scenarios if s.id == scenario), None) if scenario else None
    start = declared.at
    return IncidentState(
        id=incident,
        declared_at=start,
        declared_by=str(declared.table["actor"]),
        drill=_flag(declared.table, "drill"),
        speed=_speed(declared.table),
        extent="partial" if declared.table.get("extent") == "partial" else "total",
        summary=str(declared.table.get("summary", "")),
        scenario=scenario,
        decided_at=decision.at if decision else None,
        recovery_started_at=recovery.at if recovery else None,
        targets={s.id: after(start, s.target_hours) for s in scenarios},
        deadlines=[
            DeadlineState(d.id, d.name, after(start, d.hours))
            for d in (chosen.deadlines if chosen else [])
        ],
    )


def _seen(table: Table) -> _Seen | None:
    """The event with its instant in UTC, as the schema keeps it; None if it is not valid.

    Checks what every event has and what the first look reads of its kind.
    """
    kind, at, event_id = table.get("kind"), table.get("at"), table.get("id")
    if not isinstance(event_id, str) or len(event_id) != ID_LENGTH or kind not in FIELDS:
        return None
    if not isinstance(at, datetime) or not _aware(at) or not _aware(table.get("recorded_at")):
        return None
    if not all(isinstance(table.get(key), str) for key in ("incident", "actor", "host")):
        return None
    fields = FIELDS[str(kind)]
    if not table["incident"] or ("scenario" in fields and "scenario" not in table):
        return None
    if any(key in table and not isinstance(table[key], wanted) for key, wanted in fields.items()):
        return None
    if table.get("extent", "total") not in ("total", "partial"):
        return None
    if kind == "declared" and not _valid_speed(table):
        return None
    return _Seen(at.astimezone(UTC), event_id, table)


def _valid_speed(table: Table) -> bool:
    """A declaration's speed as the schema wants it: a whole number, above 1 only for a drill."""
    speed = table.get("speed", 1)
    if isinstance(speed, bool) or not isinstance(speed, int) or not 1 <= speed <= MAX_SPEED:
        return False
    return speed == 1 or _flag(table, "drill")


def _speed(table: Table) -> int:
    speed = table.get("speed", 1)
    return speed if isinstance(speed, int) else 1


def _aware(value: object) -> bool:
    """An aware date and time, as the schema's `Instant` wants it."""
    return isinstance(value, datetime) and value.utcoffset() is not None


def _scenarios(raw: object) -> list[_Scenario] | None:
    """The plan's scenarios with their targets and deadlines, or None if any is not valid."""
    if not isinstance(raw, list):
        return None
    found = []
    for scenario in raw:
        if not isinstance(scenario, Mapping):
            return None
        scenario_id, hours = _text(scenario.get("id")), _hours(scenario.get("target_hours"))
        deadlines = scenario.get("deadlines", [])
        if scenario_id is None or hours is None or hours <= 0 or not isinstance(deadlines, list):
            return None
        found.append(_Scenario(scenario_id, hours, []))
        for deadline in deadlines:
            if not isinstance(deadline, Mapping):
                return None
            parts = (deadline.get(key) for key in ("id", "name"))
            deadline_id, name = (_text(part) for part in parts)
            due = _hours(deadline.get("hours"))
            if deadline_id is None or name is None or due is None:
                return None
            found[-1].deadlines.append(_Deadline(deadline_id, name, due))
    return found


def _text(value: object) -> str | None:
    """A non-empty string, stripped as the plan's schema strips it."""
    return value.strip() or None if isinstance(value, str) else None


def _hours(value: object) -> float | None:
    """A number of hours from 0 to a year, as the plan's schema allows."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value <= 24 * 365 else None


def _flag(table: Table, key: str) -> bool:
    return table.get(key) is True
