"""Text is data: no note, id, name or file name can act on the terminal of whoever reads it.

On a shared host a member writes a journal file by hand (or simply runs
`drp note` with escape sequences in it); the coordinator then runs `drp status`
or pastes `drp report`. Each command runs here as a real process on such a
journal, and its output bytes are read as a terminal would get them: no ESC,
no bell, no C1 control, no bidi override, and no value that passes for a line
of its own. The same values come through `--json` exactly as they were
written, and the journal keeps them as written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from console.plan.loader import load_plan
from console.store.journal import JournalReader, JournalWriter, journal_folder
from tests.conftest import ROOT, SHIPPED_PLAN
from tests.hostile import (
    ACTOR,
    DAMAGE,
    DAMAGED_FILE,
    HOSTILE,
    INCIDENT,
    SYSTEM,
    TICKET,
    TITLE,
    hostile_events,
    raw_bytes,
)

DECLARED = datetime(2026, 3, 28, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))
NOW = "2026-03-28T14:00"
FAKE_TASK = "[✓] fake-task done"


def drp(*args: str) -> tuple[int, bytes, bytes]:
    """`drp` as a real process on this tree's code: its exit status and its raw output bytes."""
    completed = subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DRP_LANG": "en"},
        timeout=60,
        check=False,
    )
    return completed.returncode, completed.stdout, completed.stderr


@pytest.fixture
def place(tmp_path: Path) -> tuple[str, ...]:
    """`--plan` and `--state` of a journal holding every hostile text and a hostile file name."""
    plan = tmp_path / "plan.toml"
    plan.write_text(SHIPPED_PLAN.read_text("utf-8"), "utf-8")
    plan.chmod(0o600)
    state = tmp_path / "state"
    writer = JournalWriter(state, host="member")
    for event in hostile_events(load_plan(plan), DECLARED):
        writer.append(event)
    writer.close()
    (journal_folder(state) / DAMAGED_FILE).write_bytes(DAMAGE)
    return ("--plan", str(plan), "--state", str(state))


def fake_lines(text: str) -> list[str]:
    """Lines that a value made look like a task line of its own."""
    return [line for line in text.splitlines() if line.lstrip().startswith(FAKE_TASK)]


def test_status_shows_ids_actors_and_file_names_as_data(place: tuple[str, ...]) -> None:
    status, out, err = drp("status", *place, "--now", NOW)
    assert status == 0, err
    assert raw_bytes(out) == [] and raw_bytes(err) == []
    text, warning = out.decode(), err.decode()
    assert "20260328-␛]0;pwned␇\\x9b31m (total disaster)" in text.splitlines()[0]
    assert f"by member␛]52;c;cm0gLXJmIH4=␇␊  {FAKE_TASK}; T+" in text
    assert f"wan-␛[2J␛[H␊  {FAKE_TASK} wan" in text  # the ticket's id, on the ticket's line
    assert f"main␛]0;pwned␇␊  {FAKE_TASK} running" in text
    assert fake_lines(text) == []
    assert "x[@click=app.quit]y␛]0;pwned␇.toml" in warning


def test_status_json_keeps_every_value_exactly(place: tuple[str, ...]) -> None:
    status, out, err = drp("status", *place, "--now", NOW, "--json")
    assert status == 0, err
    assert raw_bytes(out) == []  # JSON escapes C0; C1 and bidi are written as \u escapes
    data = json.loads(out)
    assert data["incident"]["id"] == INCIDENT
    [ticket] = data["tickets"]
    assert (ticket["id"], ticket["ref"]) == (TICKET, HOSTILE)
    assert [restore["system"] for restore in data["restores"]] == [SYSTEM]


def test_a_note_of_escape_sequences_is_kept_as_written_and_confirmed_as_data(
    place: tuple[str, ...],
) -> None:
    status, out, err = drp("note", *place, HOSTILE)
    assert status == 0, err
    assert raw_bytes(out) == [] and raw_bytes(err) == []
    [line] = out.decode().splitlines()
    assert "␛[2J␛[H␛]0;pwned␇␛]52;c;cm0gLXJmIH4=␇\\x9b31m\\u202etxt.exe\\u202c" in line
    assert "[@click=app.quit]x[/] [b]y[/b]" in line
    state = Path(place[3])
    notes = [e for e in JournalReader(state).poll().events if e.kind == "note"]
    assert [note.text for note in notes] == [HOSTILE, HOSTILE]  # the journal keeps it exactly


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_reports_show_notes_and_refs_as_data(place: tuple[str, ...], fmt: str) -> None:
    status, out, err = drp("report", *place, "--now", NOW, "--format", fmt)
    assert status == 0, err
    assert raw_bytes(out) == []
    text = out.decode()
    assert text.count("␛[2J␛[H") >= 3  # the note, the ticket's reference, the task's note
    assert "␛]0;pwned␇" in text and "␛]52;c;cm0gLXJmIH4=␇" in text
    assert "\\x9b31m" in text and "\\u202etxt.exe\\u202c" in text
    if fmt != "html":  # where a line break in a value is a <br> in its own cell
        assert fake_lines(text) == []


def test_report_json_keeps_every_value_exactly(place: tuple[str, ...]) -> None:
    status, out, err = drp("report", *place, "--now", NOW, "--format", "json")
    assert status == 0, err
    assert raw_bytes(out) == []
    data = json.loads(out)
    assert data["tickets"][0]["ref"] == HOSTILE
    assert {event["actor"] for event in data["latest"]} == {ACTOR}


def test_an_error_quoting_a_typed_value_shows_it_on_one_line(place: tuple[str, ...]) -> None:
    typed = "reported" + TITLE + "\ndrp: done"
    status, out, err = drp("task", *place, typed, "done")
    assert status == 2 and out == b""
    assert raw_bytes(err) == []
    lines = [line for line in err.decode().splitlines() if "journal damage" not in line]
    assert lines == ["drp: no task 'reported␛]0;pwned␇␊drp: done' in the plan"]


def test_a_hostile_plan_name_is_data_in_status_and_the_binder(tmp_path: Path) -> None:
    text = SHIPPED_PLAN.read_text("utf-8")
    hostile = r"OCMW \u001b]0;pwned\u0007 [b]Zonnedaal[/b] \u202e"
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace('name = "OCMW Zonnedaal"', f'name = "{hostile}"', 1), "utf-8")
    plan.chmod(0o600)
    status, out, err = drp("status", "--plan", str(plan), "--state", str(tmp_path / "state"))
    assert status == 0, err
    assert raw_bytes(out) == []
    assert "OCMW ␛]0;pwned␇ [b]Zonnedaal[/b] \\u202e: no active disaster." in out.decode()
    for fmt in ("txt", "md", "html"):
        status, out, err = drp("binder", "--plan", str(plan), "--format", fmt)
        assert status == 0, err
        assert raw_bytes(out) == [], fmt
        assert "␛]0;pwned␇" in out.decode()
