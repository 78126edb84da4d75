"""The contacts tab: every person and organisation of the plan, found in a keystroke.

On the day of the disaster the coordinator calls the crisis staff one by one
and the sysadmin calls the providers' helpdesks, from a phone book that is
otherwise a PDF. So the tab lists everyone the plan names, grouped in the
order they are needed (crisis staff, plan holders, communication, providers
with their account managers, other organisations, everyone else), shows for
the crisis staff and the plan holders whether they were reached, and records
each call with one key. `/` searches name, function, phone and organisation,
ignoring case and accents, over thousands of contacts: the search keys are
computed once per plan, the table holds only the rows near the cursor.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input

from console.i18n import _
from console.incident import actions
from console.incident.events import CONTACT_RESULTS, Contacted, ContactResult
from console.incident.state import IncidentState
from console.plan.model import Plan
from console.tui.context import ConsoleContext
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets import table as tables
from console.tui.widgets.line import Line

COLUMNS = (
    tables.Column("group", _("Group"), 6),
    tables.Column("name", _("Name"), 14, grow=3),
    tables.Column("function", _("Function"), 10, grow=2),
    tables.Column("phone", _("Phone"), 16),
    tables.Column("status", _("Status"), 15),
)


@dataclass(frozen=True)
class Entry:
    """One row of the phone book, with what the search looks in."""

    key: str
    group: str
    name: str
    function: str
    phone: str
    detail: str
    search: str
    person: str | None = None
    phone_label: str = ""


def fold(text: str) -> str:
    """`text` without case and accents, so "jerome" finds "Jérôme"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _digits(phone: str) -> str:
    """The digits of a number, also in national form: "+32 470 1" gives "324701 04701"."""
    digits = "".join(c for c in phone if c.isdigit())
    return f"{digits} 0{digits[2:]}" if digits.startswith("32") else digits


def matches(entry: Entry, terms: list[str]) -> bool:
    """Whether every term of the search is in the entry."""
    return all(term in entry.search for term in terms)


def _entry(
    key: str,
    shown: tuple[str, str, str, str],
    extra: list[str],
    person: str | None = None,
    label: str = "",
) -> Entry:
    group, name, function, phone = shown
    detail = " · ".join(part for part in (name, function, *extra) if part)
    search = f"{fold(' '.join((group, detail, phone)))} {_digits(phone)}"
    return Entry(key, group, name, function, phone, detail, search, person, label or _("Phone"))


def _duties(plan: Plan) -> dict[str, list[str]]:
    """What each person is in the plan, for the line below the table."""
    crisis, holders = plan.crisis, plan.holders
    found: list[tuple[str | None, str]] = [
        (crisis.coordinator, _("plan coordinator")),
        (crisis.substitute, _("substitute coordinator")),
        *((member, _("crisis staff")) for member in crisis.staff),
        *((holder, _("holds a copy of the plan")) for holder in holders.people),
        (holders.dpo, _("data protection officer")),
        (plan.communication.lead, _("communication lead")),
        (
            crisis.contact_address.contact,
            _("contact at {place}").format(place=crisis.contact_address.name),
        ),
        *(
            (s.contact, _("contact of fallback site {name}").format(name=s.name))
            for s in plan.fallback_sites
        ),
        *(
            (m, _("account manager of {name}").format(name=p.name))
            for p in plan.providers
            for m in p.account_managers
        ),
    ]
    duties: dict[str, list[str]] = {}
    for person, duty in found:
        if person:
            duties.setdefault(person, []).append(duty)
    return duties


def build_entries(plan: Plan) -> list[Entry]:
    """Everyone the plan names, each once, in the order they are needed."""
    people, duties = plan.people_by_id, _duties(plan)
    names = {o.id: o.name for o in plan.organisations} | {p.id: p.name for p in plan.providers}
    members: dict[str, list[str]] = {}
    for person in plan.people:
        members.setdefault(person.organisation or "", []).append(person.id)
    entries: list[Entry] = []
    seen: set[str] = set()

    def add(person_id: str | None, group: str) -> None:
        if person_id is None or person_id in seen or person_id not in people:
            return
        seen.add(person_id)
        p = people[person_id]
        extra = [p.phone, p.email, names.get(p.organisation or "", ""), *duties.get(p.id, [])]
        shown = (group, p.name, p.function, p.phone)
        entries.append(_entry(f"person:{p.id}", shown, [*extra, p.notes], person=p.id))

    crisis = plan.crisis
    add(crisis.coordinator, _("coord."))
    add(crisis.substitute, _("subst."))
    for member in crisis.staff:
        add(member, _("staff"))
    for holder in plan.holders.people:
        add(holder, _("holder"))
    add(plan.holders.dpo, _("DPO"))
    add(plan.communication.lead, _("comms"))
    slas = {sla.provider: sla for sla in reversed(plan.slas)}
    for provider in plan.providers:
        sla = slas.get(provider.id)
        extra = [
            _("phone {number}").format(number=provider.phone) if provider.phone else "",
            _("helpdesk {number}").format(number=provider.helpdesk) if provider.helpdesk else "",
            provider.email,
            _("SLA: repair within {hours:g} business hours").format(hours=sla.repair_hours)
            if sla
            else "",
            *(
                f"{people[m].name} {people[m].phone}"
                for m in provider.account_managers
                if m in people
            ),
            provider.notes,
        ]
        group = _("prov.") if provider.category == "service" else _("suppl.")
        shown = (group, provider.name, provider.service, provider.helpdesk or provider.phone)
        label = _("Helpdesk") if provider.helpdesk else ""
        entries.append(_entry(f"provider:{provider.id}", shown, extra, label=label))
        for manager in provider.account_managers:
            add(manager, _("↳"))
        for person_id in members.get(provider.id, []):
            add(person_id, _("↳"))
    for org in plan.organisations:
        shown = (_("org."), org.name, org.kind, org.phone)
        entries.append(
            _entry(f"org:{org.id}", shown, [org.phone, org.email, org.address, org.notes])
        )
        for person_id in members.get(org.id, []):
            add(person_id, _("↳"))
    for person in plan.people:
        add(person.id, _("other"))
    return entries


def said(result: str) -> str:
    """A call's result in words."""
    words = {"reached": _("reached"), "no-answer": _("no answer"), "unreachable": _("unreachable")}
    return words.get(result, result)


def contact_statuses(
    state: IncidentState | None, now: datetime, zone: ZoneInfo
) -> dict[str, tuple[str, str]]:
    """By person id: the last call and its time, and the note that came with it."""
    if state is None:
        return {}
    statuses: dict[str, tuple[str, str]] = {}
    for event in state.timeline:  # people who are not tracked were still called
        if isinstance(event, Contacted):
            shown = f"{said(event.result)} {tables.short_time(event.at, now, zone)}"
            statuses[event.person] = (shown, event.note)
    for contact in state.contacts:
        if contact.at is None:
            statuses[contact.id] = (_("pending"), "")
    return statuses


class ContactsTab(ConsoleTab):
    """The phone book of the disaster, with who has been reached."""

    BINDINGS = [
        Binding("slash", "search", _("Search")),
        Binding("c", "copy", _("Copy")),
        Binding("r", "contact('reached')", _("Reached")),
        Binding("n", "contact('no-answer')", _("No answer")),
        Binding("u", "contact('unreachable')", _("Unreachable")),
        Binding("escape", "clear_search", _("Clear search")),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        self.entries = build_entries(self.context.plan)
        self.by_key = {entry.key: entry for entry in self.entries}
        self.found = self.entries
        self.statuses: dict[str, tuple[str, str]] = {}
        self._day: date | None = None
        self._had_incident = False
        self._query = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="contacts-bar"):
            search = Input(
                placeholder=_("/ search name, function, phone, organisation"),
                id="contacts-search",
                compact=True,
            )
            search.cursor_blink = False  # a blinking cursor redraws twice a second over SSH
            yield search
            yield Line(id="contacts-count")
        yield tables.FittedTable(COLUMNS, id="contacts-table")
        yield Line(id="contacts-detail")

    @property
    def table(self) -> tables.FittedTable:
        """The phone book."""
        return self.query_one("#contacts-table", tables.FittedTable)

    def on_mount(self) -> None:
        self.show()

    def on_show(self) -> None:
        """Coming to the tab puts the keys on the table, unless the search is in use."""
        if self.screen.focused is None or self not in self.screen.focused.ancestors:
            self.table.focus()

    def show(self) -> None:
        if not self.is_mounted:
            return
        now = tables.shown_now(self)
        self._day = now.astimezone(self.context.zone).date()
        self.statuses = contact_statuses(self.incident, now, self.context.zone)
        self.table.show_rows(self._rows())
        self._count()
        self._detail(self.selected())
        if self._had_incident != (self.incident is not None):
            self._had_incident = self.incident is not None
            self.refresh_bindings()

    def show_time(self) -> None:
        day = tables.shown_now(self).astimezone(self.context.zone).date()
        if self._day not in (None, day):
            self.show()  # times of another day now need their date

    def _rows(self) -> list[tables.Row]:
        status = self.statuses
        return [
            (e.key, (e.group, e.name, e.function, e.phone, status.get(e.person or "", ("",))[0]))
            for e in self.found
        ]

    @on(Input.Changed, "#contacts-search")
    def search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types; clearing the search keeps the row that was found."""
        if bool(event.value) != bool(self._query):
            self.refresh_bindings()  # Escape now clears, or has nothing to clear
        self._query = event.value
        terms = fold(event.value).split()
        self.found = [e for e in self.entries if matches(e, terms)] if terms else self.entries
        self.table.show_rows(self._rows(), cursor=None if terms else self.table.selected)
        self._count()
        if not self.found:
            self._detail(None, _("No contact matches '{text}'.").format(text=event.value))

    @on(Input.Submitted, "#contacts-search")
    def search_submitted(self) -> None:
        """Enter keeps the result and goes to the table."""
        self.table.focus()

    @on(DataTable.RowHighlighted, "#contacts-table")
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show everything about the selected row below the table."""
        self._detail(self.by_key.get(event.row_key.value or ""))

    def _count(self) -> None:
        text = _("{found} of {total}").format(found=len(self.found), total=len(self.entries))
        self.query_one("#contacts-count", Line).show(text)

    def _detail(self, entry: Entry | None, text: str = "") -> None:
        if entry is not None:
            status, note = self.statuses.get(entry.person or "", ("", ""))
            call = " · ".join(part for part in (status, note) if part)
            text = f"{call.upper()} · {entry.detail}" if call else entry.detail
        self.query_one("#contacts-detail", Line).show(text)

    def selected(self) -> Entry | None:
        """The entry under the cursor."""
        return self.by_key.get(self.table.selected or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the calls from viewers; grey them out when there is no disaster."""
        if action == "contact":
            if not self.context.may("contact"):
                return False
            return None if self.incident is None else True
        if action == "clear_search":  # shown only while there is something to clear
            search = self.query_one("#contacts-search", Input)
            return bool(search.value) or search.has_focus
        return True

    def action_search(self) -> None:
        """Go to the search field."""
        self.query_one("#contacts-search", Input).focus()

    def action_clear_search(self) -> None:
        """Empty the search and go back to the table, on the row that was found."""
        self.query_one("#contacts-search", Input).value = ""
        self.table.focus()

    def action_copy(self) -> None:
        """Copy the phone number (OSC 52) and show it, as not every terminal copies."""
        entry = self.selected()
        if entry is None:
            return
        if not entry.phone:
            tables.warn(self, _("{name} has no phone number in the plan.").format(name=entry.name))
            return
        self.app.copy_to_clipboard(entry.phone)
        self.notify(
            _("{label} of {name}: {number} (copied)").format(
                label=entry.phone_label, name=entry.name, number=entry.phone
            ),
            timeout=15,
            markup=False,
        )

    def action_contact(self, result: ContactResult) -> None:
        """Record the call to the selected person: reached, no answer or unreachable."""
        state, entry = self.incident_to_record_in("contact"), self.selected()
        if state is None:
            return
        if entry is None:
            tables.warn(self, _("Select a person first."))
            return
        person = entry.person
        if person is None:
            text = _("{name}: reached, no answer and unreachable apply to people only.")
            tables.warn(self, text.format(name=entry.name))
            return
        self.record(
            lambda session: actions.contact(session, person, result, incident=state.id),
            _("{name}: {result}.").format(name=entry.name, result=said(result)),
        )

    def commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        """The tab's actions for the command palette; each brings the tab to the front."""
        found: list[tuple[str, str, Callable[[], None]]] = [
            (_("Contacts: search"), _("Find a person or a number"), self.action_search),
            (_("Contacts: copy the phone number"), _("Of the selected row"), self.action_copy),
        ]
        if self.context.may("contact"):
            found += [
                (
                    _("Contacts: {result}").format(result=said(result)),
                    _("Record the call to the selected person"),
                    partial(self.action_contact, result),
                )
                for result in CONTACT_RESULTS
            ]
        return [(title, text, tables.in_front(self, act)) for title, text, act in found]
