"""`drp init`: a fresh plan that loads, fails readiness until filled, and never overwrites."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from console.clock import FixedClock
from console.plan.loader import read_plan
from console.plan.readiness import check_readiness
from tests.conftest import TEMPLATE, Result, run_drp_process


def test_init_writes_the_template_privately(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    result = drp("init", str(path))
    assert result.status == 0
    assert f"Wrote {path}." in result.out
    assert path.read_text("utf-8") == TEMPLATE.read_text("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_fresh_plan_passes_the_schema_and_fails_readiness(
    tmp_path: Path, drp: Callable[..., Result], clock: FixedClock
) -> None:
    path = tmp_path / "plan.toml"
    drp("init", str(path))
    document = read_plan(path)
    assert [s.id for s in document.plan.scenarios] == ["A", "B"]
    assert [s.id for s in document.plan.steps] == [
        "reported",
        "gather",
        "meeting",
        "evaluation",
        "decision",
    ]
    readiness = check_readiness(document, clock)
    checks = {f.check for f in readiness.findings}
    assert "placeholder" in checks
    assert "revision" in checks
    assert "permissions" not in checks
    result = drp("check", "--plan", str(path))
    assert result.status == 1
    assert "placeholder '<" in result.out


def test_template_explains_access_in_a_comment() -> None:
    text = TEMPLATE.read_text("utf-8")
    assert "# [access]" in text
    for key in ("coordinators", "members", "viewers"):
        assert f"# {key} = [" in text


def test_init_refuses_to_overwrite(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("# my own plan, weeks of work\n")
    result = drp("init", str(path))
    assert result.status == 2
    assert f"drp: {path} already exists; drp init never overwrites a plan" in result.err
    assert path.read_text() == "# my own plan, weeks of work\n"


def test_init_into_missing_folder(tmp_path: Path, drp: Callable[..., Result]) -> None:
    path = tmp_path / "nowhere" / "plan.toml"
    result = drp("init", str(path))
    assert result.status == 2
    assert "does not exist" in result.err


def test_init_onto_a_directory(tmp_path: Path, drp: Callable[..., Result]) -> None:
    result = drp("init", str(tmp_path))
    assert result.status == 2
    assert "already exists" in result.err or "is a directory" in result.err


def test_init_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.toml"
    result = run_drp_process("init", str(path), cwd=tmp_path)
    assert result.status == 0, result.err
    assert path.exists()
    result = run_drp_process("check", "--plan", str(path), cwd=tmp_path)
    assert result.status == 1
    assert "Traceback" not in result.err
