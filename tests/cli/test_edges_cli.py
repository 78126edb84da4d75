"""Robust edges on the command line: a plan nested too deeply, and `-o` onto what is not a file.

- A plan whose lists or tables nest hundreds of levels deep gets one clear
  line and exit status 2, from `drp check` and from `drp` opening the console,
  never a RecursionError (exit 70).
- `-o` (binder, report) writes a new file, or replaces a regular file with
  `--force`, mode 0600; a device, a named pipe, a folder or a symbolic link
  at that name is refused in one line, exit 2, even with `--force`, and is
  left exactly as it was.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_PLAN, Result, run_drp_process

Run = Callable[..., Result]

DEEP_PLANS = {
    "arrays": "a = " + "[" * 500 + "]" * 500 + "\n",
    "inline tables": "a = " + "{b = " * 500 + "1" + "}" * 500 + "\n",
    "dotted tables": "[organisation.name." + ".".join(["b"] * 5000) + "]\nx = 1\n",
    "a deep value in a field": "[organisation]\nname = " + "{b = " * 300 + "1" + "}" * 300,
}


@pytest.mark.parametrize("text", DEEP_PLANS.values(), ids=DEEP_PLANS.keys())
def test_a_plan_nested_too_deeply_is_one_line_for_check(
    text: str, private_copy: Callable[..., Path]
) -> None:
    plan = private_copy(text, "deep.toml")
    result = run_drp_process("check", "--plan", str(plan))
    assert result.status == 2, result.err
    first, summary = result.err.splitlines()
    assert first.startswith(f"{plan}: ")
    assert "lists or tables nested inside each other" in first
    assert summary == f"{plan}: invalid, 1 problem"
    assert "Recursion" not in result.err


def test_a_plan_nested_too_deeply_is_one_line_when_the_console_opens(
    private_copy: Callable[..., Path],
) -> None:
    plan = private_copy(DEEP_PLANS["arrays"], "deep.toml")
    result = run_drp_process("--plan", str(plan), "--state", str(plan.parent / "state"))
    assert result.status == 2, result.err
    assert result.err.splitlines() == [
        f"{plan}: lists or tables nested inside each other hundreds of levels deep, too deep "
        "to read; a plan needs a few levels, 32 at most"
    ]


def test_a_field_path_names_where_a_plan_nests_too_deeply(
    private_copy: Callable[..., Path],
) -> None:
    plan = private_copy(DEEP_PLANS["dotted tables"], "deep.toml")
    result = run_drp_process("check", "--plan", str(plan))
    assert result.err.splitlines()[0] == (
        f"{plan}: organisation.name.b…: lists or tables nested inside each other more than 32 "
        "levels deep; a plan needs a few levels, 32 at most"
    )


# -o onto what is not a regular file ---------------------------------------------------


def device(path: Path) -> Path:
    """A character device node like /dev/full (1, 7), made in the test's own folder."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root (CI runs as root)")
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def link_elsewhere(path: Path) -> Path:
    elsewhere = path.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.md").write_text("someone else's file\n", "utf-8")
    path.symlink_to(elsewhere / "keep.md")
    return path


TARGETS = {
    "a device": device,
    "a named pipe": fifo,
    "a folder": folder,
    "a symbolic link": link_elsewhere,
}


def looks(path: Path) -> tuple[int, int, int, str]:
    """What is at `path` itself: type and mode, device number, size, and a link's target."""
    found = os.lstat(path)
    target = os.readlink(path) if stat.S_ISLNK(found.st_mode) else ""
    return found.st_mode, found.st_rdev, found.st_size, target


@pytest.fixture
def report(tmp_path: Path, drp: Run) -> Run:
    """`drp report` on an incident declared in a fresh state directory."""
    state = str(tmp_path / "state")
    assert drp("declare", "--plan", str(SHIPPED_PLAN), "--state", state).status == 0
    return lambda *args: drp("report", "--plan", str(SHIPPED_PLAN), "--state", state, *args)


@pytest.mark.parametrize("what", TARGETS)
@pytest.mark.parametrize("command", ["binder", "report"])
def test_o_never_replaces_what_is_not_a_regular_file(
    what: str, command: str, tmp_path: Path, drp: Run, report: Run, english: None
) -> None:
    target = TARGETS[what](tmp_path / "out.md")
    before = looks(target)

    def binder(*args: str) -> Result:
        return drp("binder", "--plan", str(SHIPPED_PLAN), *args)

    run = report if command == "report" else binder
    for force in ([], ["--force"]):
        result = run("-o", str(target), *force)
        assert result.status == 2, result.err
        lines = result.err.splitlines()
        assert len(lines) == 1, lines
        if what == "a folder":
            assert lines == [f"drp: {target} is a directory"]
        else:
            assert lines[0].startswith(f"drp: {target} is {what}")
            assert lines[0].endswith(
                "not a regular file; drp writes only a new file or replaces a regular one"
            )
        assert looks(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    if what == "a symbolic link":
        assert (tmp_path / "elsewhere" / "keep.md").read_text("utf-8") == "someone else's file\n"


def test_binder_o_onto_a_device_node_from_a_real_process(tmp_path: Path) -> None:
    """`drp binder -o /dev/full --force` used to put the binder where the device was."""
    target = device(tmp_path / "full")
    result = run_drp_process("binder", "--plan", str(SHIPPED_PLAN), "-o", str(target), "--force")
    assert result.status == 2, result.err
    assert stat.S_ISCHR(os.lstat(target).st_mode)
    assert os.lstat(target).st_rdev == os.makedev(1, 7)


def test_a_new_file_and_a_replaced_regular_file_stay_private(tmp_path: Path, drp: Run) -> None:
    new = tmp_path / "new.md"
    assert drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(new)).status == 0
    old = tmp_path / "old.md"
    old.write_text("the previous binder\n", "utf-8")
    old.chmod(0o644)
    result = drp("binder", "--plan", str(SHIPPED_PLAN), "-o", str(old), "--force")
    assert result.status == 0, result.err
    for path in (new, old):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_ISREG(os.lstat(path).st_mode)
        assert "OCMW Zonnedaal" in path.read_text("utf-8")
