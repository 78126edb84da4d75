"""The incident subcommands end to end: each action lands in the journal, mistakes exit 2,
refusals exit 3, and `status --json` keeps its contract."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.clock import SystemClock
from console.incident import actions
from console.incident.access import current_login
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import JournalReader, journal_folder
from tests.conftest import SHIPPED_PLAN, Result, run_drp_process

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, drp: Run) -> Run:
    """`drp` on the shipped plan with a fresh state directory."""

    def call(*args: str) -> Result:
        return drp(*args, "--plan", str(SHIPPED_PLAN), "--state", str(tmp_path / "state"))

    return call


def status(run: Run, now: str = "2026-03-28T14:00") -> dict[str, Any]:
    result = run("status", "--json", "--now", now)
    assert result.status == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def journal(tmp_path: Path) -> list[Any]:
    return JournalReader(tmp_path / "state").poll().events


def test_every_action_lands_in_the_journal(run: Run, tmp_path: Path) -> None:
    steps = [
        ("declare", "--summary", "Brand in het administratief centrum", "--at", "2026-03-28T12:00"),
        ("contact", "pieter-vandenbroeck", "reached", "--note", "komt", "--at", "2026-03-28T12:10"),
        ("meeting", "--note", "eerste vergadering", "--at", "2026-03-28T13:00"),
        ("assess", "serverruimte onbruikbaar", "--at", "2026-03-28T13:10"),
        ("decide", "A", "--note", "uitwijk", "--at", "2026-03-28T13:30"),
        ("task", "a-tech-suppliers", "doing", "--at", "2026-03-28T13:40"),
        ("assign", "a-tech-suppliers", "tom-maes", "--at", "2026-03-28T13:41"),
        ("note", "leverancier gebeld", "--at", "2026-03-28T13:45"),
        ("component", "wan1", "down", "--note", "kabel", "--at", "2026-03-28T13:50"),
        ("ticket", "open", "wan", "--ref", "INC-1", "--at", "2026-03-28T12:00"),
        ("restore", "main", "running", "--point", "2026-03-27T22:00", "--at", "2026-03-28T13:55"),
        ("recover", "--at", "2026-03-28T13:58"),
        ("close", "--note", "oefening voorbij", "--at", "2026-03-28T13:59"),
    ]
    for step in steps:
        result = run(*step)
        assert result.status == 0, (step, result.err)
    kinds = [e.kind for e in sorted(journal(tmp_path), key=lambda e: e.recorded_at)]
    assert kinds == [
        "declared",
        "contact",
        "meeting",
        "assessment",
        "decided",
        "task",
        "assigned",
        "note",
        "component",
        "ticket-opened",
        "restore",
        "recovery",
        "closed",
    ]
    assert all(e.actor == current_login() for e in journal(tmp_path))


def test_declare_then_status_json_contract(run: Run) -> None:
    assert run("declare", "--kind", "partial", "--at", "2026-03-28T12:00").status == 0
    data = status(run)
    incident = data["incident"]
    assert set(incident) >= {
        "id",
        "drill",
        "declared_at",
        "kind",
        "scenario",
        "target_at",
        "remaining_seconds",
        "closed_at",
    }
    assert incident["declared_at"] == "2026-03-28T12:00:00+01:00"
    assert incident["kind"] == "partial"
    assert incident["scenario"] is None and incident["target_at"] is None
    assert data["targets"] == {
        "A": "2026-03-31T13:00:00+02:00",
        "B": "2026-03-30T13:00:00+02:00",
        "C": "2026-03-31T13:00:00+02:00",
    }
    assert [t["id"] for t in data["tasks"]] == [
        "reported",
        "gather",
        "meeting",
        "evaluation",
        "decision",
    ]
    assert {"id", "title", "status", "owner", "due_at", "overdue"} <= set(data["tasks"][0])
    assert all(c["status"] == "pending" for c in data["contacts"])
    assert {c["id"] for c in data["contacts"]} >= {"pieter-vandenbroeck"}
    assert all(c["status"] == "unknown" for c in data["components"])
    assert data["timeline_count"] == 1


def test_decision_brings_tasks_deadlines_and_remaining_time(run: Run) -> None:
    run("declare", "--at", "2026-03-28T12:00")
    run("decide", "C", "--at", "2026-03-28T13:00")
    data = status(run, "2026-03-28T14:00")
    incident = data["incident"]
    assert incident["scenario"] == "C"
    assert incident["target_at"] == "2026-03-31T13:00:00+02:00"
    assert incident["remaining_seconds"] == 70 * 3600  # 72 real hours, less the 2 gone by
    assert [(d["id"], d["due_at"], d["overdue"]) for d in data["deadlines"]] == [
        ("ccb", "2026-03-29T13:00:00+02:00", False),
        ("gdpr", "2026-03-31T13:00:00+02:00", False),
    ]
    assert any(t["id"].startswith("c-") for t in data["tasks"])


def test_ticket_sla_clock_and_close(run: Run) -> None:
    run("declare", "--at", "2026-11-27T17:00")
    opened = run("ticket", "open", "wan", "--at", "2026-11-27T18:00")
    ticket = opened.out.split()[2]
    assert ticket.startswith("wan-")
    [entry] = status(run, "2026-11-28T10:00")["tickets"]
    assert entry["due_at"] == "2026-11-28T11:00:00+01:00"
    assert entry["overdue"] is False
    assert status(run, "2026-11-28T12:00")["tickets"][0]["overdue"] is True
    assert run("ticket", "close", ticket, "--at", "2026-11-28T10:30").status == 0
    assert status(run, "2026-11-28T12:00")["tickets"][0]["closed_at"] == (
        "2026-11-28T10:30:00+01:00"
    )
    again = run("ticket", "close", ticket)
    assert again.status == 2
    assert f"ticket '{ticket}' is already closed" in again.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("task", "a-tech-supplier", "done"),
            "no task 'a-tech-supplier'; did you mean 'a-tech-suppliers'?",
        ),
        (("contact", "pieter", "reached"), "no person 'pieter'"),
        (("decide", "Z"), "no scenario 'Z'"),
        (("component", "wan", "down"), "no component 'wan'; did you mean 'wan1'?"),
        (("ticket", "open", "wann"), "no provider 'wann'; did you mean 'wan'?"),
        (("restore", "mian", "running"), "no system 'mian'; did you mean 'main'?"),
        (("task", "a-tech-suppliers", "done"), "part of scenario A; no scenario is decided yet"),
        (("note", "  "), "a note needs some text"),
        (("note", "x", "--at", "2099-01-01T00:00"), "is in the future"),
        (("note", "x", "--at", "gisteren"), "'gisteren' is not an ISO 8601 time"),
    ],
)
def test_mistakes_get_a_clear_message_and_exit_2(
    run: Run, args: tuple[str, ...], message: str
) -> None:
    run("declare", "--at", "2026-03-28T12:00")
    result = run(*args)
    assert result.status == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_acting_without_an_incident(run: Run) -> None:
    result = run("note", "hallo")
    assert result.status == 2
    assert "no active disaster: a coordinator declares one first (drp declare)" in result.err
    assert status(run)["incident"] is None


def test_second_real_declaration_is_refused_but_a_drill_may_run(run: Run) -> None:
    assert run("declare", "--at", "2026-03-28T12:00").status == 0
    second = run("declare")
    assert second.status == 2
    assert "a disaster is already active" in second.err
    drill = run("declare", "--drill")
    assert drill.status == 0
    assert "Declared drill DRILL-" in drill.out
    assert status(run)["incident"]["drill"] is False  # the real incident comes first


def test_closed_incident_is_no_longer_active(run: Run) -> None:
    run("declare", "--at", "2026-03-28T12:00")
    run("close", "--at", "2026-03-28T13:00")
    assert run("note", "te laat").status == 2
    assert run("declare", "--at", "2026-03-28T14:00").status == 0


def access_plan(tmp_path: Path, table: str) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(SHIPPED_PLAN.read_text("utf-8") + "\n" + table)
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(
    ("table", "allowed", "refused"),
    [
        (
            "[access]\ncoordinators = ['boss']\nmembers = ['{me}']\n",
            ["note"],
            ["declare", "decide", "recover", "close", "merge"],
        ),
        ("[access]\ncoordinators = ['boss']\nviewers = ['{me}']\n", [], ["note", "declare"]),
        ("[access]\ncoordinators = ['boss']\n", [], ["note", "declare"]),
        (
            "[access]\ncoordinators = ['{me}']\n",
            ["note", "decide", "recover", "close", "merge"],
            [],
        ),
    ],
)
def test_roles_are_enforced_with_exit_3(
    tmp_path: Path, drp: Run, table: str, allowed: list[str], refused: list[str]
) -> None:
    me = current_login()
    plan = access_plan(tmp_path, table.format(me=me))
    state = tmp_path / "state"
    declarer = "boss" if "boss" in table else me  # a coordinator declares, in a file of ours
    session = Session(load_plan(plan), state, SystemClock(), login=declarer)
    actions.declare(session, summary="brand")
    session.close()
    other = tmp_path / "other"
    journal_folder(other).mkdir(parents=True)
    commands = {
        "note": ("note", "hallo"),
        "declare": ("declare", "--drill"),
        "decide": ("decide", "A"),
        "recover": ("recover",),
        "close": ("close",),
        "merge": ("merge", str(other)),
    }
    for name in allowed:
        result = drp(*commands[name], "--plan", str(plan), "--state", str(state))
        assert result.status == 0, (name, result.err)
    for name in refused:
        result = drp(*commands[name], "--plan", str(plan), "--state", str(state))
        assert result.status == 3, (name, result.err)
        assert result.err.startswith("drp: ")
        assert ("viewer" in result.err) or ("only a coordinator" in result.err)


def test_the_step_plan_follows_the_journal(run: Run) -> None:
    for action in [
        ("declare", "--at", "2026-03-28T12:00"),
        ("meeting", "--note", "eerste vergadering", "--at", "2026-03-28T12:40"),
        ("assess", "serverruimte onbruikbaar", "--at", "2026-03-28T13:10"),
        ("decide", "A", "--at", "2026-03-28T13:30"),
    ]:
        assert run(*action).status == 0
    steps = {t["id"]: t for t in status(run)["tasks"] if t["phase"] == "step"}
    assert {task: step["status"] for task, step in steps.items()} == {
        "reported": "done",
        "gather": "todo",
        "meeting": "done",
        "evaluation": "done",
        "decision": "done",
    }
    assert not steps["decision"]["overdue"]
    run("task", "meeting", "doing", "--note", "niet voltallig", "--at", "2026-03-28T13:45")
    assert {t["id"]: t["status"] for t in status(run)["tasks"]}["meeting"] == "doing"


def test_status_text_reads_without_colour(run: Run) -> None:
    run("declare", "--at", "2026-03-28T12:00")
    result = run("status", "--now", "2026-03-28T15:30")
    assert result.status == 0
    assert "T+3:30" in result.out
    assert "Tuesday, 31 March 2026 at 13:00 CEST" in result.out
    rows = {line.split()[1]: line for line in result.out.splitlines() if line.startswith("  [")}
    # the checkbox says the status; the time left says "!" under two hours, "LATE" past due
    assert rows["gather"].startswith("  [·] gather") and rows["gather"].endswith("LATE 0:30")
    assert rows["meeting"].startswith("  [·] meeting") and rows["meeting"].endswith("! 0:30 left")
    assert rows["reported"].startswith("  [✓] reported")  # done by the declaration
    assert "[!]" not in result.out


def test_merge_two_state_directories(tmp_path: Path, drp: Run) -> None:
    plan = str(SHIPPED_PLAN)
    laptop, server = str(tmp_path / "laptop"), str(tmp_path / "server")
    drp("declare", "--plan", plan, "--state", server, "--at", "2026-03-28T12:00")
    first = drp("merge", server, "--plan", plan, "--state", laptop)
    assert first.status == 0, first.err
    assert "Merged 1 new event" in first.out
    drp("note", "op de laptop", "--plan", plan, "--state", laptop)
    drp("note", "op de server", "--plan", plan, "--state", server)
    assert "Merged 1 new event" in drp("merge", laptop, "--plan", plan, "--state", server).out
    assert "Merged 1 new event" in drp("merge", server, "--plan", plan, "--state", laptop).out
    assert "Merged 0 new events" in drp("merge", server, "--plan", plan, "--state", laptop).out
    ids = [{e.id for e in JournalReader(Path(d)).poll().events} for d in (laptop, server)]
    assert ids[0] == ids[1] and len(ids[0]) == 3


def test_merge_refuses_a_folder_that_is_not_a_state_directory(tmp_path: Path, run: Run) -> None:
    result = run("merge", str(tmp_path))
    assert result.status == 2
    assert "is not a drp state directory" in result.err


def test_default_state_directory_is_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(SHIPPED_PLAN.read_text("utf-8"))
    result = run_drp_process("declare", "--plan", str(plan), env={"DRP_STATE": ""})
    assert result.status == 0, result.err
    assert (tmp_path / "drp-state" / "journal").is_dir()
    result = run_drp_process(
        "status", "--json", cwd=tmp_path, env={"DRP_STATE": "", "DRP_PLAN": ""}
    )
    assert json.loads(result.out)["incident"] is not None


def test_a_closed_incident_named_explicitly_takes_no_more_events(run: Run) -> None:
    declared = run("declare", "--at", "2026-03-28T12:00")
    incident = declared.out.split()[2]
    run("close", "--at", "2026-03-28T13:00")
    for action in (("close",), ("note", "nog iets")):
        result = run(*action, "--incident", incident)
        assert result.status == 2
        assert (
            f"incident {incident} was closed at Saturday, 28 March 2026 at 13:00 CET" in result.err
        )


def test_an_argument_that_is_not_utf8_gets_a_clear_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "console",
            "note",
            b"caf\xe9",
            "--plan",
            str(SHIPPED_PLAN),
            "--state",
            str(tmp_path / "state"),
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert b"drp: an argument is not valid UTF-8 text" in completed.stderr
    assert b"Traceback" not in completed.stderr


def test_plan_and_state_may_come_before_the_subcommand(tmp_path: Path, drp: Run) -> None:
    state = str(tmp_path / "state")
    result = drp(
        "--plan", str(SHIPPED_PLAN), "--state", state, "declare", "--at", "2026-03-28T10:00"
    )
    assert result.status == 0, result.err
    result = drp("--plan", str(SHIPPED_PLAN), "--state", state, "status", "--json")
    assert json.loads(result.out)["incident"]["declared_at"] == "2026-03-28T10:00:00+01:00"
