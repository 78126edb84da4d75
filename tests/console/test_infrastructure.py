"""The infrastructure tab on key 4: component status, provider tickets and their SLA clocks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, TabbedContent

from console.clock import FixedClock
from console.incident import actions
from console.incident.errors import NoActiveIncident
from console.incident.events import ComponentChanged, TicketClosed, TicketOpened
from console.incident.session import Session
from console.plan.model import Plan
from console.plan.people import Access
from console.present.infrastructure import plan_text
from console.tui.app import DrpApp
from console.tui.screens.choice import ChoiceDialog
from console.tui.screens.confirm import ConfirmDialog
from console.tui.screens.ticket import TicketDialog
from console.tui.tabs.infrastructure import InfrastructureTab
from console.tui.widgets.table import Column, FittedTable, fit
from tests.console.conftest import (
    DECLARED,
    LOGIN,
    NOW,
    Build,
    Notices,
    all_tabs_mounted,
    busy,
    journal,
    settle,
)

SIZE = (80, 24)


def tab(app: DrpApp) -> InfrastructureTab:
    return app.query_one(InfrastructureTab)


def table(app: DrpApp, name: str) -> FittedTable:
    return app.query_one(f"#{name}", FittedTable)


def cells(app: DrpApp, name: str, key: str) -> list[str]:
    return [text.plain for text in table(app, name).get_row(key)]


def title(app: DrpApp, name: str) -> str:
    return str(app.query_one(f"#{name}-title").render())


def kinds(state_dir: Path, kind: type) -> list[Any]:
    return [event for event in journal(state_dir) if isinstance(event, kind)]


def wan_ticket(app: DrpApp) -> str:
    """The ticket `busy` opens with the WAN provider."""
    state = tab(app).incident
    assert state is not None
    return next(t.id for t in state.tickets if t.provider == "wan")


async def open_tab(pilot: Pilot[Any]) -> None:
    await all_tabs_mounted(pilot)
    await pilot.press("4")
    await pilot.pause()


def two_tickets(session: Session) -> None:
    """`busy`, and a second ticket, with the server supplier, already closed."""
    busy(session)
    actions.open_ticket(session, "srv", "JSB-77", at=DECLARED.replace(hour=11))
    ticket = session.state(session.select(None).id).tickets[-1].id
    actions.close_ticket(session, ticket, "opgelost", at=DECLARED.replace(hour=12))


# Layout helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("room", "expected"),
    [(30, (10, 10, 10)), (40, (10, 16, 14)), (24, (10, 4, 10)), (10, (10, 4, 4))],
)
def test_columns_share_the_room(room: int, expected: tuple[int, ...]) -> None:
    columns = [Column("a", "A", 10), Column("b", "B", 10, grow=3), Column("c", "C", 10, grow=2)]
    assert fit(columns, room) == expected


def test_the_plan_text_has_every_section(shipped_plan: Plan) -> None:
    text = plan_text(shipped_plan).plain
    for heading in ("SITES", "TELEPHONY", "ICT CONFIGURATION (Q3 2026)", "SERVICE LEVEL"):
        assert heading in text
    assert "here: WAN, servers, phone line, telephone exchange" in text
    assert "wan1 WAN aansluiting (Internet + KSZ)" in text
    assert "500/100 Mbps" in text
    assert "VLANs: 10 IP telefonie · 20 Wifi internal" in text
    assert "KLANTENNR 7301 4582" in text
    assert "tel-fax Analoog · 1 internal numbers · Zuiderlijn Telecom NV" in text


# Components -------------------------------------------------------------------


async def test_components_show_their_status_broken_first(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        components = table(app, "components")
        assert components.keys[0] == "wan1"  # down, so first
        assert cells(app, "components", "wan1") == [
            "[DOWN]",
            "wan1 WAN aansluiting (Internet + KSZ)",
            "admin",
            "10:30",
            "kabel",
        ]
        assert cells(app, "components", "hv1")[0] == "[ ?? ]"
        assert len(components.keys) == len(app.context.plan.components())
        assert title(app, "components").startswith("Components: 1 down, 12 unknown")
        assert app.focused is components


async def test_c_sets_the_status_through_the_choice(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.query_one(OptionList).highlighted == 2  # down, the current status
        await pilot.press("down", "enter")
        await pilot.pause()
        [change] = kinds(state_dir, ComponentChanged)[1:]
        assert (change.component, change.status, change.actor) == ("wan1", "unknown", LOGIN)
        await pilot.press("c", "up", "up", "enter")  # from unknown, past down, to degraded
        await pilot.pause()
        assert kinds(state_dir, ComponentChanged)[-1].status == "degraded"
        assert cells(app, "components", "wan1")[:2] == [
            "[degr]",
            "wan1 WAN aansluiting (Internet + KSZ)",
        ]


async def test_enter_on_a_component_opens_the_choice_and_escape_cancels(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "hv1" in app.screen.title_text
        await pilot.press("escape")
        await pilot.pause()
        assert len(kinds(state_dir, ComponentChanged)) == 1  # only busy's
        await pilot.press("enter", "up", "enter")  # unknown -> down
        await pilot.pause()
        assert [(c.component, c.status) for c in kinds(state_dir, ComponentChanged)][-1] == (
            "hv1",
            "down",
        )
        assert table(app, "components").keys[:2] == ["hv1", "wan1"]  # down, in plan order
        assert table(app, "components").selected == "hv1"  # the cursor follows it


# Tickets ----------------------------------------------------------------------


async def test_tickets_show_their_sla_clock(console: Build) -> None:
    app = console(two_tickets)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        tickets = table(app, "tickets")
        assert tickets.keys[0] == wan_ticket(app)  # open ones first
        assert cells(app, "tickets", wan_ticket(app)) == [
            wan_ticket(app),
            "Brabonet NV",
            "INC-4471",
            "10:45",
            "15:45",
            "! 1:45 left",
        ]
        closed = cells(app, "tickets", tickets.keys[1])
        assert closed[1:] == [  # the SLA counts Monday to Friday only
            "Infodata Systemen NV",
            "JSB-77",
            "11:00",
            "Tue 31 Mar 09:00",
            "closed 12:00",
        ]
        assert title(app, "tickets").startswith("Provider tickets: 1 open, 0 past the SLA")


async def test_the_sla_clock_ticks_and_nothing_else_is_redrawn(
    console: Build, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = console(two_tickets)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        updated: list[tuple[str, str]] = []
        original = FittedTable.update_cell

        def spy(self: FittedTable, row: Any, column: Any, value: Any, **kw: Any) -> None:
            updated.append((str(self.id), column))
            original(self, row, column, value, **kw)

        monkeypatch.setattr(FittedTable, "update_cell", spy)
        clock.set(NOW + timedelta(minutes=1, seconds=5))
        app.tick()  # what the once-a-second timer does
        await pilot.pause()
        assert cells(app, "tickets", wan_ticket(app))[-1] == "! 1:44 left"
        assert updated == [("tickets", "left")]  # one cell, once
        clock.set(NOW + timedelta(hours=2))
        app.tick()
        await pilot.pause()
        assert cells(app, "tickets", wan_ticket(app))[-1] == "LATE 0:15"
        assert "1 past the SLA" in title(app, "tickets")


async def test_t_opens_a_ticket_with_the_provider_chosen(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("down", "down", "down", "down", "down")  # fw1, whose provider is fw
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TicketDialog)
        providers = dialog.query_one(OptionList)
        assert providers.get_option_at_index(providers.highlighted or 0).id == "fw"
        assert "helpdesk 0800 99 126" in str(dialog.query_one("#provider-detail").render())
        await pilot.press("up", "enter", *"TCK-9", "enter")  # Delta Voice, the exchange
        await pilot.pause()
        opened = kinds(state_dir, TicketOpened)[-1]
        assert (opened.provider, opened.ref, opened.actor) == ("tel-pbx", "TCK-9", LOGIN)
        assert opened.ticket in table(app, "tickets").keys
        assert cells(app, "tickets", opened.ticket)[-2:] == ["no SLA", "—"]


async def test_the_ticket_dialog_marks_the_slas_and_escape_cancels(
    console: Build, state_dir: Path
) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("t")
        await pilot.pause()
        providers = app.screen.query_one(OptionList)
        prompts = [str(providers.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[0].startswith("SLA 5 h  Brabonet NV")  # wan1's provider, preselected
        assert prompts[1].startswith("         Zuiderlijn Telecom NV")
        assert providers.highlighted == 0
        await pilot.press("escape")
        await pilot.pause()
        assert len(kinds(state_dir, TicketOpened)) == 1  # busy's
        await pilot.press("t", "ctrl+s")  # straight away: no reference is fine
        await pilot.pause()
        assert [(t.provider, t.ref) for t in kinds(state_dir, TicketOpened)][-1] == ("wan", "")


async def test_x_closes_the_selected_ticket_after_asking(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    app = console(two_tickets)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        await pilot.press("tab")
        assert app.focused is table(app, "tickets")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(kinds(state_dir, TicketClosed)) == 1  # the srv ticket, closed before
        await pilot.press("x", *"hersteld", "enter")
        await pilot.pause()
        closed = kinds(state_dir, TicketClosed)[-1]
        assert (closed.ticket, closed.note) == (wan_ticket(app), "hersteld")
        assert cells(app, "tickets", wan_ticket(app))[-1] == "closed 14:00"
        assert tab(app).check_action("close_ticket", ()) is None  # nothing open to close
        await pilot.press("down")
        tab(app).action_close_ticket()
        await pilot.pause()
        assert "already closed" in notices.messages[-1]


async def test_tab_moves_between_the_tables_and_the_plan(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        order = []
        for _ in range(4):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["components", "tickets", "infrastructure-plan", "components"]
        await pilot.press("shift+tab")
        assert app.focused is table(app, "components")
        await pilot.press("shift+tab")
        assert app.focused is app.query_one("#infrastructure-plan")
        assert app.query_one(TabbedContent).active == "infrastructure"


# Who may do what ------------------------------------------------------------------


async def test_without_a_disaster_the_keys_are_greyed_out(console: Build, notices: Notices) -> None:
    app = console()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        assert [tab(app).check_action(a, ()) for a in ("component", "open_ticket")] == [None] * 2
        assert cells(app, "components", "wan1")[0] == "[ ?? ]"
        assert title(app, "tickets").startswith("Provider tickets: none")
        tab(app).action_component()
        await pilot.pause()
        assert notices.messages == [NoActiveIncident().message]


async def test_a_viewer_changes_nothing(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = shipped_plan.model_copy(update={"access": Access(coordinators=[LOGIN])})
    console(busy, plan=plan)
    recorded = len(journal(state_dir))
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        infra = tab(app)
        for action in ("component", "open_ticket", "close_ticket"):
            assert infra.check_action(action, ()) is False
        infra.action_component()
        infra.action_open_ticket()
        infra.action_close_ticket()
        await pilot.press("c", "t", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]  # no dialog opened
        assert len(journal(state_dir)) == recorded
        assert "Not allowed" in notices.titles
        assert list(infra.commands()) == []


async def test_commands_bring_the_tab_to_the_front(console: Build, state_dir: Path) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        commands = {command.title: command.callback for command in tab(app).commands()}
        assert list(commands) == [
            "Infrastructure: set a component's status",
            "Infrastructure: open a provider ticket",
            "Infrastructure: close the selected ticket",
        ]
        commands["Infrastructure: open a provider ticket"]()
        assert app.query_one(TabbedContent).active == "infrastructure"
        # it acts once the tab, never shown before, is laid out and its tables filled
        await settle(pilot, lambda: isinstance(app.screen, TicketDialog))


# Snapshots ---------------------------------------------------------------------


def test_snapshot_infrastructure(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(two_tickets), terminal_size=SIZE, run_before=all_tabs_mounted, press=["4"]
    )


def test_snapshot_infrastructure_wide(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(two_tickets), terminal_size=(150, 30), run_before=all_tabs_mounted, press=["4"]
    )


def test_snapshot_component_status_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["4", "c"]
    )


def test_snapshot_ticket_dialog(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy),
        terminal_size=SIZE,
        run_before=all_tabs_mounted,
        press=["4", "t", "enter", *"INC-1"],
    )


def test_snapshot_close_ticket(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["4", "tab", "x"]
    )
