"""A new event kind or status is handled everywhere, because mypy names every place.

The fold, the brief and the vocabulary match on the event classes and on the
status `Literal`s and end in `assert_never`. This test adds an event kind and
a status of each family to a copy of the package and runs mypy on it: the
errors must name exactly the functions that have to learn the newcomer, the
list the README's development section gives. A match that quietly ignores
the newcomer, or one that crashes at run time, fails it.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

NEW_KIND = '''
class Escalated(BaseEvent):
    """A new kind of event, for the test."""

    kind: Literal["escalated"] = "escalated"


Event = Annotated[
    Escalated
    | Declared'''

STATUSES = {
    'TaskStatus = Literal["todo"': 'TaskStatus = Literal["waiting", "todo"',
    'ContactResult = Literal["reached"': 'ContactResult = Literal["busy", "reached"',
    'ComponentStatus = Literal["up"': 'ComponentStatus = Literal["flaky", "up"',
    'RestoreStatus = Literal["planned"': 'RestoreStatus = Literal["copying", "planned"',
    'Extent = Literal["total"': 'Extent = Literal["local", "total"',
    'ReportKind = Literal["status"': 'ReportKind = Literal["flash", "status"',
    'Audience = Literal["board"': 'Audience = Literal["press", "board"',
}

EXPECTED = {
    ("console/incident/brief.py", "take"),
    ("console/incident/fold.py", "fold"),
    ("console/incident/words.py", "kind_word"),
    ("console/incident/words.py", "event_detail"),
    ("console/incident/words.py", "task_word"),
    ("console/incident/words.py", "task_mark"),
    ("console/incident/words.py", "contact_word"),
    ("console/incident/words.py", "component_word"),
    ("console/incident/words.py", "component_marker"),
    ("console/incident/words.py", "restore_word"),
    ("console/incident/words.py", "restore_meaning"),
    ("console/incident/words.py", "extent_word"),
    ("console/incident/words.py", "report_word"),
    ("console/incident/words.py", "audience_word"),
}
"""Every function that must learn a new event kind or status: mypy names each one."""


def enclosing_function(path: Path, line: int) -> str:
    """The name of the innermost function around `line`."""
    around = [
        node
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    return max(around, key=lambda node: node.lineno).name if around else ""


def test_mypy_names_every_place_a_new_kind_or_status_must_be_handled(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "console", tmp_path / "console")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    events = tmp_path / "console" / "incident" / "events.py"
    source = events.read_text("utf-8").replace("\n\nEvent = Annotated[\n    Declared", NEW_KIND, 1)
    for old, new in STATUSES.items():
        assert old in source, old
        source = source.replace(old, new, 1)
    events.write_text(source, "utf-8")

    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "console"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    named = set()
    for match in re.finditer(r"^(console/\S+\.py):(\d+): error: (.*)$", completed.stdout, re.M):
        file, line, message = match.groups()
        assert "assert_never" in message, match.group(0)
        named.add((file, enclosing_function(tmp_path / file, int(line))))
    assert named == EXPECTED
