"""Readiness checks: each kind of gap is found and located; the score counts fields filled."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.clock import FixedClock
from console.plan.loader import read_plan
from console.plan.readiness import PLACEHOLDER, Finding, Readiness, check_readiness
from tests.conftest import MINIMAL_PLAN, SHIPPED_PLAN, Result

MINIMAL = MINIMAL_PLAN.read_text("utf-8")


def findings_for(path: Path, clock: FixedClock) -> list[tuple[str, str, str]]:
    readiness = check_readiness(read_plan(path), clock)
    return [(f.check, f.field, f.message) for f in readiness.findings]


def test_minimal_private_plan_is_ready(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    readiness = check_readiness(read_plan(private_copy(MINIMAL)), clock)
    assert readiness.findings == []
    assert readiness.score == 100
    assert readiness.ready


@pytest.mark.parametrize(
    "text", ["<naam>", "<voornaam><naam>", "**** ** ** **", "VLAN xx", "xx / yy Mbps"]
)
def test_placeholder_pattern_matches_the_seeds_placeholders(text: str) -> None:
    assert PLACEHOLDER.search(text)


@pytest.mark.parametrize("text", ["Jan Janssens", "+32 470 12 34 56", "Xxavier", "luxx", "a < b"])
def test_placeholder_pattern_leaves_real_values(text: str) -> None:
    assert not PLACEHOLDER.search(text)


def test_placeholders_are_found_with_their_line(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    text = MINIMAL.replace('name = "Jan Janssens"', 'name = "<voornaam> <naam>"').replace(
        'phone = "+32 470 00 00 01"', 'phone = "**** ** ** **"'
    )
    document = read_plan(private_copy(text))
    readiness = check_readiness(document, clock)
    found = {(f.field, f.message) for f in readiness.findings}
    assert ("people[0].name", "placeholder '<voornaam>' still to fill in") in found
    assert ("people[0].phone", "placeholder '****' still to fill in") in found
    line = text[: text.index("**** ** ** **")].count("\n") + 1
    assert any(f.line == line for f in readiness.findings)
    assert readiness.score < 100


def test_person_without_phone(private_copy: Callable[..., Path], clock: FixedClock) -> None:
    text = MINIMAL.replace('phone = "+32 470 00 00 01"\n', "")
    assert ("phone", "people[0]", "Jan Janssens has no phone number") in findings_for(
        private_copy(text), clock
    )


def test_role_nobody_holds_and_task_owned_by_it(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    text = MINIMAL.replace(
        "[[people]]",
        '[[roles]]\nid = "ict"\ntitle = "ICT systeembeheerder"\n\n[[people]]',
        1,
    ).replace(
        'title = "Restore van de systemen"\nowner = "coordinator"',
        'title = "Restore van de systemen"\nowner = "ict"',
    )
    found = findings_for(private_copy(text), clock)
    assert ("role", "roles[1]", "nobody holds the role 'ICT systeembeheerder'") in found
    assert (
        "role",
        "scenarios[0].technical[0].owner",
        "task 'b-restore' is owned by 'ICT systeembeheerder', which nobody holds",
    ) in found


def test_scenario_without_tasks_and_without_fallback_site(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    text = MINIMAL + (
        '\n[[scenarios]]\nid = "A"\ntitle = "Uitwijklocatie"\ntarget_hours = 72\n'
        "needs_fallback_site = true\n"
    )
    found = findings_for(private_copy(text), clock)
    assert ("scenario", "scenarios[1]", "scenario 'A' has no tasks") in found
    assert (
        "scenario",
        "scenarios[1].needs_fallback_site",
        "scenario 'A' moves to a fallback site but names none",
    ) in found


@pytest.mark.parametrize(
    ("now", "stale"),
    [
        (datetime(2027, 1, 31, 22, 59, tzinfo=UTC), False),  # 2027-01-31 23:59 in Brussels
        (datetime(2027, 1, 31, 23, 0, tzinfo=UTC), False),  # 2027-02-01 00:00 in Brussels
        (datetime(2027, 2, 1, 23, 0, tzinfo=UTC), True),  # 2027-02-02 in Brussels
    ],
)
def test_approval_older_than_twelve_months_by_the_injected_clock(
    now: datetime, stale: bool, private_copy: Callable[..., Path]
) -> None:
    found = findings_for(private_copy(MINIMAL), FixedClock(now))
    expected = (
        "revision",
        "revisions[0].approved_on",
        "the last approval, on 2026-02-01, is more than 12 months old: review the plan",
    )
    assert (expected in found) is stale


def test_no_approved_revision(private_copy: Callable[..., Path], clock: FixedClock) -> None:
    text = MINIMAL.replace("approved_on = 2026-02-01\n", "")
    assert ("revision", "revisions", "no revision of the plan has been approved yet") in (
        findings_for(private_copy(text), clock)
    )


def test_world_readable_plan(private_copy: Callable[..., Path], clock: FixedClock) -> None:
    path = private_copy(MINIMAL)
    path.chmod(0o644)
    readiness = check_readiness(read_plan(path), clock)
    assert readiness.score == 100  # the score counts fields filled; permissions are a finding
    [(check, field, message)] = [(f.check, f.field, f.message) for f in readiness.findings]
    assert check == "permissions"
    assert field == ""
    assert message.startswith("the plan is readable by every user of this machine; run `chmod o-r")
    path.chmod(0o640)
    assert findings_for(path, clock) == []


def test_check_command_exit_status_and_score(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    path = private_copy(MINIMAL.replace('phone = "+32 470 00 00 01"\n', ""))
    result = drp("check", "--plan", str(path), "--now", "2026-11-29T10:00")
    assert result.status == 1
    line = MINIMAL.index("[[people]]")
    assert (
        f"{path}:{MINIMAL[:line].count(chr(10)) + 1}:1: people[0]: Jan Janssens has no phone"
        in (result.out)
    )
    assert (
        "valid, 1 finding (people without a phone: 1). Readiness 80%: 4 of 5 fields filled."
        in result.out
    )
    path.write_text(MINIMAL)
    result = drp("check", "--plan", str(path), "--now", "2026-11-29T10:00")
    assert result.status == 0
    assert "valid and ready. Readiness 100%: 5 of 5 fields filled." in result.out


def test_check_json_lists_findings(
    private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    path = private_copy(MINIMAL.replace('phone = "+32 470 00 00 01"\n', ""))
    result = drp("check", "--plan", str(path), "--json", "--now", "2026-11-29T10:00")
    report = json.loads(result.out)
    assert result.status == 1
    assert report["valid"] is True
    assert report["ready"] is False
    assert report["exit"] == 1
    assert (report["score"], report["filled"], report["fields"]) == (80, 4, 5)
    assert [f["check"] for f in report["findings"]] == ["phone"]


FIELD_CHECKS = ("placeholder", "phone")
"""The checks whose findings are fields not yet filled."""


def unfilled_findings(readiness: Readiness) -> list[Finding]:
    return [f for f in readiness.findings if f.check in FIELD_CHECKS]


def fresh_template(tmp_path: Path, drp: Callable[..., Result]) -> Path:
    path = tmp_path / "plan.toml"
    assert drp("init", str(path)).status == 0
    return path


def test_fresh_template_scores_near_zero(
    tmp_path: Path, drp: Callable[..., Result], clock: FixedClock
) -> None:
    readiness = check_readiness(read_plan(fresh_template(tmp_path, drp)), clock)
    assert readiness.fields > 0
    assert readiness.filled <= readiness.fields // 20
    assert readiness.score <= 5
    assert readiness.fields - readiness.filled == len(unfilled_findings(readiness))


def placeholder_lines(readiness: Readiness, path: Path) -> dict[int, int]:
    """The lines holding placeholders, with how many fields on each hold one."""
    lines = path.read_text("utf-8").splitlines()
    counts: dict[int, int] = {}
    for finding in readiness.findings:
        line = finding.line
        if finding.check == "placeholder" and line and PLACEHOLDER.search(lines[line - 1]):
            counts[line] = counts.get(line, 0) + 1
    return counts


def fill_line(path: Path, line: int) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    lines[line - 1] = PLACEHOLDER.sub("Gevuld", lines[line - 1])
    path.write_text("".join(lines), encoding="utf-8")


def test_each_field_filled_in_raises_the_score(
    tmp_path: Path, drp: Callable[..., Result], clock: FixedClock
) -> None:
    path = fresh_template(tmp_path, drp)
    before = check_readiness(read_plan(path), clock)
    particulars = 0
    for line, fields in placeholder_lines(before, path).items():
        fill_line(path, line)
        after = check_readiness(read_plan(path), clock)
        # a particular filled in counts as filled; a placeholder in free text (a note)
        # is no longer a field to fill once it is gone
        assert (after.filled - before.filled, after.fields - before.fields) in (
            (fields, 0),
            (0, -fields),
        )
        assert after.score >= before.score
        particulars += after.filled > before.filled
        before = after
    assert particulars > 0
    assert before.score >= 90
    assert before.fields - before.filled == len(unfilled_findings(before))
    ict = read_plan(path).plan.ict
    missing = sum(v.tag is None for v in ict.vlans)
    missing += sum(w.down_mbps is None or w.up_mbps is None for w in ict.wan)
    assert before.fields - before.filled == missing  # no placeholder left, only numbers


def test_shipped_plan_has_every_field_filled(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    readiness = check_readiness(read_plan(private_copy(SHIPPED_PLAN)), clock)
    assert readiness.fields > 0
    assert readiness.filled == readiness.fields
    assert readiness.score == 100


SITE = 'name = "Hoofdzetel"\n'


@pytest.mark.parametrize(
    ("replace", "by", "filled", "fields"),
    [
        ('phone = "+32 470 00 00 01"\n', "", -1, 0),  # a person's phone counts even when absent
        ('phone = "+32 470 00 00 01"\n', 'phone = "****"\n', -1, 0),
        (SITE, SITE + 'address = "Markt 1"\n', 1, 1),  # a particular counts where given
        (SITE, SITE + 'address = ""\n', 0, 0),
        (SITE, SITE + 'address = "<adres>"\n', 0, 1),
        (SITE, SITE + 'notes = "sleutel bij de onthaal"\n', 0, 0),  # free text does not count
        (SITE, SITE + 'notes = "sleutel bij <naam>"\n', 0, 1),  # unless it holds a placeholder
    ],
)
def test_what_the_score_counts(
    replace: str,
    by: str,
    filled: int,
    fields: int,
    private_copy: Callable[..., Path],
    clock: FixedClock,
) -> None:
    assert replace in MINIMAL
    base = check_readiness(read_plan(private_copy(MINIMAL)), clock)
    changed = check_readiness(read_plan(private_copy(MINIMAL.replace(replace, by, 1))), clock)
    assert (changed.filled - base.filled, changed.fields - base.fields) == (filled, fields)
    assert changed.score == 100 * changed.filled // changed.fields
    assert changed.fields - changed.filled == len(unfilled_findings(changed))


def test_check_says_what_the_score_counts_on_a_fresh_template(
    tmp_path: Path, drp: Callable[..., Result], clock: FixedClock
) -> None:
    path = fresh_template(tmp_path, drp)
    readiness = check_readiness(read_plan(path), clock)
    result = drp("check", "--plan", str(path))
    assert result.status == 1
    summary = result.out.splitlines()[-1]
    assert summary.endswith(
        f"Readiness {readiness.score}%: {readiness.filled} of {readiness.fields} fields filled."
    )


def test_check_on_the_shipped_plan_counts_every_field_filled(
    private_copy: Callable[..., Path], drp: Callable[..., Result], clock: FixedClock
) -> None:
    path = private_copy(SHIPPED_PLAN)
    fields = check_readiness(read_plan(path), clock).fields
    result = drp("check", "--plan", str(path), "--json")
    report = json.loads(result.out)
    assert (report["score"], report["filled"], report["fields"]) == (100, fields, fields)
    result = drp("check", "--plan", str(path))
    assert f"Readiness 100%: {fields} of {fields} fields filled." in result.out.splitlines()[-1]
