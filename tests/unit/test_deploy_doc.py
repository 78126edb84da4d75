"""docs/deploy.md says what works: its `drp` command lines parse, and its mail script runs.

A sysadmin copies these lines as they are. Every `drp` invocation in the
guide's code blocks (in scripts, in `su -c '...'`, after `ForceCommand`) is
parsed by drp's own argument parser, so a renamed option or subcommand fails
here rather than on the host. The cron entry runs the mail script every two
hours, and the script itself is run against real journals through real
`drp` processes of this checkout: it mails the status report while a real
incident is active and stays quiet without one or during a drill. `mail` is
a stand-in that keeps what it is given (this machine has no mail relay).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.cli import build_parser
from console.clock import SystemClock
from console.incident import actions
from console.incident.session import Session
from console.plan.loader import load_plan
from tests.conftest import ROOT, SHIPPED_PLAN

DEPLOY = ROOT / "docs" / "deploy.md"
TEXT = DEPLOY.read_text("utf-8")
OPERATORS = set("();<>|&\n")
WRAPPERS = {"sudo", "exec", "ForceCommand", "nice", "env"}


def code_blocks(text: str = TEXT) -> list[tuple[str, str]]:
    """Every fenced code block: its language tag and its text."""
    return re.findall(r"(?ms)^ *```(\w*)\n(.*?)^ *```", text)


def block_text(block: str) -> str:
    """A block's text without the indentation it has inside a list item."""
    lines = block.splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:] for line in lines)


def tokens(script: str) -> list[str]:
    """Shell words and operators (a line break is one), with comments left out."""
    # shlex drops a comment with its line break: doubling them keeps one as a token.
    lexer = shlex.shlex(script.replace("\n", "\n\n"), posix=True, punctuation_chars="();<>|&\n")
    lexer.whitespace = " \t\r"
    lexer.whitespace_split = True
    return list(lexer)


def drp_invocations(script: str) -> Iterator[list[str]]:
    """The arguments of every `drp` run in `script`, also inside `sh -c '...'` and `su -c`."""
    words = tokens(script)
    at_command = True
    for index, word in enumerate(words):
        if set(word) <= OPERATORS or word.endswith("$"):  # an operator, or `x=$(`
            at_command = True
            continue
        if index > 0 and words[index - 1] == "-c":
            yield from drp_invocations(word)
        if not at_command:
            continue
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", word) or word in WRAPPERS:
            continue  # an assignment before the command, or a command that runs the next
        at_command = False
        if word == "drp" or word.endswith("/drp"):
            arguments = []
            for argument in words[index + 1 :]:
                if set(argument) <= OPERATORS:
                    break
                arguments.append(argument)
            yield arguments


def all_invocations() -> list[list[str]]:
    return [
        arguments
        for _language, block in code_blocks()
        for arguments in drp_invocations(block_text(block))
    ]


def test_the_readme_links_the_guide() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "(docs/deploy.md)" in readme


def test_the_finder_sees_drp_where_it_runs_and_nowhere_else() -> None:
    script = (
        "ln -s /opt/drp/bin/drp /usr/local/bin/drp  # drp status\n"
        "x=$(drp status --json) && DRP_LANG=nl drp check | head\n"
        "su - an -c 'drp --plan p.toml note \"hi\"'\n"
        "ForceCommand /usr/local/bin/drp --plan /srv/p.toml\n"
    )
    assert list(drp_invocations(script)) == [
        ["status", "--json"],
        ["check"],
        ["--plan", "p.toml", "note", "hi"],
        ["--plan", "/srv/p.toml"],
    ]


def test_every_drp_command_line_in_the_guide_parses(capsys: pytest.CaptureFixture[str]) -> None:
    found = all_invocations()
    assert len(found) >= 10
    parser = build_parser()
    for arguments in found:
        try:
            parser.parse_args(arguments)
        except SystemExit as leaving:  # --version prints and leaves with 0: also valid
            assert leaving.code == 0, f"drp {shlex.join(arguments)}: {capsys.readouterr().err}"


def test_the_guide_covers_what_the_issue_asks() -> None:
    commands = {" ".join(arguments) for arguments in all_invocations()}
    assert "status --json" in commands
    assert "report --format txt" in commands
    assert "--plan /srv/drp/plan.toml" in commands  # ForceCommand
    assert any(command.endswith("merge ~/drp-from-host") for command in commands)
    for needle in (
        "chmod 640",
        "chmod 3770",
        "groupadd crisis",
        "python3 -m venv /opt/drp",
        "/opt/drp/bin/pip install .",
        "ln -s /opt/drp/bin/drp /usr/local/bin/drp",
        "AcceptEnv COLORTERM LANG LC_* DRP_LANG",
        "[access]",
        "ssh -L 8000:127.0.0.1:8000",
    ):
        assert needle in TEXT, needle
    begin, end = TEXT.index("<!-- journal-trust"), TEXT.index("<!-- /journal-trust -->")
    assert "What the shared journal folder trusts" in TEXT[begin:end]


def mail_script() -> str:
    [script] = [block for _language, block in code_blocks() if block.startswith("#!/bin/sh")]
    return script


def cron_entry() -> tuple[dict[str, str], list[str]]:
    """The cron file's variables and its one job's fields."""
    [block] = [block for language, block in code_blocks() if language == "cron"]
    variables, jobs = {}, []
    for line in block.splitlines():
        if "=" in line.split()[0]:
            name, value = line.split("=", 1)
            variables[name] = value
        else:
            jobs.append(line.split())
    [job] = jobs
    return variables, job


def test_the_cron_entry_runs_the_mail_script_every_two_hours() -> None:
    variables, job = cron_entry()
    assert job[:5] == ["0", "*/2", "*", "*", "*"]
    user, script, *addresses = job[5:]
    assert f"{user} {script}" in TEXT and user in TEXT[TEXT.index("[access]") :]
    assert f"`{script}`" in TEXT  # the guide names the file the script goes in
    assert addresses and all("@" in address for address in addresses)
    assert variables["DRP_PLAN"] == "/srv/drp/plan.toml"
    assert "/usr/local/bin" in variables["PATH"].split(":")


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_mail_script(tmp_path: Path) -> Run:
    """Run the guide's mail script with this checkout's `drp` and a `mail` that keeps its input."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    drp = bin_dir / "drp"
    drp.write_text(
        f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(ROOT))} exec {shlex.quote(sys.executable)} "
        '-m console "$@"\n'
    )
    mail = bin_dir / "mail"
    mail.write_text(
        '#!/bin/sh\nn=$(ls "$MAILBOX" | wc -l)\n'
        '{ printf "%s\\n" "$@"; echo ---; cat; } > "$MAILBOX/$n"\n'
    )
    script = bin_dir / "drp-status-mail"
    script.write_text(mail_script())
    for program in (drp, mail, script):
        program.chmod(0o755)
    mailbox = tmp_path / "mailbox"
    mailbox.mkdir()

    def run(plan: Path, *addresses: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "DRP_PLAN": str(plan),
            "DRP_LANG": "en",
            "MAILBOX": str(mailbox),
        }
        env.pop("DRP_STATE", None)
        return subprocess.run(
            [str(script), *addresses], capture_output=True, text=True, env=env, timeout=120
        )

    return run


def mails(tmp_path: Path) -> list[list[str]]:
    return [
        path.read_text("utf-8").splitlines() for path in sorted((tmp_path / "mailbox").iterdir())
    ]


@pytest.fixture
def plan(private_copy: Callable[..., Path]) -> Path:
    return private_copy(SHIPPED_PLAN)


def session_on(plan: Path) -> Session:
    session = Session(load_plan(plan), plan.parent / "drp-state", SystemClock())
    session.refresh()
    return session


def test_the_mail_script_stays_quiet_without_an_incident_or_during_a_drill(
    plan: Path, run_mail_script: Run, tmp_path: Path
) -> None:
    quiet = run_mail_script(plan, "staf@example.org")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    session = session_on(plan)
    actions.declare(session, "partial", "Oefening", drill=True)
    session.close()
    during_drill = run_mail_script(plan, "staf@example.org")
    assert (during_drill.returncode, during_drill.stderr) == (0, "")
    assert mails(tmp_path) == []


def test_the_mail_script_mails_the_status_report_during_a_real_incident(
    plan: Path, run_mail_script: Run, tmp_path: Path
) -> None:
    session = session_on(plan)
    actions.declare(session, "partial", "Oefening", drill=True)
    real = actions.declare(session, "total", "Brand in het archief")
    session.close()
    result = run_mail_script(plan, "staf@example.org", "raad@example.org")
    assert (result.returncode, result.stderr) == (0, "")
    [mail] = mails(tmp_path)
    separator = mail.index("---")
    assert mail[:separator] == [
        "-s",
        f"Statusrapport {real.incident}",
        "staf@example.org",
        "raad@example.org",
    ]
    body = "\n".join(mail[separator + 1 :])
    assert f"Status report {real.incident}" in body
    assert "DRILL" not in body
    status = subprocess.run(
        [sys.executable, "-m", "console", "status", "--json", "--plan", str(plan)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert json.loads(status.stdout)["timeline_count"] == 2  # the declaration, the report issued


def test_the_mail_script_fails_loudly_on_a_broken_plan(
    private_copy: Callable[..., Path], run_mail_script: Run, tmp_path: Path
) -> None:
    broken = private_copy("[organisation]\nname = 1\n")
    result = run_mail_script(broken, "staf@example.org")
    assert result.returncode == 2
    assert str(broken) in result.stderr  # cron mails this to MAILTO
    assert mails(tmp_path) == []
