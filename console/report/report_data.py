"""The status report as data, for `drp report --format json`: a stable, documented contract.

For the board it is `drp status --json` (the same keys, meaning the same) with
what the report adds: `report`, `done_since`, `in_progress`, `needs`,
`priorities` and `latest`. For the public it holds only what the public
report says: the organisation's own contact, the incident's clocks, the
services and where they continue; no person, no note. Every time is ISO 8601
with the offset of the plan's time zone; keys are only ever added.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from console.incident import timefmt
from console.incident.events import Audience, Event
from console.incident.state import IncidentState, TaskState
from console.incident.words import describe
from console.plan.model import Plan
from console.report.public_report import PublicReport
from console.report.status import status_data
from console.report.status_report import BoardReport, report_since


def _event(event: Event, plan: Plan, zone: ZoneInfo) -> dict[str, Any]:
    what, detail = describe(event, plan)
    return {
        "id": event.id,
        "at": timefmt.iso(event.at, zone),
        "actor": event.actor,
        "kind": event.kind,
        "what": what,
        "detail": detail,
    }


def _task(task: TaskState, now: datetime, zone: ZoneInfo) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "phase": task.phase,
        "status": task.status,
        "owner": task.owner,
        "assignee": task.assignee,
        "due_at": timefmt.iso(task.due_at, zone),
        "overdue": task.overdue(now),
    }


def status_report_data(
    plan: Plan,
    state: IncidentState,
    now: datetime,
    audience: Audience = "board",
    since: datetime | None = None,
) -> dict[str, Any]:
    """The status report of `state` at `now` for `audience`, as plain data for `json.dumps`."""
    zone = ZoneInfo(plan.organisation.timezone)
    start = report_since(state, audience, since)
    report = BoardReport(plan, state, now, start)
    meta = {
        "kind": "status",
        "audience": audience,
        "generated_at": timefmt.iso(now, zone),
        "since": timefmt.iso(start, zone) if audience == "board" else None,
        "drill": state.drill,
    }
    if audience == "public":
        return {"report": meta, **_public(PublicReport(plan, state, now), zone)}
    done = [e for e in state.timeline if e.at > start]
    return {
        "report": meta,
        **status_data(plan, state, now),
        "done_since": [_event(e, plan, zone) for e in done],
        "in_progress": [_task(t, now, zone) for t in state.tasks if t.status == "doing"],
        "needs": {
            "overdue": [t.id for t in state.tasks if t.overdue(now)],
            "blocked": [t.id for t in state.tasks if t.status == "blocked"],
            "decisions": (
                ["scenario"]
                if state.scenario is None
                else ["recovery"]
                if state.recovery_started_at is None
                else []
            ),
            "tickets_past_sla": [t.id for t in state.open_tickets() if t.overdue(now)],
        },
        "priorities": [
            {"order": number, **_task(task, now, zone)}
            for number, task in enumerate(report.priorities(), 1)
        ],
        "latest": [_event(e, plan, zone) for e in reversed(state.timeline[-10:])],
    }


def _public(report: PublicReport, zone: ZoneInfo) -> dict[str, Any]:
    """What the public report says, as data: nothing about a person."""
    plan, state = report.plan, report.state
    organisation = plan.organisation
    scenario = plan.scenario(state.scenario) if state.scenario else None
    return {
        "organisation": {
            "name": organisation.name,
            "phone": organisation.phone,
            "website": organisation.website,
        },
        "incident": {
            "id": state.id,
            "drill": state.drill,
            "declared_at": timefmt.iso(state.declared_at, zone),
            "kind": state.extent,
            "scenario": state.scenario,
            "target_at": timefmt.iso(state.target_at, zone),
        },
        "services": [
            {
                "order": number,
                "title": task.title,
                "status": task.status,
                "expected_at": timefmt.iso(task.due_at, zone),
            }
            for number, task in enumerate(report.priorities(), 1)
        ],
        "fallback_sites": [
            {"name": site.name, "address": site.address} for site in report.fallback_sites()
        ],
        "from": timefmt.iso(state.decided_at, zone) if scenario is not None else None,
    }
