"""One policy for every key that records, on every tab, in the words of the command line.

Each tab lists the actions that record (`RECORDS`) and the app its
coordinator keys; one policy decides for all of them: hidden from a role
that may never take them, greyed out while there is no active disaster,
enabled during one. Reached another way they are refused with the message
`drp` prints, and what is recorded is confirmed in the line `drp` prints.
A palette command on a tab never shown waits for the tab's rows, on every
tab alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot

from console.incident.access import refusal
from console.incident.errors import NoActiveIncident
from console.incident.events import Contacted, TaskChanged
from console.incident.words import confirmation
from console.plan.model import Plan
from console.plan.people import Access
from console.tui.app import TABS, DrpApp
from console.tui.coordinator import COORDINATOR_KEYS
from console.tui.screens.choice import ChoiceDialog
from console.tui.screens.note import NoteDialog
from console.tui.screens.restore import RestoreDialog
from console.tui.tabs.base import ConsoleTab
from tests.console.conftest import LOGIN, Build, Notices, all_tabs_mounted, busy, journal, settle

VIEWER = "viewer-test"


def recording_keys(app: DrpApp) -> list[tuple[ConsoleTab, str]]:
    """Every tab with each of its actions that record."""
    found = []
    for tab_id, _label, _name in TABS:
        tab = app.query_one(f"#{tab_id}-tab", ConsoleTab)
        found += [(tab, action) for action in tab.RECORDS]
    return found


def as_viewer(plan: Plan) -> Plan:
    """The plan with an access table: the tests' coordinator records, `VIEWER` looks."""
    return plan.model_copy(update={"access": Access(coordinators=[LOGIN], viewers=[VIEWER])})


async def test_every_tab_records_something_and_declares_it() -> None:
    from console.tui.app import tab_class

    assert all(tab_class(tab_id, name).RECORDS for tab_id, _label, name in TABS)


async def test_a_viewer_sees_no_key_that_records(console: Build, shipped_plan: Plan) -> None:
    console(busy, plan=as_viewer(shipped_plan))
    app = console(login=VIEWER, plan=as_viewer(shipped_plan))
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        assert {(tab.id, a): tab.check_action(a, ()) for tab, a in recording_keys(app)} == {
            (tab.id, a): False for tab, a in recording_keys(app)
        }
        assert [app.check_action(key, ()) for key in COORDINATOR_KEYS] == [False] * 4


async def test_without_a_disaster_every_key_that_records_is_greyed_out(console: Build) -> None:
    app = console()
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        assert {tab.check_action(a, ()) for tab, a in recording_keys(app)} == {None}
        assert {key: app.check_action(key, ()) for key in COORDINATOR_KEYS} == {
            "declare": True,
            "decide": None,
            "recover": None,
            "close_incident": None,
        }


async def test_during_a_disaster_every_key_that_records_works(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        assert {tab.check_action(a, ()) for tab, a in recording_keys(app)} == {True}
        assert [app.check_action(k, ()) for k in ("decide", "recover", "close_incident")] == [
            True
        ] * 3


async def test_every_refusal_reads_as_on_the_command_line(
    console: Build, shipped_plan: Plan, notices: Notices
) -> None:
    console(busy, plan=as_viewer(shipped_plan))
    app = console(login=VIEWER, plan=as_viewer(shipped_plan))
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await all_tabs_mounted(pilot)
        keys = recording_keys(app)
        for tab, action in keys:
            assert tab.incident_to_record(action) is None
        for key in ("decide", "recover", "close_incident"):
            assert app.incident_to_act_on(key) is None
        await pilot.pause()
    words = refusal("viewer", VIEWER, "note")
    assert words is not None
    assert notices.messages == [words.message] * (len(keys) + 3)
    assert set(notices.titles) == {"Not allowed"}


async def test_without_a_disaster_every_tab_says_so_as_the_command_line_does(
    console: Build, notices: Notices, tmp_path: Path, drp: Callable[..., object]
) -> None:
    app = console()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await all_tabs_mounted(pilot)
        keys = recording_keys(app)
        for tab, action in keys:
            assert tab.incident_to_record(action) is None
        await pilot.pause()
    assert notices.messages == [NoActiveIncident().message] * len(keys)
    assert set(notices.titles) == {"Not recorded"}


async def test_the_console_confirms_in_the_command_lines_words(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        await pilot.press("2")
        await all_tabs_mounted(pilot)
        await pilot.press("space")
        await pilot.pause()
    last = journal(state_dir)[-1]
    assert isinstance(last, TaskChanged)
    assert notices.messages[-1] == confirmation(last, shipped_plan)


def first_offer(app: App[None]) -> str:
    """The text of the command the palette would run on Enter, if it lists any yet."""
    found = app.screen.query(CommandList)
    if not found or found.first().option_count == 0:
        return ""
    prompt = found.first().get_option_at_index(0).prompt
    return getattr(prompt, "plain", str(prompt))


async def palette(pilot: Pilot[None], command: str) -> None:
    """Run `command` through the command palette, as a person types it."""
    await pilot.press("ctrl+p")
    await pilot.press(*("space" if char == " " else char for char in command))
    await settle(pilot, lambda: first_offer(pilot.app).startswith(command))
    await pilot.press("enter")


@pytest.mark.parametrize(
    ("command", "dialog"),
    [
        ("Infrastructure: set a component", ChoiceDialog),
        ("Restore status: Dagelijkse", RestoreDialog),
        ("Add a note", NoteDialog),
    ],
)
async def test_a_palette_command_opens_its_dialog_on_a_tab_never_shown(
    console: Build, command: str, dialog: type
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        await palette(pilot, command)
        await settle(pilot, lambda: isinstance(app.screen, dialog))


async def test_a_palette_command_acts_on_the_first_row_of_a_tab_never_shown(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    async with app.run_test(size=(80, 24)) as pilot:
        await all_tabs_mounted(pilot)
        await palette(pilot, "Contacts: reached")
        await settle(pilot, lambda: isinstance(journal(state_dir)[-1], Contacted))
        await palette(pilot, "Checklist: advance task")
        await settle(pilot, lambda: isinstance(journal(state_dir)[-1], TaskChanged))
    called, advanced = journal(state_dir)[-2:]
    assert isinstance(called, Contacted) and called.person == "pieter-vandenbroeck"
    assert isinstance(advanced, TaskChanged) and advanced.status is not None
