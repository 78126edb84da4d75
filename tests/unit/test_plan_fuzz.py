"""Truncated or mutated plans never raise an uncaught exception.

Whatever a text editor, a bad copy or a full disk makes of a plan file,
loading it gives either a plan or a `PlanError`, and `drp check` exits 0, 1
or 2 with a message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.cli import main
from console.clock import FixedClock
from console.plan.errors import PlanError
from console.plan.loader import read_plan
from console.plan.readiness import check_readiness
from tests.conftest import FROZEN_NOW, MINIMAL_PLAN, SHIPPED_PLAN

SOURCES = [path.read_bytes() for path in (SHIPPED_PLAN, MINIMAL_PLAN) if path.exists()]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_survives(data: bytes, tmp: Path) -> None:
    path = tmp / "plan.toml"
    path.write_bytes(data)
    path.chmod(0o600)
    try:
        document = read_plan(path)
    except PlanError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message
            assert str(problem).startswith(str(path))
        return
    check_readiness(document, FixedClock(FROZEN_NOW))


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example of a module: the plan file is rewritten each time."""
    return tmp_path_factory.mktemp("fuzz")


@st.composite
def truncated(draw: st.DrawFn) -> bytes:
    source = draw(st.sampled_from(SOURCES))
    return source[: draw(st.integers(0, len(source)))]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["replace", "delete", "insert"]))
        byte = draw(st.sampled_from(list(b"[]{}=\"'\n#.,0a-\\\x00\xff\xc3 ")))
        if action == "replace":
            data[position] = byte
        elif action == "delete":
            del data[position]
        else:
            data.insert(position, byte)
    return bytes(data)


@st.composite
def line_shuffled(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(SOURCES)).split(b"\n")
    index = draw(st.integers(0, len(lines) - 1))
    other = draw(st.integers(0, len(lines) - 1))
    lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


@FUZZ
@given(truncated())
def test_truncated_plans_load_or_fail_cleanly(fuzz_dir: Path, data: bytes) -> None:
    load_survives(data, fuzz_dir)


@FUZZ
@given(mutated())
def test_mutated_plans_load_or_fail_cleanly(fuzz_dir: Path, data: bytes) -> None:
    load_survives(data, fuzz_dir)


@FUZZ
@given(line_shuffled())
def test_shuffled_lines_load_or_fail_cleanly(fuzz_dir: Path, data: bytes) -> None:
    load_survives(data, fuzz_dir)


@settings(max_examples=40, deadline=None)
@given(mutated())
def test_check_command_exits_with_a_status_not_a_traceback(fuzz_dir: Path, data: bytes) -> None:
    path = fuzz_dir / "plan.toml"
    path.write_bytes(data)
    assert main(["check", "--plan", str(path), "--now", "2026-11-29T10:00"]) in (0, 1, 2)
