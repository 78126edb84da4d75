"""The board's status report as a PDF: one A4 page, handed round the table.

The report is built from a realistic day: the busy morning of the console
tests, then the afternoon up to the 20:00 meeting (staff reached, tasks
started and done, a second ticket, restores, notes), with the status report
the board got after its 16:30 meeting, so that "Done since" holds the
evening's work. The PDF is read back with pypdf, as a reader would see it:
the key figures must be on the first page, a drill must say so.

"Latest events" leaves out the events already listed under "Done since",
and "Done since" lists the latest twenty: so the day fits one page, and so
does the first report of the day, whose "Done since" starts at the
declaration.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from console.clock import FixedClock
from console.incident import actions
from console.incident.events import ContactResult
from console.incident.session import Session
from console.incident.state import IncidentState
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.report.render_pdf import render_pdf
from console.report.status_report import build_status_report
from tests.conftest import SHIPPED_PLAN
from tests.console.conftest import DECLARED, SequentialIds, busy

EVENING = DECLARED.replace(hour=20)
"""The board meets at 20:00; the report is made then."""
MARKING = "uiterst vertrouwelijk"

Day = tuple[Plan, IncidentState]


pytestmark = pytest.mark.usefixtures("english")


def a_day(session: Session) -> None:
    """The busy morning, then the afternoon and evening up to the 20:00 meeting."""
    busy(session)
    at = DECLARED.replace
    reached: list[tuple[str, ContactResult, int]] = [
        ("marleen-verhulst", "reached", 7),
        ("koen-claeys", "reached", 8),
        ("els-vermeulen", "reached", 10),
        ("nathalie-goossens", "no-answer", 12),
        ("jeroen-martens", "reached", 15),
        ("lien-wouters", "reached", 18),
        ("bart-desmet", "unreachable", 22),
    ]
    for person, result, minute in reached:
        actions.contact(session, person, result, at=at(hour=10, minute=minute))
    actions.set_component(session, "hv1", "down", "brandschade serverlokaal", at=at(minute=40))
    actions.set_component(session, "fw1", "degraded", "regels van gisteren", at=at(hour=11))
    actions.contact(session, "sofie-dewilde", "reached", at=at(hour=14, minute=20))
    actions.set_task(session, "meeting", "done", at=at(hour=14, minute=30))
    actions.set_task(session, "a-prio-1", "doing", at=at(hour=14, minute=35))
    actions.set_task(session, "a-tech-providers", "done", at=at(hour=14, minute=45))
    actions.open_ticket(session, "fw", "SN-88213", at=at(hour=14, minute=50))
    actions.set_task(session, "a-tech-backups", "doing", at=at(hour=15))
    actions.assign(session, "a-tech-backups", "wim-lambrecht", at=at(hour=15, minute=1))
    actions.set_task(
        session, "a-org-staff", "done", "iedereen verwittigd", at=at(hour=15, minute=10)
    )
    actions.note(session, "Onthaal verhuisd naar de bibliotheek", at=at(hour=15, minute=20))
    actions.set_task(session, "a-tech-suppliers", "done", at=at(hour=15, minute=30))
    actions.contact(session, "nathalie-goossens", "reached", at=at(hour=15, minute=40))
    actions.set_task(session, "a-prio-2", "doing", at=at(hour=16))
    actions.set_task(session, "a-tech-website", "blocked", "wacht op DNS", at=at(hour=16, minute=5))
    actions.meeting(session, "tweede vergadering", at=at(hour=16, minute=30))
    actions.issue_report(session, "status", "board", "pdf", at=at(hour=16, minute=35))
    actions.set_task(session, "a-org-insurance", "done", "dossier 2026/118", at=at(hour=17))
    point = datetime(2026, 3, 27, 21, tzinfo=UTC)
    actions.restore(session, "main", "restored", point, at=at(hour=17, minute=30))
    point = datetime(2026, 3, 28, 2, tzinfo=UTC)
    actions.restore(session, "m365-backup", "running", point, at=at(hour=17, minute=35))
    actions.note(session, "Tweede persbericht verstuurd", at=at(hour=17, minute=45))
    actions.set_task(session, "a-prio-1", "done", at=at(hour=18))
    actions.set_task(session, "a-tech-restore", "doing", at=at(hour=18, minute=10))
    actions.set_component(
        session, "hv2", "up", "draait in de bibliotheek", at=at(hour=18, minute=20)
    )
    actions.set_task(session, "a-org-coordination", "doing", at=at(hour=18, minute=30))
    actions.set_task(session, "a-prio-3", "doing", at=at(hour=19))
    actions.note(session, "Laptops voor het onthaal geleverd", at=at(hour=19, minute=15))
    actions.set_component(session, "fw1", "up", "regels teruggezet", at=at(hour=19, minute=30))


def a_drill(session: Session) -> None:
    """A drill declared in the morning, scenario A decided an hour later."""
    actions.declare(session, "total", "Oefening", drill=True, at=DECLARED)
    actions.decide(session, "A", at=DECLARED.replace(hour=11))


def record(state_dir: Path, prepare: Callable[[Session], None]) -> Day:
    """The plan and the folded state of the one incident `prepare` records, as at 20:00."""
    plan = load_plan(SHIPPED_PLAN)
    clock = FixedClock(EVENING)
    session = Session(
        plan, state_dir, clock, login="coordinator-test", host="h", id_source=SequentialIds()
    )
    session.refresh()
    prepare(session)
    [incident] = session.incidents()
    state = session.state(incident.id)
    session.close()
    return plan, state


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Day:
    return record(tmp_path_factory.mktemp("day") / "state", a_day)


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it, every run of white space as one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def test_the_day_is_realistic(day: Day) -> None:
    _plan, state = day
    assert len(state.timeline) >= 40
    assert len(state.open_tickets()) == 2


def test_the_board_report_of_a_day_fits_one_page(day: Day) -> None:
    plan, state = day
    assert len(pages_text(render_pdf(build_status_report(plan, state, EVENING)))) == 1


def test_the_first_report_of_the_day_fits_one_page_too(day: Day) -> None:
    plan, state = day
    first = build_status_report(plan, state, EVENING, since=state.declared_at)
    [page] = pages_text(render_pdf(first))
    assert "earlier events since then: see the timeline" in page


def test_without_the_repeated_latest_events_the_day_fits_one_page(day: Day) -> None:
    plan, state = day
    doc = build_status_report(plan, state, EVENING)
    assert doc.compact
    assert doc.sections[-1].title == "Latest events"
    shorter = dataclasses.replace(doc, sections=doc.sections[:-1])
    [page] = pages_text(render_pdf(shorter))
    assert "page 1 / 1" in page


def test_the_first_page_holds_the_key_figures_and_every_section(day: Day) -> None:
    plan, state = day
    doc = build_status_report(plan, state, EVENING)
    first = pages_text(render_pdf(doc))[0]
    [late] = [t for t in state.open_tickets() if t.provider == "wan"]
    for figure in (
        state.id,
        "Tuesday, 31 March 2026 at 11:00 CEST",
        "2d 14:00 left",
        "LATE 4:15",
        late.id,
    ):
        assert figure in first
    assert "wan1 WAN aansluiting" in first
    assert MARKING in first
    for _depth, section in doc.walk():
        assert section.heading in first


def test_a_drills_board_report_says_drill_on_one_page(tmp_path: Path) -> None:
    plan, state = record(tmp_path / "state", a_drill)
    [page] = pages_text(render_pdf(build_status_report(plan, state, EVENING)))
    assert "DRILL" in page
    assert state.id.startswith("DRILL-") and state.id in page
    assert MARKING in page and "page 1 / 1" in page
