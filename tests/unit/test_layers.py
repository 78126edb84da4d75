"""The domain layers import nothing from Textual or the console (STYLE.md, rule 6).

Checked twice: statically, every import statement in `plan/`, `incident/`,
`store/`, `report/`, `present/` and `setup/`; and at run time, importing every module of those
layers in a fresh interpreter and looking at what got loaded.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOMAIN = ("plan", "incident", "store", "report", "present", "setup")
FORBIDDEN = ("textual", "console.tui", "console.commands", "console.cli")


def domain_modules() -> list[Path]:
    return sorted(p for layer in DOMAIN for p in (ROOT / "console" / layer).rglob("*.py"))


def imported_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", domain_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_forbidden_import_statement(path: Path) -> None:
    bad = [n for n in imported_names(path) if n.startswith(FORBIDDEN)]
    assert bad == [], f"{path} imports {bad}"


def test_importing_the_domain_loads_no_textual() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in domain_modules()
    ]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    loaded = json.loads(completed.stdout)
    assert [m for m in loaded if m.startswith(FORBIDDEN)] == []
    assert len(modules) >= 10
