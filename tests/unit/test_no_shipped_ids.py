"""Nothing in `console/` names an id of the shipped `plan.toml`.

The shipped plan is one example; a CPAS's plan has other scenarios, steps,
providers and people (`tests/fixtures/cpas.toml`). Code that compares with
`"A"`, `"wan"` or `"a-tech-restore"` works on the example and fails on every
real plan. Every module is parsed with `ast`, and every string literal that is
not a docstring is compared with the ids the project's own loader reads from
the shipped plan.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.plan.loader import load_plan
from console.plan.model import Plan
from tests.conftest import ROOT, SHIPPED_PLAN

ALLOWED = frozenset(
    {
        # The access role (`[access] coordinators`, members, viewers), not the plan's role.
        "coordinator",
        # The event kind and the `drp meeting` subcommand that records it, not the step.
        "meeting",
        # The word shown for a `decided` event in the timeline, not the step.
        "decision",
        # A report's audience (`drp report --audience board`), not the plan's role.
        "board",
        # The provider category ("service" or "ict") and the `[ict]` table in field paths.
        "ict",
        # The `[[ict.wan]]` list: a group of components and a field path, not the provider.
        "wan",
        # Field names in the paths of plan problems: `holders.dpo`, `[communication]`,
        # `crisis.staff` (also the overview's line for the crisis staff).
        "dpo",
        "communication",
        "staff",
        # The C locale (`LANG=C`), which `drp doctor` reads, not the scenario.
        "C",
    }
)
"""Shipped ids that are also ordinary words of the plan's schema or of drp itself."""


def shipped_ids(plan: Plan) -> dict[str, str]:
    """Every id of the shipped plan that only that plan has, with what it names."""
    groups: dict[str, list[str]] = {
        "scenario": [s.id for s in plan.scenarios],
        "step": [s.id for s in plan.steps],
        "task": [t.id for _phase, t in plan.tasks()],
        "deadline": [d.id for s in plan.scenarios for d in s.deadlines],
        "component": [c.id for c in plan.components()],
        "provider": [p.id for p in plan.providers],
        "sla": [s.id for s in plan.slas],
        "site": [s.id for s in plan.sites],
        "fallback site": [f.id for f in plan.fallback_sites],
        "person": [p.id for p in plan.people],
        "organisation": [o.id for o in plan.organisations],
        "role": [r.id for r in plan.roles],
        "backup": [b.id for b in plan.backups],
    }
    named: dict[str, str] = {}
    for kind, ids in groups.items():
        for i in ids:
            named.setdefault(i, kind)  # a step is also a task: the first, narrower kind wins
    return named


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings: of a module, class or function, or an
    attribute's (a bare string statement, as every plan field has)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def literals(source: str) -> Iterator[tuple[int, str]]:
    """Every string literal in `source` that is not a docstring, with its line."""
    tree = ast.parse(source)
    skip = docstrings(tree)
    found = [
        (node.lineno, node.col_offset, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]
    for line, _column, text in sorted(found):
        yield line, text


def modules() -> list[Path]:
    return sorted((ROOT / "console").rglob("*.py"))


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    found = shipped_ids(load_plan(SHIPPED_PLAN))
    return {i: kind for i, kind in found.items() if i not in ALLOWED}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_names_a_shipped_id(path: Path, ids: dict[str, str]) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r} ({ids[text]} of plan.toml)"
        for line, text in literals(path.read_text("utf-8"))
        if text in ids
    ]
    assert found == [], "\n".join(found)


def test_the_allow_list_holds_only_shipped_ids_the_code_uses() -> None:
    """An entry that is no longer a shipped id, or no longer in the code, is removed."""
    shipped = shipped_ids(load_plan(SHIPPED_PLAN))
    assert sorted(set(ALLOWED) - set(shipped)) == []
    used = {text for path in modules() for _line, text in literals(path.read_text("utf-8"))}
    assert sorted(set(ALLOWED) - used) == []


def test_the_scan_sees_literals_and_skips_docstrings() -> None:
    source = (
        '"""Module docstring: a-tech-restore."""\n'
        "class Thing:\n"
        '    """Class docstring: wan1."""\n'
        '    field: str = "x"\n'
        '    """Attribute docstring: A."""\n'
        "def pick(task: str) -> bool:\n"
        '    """Function docstring: hv1."""\n'
        '    return task == "a-tech-restore" or task in {"c-org-dpo"} or f"{task}" == f"B{task}"\n'
    )
    assert list(literals(source)) == [
        (4, "x"),
        (8, "a-tech-restore"),
        (8, "c-org-dpo"),
        (8, "B"),
    ]


def test_the_shipped_ids_cover_every_kind_of_id() -> None:
    kinds = set(shipped_ids(load_plan(SHIPPED_PLAN)).values())
    assert {
        "scenario",
        "step",
        "task",
        "component",
        "provider",
        "site",
        "person",
        "role",
        "backup",
    } <= kinds
