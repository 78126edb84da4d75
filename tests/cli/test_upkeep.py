"""Plan upkeep on the command line: the review interval, the yearly drill, `drp revisions`.

The plan says how often it is approved again (`[review] months`, 12 unless it
says otherwise); `drp check` finds an approval older than that, and, reading
the journal of the state directory, a plan with no drill in the last 12
months. `drp revisions` lists the version history with the approvals. Each
case runs on a private copy of the shipped plan and of the second plan (a
French-speaking CPAS whose council reviews every 24 months), with the
approval dates and the interval rewritten, and with `--now`, so nothing
depends on today's date or on the shipped plan's ids or dates. The drills
are declared by real `drp declare` processes, backdated with `--at`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from console.incident import timefmt
from console.plan.loader import load_plan
from console.plan.upkeep import shift_months
from tests.conftest import MINIMAL_PLAN, ROOT, SHIPPED_PLAN, Result, run_drp_process

CPAS_PLAN = ROOT / "tests" / "fixtures" / "cpas.toml"
PLANS = [SHIPPED_PLAN, CPAS_PLAN, MINIMAL_PLAN]
ENGLISH = {"DRP_LANG": "en"}
"""drp's own words are asserted in English, whatever language a plan asks for."""

APPROVED = date(2025, 3, 10)
"""The day every revision of a test plan is approved: the last approval."""


def with_review(text: str, approved: date, months: int | None) -> str:
    """`text` with every approval on `approved` and the review every `months` (None: left out)."""
    text = re.sub(r"(?m)^approved_on = .*$", f"approved_on = {approved.isoformat()}", text)
    text = re.sub(r"(?m)^\[review\]\n(?:[^\[\n].*\n|\n)*", "", text)
    if months is not None:
        text = text.replace("[[revisions]]", f"[review]\nmonths = {months}\n\n[[revisions]]", 1)
    return text


def line_of(text: str, needle: str, *, last: bool = False) -> int:
    """The 1-based line of the first (or last) occurrence of `needle` in `text`."""
    index = text.rindex(needle) if last else text.index(needle)
    return text[:index].count("\n") + 1


def drp(*args: str) -> Result:
    return run_drp_process(*args, env=ENGLISH)


def check(plan: Path, now: date | str, *extra: str) -> tuple[Result, dict[str, object]]:
    """`drp check --json` at noon on `now` (or at the ISO time given)."""
    moment = f"{now.isoformat()}T12:00" if isinstance(now, date) else now
    result = drp("check", "--plan", str(plan), "--now", moment, "--json", *extra)
    return result, json.loads(result.out)


def findings(data: dict[str, object], kind: str) -> list[dict[str, object]]:
    found = data["findings"]
    assert isinstance(found, list)
    return [f for f in found if f["check"] == kind]


# --- the review interval ------------------------------------------------------


@pytest.mark.parametrize("source", PLANS, ids=lambda p: p.stem)
def test_an_approval_thirteen_months_old_is_due_for_review(
    source: Path, private_copy: Callable[..., Path]
) -> None:
    text = with_review(source.read_text("utf-8"), APPROVED, None)
    plan = private_copy(text)
    result, data = check(plan, shift_months(APPROVED, 13))
    [finding] = findings(data, "revision")
    assert finding["message"] == (
        "the last approval, on 2025-03-10, is more than 12 months old: review the plan"
    )
    assert finding["line"] == line_of(text, "approved_on =", last=True)
    assert result.status == data["exit"] == 1
    moment = f"{shift_months(APPROVED, 13).isoformat()}T12:00"
    text_result = drp("check", "--plan", str(plan), "--now", moment)
    assert f"{plan}:{finding['line']}:1: revisions[" in text_result.out
    assert "approval of the plan: 1" in text_result.out


@pytest.mark.parametrize("source", PLANS, ids=lambda p: p.stem)
def test_an_approval_eleven_months_old_is_not(
    source: Path, private_copy: Callable[..., Path]
) -> None:
    plan = private_copy(with_review(source.read_text("utf-8"), APPROVED, 12))
    result, data = check(plan, shift_months(APPROVED, 11))
    assert findings(data, "revision") == []
    assert result.status == data["exit"]


@pytest.mark.parametrize("source", PLANS, ids=lambda p: p.stem)
def test_a_plan_reviewed_every_24_months_is_not_due_after_13(
    source: Path, private_copy: Callable[..., Path]
) -> None:
    plan = private_copy(with_review(source.read_text("utf-8"), APPROVED, 24))
    assert findings(check(plan, shift_months(APPROVED, 13))[1], "revision") == []
    [late] = findings(check(plan, shift_months(APPROVED, 25))[1], "revision")
    assert late["message"] == (
        "the last approval, on 2025-03-10, is more than 24 months old: review the plan"
    )


def test_the_interval_counts_calendar_days_in_the_plans_time_zone(
    private_copy: Callable[..., Path],
) -> None:
    plan = private_copy(with_review(MINIMAL_PLAN.read_text("utf-8"), APPROVED, 6))
    # Six months to the day is not over, until midnight in Brussels: then it is,
    # although it is still the 10th in UTC.
    assert findings(check(plan, "2025-09-10T23:30+02:00")[1], "revision") == []
    assert findings(check(plan, "2025-09-11T00:30+02:00")[1], "revision") != []


@pytest.mark.parametrize("value", ["0", "-12", "61", '"twelve"', "1.5", "true"])
@pytest.mark.parametrize("source", PLANS, ids=lambda p: p.stem)
def test_an_invalid_interval_is_refused_with_its_line(
    source: Path, value: str, private_copy: Callable[..., Path]
) -> None:
    text = with_review(source.read_text("utf-8"), APPROVED, 12).replace(
        "months = 12\n", f"months = {value}\n", 1
    )
    plan = private_copy(text)
    result = drp("check", "--plan", str(plan))
    line = line_of(text, f"months = {value}")
    assert result.status == 2
    [problem, summary] = result.err.splitlines()
    assert problem.startswith(f"{plan}:{line}:1: review.months: must be ")
    assert summary == f"{plan}: invalid, 1 problem"
    shown = value.replace('"', "'")  # as the plan has it; text in quotes
    assert problem.endswith(f", not {shown}")
    assert result.out == ""
    data = json.loads(drp("check", "--plan", str(plan), "--json").out)
    assert [(e["line"], e["field"]) for e in data["errors"]] == [(line, "review.months")]


def test_the_shipped_plan_the_template_and_the_second_plan_say_their_interval() -> None:
    template = ROOT / "console" / "plan" / "templates" / "plan.toml"
    assert load_plan(SHIPPED_PLAN).review.months == 12
    assert load_plan(CPAS_PLAN).review.months == 24
    assert "[review]\nmonths = 12" in template.read_text("utf-8")
    assert load_plan(MINIMAL_PLAN).review.months == 12  # left out: the default


# --- the yearly drill ---------------------------------------------------------

CHECKED = "2024-06-15T12:00"
"""When the drill check is run: well before any real date these tests run on."""
RECENT_APPROVAL = date(2024, 1, 10)


@pytest.fixture(params=[SHIPPED_PLAN, CPAS_PLAN], ids=lambda p: p.stem)
def upkept_plan(request: pytest.FixtureRequest, private_copy: Callable[..., Path]) -> Path:
    """A private copy of a plan approved five months before `CHECKED`."""
    source: Path = request.param
    return private_copy(with_review(source.read_text("utf-8"), RECENT_APPROVAL, None))


def declare(plan: Path, at: str, *, drill: bool) -> None:
    result = drp("declare", "--plan", str(plan), "--at", at, *(["--drill"] if drill else []))
    assert result.status == 0, result.err


def test_a_drill_two_months_ago_is_enough(upkept_plan: Path) -> None:
    declare(upkept_plan, "2024-04-15T10:00", drill=True)
    result, data = check(upkept_plan, CHECKED)
    assert findings(data, "drill") == []
    assert data["state"] == str(upkept_plan.parent / "drp-state")
    assert result.status == 0, data["findings"]


def test_no_drill_in_the_journal_is_a_finding(upkept_plan: Path) -> None:
    declare(upkept_plan, "2024-04-15T10:00", drill=False)  # a real incident is no drill
    result, data = check(upkept_plan, CHECKED)
    [finding] = findings(data, "drill")
    assert finding["message"] == (
        "no drill of this plan in the journal yet: rehearse it with `drp drill`"
    )
    assert (finding["line"], finding["field"]) == (None, "")
    assert result.status == 1
    text = drp("check", "--plan", str(upkept_plan), "--now", CHECKED)
    assert f"{upkept_plan}: no drill of this plan in the journal yet" in text.out
    assert "drills: 1" in text.out.splitlines()[-1]


def test_a_drill_thirteen_months_ago_is_too_old(upkept_plan: Path) -> None:
    declare(upkept_plan, "2023-05-10T10:00", drill=True)
    result, data = check(upkept_plan, CHECKED)
    [finding] = findings(data, "drill")
    assert finding["message"] == (
        "no drill of this plan in the journal for 12 months (the last on 2023-05-10): "
        "rehearse it with `drp drill`"
    )
    assert result.status == 1


def test_a_drill_after_now_does_not_count(upkept_plan: Path) -> None:
    declare(upkept_plan, "2024-04-15T10:00", drill=True)
    _result, data = check(upkept_plan, "2024-03-01T12:00")
    assert [f["message"] for f in findings(data, "drill")] == [
        "no drill of this plan in the journal yet: rehearse it with `drp drill`"
    ]


def test_an_empty_state_directory_has_had_no_drill(upkept_plan: Path, tmp_path: Path) -> None:
    state = tmp_path / "shared-state"
    state.mkdir()
    _result, data = check(upkept_plan, CHECKED, "--state", str(state))
    assert data["state"] == str(state)
    assert len(findings(data, "drill")) == 1


def test_without_a_state_directory_the_drill_check_is_left_out(upkept_plan: Path) -> None:
    result, data = check(upkept_plan, CHECKED)
    assert data["state"] is None
    assert findings(data, "drill") == []
    assert result.status == 0
    assert not (upkept_plan.parent / "drp-state").exists()  # checking creates nothing


# --- drp revisions --------------------------------------------------------------


@pytest.fixture(params=[SHIPPED_PLAN, CPAS_PLAN], ids=lambda p: p.stem)
def shipped_copy(request: pytest.FixtureRequest, private_copy: Callable[..., Path]) -> Path:
    """A private copy of a plan as it is shipped."""
    source: Path = request.param
    return private_copy(source)


@pytest.mark.usefixtures("english")
def test_revisions_lists_every_version_in_an_aligned_table(shipped_copy: Path) -> None:
    plan = load_plan(shipped_copy)
    last = max(r.approved_on for r in plan.revisions if r.approved_on)
    result = drp("revisions", "--plan", str(shipped_copy), "--now", last.isoformat())
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"{plan.organisation.name}: version history"
    header = next(i for i, line in enumerate(lines) if line.startswith("Version"))
    columns = [lines[header].index(name) for name in ("Date", "Approved by", "Approved on")]
    rows = [next(line for line in lines if line.startswith(r.label + " ")) for r in plan.revisions]
    for revision, row in zip(plan.revisions, rows, strict=True):
        date_column, by_column, on_column = (cell_len(lines[header][:column]) for column in columns)
        assert row[date_column:].startswith(timefmt.day(revision.date))
        assert row[by_column:].startswith(revision.approved_by)
        assert revision.approved_on is not None
        assert row[on_column:] == timefmt.day(revision.approved_on)
    flat = " ".join(result.out.split())
    for revision in plan.revisions:
        assert " ".join(revision.summary.split()) in flat
        for change in revision.changes:
            assert "- " + " ".join(change.split()) in flat
    due = shift_months(last, plan.review.months)
    assert lines[-2:] == [
        f"Review every {plan.review.months} months.",
        f"Last approved {timefmt.day(last)}, due again by {timefmt.day(due)}.",
    ]
    wrapped = [line for line in lines if line.startswith("    ")] + lines[-2:]
    assert all(cell_len(line) <= 80 for line in wrapped)


@pytest.mark.usefixtures("english")
def test_revisions_says_when_the_review_is_overdue(shipped_copy: Path) -> None:
    plan = load_plan(shipped_copy)
    last = max(r.approved_on for r in plan.revisions if r.approved_on)
    due = shift_months(last, plan.review.months)
    late = shift_months(due, 1)
    result = drp("revisions", "--plan", str(shipped_copy), "--now", late.isoformat())
    last_paragraph = " ".join(result.out.rsplit("\n\n", 1)[-1].split())  # wrapped at 80
    assert last_paragraph.endswith(
        f"Last approved {timefmt.day(last)}; overdue since {timefmt.day(due)}: review the plan."
    )
    data = json.loads(
        drp("revisions", "--plan", str(shipped_copy), "--json", "--now", late.isoformat()).out
    )
    assert data["review"]["overdue"] is True


def test_revisions_json_holds_the_history_as_the_plan_has_it(shipped_copy: Path) -> None:
    plan = load_plan(shipped_copy)
    last = max(r.approved_on for r in plan.revisions if r.approved_on)
    result = drp("revisions", "--plan", str(shipped_copy), "--json", "--now", last.isoformat())
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["plan"] == str(shipped_copy)
    assert data["review"] == {
        "months": plan.review.months,
        "last_approved_on": last.isoformat(),
        "due_on": shift_months(last, plan.review.months).isoformat(),
        "overdue": False,
    }
    assert data["revisions"] == [
        {
            "label": r.label,
            "date": r.date.isoformat(),
            "summary": r.summary,
            "changes": list(r.changes),
            "approved_by": r.approved_by,
            "approved_on": r.approved_on.isoformat() if r.approved_on else None,
        }
        for r in plan.revisions
    ]


def test_revisions_not_approved_yet_and_text_that_would_act_on_a_terminal(
    private_copy: Callable[..., Path],
) -> None:
    text = MINIMAL_PLAN.read_text("utf-8") + (
        '\n[[revisions]]\nlabel = "Ontwerp\\u001b[2J"\ndate = 2026-05-01\n'
        'summary = "Nog niet\\u0007 goedgekeurd"\n'
    )
    plan = private_copy(text)
    result = drp("revisions", "--plan", str(plan), "--now", "2026-06-01")
    assert result.status == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
    [row] = [line for line in result.out.splitlines() if line.startswith("Ontwerp")]
    assert row.startswith("Ontwerp␛[2J")
    assert re.search(r"  —  +not yet$", row)
    assert "Nog niet␇ goedgekeurd" in result.out
    data = json.loads(drp("revisions", "--plan", str(plan), "--json").out)
    assert data["revisions"][-1]["label"] == "Ontwerp\x1b[2J"  # JSON keeps it exactly
    assert data["revisions"][-1]["approved_on"] is None


def test_revisions_of_a_plan_with_none(private_copy: Callable[..., Path]) -> None:
    text = MINIMAL_PLAN.read_text("utf-8")
    plan = private_copy(text[: text.index("[[revisions]]")])
    result = drp("revisions", "--plan", str(plan))
    assert result.status == 0, result.err
    assert "The plan lists no revision yet." in result.out
    assert result.out.splitlines()[-2:] == [
        "Review every 12 months.",
        "No revision is approved yet.",
    ]
    data = json.loads(drp("revisions", "--plan", str(plan), "--json").out)
    assert data["revisions"] == []
    assert data["review"] == {
        "months": 12,
        "last_approved_on": None,
        "due_on": None,
        "overdue": True,
    }


def test_revisions_of_an_invalid_plan_is_one_line_per_problem(
    private_copy: Callable[..., Path],
) -> None:
    text = with_review(MINIMAL_PLAN.read_text("utf-8"), APPROVED, 0)
    plan = private_copy(text)
    result = drp("revisions", "--plan", str(plan))
    assert result.status == 2
    assert f"{plan}:{line_of(text, 'months = 0')}:1: review.months:" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
