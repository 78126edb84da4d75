"""The timeline tab: every event of the incident, newest first, the audit trail.

It answers "who did what, when" during the disaster and after it. A line of
text filters it (`/`), and the crisis staff writes into it: a note (`n`), an
assessment of the damage (`a`), a meeting of the crisis staff (`m`), each
optionally backdated, since much is written down after it happened.
Backdated events carry a "↶" in their time and say when they were recorded.

A long disaster has thousands of events. Each event is turned into table
cells once and kept; when the journal grows only the new events are added
to the table (and the table re-sorted), and the table is not touched when
only the minute changes. A time reads "11:45" on its own day and "Wed 3 Dec
11:45" after it: at the turn of the day only the time cells that change are
redrawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Label

from console.i18n import N_, _, ngettext
from console.incident import actions, timefmt
from console.incident.events import Event
from console.incident.session import Session
from console.incident.state import IncidentState
from console.incident.words import BACKDATED_MARK, backdated, describe
from console.present.text import visible
from console.tui.context import ConsoleContext
from console.tui.screens.note import NoteDialog, NoteRequest
from console.tui.tabs.base import ConsoleTab
from console.tui.widgets.line import Line
from console.tui.widgets.table import shown_now

if TYPE_CHECKING:
    from console.incident.access import Action

Row = tuple[Text, Text, Text, Text]


class Stamp(Text):
    """The time cell, which also knows its event's place in the fold order, for sorting."""

    def __init__(self, text: str, order: tuple[datetime, str]) -> None:
        super().__init__(text, no_wrap=True, end="")
        self.order = order


class TimelineTab(ConsoleTab):
    """Every event in a table, a filter above it and the highlighted event in full below."""

    FRONT = "#timeline-table"

    BINDINGS = [
        Binding("slash", "filter", N_("Filter"), key_display="/", show=False),
        Binding("escape", "clear_filter", N_("Clear filter")),
        Binding("n", "note", N_("Note")),
        Binding("a", "assess", N_("Assess")),
        Binding("m", "meeting", N_("Meeting")),
    ]
    RECORDS: ClassVar[Mapping[str, Action]] = {
        "note": "note",
        "assess": "assess",
        "meeting": "meeting",
    }

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        self._incident_id: str | None = None
        self._events: dict[str, Event] = {}
        self._rows: dict[str, Row] = {}
        self._haystacks: dict[str, str] = {}
        self._newest_first: list[str] = []
        self._shown: list[str] = []
        self._words: list[str] = []
        self._day: date | None = None
        """The day the time cells were written on: their "today"."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="timeline-bar"):
            yield Label(_("Filter (/):"), id="timeline-filter-label")
            yield Input(placeholder=_("any word: a name, a task, a note"), id="timeline-filter")
            yield Line(id="timeline-count")
        yield DataTable[Text](id="timeline-table", cursor_type="row")
        yield Line(id="timeline-full")

    def on_mount(self) -> None:
        table = self.table
        table.add_column(_("Time"), key="time")  # as wide as its times: "13:30", "Fri 27 Mar 22:00"
        table.add_column(_("Who"), width=12, key="who")
        table.add_column(_("What"), width=13, key="what")
        table.add_column(_("Detail"), key="detail")
        self.show()

    @property
    def table(self) -> DataTable[Text]:
        """The table of events."""
        return self.query_one("#timeline-table", DataTable)

    # --- the rows -----------------------------------------------------------

    def show(self) -> None:
        """Add what is new in the journal; rebuild only for another incident."""
        self.refresh_bindings()
        state = self.incident
        if state is None:
            self._forget()
            self._fill()
            self._show_empty(True)
            return
        self._show_empty(False)
        if state.id != self._incident_id or len(state.timeline) < len(self._rows):
            self._forget()
            self._incident_id = state.id
            self._day = self._today()
            self._take(state, state.timeline)
            self._fill()
            return
        self._restamp()
        fresh = [event for event in state.timeline if event.id not in self._rows]
        if fresh:
            self._take(state, fresh)
            self._append(fresh)

    def _forget(self) -> None:
        self._incident_id = None
        self._events.clear()
        self._rows.clear()
        self._haystacks.clear()
        self._newest_first = []
        self._day = None

    def _today(self) -> date:
        return shown_now(self).astimezone(self.context.zone).date()

    def _stamp(self, event: Event, now: datetime) -> Stamp:
        """The time cell: "11:45" today, "Wed 3 Dec 11:45" another day, "↶" when backdated."""
        text = timefmt.moment(event.at, self.context.zone, now)
        if backdated(event):
            text += f" {BACKDATED_MARK}"
        return Stamp(text, (event.at, event.id))

    def _take(self, state: IncidentState, events: list[Event]) -> None:
        """Turn events into cells and search text, once each."""
        plan, now = self.context.plan, shown_now(self)
        for event in events:
            what, detail = describe(event, plan)
            # As written, whatever the journal holds: never a terminal control.
            actor, what, detail = visible(event.actor), visible(what), visible(detail)
            stamp = self._stamp(event, now)
            self._events[event.id] = event
            self._rows[event.id] = (
                stamp,
                Text(actor, no_wrap=True, overflow="ellipsis", end=""),
                Text(what, no_wrap=True, overflow="ellipsis", end=""),
                Text(detail, no_wrap=True, overflow="ellipsis", end=""),
            )
            searched = [stamp.plain, actor, what, detail, event.kind]
            if backdated(event):
                searched.append(_("backdated"))
            self._haystacks[event.id] = " ".join(searched).lower()
        self._newest_first = [event.id for event in reversed(state.timeline)]

    def show_time(self) -> None:
        """Once a minute: nothing, unless a new day gives yesterday's times their day."""
        self._restamp()

    def _restamp(self) -> None:
        """At the turn of the day, rewrite the time cells whose text changes; keep the cursor."""
        today = self._today()
        if self._day is None or today == self._day:
            return
        self._day, now = today, shown_now(self)
        shown = set(self._shown)
        for event_id, row in self._rows.items():
            old, stamp = row[0], self._stamp(self._events[event_id], now)
            if stamp.plain == old.plain:
                continue
            self._rows[event_id] = (stamp, row[1], row[2], row[3])
            searched = self._haystacks[event_id]
            self._haystacks[event_id] = stamp.plain.lower() + searched[len(old.plain) :]
            if event_id in shown:
                self.table.update_cell(event_id, "time", stamp, update_width=True)
        if self._words:
            self._fill()  # a filter on a day ("dec") may match other events now

    def _matches(self, event_id: str) -> bool:
        haystack = self._haystacks[event_id]
        return all(word in haystack for word in self._words)

    def _fill(self) -> None:
        """Show every matching event, newest first; rebuild only if that changes the rows.

        Typing a filter often keeps the same rows ("b", "be", "ber" may all
        match everything); rebuilding 10,000 rows costs about a second.
        """
        wanted = [event_id for event_id in self._newest_first if self._matches(event_id)]
        if wanted != self._shown:
            table = self.table
            table.clear()
            for event_id in wanted:
                table.add_row(*self._rows[event_id], key=event_id)
            self._shown = wanted
        self._show_count()
        self._preview()

    def _append(self, fresh: list[Event]) -> None:
        """Add new events to the table and put them in their place; keep the cursor's event."""
        table = self.table
        matching = [e.id for e in fresh if self._matches(e.id)]
        if matching:
            kept = self._cursor_event() if table.cursor_row > 0 else None
            for event_id in matching:
                table.add_row(*self._rows[event_id], key=event_id)
            table.sort("time", key=lambda stamp: stamp.order, reverse=True)
            self._shown = [event_id for event_id in self._newest_first if self._matches(event_id)]
            if kept is not None:
                table.move_cursor(row=table.get_row_index(kept), animate=False)
        self._show_count()
        self._preview()

    def _cursor_event(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        return row_key.value

    def _show_count(self) -> None:
        total, shown = len(self._newest_first), self.table.row_count
        if self._words:
            text = ngettext("{shown} of {total} event", "{shown} of {total} events", total).format(
                shown=shown, total=total
            )
        else:
            text = ngettext("{total} event", "{total} events", total).format(total=total)
        self.query_one("#timeline-count", Line).show(text)

    def _preview(self) -> None:
        """The highlighted event in full, with where and when it was recorded."""
        full = self.query_one("#timeline-full", Line)
        event_id = self._cursor_event()
        if event_id is None:
            full.show(
                _("No event matches the filter; Escape clears it.")
                if self._words and self._newest_first
                else ""
            )
            return
        event = self._events[event_id]
        zone = self.context.zone
        what, detail = describe(event, self.context.plan)
        text = _("{at} · {actor} on {host} · {what}: {detail}").format(
            at=timefmt.when(event.at, zone),
            actor=visible(event.actor),
            host=visible(event.host),
            what=what,
            detail=visible(detail) or "—",
        )
        if backdated(event):
            text += " · " + _("recorded later, at {at} ({mark})").format(
                at=timefmt.when(event.recorded_at, zone), mark=BACKDATED_MARK
            )
        if event.real_at is not None:  # a drill on an accelerated clock: `at` is drill time
            text += " · " + _("real time {at}").format(at=timefmt.when(event.real_at, zone))
        full.show(text)

    def _show_empty(self, empty: bool) -> None:
        self.query_one("#timeline-bar").display = not empty
        self.table.display = not empty
        if empty:
            self.query_one("#timeline-full", Line).show(
                _("No active disaster: the timeline starts when one is declared (D).")
            )

    def on_data_table_row_highlighted(self) -> None:
        self._preview()

    # --- the filter ---------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types: every word must appear, in any case."""
        words = event.value.lower().split()
        if words != self._words:
            self._words = words
            self._fill()

    def on_input_submitted(self) -> None:
        self.table.focus()

    def action_filter(self) -> None:
        """Put the cursor in the filter."""
        self.query_one("#timeline-filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the table."""
        self.query_one("#timeline-filter", Input).value = ""
        self.table.focus()

    # --- writing into the timeline -------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this user may not do, and what needs an incident when there is none."""
        if action == "clear_filter":
            box = self.query_one("#timeline-filter", Input)
            return bool(box.value) or box.has_focus
        return super().check_action(action, parameters)

    def _ask(
        self,
        action: str,
        title: str,
        perform: Callable[[Session, NoteRequest, str], Event],
        *,
        required: bool = True,
        placeholder: str = "",
    ) -> None:
        """Open the note dialog; on a request, record through `perform`."""
        state = self.incident_to_record(action)
        if state is None:
            return
        incident = state.id

        def answered(request: NoteRequest | None) -> None:
            if request is not None:
                self.record(lambda session: perform(session, request, incident))

        dialog = NoteDialog(
            title,
            self.context.clock.now(),
            self.context.zone,
            required=required,
            placeholder=placeholder,
            declared=(incident, state.declared_at),
        )
        self.app.push_screen(dialog, answered)

    def action_note(self) -> None:
        """Add a note to the timeline, optionally backdated."""
        self._ask(
            "note",
            _("Add a note to the timeline"),
            lambda s, r, incident: actions.note(s, r.text, at=r.at, incident=incident),
        )

    def action_assess(self) -> None:
        """Record an assessment of the damage."""
        self._ask(
            "assess",
            _("Assess the damage: what is damaged, what still works?"),
            lambda s, r, incident: actions.assess(s, r.text, at=r.at, incident=incident),
            placeholder=_("what is damaged, what still works"),
        )

    def action_meeting(self) -> None:
        """Record a meeting of the crisis staff."""
        self._ask(
            "meeting",
            _("Record a meeting of the crisis staff"),
            lambda s, r, incident: actions.meeting(s, r.text, at=r.at, incident=incident),
            required=False,
            placeholder=_("who was there, what was decided (optional)"),
        )

    def commands(self) -> Iterable[SystemCommand]:
        """The tab's actions for the command palette."""
        yield from self.offer(_("Add a note"), _("To the timeline, optionally backdated"), "note")
        yield from self.offer(_("Assess the damage"), _("What is damaged, what works"), "assess")
        yield from self.offer(_("Record a crisis staff meeting"), _("Who, what"), "meeting")
        yield from self.offer(_("Filter the timeline"), _("Only events with these words"), "filter")
