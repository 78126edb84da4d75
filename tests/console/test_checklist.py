"""The checklist tab's actions: every key checked through the journal, and the snapshots.

Each action is driven by its keys on the real console and its result read
back from the journal; viewers are refused, members may move tasks on. The
helpers here are shared with `test_checklist_views.py`. Snapshots at 80x24
cover the tab, a filter and the three dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from console.clock import FixedClock
from console.incident import actions
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.people import Access
from console.tui.app import DrpApp
from console.tui.screens.person_picker import PersonPicker
from console.tui.screens.task_status import TaskStatusDialog
from console.tui.screens.text_prompt import TextPrompt
from console.tui.tabs.checklist import ChecklistTab
from console.tui.widgets.line import Line
from tests.console.conftest import (
    HOST,
    LOGIN,
    NOW,
    Build,
    Notices,
    all_tabs_mounted,
    busy,
    declared,
    journal,
    settle,
)

SIZE = (80, 24)


def tab(app: DrpApp) -> ChecklistTab:
    return app.query_one(ChecklistTab)


def line(app: DrpApp, name: str) -> str:
    return app.query_one(f"#checklist-{name}", Line).text


def shown(app: DrpApp) -> list[str]:
    """The task ids in the table, top to bottom, without the group headers."""
    return [key for key in tab(app).keys if not key.startswith("§")]


def cursor(app: DrpApp) -> str | None:
    return tab(app).current_key()


async def goto(app: DrpApp, pilot: Any, task: str) -> None:
    tab(app).table.move_cursor(row=tab(app).keys.index(task))
    await pilot.pause()


def last(state_dir: Path) -> Any:
    return journal(state_dir)[-1]


def with_login(plan: Plan, person: str) -> Plan:
    """The plan with `person` logging in as the test user."""
    people = [p.model_copy(update={"login": LOGIN}) if p.id == person else p for p in plan.people]
    return plan.model_copy(update={"people": people})


def with_role(plan: Plan, role: str) -> Plan:
    """The plan with "boss" as coordinator and the test user as a member or a viewer."""
    if role == "member":
        return plan.model_copy(update={"access": Access(coordinators=["boss"], members=[LOGIN])})
    return plan.model_copy(update={"access": Access(coordinators=["boss"])})


# Actions, checked in the journal ------------------------------------------------------


async def test_space_and_enter_advance_a_task(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("2", "space")
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).status) == ("evaluation", "doing")
        assert last(state_dir).host == HOST
        await pilot.press("enter")
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).status) == ("evaluation", "done")
        assert cursor(app) == "evaluation"
        assert tab(app).table.get_row("evaluation")[0].plain == "[✓] done"
        count = len(journal(state_dir))
        await pilot.press("space")  # done stays done: s changes it
        await pilot.pause()
        assert len(journal(state_dir)) == count
        assert any("press s" in message for message in notices.messages)


async def test_advance_unblocks(console: Build, state_dir: Path) -> None:
    def blocked(session: Session) -> None:
        busy(session)
        actions.set_task(session, "meeting", "blocked", "zaal bezet")

    app = console(blocked)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "meeting")
        await pilot.press("space")
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).status) == ("meeting", "doing")


async def test_status_dialog_with_a_note(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "a-tech-suppliers")
        await pilot.press("s")
        assert isinstance(app.screen, TaskStatusDialog)
        assert app.screen.chosen() == "doing"  # starts on the current status
        await pilot.press("down", "down", *"wacht", "enter")
        await pilot.pause()
        event = last(state_dir)
        assert (event.task, event.status, event.note) == (
            "a-tech-suppliers",
            "blocked",
            "wacht",
        )
        assert tab(app).table.get_row("a-tech-suppliers")[0].plain == "[#] blocked"
        assert "note: wacht" in line(app, "detail")


async def test_escape_cancels_every_dialog(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        count = len(journal(state_dir))
        for key in "san":
            await pilot.press("2", key, "x", "escape")
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
        assert len(journal(state_dir)) == count


async def test_assign_through_the_picker(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "a-tech-backups")
        await pilot.press("a")
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        assert [c.id for c in picker.shown[:2]] == ["tom-maes", "jeroen-martens"]  # ICT first
        await pilot.press(*"jer", "enter")
        await pilot.pause()
        event = last(state_dir)
        assert (event.kind, event.task, event.person) == (
            "assigned",
            "a-tech-backups",
            "jeroen-martens",
        )
        assert tab(app).table.get_row("a-tech-backups")[3].plain == "Jeroen Mart…"
        assert "Jeroen Martens" in line(app, "detail")


async def test_the_picker_filters_as_you_type(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a")
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        assert len(picker.shown) == 17
        await pilot.press(*"FINANCIE")  # case and accents do not matter: "Financiële dienst"
        assert [c.id for c in picker.shown] == ["koen-claeys", "els-vermeulen"]
        await pilot.press("down")
        assert picker.marked == 1
        await pilot.press(*" els")  # every word must match
        assert [c.id for c in picker.shown] == ["els-vermeulen"]
        await pilot.press(*"zzz")
        assert picker.shown == []
        assert "Nobody matches" in str(picker.query_one("#count").render())
        await pilot.press("enter")  # nothing to take: the picker stays
        assert app.screen is picker


async def test_the_picker_starts_on_the_assignee(console: Build, state_dir: Path) -> None:
    def given(session: Session) -> None:
        busy(session)
        actions.assign(session, "a-tech-backups", "jeroen-martens")

    app = console(given)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "a-tech-backups")
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        assert picker.marked == 1  # Jeroen, after Tom: both hold the ICT role
        await pilot.press("up", "enter")
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).person) == ("a-tech-backups", "tom-maes")


async def test_a_note_keeps_the_status(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "a-tech-suppliers")
        await pilot.press("n")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # an empty note is refused in the dialog
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Dell belt", "enter")
        await pilot.pause()
        event = last(state_dir)
        assert (event.kind, event.task, event.status, event.note) == (
            "task",
            "a-tech-suppliers",
            None,  # a note leaves the status to whoever set it, even meanwhile
            "Dell belt",
        )
        task = app.incident.task("a-tech-suppliers") if app.incident else None
        assert task is not None
        assert (task.status, task.note) == ("doing", "Dell belt")


# Steps done by the events that complete them ----------------------------------------


def step_marks(app: DrpApp) -> dict[str, str]:
    """The status cell of every step, by the step's id."""
    table = tab(app).table
    return {step: table.get_row(step)[0].plain for step in shown(app)[:5]}


async def test_the_journal_ticks_off_the_steps_its_events_complete(
    console: Build, shipped_plan: Plan, state_dir: Path, clock: FixedClock
) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        assert step_marks(app) == {
            "reported": "[✓] done",  # by the declaration
            "gather": "[·] todo",
            "meeting": "[·] todo",
            "evaluation": "[·] todo",
            "decision": "[·] todo",
        }
        # recorded elsewhere, as `drp meeting` and `drp assess` do
        other = Session(shipped_plan, state_dir, clock, login="secretaris", host="elsewhere")
        other.refresh()
        actions.meeting(other, "eerste vergadering", at=NOW.replace(hour=12))
        actions.assess(other, "serverruimte onder water", at=NOW.replace(hour=13))
        other.close()
        app.poll_journal()  # what the once-a-second timer does
        await pilot.pause()
        marks = step_marks(app)
        assert (marks["meeting"], marks["evaluation"]) == ("[✓] done", "[✓] done")
        assert tab(app).table.get_row("meeting")[-1].plain == ""  # no time left on a done step
        await goto(app, pilot, "evaluation")
        assert "changed 13:00" in line(app, "detail")
        await pilot.press("S", "enter")  # the coordinator decides, in the console
        await settle(pilot, lambda: "§priority" in tab(app).keys)
        assert [e.kind for e in journal(state_dir)].count("decided") == 1
        assert step_marks(app) == {
            "reported": "[✓] done",
            "gather": "[·] todo",  # nothing in the journal says the staff gathered
            "meeting": "[✓] done",
            "evaluation": "[✓] done",
            "decision": "[✓] done",
        }
        assert line(app, "status").startswith("Tasks 4/20 done · 1 overdue")
        assert tab(app).table.get_row("§step")[2].plain == "4/5 done"


async def test_a_step_done_by_an_event_can_be_reopened_by_hand(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)  # the meeting was recorded at 11:30
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        await goto(app, pilot, "meeting")
        assert tab(app).table.get_row("meeting")[0].plain == "[✓] done"
        await pilot.press("s", "up", "up", "enter")  # from done to todo
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).status) == ("meeting", "todo")
        assert tab(app).table.get_row("meeting")[0].plain == "[·] todo"


# Who may do what -------------------------------------------------------------------


async def test_a_viewer_changes_nothing(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = with_role(shipped_plan, "viewer")
    console(busy, login="boss", plan=plan)  # recorded by the coordinator
    app = console(plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        count = len(journal(state_dir))
        await pilot.press("2", "space", "s", "a", "n")
        assert app.screen is app.screen_stack[0]  # no dialog opened
        checklist = tab(app)
        for action in ("advance", "status", "assign", "note"):
            assert checklist.check_action(action, ()) is False
        checklist.action_advance()  # reached another way: refused with a message
        await pilot.pause()
        assert len(journal(state_dir)) == count
        assert notices.messages == [f"{LOGIN} is a viewer and cannot change anything"]
        await pilot.press("u")  # but may look
        assert len(shown(app)) == 16
        titles = [command.title for command in checklist.commands()]
        assert titles == [
            "Checklist: my tasks",
            "Checklist: overdue tasks",
            "Checklist: open tasks",
            "Checklist: all tasks",
        ]


async def test_a_member_moves_tasks_on(console: Build, shipped_plan: Plan, state_dir: Path) -> None:
    plan = with_role(shipped_plan, "member")
    console(busy, login="boss", plan=plan)
    app = console(plan=plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "space")
        await pilot.pause()
        assert (last(state_dir).actor, last(state_dir).status) == (LOGIN, "doing")


async def test_palette_commands(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        await pilot.press("2")
        commands = {command.title: command.callback for command in tab(app).commands()}
        assert len(commands) == 8
        commands["Checklist: open tasks"]()
        assert len(shown(app)) == 16
        commands["Checklist: advance task"]()
        await pilot.pause()
        assert (last(state_dir).task, last(state_dir).status) == ("evaluation", "doing")


# Snapshots at 80x24 -----------------------------------------------------------------


def test_snapshot_the_checklist(console: Build, snap_compare: Any) -> None:
    assert snap_compare(console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["2"])


def test_snapshot_before_the_decision_overdue(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(declared), terminal_size=SIZE, run_before=all_tabs_mounted, press=["2", "o"]
    )


def test_snapshot_status_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy),
        terminal_size=SIZE,
        run_before=all_tabs_mounted,
        press=["2", "s", "down", *"bezig"],
    )


def test_snapshot_person_picker(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["2", "a", *"ict"]
    )


def test_snapshot_note_prompt(console: Build, snap_compare: Any) -> None:
    """The prompt after an empty Enter: it says what it needs."""
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["2", "n", "enter"]
    )
