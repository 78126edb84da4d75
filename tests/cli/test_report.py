"""`drp report` and `drp incidents`, end to end on a real journal.

The status report is checked against golden files (a fixed journal on a
fixed clock, for both audiences; `pytest --snapshot-update` refreshes them
after a deliberate change), and by what matters to its readers: a drill says
so in every format, the public text names no person and no personal phone,
exporting records what the board was told so that the next report starts
from there, and files are private and never clobbered.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from console.clock import FixedClock
from console.commands.report import FORMATS as REPORT_FORMATS
from console.incident import actions
from console.incident.access import current_login
from console.incident.events import ReportIssued
from console.incident.session import Session
from console.plan.loader import load_plan
from console.report.reports import report_formats
from console.store.journal import JournalReader
from tests.conftest import SHIPPED_PLAN, Result
from tests.console.conftest import NOW, SequentialIds, busy

Run = Callable[..., Result]
AT = NOW.astimezone(UTC).isoformat()
FORMATS = ("md", "html", "txt", "pdf", "json")


class TextFile(SingleFileSnapshotExtension):
    """A golden file per report, stored as the text it is."""

    _write_mode = WriteMode.TEXT
    _file_extension = "txt"


@pytest.fixture
def golden(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(TextFile)


def record(
    state: Path, prepare: Callable[[Session], None], drill: bool = False, now: datetime = NOW
) -> None:
    """A journal written by the tests' coordinator at `now`, with predictable ids."""
    plan = load_plan(SHIPPED_PLAN)
    session = Session(
        plan, state, FixedClock(now), login="coordinator-test", host="h", id_source=SequentialIds()
    )
    session.refresh()
    if drill:
        actions.declare(session, "total", "Oefening", drill=True, at=NOW.replace(hour=10))
        actions.decide(session, "A", at=NOW.replace(hour=11))
    else:
        prepare(session)
    session.close()


@pytest.fixture
def run(tmp_path: Path, drp: Run) -> Run:
    """`drp` on the shipped plan and a state directory of its own."""

    def call(*args: str) -> Result:
        return drp(*args, "--plan", str(SHIPPED_PLAN), "--state", str(tmp_path / "state"))

    return call


def closed_day(session: Session) -> None:
    """The busy morning, then the rest of the disaster until it is closed two days later."""
    busy(session)
    day = NOW.replace

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return (NOW + timedelta(days=days)).replace(hour=hour, minute=minute)

    actions.contact(session, "sofie-dewilde", "reached", at=day(hour=14, minute=20))
    actions.set_task(session, "meeting", "done", at=day(hour=15, minute=30))
    actions.close_ticket(session, "wan-000B", "kabel hersteld", at=day(hour=16))
    actions.restore(session, "main", "verified", at=day(hour=17))
    for number, (days, hour) in enumerate([(0, 20), (1, 9), (1, 10), (1, 11), (1, 12)], 1):
        actions.set_task(session, f"a-prio-{number}", "done", at=at(days, hour))
    actions.start_recovery(session, "terug naar het administratief centrum", at=at(2, 9))
    actions.close(session, "voorbij", at=at(2, 18))


LATER = NOW + timedelta(days=3)
AFTER = LATER.astimezone(UTC).isoformat()


def report_text(run: Run, folder: Path, fmt: str, *args: str) -> str:
    """What a report says, in any format: a PDF goes to a file and its text is read back."""
    if fmt != "pdf":
        result = run("report", "--format", fmt, *args)
        assert result.status == 0, result.err
        return result.out
    target = folder / "report.pdf"
    result = run("report", "--format", "pdf", "-o", str(target), "--force", *args)
    assert result.status == 0, result.err
    return "\n".join(page.extract_text() for page in PdfReader(target).pages)


@pytest.fixture
def busy_state(tmp_path: Path) -> Path:
    record(tmp_path / "state", busy)
    return tmp_path / "state"


def reports_in(state: Path) -> list[ReportIssued]:
    return [e for e in JournalReader(state).poll().events if isinstance(e, ReportIssued)]


@pytest.mark.parametrize("audience", ["board", "public"])
@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_the_status_report_matches_its_golden_file(
    busy_state: Path, run: Run, golden: SnapshotAssertion, audience: str, fmt: str
) -> None:
    result = run("report", "--audience", audience, "--format", fmt, "--now", AT)
    assert result.status == 0, result.err
    assert result.out == golden


def test_the_board_report_holds_conditions_actions_and_needs(busy_state: Path, run: Run) -> None:
    out = run("report", "--now", AT).out
    order = [
        "Clocks and progress",
        "Conditions",
        "Components down or degraded",
        "Open provider tickets",
        "Restores in progress",
        "Crisis staff not yet reached",
        "Actions",
        "In progress",
        "Needs",
        "Priority services",
        "Latest events",
    ]
    positions = [out.index(f" {heading}\n") for heading in order]
    assert positions == sorted(positions)
    assert "wan1 WAN aansluiting" in out and "INC-4471" in out
    assert "| main | running | Friday, 27 March 2026 at 22:00 CET |" in out
    assert "Sofie De Wilde: no answer" in out
    assert "Decision open: the recovery phase has not started." in out
    assert "`[#...................]` Time to the target: 4:00 used of 3d 00:00" in out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", ["board", "public"])
def test_a_drill_says_so_in_every_format(tmp_path: Path, run: Run, fmt: str, audience: str) -> None:
    record(tmp_path / "state", busy, drill=True)
    out = report_text(run, tmp_path, fmt, "--audience", audience, "--now", AT)
    if fmt == "json":
        assert json.loads(out)["report"]["drill"] is True
    else:
        assert "DRILL" in out


def personal_data() -> list[str]:
    """Every person's name and phone number in the plan, the digits of the numbers too."""
    plan = load_plan(SHIPPED_PLAN)
    found = []
    for person in plan.people:
        found.append(person.name)
        if person.phone:
            found.append(person.phone)
            found.append(re.sub(r"\D", "", person.phone))
    return found


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_public_report_names_no_person_and_no_personal_phone(
    busy_state: Path, run: Run, fmt: str, tmp_path: Path
) -> None:
    out = report_text(run, tmp_path, fmt, "--audience", "public", "--now", AT)
    digits = re.sub(r"\D", "", out)
    leaked = [
        value
        for value in personal_data()
        if value in out or (value.isdigit() and len(value) >= 8 and value in digits)
    ]
    assert leaked == []
    for private in ("INC-4471", "kabel", "Persbericht", "coordinator-test", "uitwijk naar"):
        assert private not in out
    assert "+32 9 300 10 00" in out  # the organisation's own number
    assert "Schoolstraat 3" in out  # the fallback site's address


def test_exporting_records_what_was_told_and_the_next_report_starts_there(
    busy_state: Path, run: Run
) -> None:
    first = run("report")
    assert first.status == 0, first.err
    [issued] = reports_in(busy_state)
    assert (issued.report, issued.audience, issued.format) == ("status", "board", "md")
    second = json.loads(run("report", "--format", "json").out)
    assert datetime.fromisoformat(second["report"]["since"]) == issued.at
    assert second["done_since"] == []  # nothing happened since the first report
    since = json.loads(run("report", "--format", "json", "--since", "2026-03-28T13:00").out)
    assert [e["what"] for e in since["done_since"]][:1] == ["note"]


@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_the_after_action_report_matches_its_golden_file(
    tmp_path: Path, run: Run, golden: SnapshotAssertion, fmt: str
) -> None:
    record(tmp_path / "state", closed_day, now=LATER)
    result = run("report", "--kind", "after-action", "--format", fmt, "--now", AFTER)
    assert result.status == 0, result.err
    assert result.out == golden


def test_the_after_action_report_says_what_was_met_and_missed(tmp_path: Path, run: Run) -> None:
    record(tmp_path / "state", closed_day, now=LATER)
    data = json.loads(run("report", "--kind", "after-action", "--format", "json").out)
    assert data["target"]["met"] is True
    assert (
        data["target"]["margin_seconds"] == -47 * 3600
    )  # back on the 29th at 12:00, due the 31st at 11:00
    tasks = {task["id"]: task for task in data["tasks"]}
    # done by the declaration at 10:00 (and ticked off again at 10:10), due at 11:00
    assert tasks["reported"]["late_seconds"] == -60 * 60
    # done by the meeting at 11:30 (and ticked off again at 15:30), due at 14:00
    assert tasks["meeting"]["late_seconds"] == -150 * 60
    assert tasks["meeting"]["done_by"] == "coordinator-test"
    assert tasks["decision"]["done_at"] == "2026-03-28T12:00:00+01:00"  # by the decision
    assert tasks["evaluation"]["done_at"] is None  # no assessment was recorded
    assert data["tasks"][0]["late_seconds"] > 0  # the late ones first
    calls = {call["id"]: call for call in data["call_tree"]}
    assert calls["pieter-vandenbroeck"]["after_seconds"] == 5 * 60
    assert calls["sofie-dewilde"]["after_seconds"] == 4 * 3600 + 20 * 60
    assert calls["marleen-verhulst"]["reached_at"] is None
    [ticket] = data["tickets"]
    assert ticket["met"] is False  # due 15:45, closed 16:00
    [restore] = data["restores"]
    assert restore["data_lost_seconds"] == 12 * 3600  # point 22:00 the evening before
    out = run("report", "--kind", "after-action").out
    assert "Target Tuesday, 31 March 2026 at 11:00 CEST: met." in out
    assert "missed by 0:15" in out


def test_a_drill_gets_an_exercise_report(tmp_path: Path, run: Run) -> None:
    record(tmp_path / "state", busy, drill=True)
    out = run("report", "--kind", "after-action", "--now", AT).out
    assert "Exercise report DRILL-" in out
    assert "provisional: the incident is still open" in out
    assert "(T+1:00)" in out  # each due time as its offset from the declaration


def test_the_after_action_report_is_for_the_board(busy_state: Path, run: Run) -> None:
    result = run("report", "--kind", "after-action", "--audience", "public")
    assert result.status == 2
    assert "for the board" in result.err


def test_a_reproduced_report_records_nothing(busy_state: Path, run: Run) -> None:
    assert run("report", "--now", AT).status == 0
    assert reports_in(busy_state) == []


def test_a_viewer_exports_and_records_nothing(tmp_path: Path, drp: Run) -> None:
    plan = tmp_path / "plan.toml"
    viewer = current_login()
    text = SHIPPED_PLAN.read_text("utf-8")
    plan.write_text(
        text + f'\n[access]\ncoordinators = ["coordinator-test"]\nviewers = ["{viewer}"]\n',
        "utf-8",
    )
    record(tmp_path / "state", busy)
    result = drp("report", "--plan", str(plan), "--state", str(tmp_path / "state"))
    assert result.status == 0, result.err
    assert "Status report" in result.out
    assert reports_in(tmp_path / "state") == []


def test_files_are_private_and_never_clobbered(busy_state: Path, run: Run, tmp_path: Path) -> None:
    target = tmp_path / "status.json"
    assert run("report", "-o", str(target), "--now", AT).status == 0
    assert target.stat().st_mode & 0o777 == 0o600
    data: dict[str, Any] = json.loads(target.read_text("utf-8"))  # the suffix chose json
    assert data["report"]["kind"] == "status"
    again = run("report", "-o", str(target), "--now", AT)
    assert again.status == 2
    assert again.err.strip() == f"drp: {target} already exists; add --force to replace it"
    assert run("report", "-o", str(target), "--force", "--now", AT).status == 0
    missing = run("report", "-o", str(tmp_path / "no" / "such" / "r.md"), "--now", AT)
    assert missing.status == 2 and missing.err.count("\n") == 1


def test_without_an_active_incident_it_reports_on_the_last_closed(
    busy_state: Path, run: Run
) -> None:
    assert run("close", "--note", "voorbij").status == 0
    out = json.loads(run("report", "--format", "json", "--now", AT).out)
    assert out["incident"]["id"].startswith("20260328-")
    assert out["incident"]["closed_at"] is not None


def test_with_no_incident_at_all_it_says_so(run: Run) -> None:
    result = run("report")
    assert result.status == 2
    assert result.err == "drp: no incident in this state directory yet: nothing to report\n"


def test_incidents_lists_every_incident(tmp_path: Path, run: Run) -> None:
    record(tmp_path / "state", busy)
    assert run("declare", "--drill", "--summary", "oefening").status == 0
    listed = json.loads(run("incidents", "--json").out)
    assert [(i["drill"], i["scenario"], i["closed_at"]) for i in listed] == [
        (False, "A", None),
        (True, None, None),
    ]
    text = run("incidents").out.splitlines()
    assert text[0].split() == ["Incident", "Kind", "Declared", "Scenario", "Closed"]
    assert "real" in text[1] and "drill" in text[2]


def test_the_command_offers_every_format_a_report_has() -> None:
    assert tuple(REPORT_FORMATS) == report_formats()


def test_the_binder_prints_as_a_pdf(tmp_path: Path, drp: Run) -> None:
    target = tmp_path / "binder.pdf"
    result = drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(target))
    assert result.status == 0, result.err
    assert target.stat().st_mode & 0o777 == 0o600
    pages = PdfReader(target).pages
    assert len(pages) > 5
    first, last = pages[0].extract_text(), pages[-1].extract_text()
    assert "UITERST VERTROUWELIJK" in first and f"page {len(pages)} / {len(pages)}" in last


def test_a_long_day_lists_the_last_eleven_events_and_points_to_the_timeline(
    tmp_path: Path, run: Run
) -> None:
    def long_day(session: Session) -> None:
        busy(session)
        for minute in range(30):
            actions.note(session, f"update {minute}", at=NOW.replace(hour=13, minute=minute))

    record(tmp_path / "state", long_day)
    out = run("report", "--now", AT).out
    done = out.split("### Done since")[1].split("### In progress")[0]
    assert done.count("| note |") == 11
    assert "update 29" in done and "update 20 " in done and "update 19 " not in done
    assert "and 31 earlier events since then: see the timeline" in done


def test_a_report_leaves_the_cycle_collector_as_it_found_it(run: Run) -> None:
    """The command runs without it (`one_shot`); a caller that goes on, as this test, has it."""
    assert run("declare", "--summary", "brand").status == 0
    assert gc.isenabled()
    assert run("report", "--format", "txt").status == 0
    assert gc.isenabled()
