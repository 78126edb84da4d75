"""The contacts tab: every person and organisation of the plan, found in a keystroke.

On the day of the disaster the coordinator calls the crisis staff one by one
and the sysadmin calls the providers' helpdesks, from a phone book that is
otherwise a PDF. So the tab lists everyone the plan names, grouped in the
order they are needed (crisis staff, plan holders, communication, providers
with their account managers, other organisations, everyone else), shows for
the crisis staff and the plan holders whether they were reached, and records
each call with one key. `/` searches names, the plan's ids, roles, services,
functions, phones and organisations, ignoring case and accents, over
thousands of contacts: the search keys are computed once per plan
(`console.present.contacts`), the table holds only the rows near the cursor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input

from console.i18n import N_, _
from console.incident import actions, timefmt
from console.incident.events import CONTACT_RESULTS, Contacted, ContactResult
from console.incident.state import IncidentState
from console.incident.words import contact_word
from console.present.contacts import Entry, build_entries, matches
from console.present.text import fold, visible
from console.tui.context import ConsoleContext
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets import table as tables
from console.tui.widgets.line import Line

if TYPE_CHECKING:
    from console.incident.access import Action

COLUMNS = (
    tables.Column("group", N_("Group"), 6),
    tables.Column("name", N_("Name"), 14, grow=3),
    tables.Column("function", N_("Function"), 10, grow=2),
    tables.Column("phone", N_("Phone"), 16),
    tables.Column("status", N_("Status"), 15),
)


def contact_statuses(
    state: IncidentState | None, now: datetime, zone: ZoneInfo
) -> dict[str, tuple[str, str]]:
    """By person id: the last call and its time, and the note that came with it."""
    if state is None:
        return {}
    statuses: dict[str, tuple[str, str]] = {}
    for event in state.timeline:  # people who are not tracked were still called
        if isinstance(event, Contacted):
            shown = f"{contact_word(event.result)} {timefmt.moment(event.at, zone, now)}"
            statuses[event.person] = (shown, event.note)
    for contact in state.contacts:
        if contact.at is None:
            statuses[contact.id] = (contact_word(contact.status), "")
    return statuses


class ContactsTab(ConsoleTab):
    """The phone book of the disaster, with who has been reached."""

    FRONT = "#contacts-table"

    BINDINGS = [
        Binding("slash", "search", N_("Search")),
        Binding("c", "copy", N_("Copy")),
        Binding("r", "contact('reached')", N_("Reached")),
        Binding("n", "contact('no-answer')", N_("No answer")),
        Binding("u", "contact('unreachable')", N_("Unreachable")),
        Binding("escape", "clear_search", N_("Clear search")),
    ]
    RECORDS: ClassVar[Mapping[str, Action]] = {"contact": "contact"}

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
                placeholder=_("/ search name, id, role, service, phone, organisation"),
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
            text = f"{visible(call.upper())} · {entry.detail}" if call else entry.detail
        self.query_one("#contacts-detail", Line).show(text)

    def selected(self) -> Entry | None:
        """The entry under the cursor."""
        return self.by_key.get(self.table.selected or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The calls by the one policy; Escape only while there is a search to clear."""
        if action == "clear_search":
            search = self.query_one("#contacts-search", Input)
            return bool(search.value) or search.has_focus
        return super().check_action(action, parameters)

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
        state, entry = self.incident_to_record("contact"), self.selected()
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
        self.record(lambda session: actions.contact(session, person, result, incident=state.id))

    def commands(self) -> Iterable[SystemCommand]:
        """The tab's actions for the command palette."""
        yield from self.offer(_("Contacts: search"), _("Find a person or a number"), "search")
        yield from self.offer(
            _("Contacts: copy the phone number"), _("Of the selected row"), "copy"
        )
        for result in CONTACT_RESULTS:
            title = _("Contacts: {result}").format(result=contact_word(result))
            help_text = _("Record the call to the selected person")
            yield from self.offer(title, help_text, "contact", result)
