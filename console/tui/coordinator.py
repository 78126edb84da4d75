"""The coordinator's actions in the console: declare, decide, start the recovery, close.

A mixin of the app so that `app.py` stays a thin shell. Each action opens its
dialog, and only on confirmation posts a `RecordRequested` that calls the same
function as `drp declare`, `drp decide`, `drp recover` and `drp close`. For a
user who may not take them, the keys are hidden from the footer and refused
with a message.

The app imports this module before its first frame, which shows before the
plan and the journal are loaded; so the action functions are imported where
they are called, once the console is open.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.reactive import var

from console.i18n import _
from console.incident.access import ROLE_NAMES
from console.tui.messages import RecordRequested
from console.tui.screens.confirm import ConfirmDialog, Confirmed
from console.tui.screens.decide import DecideDialog
from console.tui.screens.declare import DeclareDialog, DeclareRequest

if TYPE_CHECKING:
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext

COORDINATOR_KEYS = {
    "declare": "declare",
    "decide": "decide",
    "recover": "recover",
    "close_incident": "close",
}
"""App actions that only a coordinator may take, by the access rule's name."""


class CoordinatorActions(App[None]):
    """Declare, decide, recover and close, as app actions and palette commands."""

    context: ConsoleContext
    incident: var[IncidentState | None]
    opened: bool

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this user may not do, and what makes no sense right now."""
        rule = COORDINATOR_KEYS.get(action)
        if rule is None:
            return True
        if not self.opened or not self.context.may(rule):
            return False
        if action == "declare":
            # During a real incident a second one cannot be declared: the key
            # leaves the crowded footer (a drill is declared from the palette).
            # During a drill it stays: a real disaster may strike meanwhile.
            return self.incident is None or self.incident.drill
        return self.incident is not None

    def _refuse(self, rule: str) -> bool:
        if self.context.may(rule):
            return False
        self.notify(
            _("Only a coordinator may do this; you are {role}.").format(
                role=_(ROLE_NAMES[self.context.role])
            ),
            title=_("Not allowed"),
            severity="error",
        )
        return True

    def action_declare(self) -> None:
        """Open the declaration dialog."""
        if self._refuse("declare"):
            return

        def declared(request: DeclareRequest | None) -> None:
            if request is None:
                return
            from console.incident import actions

            self.post_message(
                RecordRequested(
                    lambda session: actions.declare(
                        session, request.extent, request.summary, request.drill, request.at
                    ),
                    _("Declared. The clocks are running."),
                )
            )

        self.push_screen(DeclareDialog(self.context.clock.now(), self.context.zone), declared)

    def action_decide(self) -> None:
        """Open the scenario decision."""
        if self._refuse("decide") or self.incident is None:
            return
        state = self.incident

        def decided(scenario: str | None) -> None:
            if scenario is None:
                return
            from console.incident import actions

            self.post_message(
                RecordRequested(
                    lambda session: actions.decide(session, scenario, incident=state.id),
                    _("Scenario {id} decided.").format(id=scenario),
                )
            )

        minute = self.context.clock.now().replace(second=0, microsecond=0)  # as the header
        self.push_screen(DecideDialog(self.context.plan, state, minute), decided)

    def action_recover(self) -> None:
        """Ask, then start the recovery phase."""
        if self._refuse("recover") or self.incident is None:
            return
        state = self.incident

        def confirmed(answer: Confirmed | None) -> None:
            if answer is not None:
                from console.incident import actions

                self.post_message(
                    RecordRequested(
                        lambda session: actions.start_recovery(
                            session, answer.note, incident=state.id
                        ),
                        _("The recovery phase has started."),
                    )
                )

        self.push_screen(
            ConfirmDialog(
                _("Start the recovery phase of {id}?").format(id=state.id),
                _("This cannot be undone."),
            ),
            confirmed,
        )

    def action_close_incident(self) -> None:
        """Ask, then close the incident."""
        if self._refuse("close") or self.incident is None:
            return
        state = self.incident

        def confirmed(answer: Confirmed | None) -> None:
            if answer is not None:
                from console.incident import actions

                self.post_message(
                    RecordRequested(
                        lambda session: actions.close(session, answer.note, incident=state.id),
                        _("{id} is closed.").format(id=state.id),
                    )
                )

        self.push_screen(
            ConfirmDialog(
                _("Close {id}?").format(id=state.id),
                _("Nothing more can be recorded in it. This cannot be undone."),
            ),
            confirmed,
        )

    def coordinator_commands(self) -> Iterable[SystemCommand]:
        """The coordinator's actions for the command palette, if this user may take them."""
        entries = [
            ("declare", _("Declare a disaster"), _("Start the clocks"), self.action_declare),
            ("decide", _("Decide the scenario"), _("A, B, ..."), self.action_decide),
            ("recover", _("Start the recovery"), _("The return to normal"), self.action_recover),
            ("close", _("Close the incident"), _("End it"), self.action_close_incident),
        ]
        for rule, title, help_text, callback in entries:
            if self.opened and self.context.may(rule):
                yield SystemCommand(title, help_text, callback)
