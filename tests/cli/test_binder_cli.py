"""`drp binder` from the command line: formats, private files, no silent overwrite."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_PLAN, SHIPPED_PLAN, Result, run_drp_process


@pytest.mark.parametrize(
    ("name", "extra", "marker"),
    [
        ("binder.html", [], "<!DOCTYPE html>"),
        ("binder.htm", [], "<!DOCTYPE html>"),
        ("binder.md", [], "# Disaster Recovery Procedure"),
        ("binder.txt", ["--format", "html"], "<!DOCTYPE html>"),
        ("binder.html", ["--format", "md"], "# Disaster Recovery Procedure"),
    ],
)
def test_format_follows_the_option_or_the_file_name(
    name: str, extra: list[str], marker: str, tmp_path: Path, drp: Callable[..., Result]
) -> None:
    output = tmp_path / name
    result = drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(output), *extra)
    assert result.status == 0, result.err
    assert f"Wrote {output}." in result.out
    text = output.read_text("utf-8")
    assert marker in text
    assert "OCMW Zonnedaal" in text
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_standard_output_is_markdown_by_default(drp: Callable[..., Result]) -> None:
    result = drp("binder", "--plan", str(SHIPPED_PLAN))
    assert result.status == 0
    assert result.out.startswith("**UITERST VERTROUWELIJK**")
    assert "## 15. Revisions" in result.out


def test_refuses_to_overwrite_without_force(tmp_path: Path, drp: Callable[..., Result]) -> None:
    output = tmp_path / "binder.html"
    output.write_text("keep me")
    output.chmod(0o644)
    result = drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(output))
    assert result.status == 2
    assert f"drp: {output} already exists; add --force to replace it" in result.err
    assert output.read_text() == "keep me"
    result = drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(output), "--force")
    assert result.status == 0
    assert output.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_output_into_a_missing_folder(tmp_path: Path, drp: Callable[..., Result]) -> None:
    output = tmp_path / "absent" / "binder.md"
    result = drp("binder", "--plan", str(MINIMAL_PLAN), "-o", str(output))
    assert result.status == 2
    assert "does not exist" in result.err


def test_output_onto_a_directory(tmp_path: Path, drp: Callable[..., Result]) -> None:
    result = drp("binder", "--plan", str(MINIMAL_PLAN), "-o", str(tmp_path), "--force")
    assert result.status == 2
    assert f"drp: {tmp_path} is a directory" in result.err


def test_invalid_plan_writes_nothing(
    tmp_path: Path, private_copy: Callable[..., Path], drp: Callable[..., Result]
) -> None:
    plan = private_copy(MINIMAL_PLAN.read_text().replace('lead = "jan"', 'lead = "nobody"'))
    output = tmp_path / "binder.md"
    result = drp("binder", "--plan", str(plan), "-o", str(output))
    assert result.status == 2
    assert "communication.lead: no person 'nobody'" in result.err
    assert not output.exists()


def test_no_temporary_files_are_left_behind(tmp_path: Path, drp: Callable[..., Result]) -> None:
    output = tmp_path / "binder.md"
    drp("binder", "--plan", str(MINIMAL_PLAN), "-o", str(output))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binder.md"]


def test_binder_through_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    import subprocess
    import sys

    pipeline = subprocess.run(
        f"'{sys.executable}' -m console binder --plan '{SHIPPED_PLAN}' | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert len(pipeline.stdout) == 10
    assert "Traceback" not in pipeline.stderr
    assert "Exception ignored" not in pipeline.stderr


def test_binder_as_a_real_process(tmp_path: Path) -> None:
    output = tmp_path / "map.html"
    result = run_drp_process("binder", "-o", str(output), cwd=SHIPPED_PLAN.parent)
    assert result.status == 0, result.err
    assert "uiterst vertrouwelijk".upper() in output.read_text("utf-8")
