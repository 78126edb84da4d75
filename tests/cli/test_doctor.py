"""`drp doctor` as real processes, each check on a good and a bad set-up.

Real files with real modes, real directories with real groups, a real
pseudo-terminal for the terminal's size, a real environment for the locale
and the colours, `--now` for the clock. Every run starts in a session of its
own with standard input from /dev/null, so it has no terminal unless a test
gives it one; the environment is the test's, not the developer's.
"""

from __future__ import annotations

import contextlib
import fcntl
import grp
import json
import os
import pty
import pwd
import shutil
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.incident.access import current_login
from console.setup.doctor import CHECKS
from tests.conftest import ROOT, SHIPPED_PLAN, Result

NOW = "2026-12-01T10:00"
"""A moment the shipped plan's revisions make plausible (its last approval: 2026-10-20)."""

LEFT_OUT = (
    "LC_ALL",
    "LC_CTYPE",
    "LC_MESSAGES",
    "LANGUAGE",
    "DRP_LANG",
    "DRP_PLAN",
    "DRP_STATE",
    "NO_COLOR",
    "COLUMNS",
    "LINES",
    "COLORTERM",
    "TEXTUAL_COLOR_SYSTEM",
    "SSH_CONNECTION",
    "PYTHONUTF8",
)
"""What the test's own environment must not decide."""


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The test's environment, English unless `extra` says otherwise (`DRP_LANG=""`: the plan's)."""
    env = {key: value for key, value in os.environ.items() if key not in LEFT_OUT}
    env.update(PYTHONPATH=str(ROOT), LANG="C.UTF-8", TERM="xterm-256color", DRP_LANG="en")
    env.update(extra or {})
    return env


def doctor(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Result:
    """`drp doctor` in a process of its own, with no terminal."""
    completed = subprocess.run(
        [sys.executable, "-m", "console", "doctor", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment(env),
        cwd=cwd,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
        timeout=60,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def doctor_in_terminal(
    columns: int, lines: int, *args: str, env: dict[str, str] | None = None
) -> Result:
    """`drp doctor` in a pseudo-terminal of `columns`x`lines`; its output as the terminal got it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "console", "doctor", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment(env),
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the process closed the terminal's last descriptor
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(master)
    status = process.wait(timeout=60)
    return Result(status, output.decode("utf-8").replace("\r\n", "\n"), "")


def findings(result: Result) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(result.out)
    return data


def check(result: Result, name: str) -> list[dict[str, Any]]:
    """The findings of one check."""
    found = [f for f in findings(result) if f["check"] == name]
    assert found, f"no finding for {name}: {result.out}{result.err}"
    return found


def levels(result: Result, name: str) -> list[str]:
    return [f["level"] for f in check(result, name)]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The shipped plan, readable by its owner and group (0640)."""
    path = tmp_path / "plan.toml"
    shutil.copyfile(SHIPPED_PLAN, path)
    path.chmod(0o640)
    return path


@pytest.fixture
def state(tmp_path: Path) -> Path:
    """A private state directory, as on a single-user laptop."""
    path = tmp_path / "drp-state"
    path.mkdir(mode=0o700)
    path.chmod(0o700)
    return path


def run(plan: Path, state: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return doctor(
        "--plan", str(plan), "--state", str(state), "--now", NOW, "--json", *args, env=env
    )


# All is well, and the shape of the report


def test_a_good_set_up_is_all_ok_and_exits_0(plan: Path, state: Path) -> None:
    result = run(plan, state)
    assert result.status == 0, result.out
    found = findings(result)
    assert [f["level"] for f in found] == ["ok"] * len(found)
    assert [f["check"] for f in found] == list(CHECKS)  # every check, once each, in order
    for finding in found:
        assert list(finding) == ["check", "level", "message", "advice"]
        assert all(isinstance(value, str) for value in finding.values())
        assert finding["message"]
    assert result.err == ""


def test_the_text_report_says_each_check_and_sums_up(plan: Path, state: Path) -> None:
    plan.chmod(0o644)
    result = doctor("--plan", str(plan), "--state", str(state), "--now", NOW)
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines[-1] == "drp doctor: 1 warning."
    for name in ("plan", "plan file", "state directory", "disk space", "clock", "terminal"):
        assert any(f" {name}:" in line for line in lines), name
    warned = next(i for i, line in enumerate(lines) if line.startswith("warning plan file:"))
    advice = next(line for line in lines[warned:] if "->" in line)
    assert advice.strip() == f"-> run: chmod 640 {plan} (or 600 if only you use drp)"
    assert "Traceback" not in result.out + result.err


def test_the_state_directory_defaults_to_drp_state_beside_the_plan(plan: Path) -> None:
    result = doctor("--plan", str(plan), "--now", NOW, "--json")
    state = check(result, "state")[0]
    assert state["level"] == "ok"
    assert str(plan.parent / "drp-state") in state["message"]
    assert "does not exist yet" in state["message"]


# The plan: missing, invalid, and who can read it


def test_a_missing_plan_is_an_error_finding_not_a_traceback(tmp_path: Path, state: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    result = run(missing, state)
    assert result.status == 2
    (finding,) = check(result, "plan")
    assert finding["level"] == "error"
    assert finding["message"] == f"{missing}: no such file; create one with `drp init {missing}`"
    assert finding["advice"].endswith(f"drp init {missing}")
    assert levels(result, "plan-file") == ["ok"]  # nothing to look at: not a second problem
    assert result.err == ""


def test_no_plan_anywhere_is_an_error_finding(tmp_path: Path) -> None:
    result = doctor("--now", NOW, "--json", cwd=tmp_path)
    assert result.status == 2
    (finding,) = check(result, "plan")
    assert finding["level"] == "error"
    assert "no plan.toml in this folder" in finding["message"]
    assert "drp init plan.toml" in finding["advice"]


def test_an_invalid_plan_names_the_place_and_points_to_drp_check(plan: Path, state: Path) -> None:
    text = SHIPPED_PLAN.read_text("utf-8")
    plan.write_text(text.replace('"Europe/Brussels"', '"Europe/Bruxelles"', 1), "utf-8")
    result = run(plan, state)
    assert result.status == 2
    line = 1 + text[: text.index('"Europe/Brussels"')].count("\n")
    (finding,) = check(result, "plan")
    assert finding["level"] == "error"
    assert finding["message"].startswith(f"{plan}:{line}:")
    assert finding["advice"] == f"run: drp check --plan {plan}, which lists every problem"
    (zone,) = check(result, "timezone")
    assert zone["level"] == "error"
    assert "Europe/Bruxelles is not in this machine's time zone database" in zone["message"]


@pytest.mark.parametrize(
    ("mode", "level", "words"),
    [
        (0o600, "ok", "is not readable by others"),
        (0o640, "ok", "is not readable by others"),
        (0o644, "warning", "readable by every user of this machine"),
        (0o666, "error", "can be changed by every user of this machine"),
    ],
)
def test_the_plan_readable_by_others(
    plan: Path, state: Path, mode: int, level: str, words: str
) -> None:
    plan.chmod(mode)
    result = run(plan, state)
    (finding,) = check(result, "plan-file")
    assert finding["level"] == level
    assert words in finding["message"]
    assert f"mode {mode:04o}" in finding["message"]
    assert result.status == {"ok": 0, "warning": 1, "error": 2}[level]
    if level != "ok":
        assert finding["advice"].startswith(f"run: chmod 640 {plan}")
        assert "phone numbers" in finding["message"] or "coordinator" in finding["message"]


# The state directory: private, shared, open to others


def crisis_group() -> grp.struct_group:
    """A group of this machine that holds a login besides root, to share a directory with."""
    if os.geteuid() != 0:
        pytest.skip("giving a folder another group needs root")
    for group in grp.getgrall():
        primary = [p.pw_name for p in pwd.getpwall() if p.pw_gid == group.gr_gid]
        logins = {*group.gr_mem, *primary} - {"root"}
        if group.gr_gid != 0 and logins:
            return group
    pytest.skip("no group on this machine holds a login besides root")


def declare_drill(plan: Path, state: Path) -> None:
    """Record a drill with a real `drp`: the journal folder and a journal file appear."""
    command = ["declare", "--drill", "--plan", str(plan), "--state", str(state)]
    completed = subprocess.run(
        [sys.executable, "-m", "console", *command, "--at", "2026-12-01T09:00"],
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_a_private_state_directory_is_fine(plan: Path, state: Path) -> None:
    declare_drill(plan, state)
    result = run(plan, state)
    assert result.status == 0, result.out
    (finding,) = check(result, "state")
    assert finding["level"] == "ok"
    assert "mode 0700" in finding["message"]
    assert "alone" in finding["message"]
    (journal,) = check(result, "journal")
    assert journal["level"] == "ok"
    assert "1 journal file" in journal["message"]


def test_a_shared_state_directory_without_setgid_is_a_warning(plan: Path, state: Path) -> None:
    group = crisis_group()
    os.chown(plan, -1, group.gr_gid)
    os.chown(state, -1, group.gr_gid)
    state.chmod(0o770)
    declare_drill(plan, state)  # its journal folder and file get root's group, not the crew's
    result = run(plan, state)
    assert result.status == 1, result.out
    warnings = [f for f in check(result, "state") if f["level"] == "warning"]
    (setgid,) = [f for f in warnings if "setgid" in f["message"]]
    assert f"group {group.gr_name}" in setgid["message"]
    assert "mode 0770" in setgid["message"]
    assert setgid["advice"] == f"run: chmod g+s {state}"
    journal = check(result, "journal")
    assert "warning" in [f["level"] for f in journal]
    stray = next(f for f in journal if "another group" in f["message"])
    assert stray["advice"] == f"run: chgrp -R {group.gr_name} {state}"


def test_a_shared_state_directory_with_setgid_is_fine(plan: Path, state: Path) -> None:
    group = crisis_group()
    os.chown(plan, -1, group.gr_gid)
    os.chown(state, -1, group.gr_gid)
    state.chmod(0o3770)
    declare_drill(plan, state)  # the journal folder and file inherit the crew's group
    result = run(plan, state)
    assert result.status == 0, result.out
    (finding,) = check(result, "state")
    assert finding["level"] == "ok"
    assert "mode 3770" in finding["message"]
    assert f"shared with group {group.gr_name}" in finding["message"]
    assert levels(result, "journal") == ["ok"]
    assert levels(result, "plan-file") == ["ok"]


def test_a_shared_journal_without_the_sticky_bit_or_with_group_writable_files_is_a_warning(
    plan: Path, state: Path
) -> None:
    group = crisis_group()
    os.chown(plan, -1, group.gr_gid)
    os.chown(state, -1, group.gr_gid)
    state.chmod(0o2770)  # setgid, not sticky
    declare_drill(plan, state)
    (journal_file,) = (state / "journal").iterdir()
    journal_file.chmod(0o660)  # as drp wrote them before journal trust
    result = run(plan, state)
    assert result.status == 1
    warned = {f["message"]: f["advice"] for f in check(result, "journal")}
    sticky = f"{state}: any member of its group can rename or delete another user's journal files"
    assert warned[f"{sticky} (the folder has no sticky bit)"] == f"run: chmod 3770 {state}"
    assert (
        warned[
            f"{journal_file}: its group can write it: a member could add events to it in "
            f"{current_login()}'s name"
        ]
        == f"{current_login()} runs: chmod 640 {journal_file}"
    )


def test_a_shared_state_directory_needs_a_plan_the_group_can_read(plan: Path, state: Path) -> None:
    group = crisis_group()
    plan.chmod(0o600)
    os.chown(state, -1, group.gr_gid)
    state.chmod(0o2770)
    result = run(plan, state)
    assert result.status == 1
    (finding,) = check(result, "plan-file")
    assert finding["level"] == "warning"
    assert "the others cannot open drp" in finding["message"]
    assert finding["advice"] == f"run: chgrp {group.gr_name} {plan} && chmod 640 {plan}"


def with_access(plan: Path, coordinators: list[str], members: list[str]) -> None:
    """Give the plan an `[access]` table naming these logins."""
    table = (
        f"\n[access]\ncoordinators = {json.dumps(coordinators)}\nmembers = {json.dumps(members)}\n"
    )
    plan.write_text(SHIPPED_PLAN.read_text("utf-8") + table, "utf-8")


def a_login_of(group: grp.struct_group) -> str:
    primary = [p.pw_name for p in pwd.getpwall() if p.pw_gid == group.gr_gid]
    return sorted({*group.gr_mem, *primary} - {"root"})[0]


def test_a_laptop_copy_whose_logins_are_not_here_is_private(plan: Path, state: Path) -> None:
    with_access(plan, ["zz-no-such-login"], ["zz-nor-this-one"])
    result = run(plan, state)
    assert result.status == 0, result.out
    assert "alone" in check(result, "state")[0]["message"]


def test_access_naming_others_of_this_machine_wants_a_shared_directory(
    plan: Path, state: Path
) -> None:
    login = a_login_of(crisis_group())
    with_access(plan, [pwd.getpwuid(os.getuid()).pw_name], [login])
    result = run(plan, state)
    assert result.status == 1
    (finding,) = check(result, "state")
    assert finding["level"] == "warning"
    assert f"names others who use this machine ({login})" in finding["message"]
    assert finding["advice"].endswith(f"run: chgrp -R crisis {state} && chmod 2770 {state}")
    state.rmdir()
    (missing,) = check(run(plan, state), "state")  # not there yet: create it shared first
    assert missing["level"] == "warning"
    assert f"mkdir {state} && chgrp crisis {state} && chmod 2770 {state}" in missing["advice"]


def test_a_group_holding_logins_access_does_not_name(plan: Path, state: Path) -> None:
    group = crisis_group()
    stranger = a_login_of(group)
    with_access(plan, [pwd.getpwuid(os.getuid()).pw_name], ["zz-no-such-login"])
    os.chown(plan, -1, group.gr_gid)
    os.chown(state, -1, group.gr_gid)
    state.chmod(0o2770)
    result = run(plan, state)
    assert result.status == 1
    (finding,) = check(result, "state")
    assert finding["level"] == "warning"
    assert f"also holds {stranger}" in finding["message"]
    assert "they can read the journal" in finding["message"]


def test_a_plan_the_group_can_change(plan: Path, state: Path) -> None:
    group = crisis_group()
    os.chown(plan, -1, group.gr_gid)
    plan.chmod(0o660)
    result = run(plan, state)
    assert result.status == 1
    (finding,) = check(result, "plan-file")
    assert finding["level"] == "warning"
    assert f"can be changed by group {group.gr_name}" in finding["message"]
    assert finding["advice"] == f"run: chmod 640 {plan}"


@pytest.mark.parametrize(
    ("mode", "level"), [(0o705, "warning"), (0o777, "error"), (0o1777, "error")]
)
def test_a_state_directory_open_to_others(plan: Path, state: Path, mode: int, level: str) -> None:
    state.chmod(mode)
    result = run(plan, state)
    assert levels(result, "state")[0] == level
    assert check(result, "state")[0]["advice"] == f"run: chmod o-rwx {state}"
    assert result.status == {"warning": 1, "error": 2}[level]


def test_a_state_directory_whose_folder_is_missing_cannot_be_created(
    plan: Path, tmp_path: Path
) -> None:
    result = run(plan, tmp_path / "no" / "such" / "drp-state")
    assert result.status == 2
    (finding,) = check(result, "state")
    assert finding["level"] == "error"
    assert finding["advice"].startswith(f"run: mkdir -p {tmp_path / 'no' / 'such'}")


def test_a_file_where_the_state_directory_should_be(plan: Path, tmp_path: Path) -> None:
    where = tmp_path / "drp-state"
    where.write_text("not a folder")
    result = run(plan, where)
    assert result.status == 2
    assert "is not a folder" in check(result, "state")[0]["message"]


# The filesystem and the free space, for real


def test_the_temporary_folder_is_on_a_local_filesystem(plan: Path, state: Path) -> None:
    (finding,) = check(run(plan, state), "filesystem")
    assert finding["level"] == "ok"
    assert "a local filesystem" in finding["message"]
    assert str(state) in finding["message"]


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A real filesystem of `size` at `where`, for as long as the test needs it."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.mark.parametrize(
    ("size", "free", "level", "words"),
    [
        ("1m", "1.0 MB", "error", "the next events may not fit"),
        ("50m", "52.4 MB", "warning", "the disk is nearly full"),
    ],
)
def test_little_free_space_says_the_figures(
    plan: Path, tmp_path: Path, size: str, free: str, level: str, words: str
) -> None:
    with tmpfs(tmp_path / "small", size) as small:
        result = run(plan, small)
    (finding,) = check(result, "disk-space")
    assert finding["level"] == level
    assert words in finding["message"]
    assert "(warning below 100 MB, error below 5 MB)" in finding["message"]
    assert finding["message"].startswith(f"{free} free for {small} ")  # an empty tmpfs: all free
    assert levels(result, "filesystem") == ["ok"]  # tmpfs is local
    assert result.status == {"warning": 1, "error": 2}[level]


# The terminal, in a real pseudo-terminal


@pytest.mark.parametrize(("columns", "lines", "status"), [(40, 10, 1), (80, 24, 0), (132, 43, 0)])
def test_the_terminal_size(plan: Path, state: Path, columns: int, lines: int, status: int) -> None:
    result = doctor_in_terminal(
        columns, lines, "--plan", str(plan), "--state", str(state), "--now", NOW
    )
    assert result.status == status, result.out
    found = next(line for line in result.out.splitlines() if " terminal: " in line)
    level = "warning" if status else "ok"
    assert found.startswith(level)
    assert f"the terminal is {columns}x{lines}" in found


def test_columns_and_lines_that_lie_about_the_terminal(plan: Path, state: Path) -> None:
    result = doctor_in_terminal(
        40,
        10,
        "--plan",
        str(plan),
        "--state",
        str(state),
        "--now",
        NOW,
        "--json",
        env={"COLUMNS": "80", "LINES": "24"},
    )
    (finding,) = check(result, "terminal")
    assert finding["level"] == "warning"
    assert "tell the console 80x24, but the terminal is 40x10" in finding["message"]
    assert finding["advice"] == "run: unset COLUMNS LINES"


def test_no_terminal_is_not_a_problem(plan: Path, state: Path) -> None:
    (finding,) = check(run(plan, state), "terminal")
    assert finding["level"] == "ok"
    assert finding["message"].startswith("not run in a terminal")


# Colours, locale, language, time zone and clock, from the environment and --now


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"COLORTERM": "truecolor"}, "true colour (16 million colours): COLORTERM=truecolor"),
        ({"TERM": "xterm-256color"}, "256 colours: TERM=xterm-256color decides"),
        ({"TERM": "xterm"}, "16 colours: TERM=xterm decides"),
        ({"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "256"}, "TEXTUAL_COLOR_SYSTEM=256 decides"),
        ({"NO_COLOR": "1"}, "NO_COLOR is set, so it shows no colour at all"),
    ],
)
def test_the_colour_system_and_what_decides_it(
    plan: Path, state: Path, env: dict[str, str], words: str
) -> None:
    (finding,) = check(run(plan, state, env=env), "colours")
    assert finding["level"] == "ok"
    assert words in finding["message"]


def test_over_ssh_without_colorterm_the_advice_names_acceptenv(plan: Path, state: Path) -> None:
    env = {"SSH_CONNECTION": "10.0.0.5 50022 10.0.0.2 22"}
    (finding,) = check(run(plan, state, env=env), "colours")
    assert "AcceptEnv COLORTERM" in finding["advice"]


def test_a_dumb_terminal_is_a_warning_in_a_terminal(plan: Path, state: Path) -> None:
    args = ("--plan", str(plan), "--state", str(state), "--now", NOW, "--json")
    result = doctor_in_terminal(80, 24, *args, env={"TERM": "dumb"})
    (finding,) = check(result, "colours")
    assert finding["level"] == "warning"
    assert "export TERM=xterm-256color" in finding["advice"]


def test_a_colour_system_textual_does_not_know_is_an_error(plan: Path, state: Path) -> None:
    result = run(plan, state, env={"TEXTUAL_COLOR_SYSTEM": "lots"})
    assert result.status == 2
    (finding,) = check(result, "colours")
    assert finding["level"] == "error"
    assert "the console does not start" in finding["message"]


@pytest.mark.parametrize(
    ("env", "level", "words"),
    [
        ({"LANG": "C.UTF-8"}, "ok", "the locale is UTF-8 (LANG=C.UTF-8)"),
        ({"LANG": "nl_BE.UTF-8"}, "ok", "the locale is UTF-8 (LANG=nl_BE.UTF-8)"),
        ({"LANG": "C"}, "warning", "the locale is not UTF-8 (LANG=C)"),
        ({"LANG": "POSIX"}, "warning", "the locale is not UTF-8 (LANG=POSIX)"),
        ({"LANG": "nl_BE"}, "warning", "names no character set (LANG=nl_BE)"),
        ({"LANG": "C.UTF-8", "LC_ALL": "C"}, "warning", "not UTF-8 (LC_ALL=C)"),
        ({"LANG": "fr_BE.ISO-8859-1"}, "warning", "not UTF-8 (LANG=fr_BE.ISO-8859-1)"),
    ],
)
def test_the_locale(plan: Path, state: Path, env: dict[str, str], level: str, words: str) -> None:
    result = run(plan, state, env=env)
    (finding,) = check(result, "locale")
    assert finding["level"] == level
    assert words in finding["message"]
    assert result.status == (0 if level == "ok" else 1)
    if level == "warning":
        assert "export LANG=C.UTF-8" in finding["advice"]


def test_lc_all_is_named_in_the_advice_when_it_decides(plan: Path, state: Path) -> None:
    (finding,) = check(run(plan, state, env={"LC_ALL": "C"}), "locale")
    assert "run: unset LC_ALL; export LANG=C.UTF-8" in finding["advice"]


@pytest.mark.parametrize(
    ("env", "level", "words", "advice"),
    [
        # The words that say which language are the same in every language: its own name
        # and code, the variable that decided (the rest of the message is in that language).
        ({"DRP_LANG": ""}, "ok", ["Nederlands (nl)", "organisation.language"], ""),
        ({"DRP_LANG": "fr"}, "ok", ["français (fr)", "DRP_LANG=fr"], ""),
        ({"DRP_LANG": "", "LANGUAGE": "fr:en"}, "ok", ["Nederlands (nl)"], "export DRP_LANG=fr"),
        ({"DRP_LANG": "", "LANG": "C"}, "ok", ["Nederlands (nl)"], ""),
        ({"DRP_LANG": "de"}, "warning", ["DRP_LANG=de is not a language drp speaks"], "nl"),
    ],
)
def test_the_language(
    plan: Path, state: Path, env: dict[str, str], level: str, words: list[str], advice: str
) -> None:
    (finding,) = check(run(plan, state, env=env), "language")
    assert finding["level"] == level
    for word in words:
        assert word in finding["message"]
    assert advice in finding["advice"]
    assert bool(advice) == bool(finding["advice"])


def test_the_language_asked_with_lang_is_said(plan: Path, state: Path) -> None:
    result = doctor(
        "--plan", str(plan), "--state", str(state), "--now", NOW, "--json", "--lang", "en"
    )
    (finding,) = check(result, "language")
    assert finding["message"] == "drp speaks English (en): --lang en decides"


def test_the_machines_time_zone_is_said_and_changes_nothing(plan: Path, state: Path) -> None:
    result = run(plan, state, env={"TZ": "America/New_York"})
    (finding,) = check(result, "timezone")
    assert finding["level"] == "ok"
    assert "Europe/Brussels, the plan's time zone" in finding["message"]
    assert "this machine's own zone (America/New_York)" in finding["message"]


@pytest.mark.parametrize(
    ("now", "level", "words"),
    [
        (
            "1999-01-01",
            "warning",
            "the clock says Friday, 1 January 1999 at 00:00 CET, before this version",
        ),
        ("2026-05-01", "warning", "before the plan's last revision (2026-10-20)"),
        ("2040-01-01", "warning", "more than 10 years after the plan's last revision"),
        ("2026-12-01T10:00", "ok", "the clock says Tuesday, 1 December 2026 at 10:00 CET"),
    ],
)
def test_the_clock(plan: Path, state: Path, now: str, level: str, words: str) -> None:
    result = doctor("--plan", str(plan), "--state", str(state), "--now", now, "--json")
    (finding,) = check(result, "clock")
    assert finding["level"] == level
    assert words in finding["message"]
    assert result.status == (0 if level == "ok" else 1)


def test_an_output_that_cannot_take_utf8_still_gets_the_report(plan: Path, state: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii", "DRP_LANG": "fr"}
    text = doctor("--plan", str(plan), "--state", str(state), "--now", NOW, env=env)
    assert text.status == 0, text.err
    assert "fran?ais (fr)" in text.out
    as_json = run(plan, state, env=env)
    assert as_json.status == 0
    assert as_json.out.isascii()
    assert "fran\\u00e7ais (fr)" in as_json.out
    assert "français (fr)" in check(as_json, "language")[0]["message"]


def test_a_mistyped_now_is_one_line_and_exit_2(plan: Path, state: Path) -> None:
    result = doctor("--plan", str(plan), "--state", str(state), "--now", "yesterday")
    assert result.status == 2
    assert result.out == ""
    assert (
        result.err == "drp: --now: 'yesterday' is not an ISO 8601 time such as 2026-03-29T14:30\n"
    )
