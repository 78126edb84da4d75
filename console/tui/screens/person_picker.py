"""Choosing a person from the plan by typing part of a name, a function or a role.

Reusable wherever a person is needed (assigning a task, recording a contact).
Plans list a few dozen people, but a region's plan may list thousands, so the
list is filtered as the user types and shows at most `SHOWN` matches. The
typing field keeps the focus; the arrow keys move through the matches and
Enter takes the one under the ">" marker, which reads without colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from console.i18n import N_, _, ngettext
from console.plan.model import Plan
from console.present.text import clip, fold, visible

SHOWN = 100
"""At most this many matches are listed; typing more narrows them."""

WIDTH = 58
"""Cells for a person's line: the 72-cell dialog less its frame, the list's frame and scrollbar."""


@dataclass(frozen=True)
class Candidate:
    """A person as the picker lists and searches them."""

    id: str
    line: str
    haystack: str


def candidates(plan: Plan, preferred_roles: Iterable[str] = ()) -> list[Candidate]:
    """Every person in the plan, those holding a preferred role first, in plan order."""
    titles = {role.id: role.title for role in plan.roles}
    preferred = set(preferred_roles)
    people = sorted(plan.people, key=lambda p: not preferred.intersection(p.roles))
    found = []
    for person in people:
        roles = ", ".join(titles.get(r, r) for r in person.roles)
        parts = [person.name, person.function, roles]
        line = visible(" · ".join(part for part in parts if part))
        haystack = fold(" ".join([*parts, person.id, person.organisation or ""]))
        found.append(Candidate(person.id, line, haystack))
    return found


def matching(pool: list[Candidate], query: str) -> list[Candidate]:
    """The candidates whose text holds every word of `query`, in any order."""
    words = fold(query).split()
    return [c for c in pool if all(word in c.haystack for word in words)]


class PersonPicker(ModalScreen[str | None]):
    """Choose a person; dismiss with their plan id, or None when cancelled."""

    DEFAULT_CSS = """
    PersonPicker #people {
        height: auto;
        max-height: 12;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("up", "move(-1)", N_("Previous"), show=False),
        Binding("down", "move(1)", N_("Next"), show=False),
    ]

    def __init__(
        self,
        plan: Plan,
        question: str,
        detail: str = "",
        *,
        current: str | None = None,
        preferred_roles: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.question = visible(question)  # it quotes ids and names: shown as written
        self.detail = visible(detail)
        self.current = current
        self.pool = candidates(plan, preferred_roles)
        self.shown: list[Candidate] = []
        self.marked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False)
            yield Input(placeholder=_("type part of a name, function or role"), id="filter")
            yield OptionList(markup=False, id="people")
            yield Label("", id="count", markup=False)
            yield Label(_("Up/Down choose, Enter takes, Escape cancels."), markup=False)

    def on_mount(self) -> None:
        self.show_matches("")
        if self.current is not None:
            index = next((i for i, c in enumerate(self.shown) if c.id == self.current), None)
            if index is not None:
                self.query_one("#people", OptionList).highlighted = index
        self.query_one("#filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, query: str) -> None:
        """List the people matching what is typed, the first one under the marker."""
        found = matching(self.pool, query)
        self.shown = found[:SHOWN]
        self.marked = 0 if self.shown else None
        people = self.query_one("#people", OptionList)
        people.set_options(
            Option(self._prompt(c, index == 0), id=c.id) for index, c in enumerate(self.shown)
        )
        people.highlighted = self.marked
        if not found:
            count = _("Nobody matches; Backspace to widen the search.")
        elif len(found) > SHOWN:
            count = _("{shown} of {total} shown; type more to narrow.").format(
                shown=SHOWN, total=len(found)
            )
        else:
            count = ngettext("{total} match", "{total} matches", len(found)).format(
                total=len(found)
            )
        self.query_one("#count", Label).update(count)

    @staticmethod
    def _prompt(candidate: Candidate, marked: bool) -> str:
        return clip(f"{'>' if marked else ' '} {candidate.line}", WIDTH)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the ">" marker to the highlighted person."""
        people = event.option_list
        for index in {self.marked, event.option_index}:
            if index is not None and index < len(self.shown):
                marked = index == event.option_index
                people.replace_option_prompt_at_index(
                    index, self._prompt(self.shown[index], marked)
                )
        self.marked = event.option_index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_input_submitted(self) -> None:
        self.action_choose()

    def action_move(self, step: int) -> None:
        """Move through the matches while the typing field keeps the focus."""
        people = self.query_one("#people", OptionList)
        if step < 0:
            people.action_cursor_up()
        else:
            people.action_cursor_down()

    def action_choose(self) -> None:
        """Take the person under the marker; with no match, nothing happens."""
        index = self.query_one("#people", OptionList).highlighted
        if index is not None and index < len(self.shown):
            self.dismiss(self.shown[index].id)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        """Return None: nothing is recorded."""
        self.dismiss(None)
