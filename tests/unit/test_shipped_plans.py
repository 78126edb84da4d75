"""The shipped example plan and the `drp init` template both load through the schema,
and the generated field reference matches the schema."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from console.clock import FixedClock
from console.plan.loader import load_plan, read_plan
from console.plan.model import Plan
from console.plan.readiness import check_readiness
from console.plan.reference import OUTPUT, render_reference
from tests.conftest import SHIPPED_PLAN, TEMPLATE, run_drp_process


def test_shipped_plan_loads_with_the_ids_scripts_rely_on() -> None:
    plan = load_plan(SHIPPED_PLAN)
    assert {"A", "B", "C"} <= {s.id for s in plan.scenarios}
    assert plan.access is None
    assert any(p.id == "wan" for p in plan.providers)
    a, b = plan.scenario("A"), plan.scenario("B")
    assert a is not None and b is not None
    assert (a.target_hours, b.target_hours) == (72, 48)
    assert a.needs_fallback_site and a.fallback_sites
    assert len(a.priorities) == 5
    assert [t.title for t in a.priorities] == [t.title for t in b.priorities]


def test_shipped_plan_has_the_seeds_sla_and_backup_scheme() -> None:
    plan = load_plan(SHIPPED_PLAN)
    [sla] = [s for s in plan.slas if s.provider == "wan"]
    assert sla.repair_hours == 5
    assert [str(w) for w in sla.hours["mon"]] == ["08:00-20:00"]
    assert [str(w) for w in sla.hours["fri"]] == ["08:00-20:00"]
    assert [str(w) for w in sla.hours["sat"]] == ["08:00-16:30"]
    assert "sun" not in sla.hours
    assert any(b.retention_days == 60 and b.retention_grid for b in plan.backups)
    assert any(b.offline for b in plan.backups)
    assert len(plan.ict.vlans) >= 5
    assert any(f.capacity == 15 and f.period_weeks == 4 for f in plan.fallback_sites)


def test_cyber_scenario_has_the_gdpr_deadline() -> None:
    plan = load_plan(SHIPPED_PLAN)
    cyber = plan.scenario("C")
    assert cyber is not None
    assert not cyber.needs_fallback_site
    assert any(d.hours == 72 for d in cyber.deadlines)


def test_shipped_plan_is_ready_but_for_file_permissions(
    private_copy: Callable[..., Path], clock: FixedClock
) -> None:
    readiness = check_readiness(read_plan(private_copy(SHIPPED_PLAN)), clock)
    assert [(f.check, f.message) for f in readiness.findings] == []


def test_check_on_the_shipped_plan_exits_0_or_1() -> None:
    result = run_drp_process("check", cwd=SHIPPED_PLAN.parent, env={"DRP_PLAN": ""})
    assert result.status in (0, 1), result.err
    assert "valid" in result.out


def test_template_loads() -> None:
    plan = load_plan(TEMPLATE)
    assert plan.organisation.language == "nl"
    assert {"A", "B"} == {s.id for s in plan.scenarios}


@pytest.mark.parametrize("path", [SHIPPED_PLAN, TEMPLATE], ids=["shipped", "template"])
def test_the_step_plan_is_ticked_off_by_the_events_that_complete_it(path: Path) -> None:
    plan = load_plan(path)
    assert {step.id: step.done_by for step in plan.steps} == {
        "reported": "declared",
        "gather": None,  # nothing in the journal says the crisis staff has gathered
        "meeting": "meeting",
        "evaluation": "assessment",
        "decision": "decided",
    }


def test_field_reference_is_up_to_date() -> None:
    assert OUTPUT.read_text("utf-8") == render_reference(), (
        "run `python -m console.plan.reference` to regenerate docs/plan-format.md"
    )


def test_every_plan_field_has_a_docstring() -> None:
    from pydantic import BaseModel

    from console.plan.reference import _unwrap, field_docstrings

    seen: set[type[BaseModel]] = set()
    pending: list[type[BaseModel]] = [Plan]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        docs = field_docstrings(model)
        missing = [name for name in model.model_fields if not docs.get(name)]
        assert missing == [], f"{model.__name__} fields without a docstring: {missing}"
        for info in model.model_fields.values():
            inner, _ = _unwrap(info.annotation)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                pending.append(inner)
    assert len(seen) > 30
