"""Snapshots of the app's own screens at 80x24: the header's states and the coordinator's dialogs.

Each tab's snapshots live with the tab's tests. Update after a deliberate
change with `pytest tests/console --snapshot-update`, and look at the result.
"""

from __future__ import annotations

from typing import Any

from tests.console.conftest import Build, busy, declared

SIZE = (80, 24)


def test_no_active_disaster(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(), terminal_size=SIZE)


def test_declared_before_the_decision(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(declared), terminal_size=SIZE)


def test_declare_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(), terminal_size=SIZE, press=["D", *"Brand"])


def test_decide_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(declared), terminal_size=SIZE, press=["S"])


def test_recover_confirmation(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, press=["R"])


def test_close_confirmation(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, press=["X"])


def test_drill_badge(console: Build, snap_compare: Any) -> None:
    from console.incident import actions

    def drill(session: Any) -> None:
        from tests.console.conftest import DECLARED

        actions.declare(session, "partial", "Oefening", drill=True, at=DECLARED)

    assert snap_compare(console(drill), terminal_size=SIZE)


def test_command_palette(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, press=["ctrl+p", *"scen"])
