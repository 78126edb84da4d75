"""The contacts tab: the phone book on key 3, its search, copying a number, recording calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from console.incident.errors import NoActiveIncident
from console.incident.events import Contacted
from console.plan.infrastructure import Provider
from console.plan.model import Plan
from console.plan.people import Access, Person, Role
from console.present.contacts import Entry, build_entries, matches
from console.present.text import fold
from console.tui.app import DrpApp
from console.tui.tabs.contacts import ContactsTab
from console.tui.widgets.table import FittedTable
from tests.console.conftest import (
    LOGIN,
    Build,
    Notices,
    all_tabs_mounted,
    busy,
    declared,
    journal,
    settle,
)

SIZE = (80, 24)


def tab(app: DrpApp) -> ContactsTab:
    return app.query_one(ContactsTab)


def table(app: DrpApp) -> FittedTable:
    return app.query_one("#contacts-table", FittedTable)


def cells(app: DrpApp, key: str) -> list[str]:
    return [text.plain for text in table(app).get_row(key)]


def calls(state_dir: Path) -> list[Contacted]:
    return [event for event in journal(state_dir) if isinstance(event, Contacted)]


async def open_tab(pilot: Pilot[Any]) -> None:
    await all_tabs_mounted(pilot)
    await pilot.press("3")
    await pilot.pause()


async def select(pilot: Pilot[Any], app: DrpApp, key: str) -> None:
    table(app).move_cursor(row=table(app).keys.index(key))
    await pilot.pause()


def find(entries: list[Entry], text: str) -> list[str]:
    terms = fold(text).split()
    return [entry.key for entry in entries if matches(entry, terms)]


def crowded(plan: Plan, count: int = 2000) -> Plan:
    """The plan with `count` more people, as a large organisation's would have."""
    extra = [
        Person(
            id=f"p{n:04d}",
            name=f"Medewerker {n:04d} Van Acker",
            function=f"Dienst {n % 40}",
            phone=f"+32 470 {n // 100:02d} {n % 100:02d} 99",
        )
        for n in range(count)
    ]
    return plan.model_copy(update={"people": [*plan.people, *extra]})


# The phone book ---------------------------------------------------------------


def test_everyone_once_in_the_order_they_are_needed(shipped_plan: Plan) -> None:
    entries = build_entries(shipped_plan)
    keys = [entry.key for entry in entries]
    assert len(keys) == len(set(keys))
    people = {e.person for e in entries if e.person}
    assert people == {p.id for p in shipped_plan.people}
    assert {k for k in keys if k.startswith("provider:")} == {
        f"provider:{p.id}" for p in shipped_plan.providers
    }
    assert {k for k in keys if k.startswith("org:")} == {
        f"org:{o.id}" for o in shipped_plan.organisations
    }
    groups = [(entry.group, entry.name) for entry in entries]
    assert groups[0] == ("coord.", "Pieter Van den Broeck")
    assert groups[1] == ("subst.", "Sofie De Wilde")
    assert ("holder", "Tom Maes") in groups
    assert ("comms", "Hanne Peeters") in groups
    brabonet = keys.index("provider:wan")
    assert keys[brabonet + 1] == "person:dirk-hermans"  # the account manager follows
    assert entries[brabonet].phone == "0800 99 123"  # the helpdesk, to call in a disaster
    assert entries[brabonet].phone_label == "Helpdesk"
    assert keys[-1] == "person:ingrid-jacobs"  # everyone else comes last
    assert "contact at Dienstencentrum Ter Zonne" in entries[-1].detail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maes", ["person:tom-maes"]),
        ("TOM ict", ["person:tom-maes"]),
        ("0470 10 20 37", ["person:tom-maes"]),
        ("+32 470 10 20 37", ["person:tom-maes"]),
        ("470102037", ["person:tom-maes"]),
        ("dirk brabonet", ["provider:wan", "person:dirk-hermans"]),
        ("privacydienst", ["person:bart-desmet", "org:privacydienst"]),
        ("verzekeraar", ["org:verzekeraar"]),
        ("financieel directeur", ["person:koen-claeys", "person:els-vermeulen"]),
        ("nobody at all", []),
    ],
)
def test_search_keys(shipped_plan: Plan, text: str, expected: list[str]) -> None:
    assert find(build_entries(shipped_plan), text) == expected


def test_search_ignores_accents_both_ways(shipped_plan: Plan) -> None:
    jerome = Person(id="jerome", name="Jérôme Dubois", function="Coördinator", phone="")
    plan = shipped_plan.model_copy(update={"people": [*shipped_plan.people, jerome]})
    entries = build_entries(plan)
    assert find(entries, "jerome coordinator") == ["person:jerome"]
    assert find(entries, "JÉRÔME") == ["person:jerome"]


def test_search_finds_what_the_plan_calls_everyone(shipped_plan: Plan) -> None:
    """Ids, roles and services, read from the plan: a provider is found by its own id."""
    entries = build_entries(shipped_plan)
    for provider in shipped_plan.providers:
        key = f"provider:{provider.id}"
        assert key in find(entries, provider.id)
        assert key in find(entries, provider.id.upper())
        assert key in find(entries, provider.service)
    for sla in shipped_plan.slas:
        assert f"provider:{sla.provider}" in find(entries, sla.service)
    for person in shipped_plan.people:
        assert f"person:{person.id}" in find(entries, person.id)
    for org in shipped_plan.organisations:
        assert f"org:{org.id}" in find(entries, org.id)
    for role in shipped_plan.roles:
        holders = {f"person:{p.id}" for p in shipped_plan.people if role.id in p.roles}
        assert holders <= set(find(entries, role.id))
        assert holders <= set(find(entries, role.title))


def test_an_id_nothing_shows_is_still_found(shipped_plan: Plan) -> None:
    """The case the user hit: the id is in no name, function or note of the entry."""
    entries = build_entries(shipped_plan)
    hidden = [
        p for p in shipped_plan.providers if all(fold(p.id) not in fold(e.detail) for e in entries)
    ]
    assert hidden, "the shipped plan has a provider whose id is shown nowhere"
    for provider in hidden:
        assert find(entries, provider.id) == [f"provider:{provider.id}"]


def test_search_by_id_role_and_service_in_another_plan(shipped_plan: Plan) -> None:
    """Another organisation's ids, role titles with accents and services, not the shipped ones."""
    role = Role(id="prev-adv", title="Préventieadviseur")
    person = Person(id="zl-7", name="Zoë Lambert", phone="+32 470 99 88 77", roles=["prev-adv"])
    provider = Provider(id="glas-7", category="ict", service="Glasvezel Noord", name="Fibernet BV")
    plan = shipped_plan.model_copy(
        update={
            "roles": [*shipped_plan.roles, role],
            "people": [*shipped_plan.people, person],
            "providers": [*shipped_plan.providers, provider],
        }
    )
    entries = build_entries(plan)
    assert find(entries, "GLAS-7") == ["provider:glas-7"]
    assert find(entries, "glasvezel noord") == ["provider:glas-7"]
    assert find(entries, "preventieadviseur") == ["person:zl-7"]
    assert find(entries, "PRÉVENTIEADVISEUR lambert") == ["person:zl-7"]
    assert find(entries, "prev-adv") == ["person:zl-7"]
    assert find(entries, "ZL-7") == ["person:zl-7"]
    assert "prev-adv" not in entries[[e.key for e in entries].index("person:zl-7")].detail


async def test_the_status_column_shows_who_was_reached(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        assert cells(app, "person:pieter-vandenbroeck") == [
            "coord.",
            "Pieter Van den Broeck",
            "Algemeen directeur",
            "+32 470 10 20 32",
            "reached 10:05",
        ]
        assert cells(app, "person:sofie-dewilde")[-1] == "no answer 10:06"
        assert cells(app, "person:tom-maes")[-1] == "pending"  # a plan holder
        assert cells(app, "person:hanne-peeters")[-1] == ""  # not tracked
        assert cells(app, "provider:wan")[-1] == ""
        assert app.focused is table(app)
        detail = app.query_one("#contacts-detail").render()
        assert "REACHED 10:05 · KOMT · Pieter Van den Broeck" in str(detail)


async def test_without_a_disaster_it_is_a_phone_book(console: Build, notices: Notices) -> None:
    app = console()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        assert cells(app, "person:pieter-vandenbroeck")[-1] == ""
        assert tab(app).check_action("contact", ()) is None  # shown, greyed out
        tab(app).action_contact("reached")
        await pilot.pause()
        assert notices.messages == [NoActiveIncident().message]


# Search -----------------------------------------------------------------------


async def test_slash_searches_as_you_type(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("slash")
        assert app.focused is app.query_one("#contacts-search", Input)
        await pilot.press(*"470 10 20 3")  # digits and letters go to the search, not to the app
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "contacts"
        assert "person:tom-maes" in table(app).keys
        assert len(table(app).keys) < len(tab(app).entries)
        await pilot.press("7")
        await pilot.pause()
        assert table(app).keys == ["person:tom-maes"]
        assert str(app.query_one("#contacts-count").render()) == "1 of 35"
        await pilot.press(*"rnu")  # the record keys type into the search too
        await pilot.pause()
        assert table(app).keys == []
        assert "No contact matches" in str(app.query_one("#contacts-detail").render())


async def test_escape_clears_the_search_and_keeps_the_row_found(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("slash", *"lambrecht")
        await pilot.pause()
        assert table(app).keys == ["person:wim-lambrecht"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#contacts-search", Input).value == ""
        assert len(table(app).keys) == len(tab(app).entries)
        assert table(app).selected == "person:wim-lambrecht"
        assert app.focused is table(app)


async def test_enter_keeps_the_result_and_goes_to_the_table(console: Build) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("slash", *"gemeente", "enter")
        await pilot.pause()
        assert app.focused is table(app)
        assert table(app).keys == [  # organisations, functions and notes are searched too
            "person:jeroen-martens",  # works for Gemeente Zonnedaal
            "person:bart-desmet",  # for the intergemeentelijke privacydienst
            "provider:tel-pbx",  # "de telefooncentrale van gemeente en OCMW"
            "org:gemeente",
            "person:wim-lambrecht",
            "org:privacydienst",
        ]
        await pilot.press("down", "down", "down", "c")
        assert app.clipboard == "+32 9 300 10 01"


async def test_typing_a_providers_id_finds_it(console: Build, shipped_plan: Plan) -> None:
    entries = build_entries(shipped_plan)
    provider = next(
        p for p in shipped_plan.providers if all(fold(p.id) not in fold(e.detail) for e in entries)
    )
    role = next(r for r in shipped_plan.roles if any(r.id in p.roles for p in shipped_plan.people))
    holders = [f"person:{p.id}" for p in shipped_plan.people if role.id in p.roles]
    app = console(busy)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await pilot.press("slash", *provider.id.upper())
        await pilot.pause()
        assert table(app).keys == [f"provider:{provider.id}"]
        assert str(app.query_one("#contacts-count").render()).startswith("1 of ")
        assert provider.name in str(app.query_one("#contacts-detail").render())
        await pilot.press("escape", "slash", *role.title)
        await pilot.pause()
        assert set(holders) <= set(table(app).keys)


async def test_two_thousand_contacts_are_added_as_the_cursor_comes(
    console: Build, shipped_plan: Plan
) -> None:
    app = console(busy, plan=crowded(shipped_plan))
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        assert len(table(app).keys) == len(tab(app).entries) == 2035
        assert table(app).row_count == 40  # two screenfuls; Textual measures each row it holds
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert 40 < table(app).row_count < 200
        await pilot.press("ctrl+end")
        assert table(app).row_count == 2035
        assert table(app).selected == "person:p1999"
        await pilot.press("slash", *"1234")
        await pilot.pause()
        assert table(app).keys == ["person:p1234"]
        await pilot.press("escape")  # back to everyone, on the row found
        await pilot.pause()
        assert table(app).selected == "person:p1234"
        assert str(app.query_one("#contacts-count").render()) == "2035 of 2035"


# Copying a number ---------------------------------------------------------------


async def test_c_copies_the_number_and_shows_it(console: Build, notices: Notices) -> None:
    app = console(busy)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        await select(pilot, app, "person:jeroen-martens")
        await pilot.press("c")
        assert app.clipboard == "+32 470 10 20 41"
        assert notices.messages[-1] == "Phone of Jeroen Martens: +32 470 10 20 41 (copied)"
        await select(pilot, app, "provider:wan")
        await pilot.press("c")
        assert notices.messages[-1] == "Helpdesk of Brabonet NV: 0800 99 123 (copied)"
        await select(pilot, app, "org:gba")  # no number in the plan
        await pilot.press("c")
        assert app.clipboard == "0800 99 123"
        assert "has no phone number" in notices.messages[-1]


# Recording calls ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "result", "shown"),
    [
        ("r", "reached", "reached 14:00"),
        ("n", "no-answer", "no answer 14:00"),
        ("u", "unreachable", "unreachable 14:00"),
    ],
)
async def test_keys_record_the_call(
    console: Build, state_dir: Path, key: str, result: str, shown: str
) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await select(pilot, app, "person:koen-claeys")
        await pilot.press(key)
        await pilot.pause()
        [call] = calls(state_dir)
        assert (call.person, call.result, call.actor) == ("koen-claeys", result, LOGIN)
        assert cells(app, "person:koen-claeys")[-1] == shown
        assert table(app).selected == "person:koen-claeys"


async def test_a_call_to_someone_not_tracked_still_shows(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot)
        await select(pilot, app, "person:dirk-hermans")
        await pilot.press("r")
        await pilot.pause()
        assert [c.person for c in calls(state_dir)] == ["dirk-hermans"]
        assert cells(app, "person:dirk-hermans")[-1] == "reached 14:00"


async def test_organisations_cannot_be_reached(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        await select(pilot, app, "provider:fw")
        await pilot.press("r")
        await pilot.pause()
        assert calls(state_dir) == []
        assert "apply to people only" in notices.messages[-1]


async def test_a_viewer_sees_but_records_nothing(
    console: Build, shipped_plan: Plan, state_dir: Path, notices: Notices
) -> None:
    plan = shipped_plan.model_copy(update={"access": Access(coordinators=[LOGIN])})
    console(declared, plan=plan)
    app = console(login="viewer-test", plan=plan)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await open_tab(pilot)
        assert tab(app).check_action("contact", ()) is False  # hidden from the footer
        tab(app).action_contact("reached")  # and refused if reached another way
        await pilot.press("r")
        await pilot.pause()
        assert calls(state_dir) == []
        assert "Not allowed" in notices.titles
        await pilot.press("c")  # looking up a number is fine
        assert app.clipboard == "+32 470 10 20 32"
        assert [command.title for command in tab(app).commands()] == [
            "Contacts: search",
            "Contacts: copy the phone number",
        ]


# The command palette -------------------------------------------------------------


async def test_commands_bring_the_tab_to_the_front(console: Build, state_dir: Path) -> None:
    app = console(declared)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        commands = {command.title: command.callback for command in tab(app).commands()}
        assert list(commands) == [
            "Contacts: search",
            "Contacts: copy the phone number",
            "Contacts: reached",
            "Contacts: no answer",
            "Contacts: unreachable",
        ]
        assert app.query_one(TabbedContent).active == "overview"
        commands["Contacts: no answer"]()
        assert app.query_one(TabbedContent).active == "contacts"
        # it acts once the tab, never shown before, is laid out and its table filled
        await settle(pilot, lambda: bool(calls(state_dir)))
        assert [(c.person, c.result) for c in calls(state_dir)] == [
            ("pieter-vandenbroeck", "no-answer")
        ]
        commands["Contacts: search"]()
        await pilot.pause()
        assert app.focused is app.query_one("#contacts-search", Input)


# Snapshots ---------------------------------------------------------------------


def test_snapshot_contacts(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy), terminal_size=SIZE, run_before=all_tabs_mounted, press=["3", "down"]
    )


def test_snapshot_contacts_searching(console: Build, snap_compare: Any) -> None:
    assert snap_compare(
        console(busy),
        terminal_size=SIZE,
        run_before=all_tabs_mounted,
        press=["3", "slash", *"brabonet"],
    )
