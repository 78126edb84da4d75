"""The coordinator's actions in the console: declare, decide, start the recovery, close.

A mixin of the app so that `app.py` stays a thin shell. Each action opens its
dialog, and only on confirmation posts a `RecordRequested` that calls the same
function as `drp declare`, `drp decide`, `drp recover` and `drp close`. For a
user who may not take them, the keys are hidden from the footer and refused
with a message, as the tabs' keys are (`console.tui.policy`).

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
from console.tui.messages import RecordRequested
from console.tui.policy import key_state, refused, show_error
from console.tui.screens.confirm import ConfirmDialog, Confirmed
from console.tui.screens.decide import DecideDialog
from console.tui.screens.declare import DeclareDialog, DeclareRequest

if TYPE_CHECKING:
    from console.clock import ShownClock
    from console.incident.access import Action
    from console.incident.state import IncidentState
    from console.tui.context import ConsoleContext

COORDINATOR_KEYS: dict[str, Action] = {
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
    clock: ShownClock

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The coordinator's keys by the one policy of the tabs; nothing before the plan is read."""
        rule = COORDINATOR_KEYS.get(action)
        if rule is None:
            return super().check_action(action, parameters)
        if not self.opened:
            return False
        if action == "declare":
            # During a real incident a second one cannot be declared: the key
            # leaves the crowded footer (a drill is declared from the palette).
            # During a drill it stays: a real disaster may strike meanwhile.
            if self.incident is not None and not self.incident.drill:
                return False
            return key_state(self.context, rule, self.incident, needs_incident=False)
        return key_state(self.context, rule, self.incident)

    def incident_to_act_on(self, action: str) -> IncidentState | None:
        """The active incident for a coordinator's action; None after telling the user why not."""
        error = refused(self.context, COORDINATOR_KEYS[action], self.incident)
        if error is not None:
            show_error(self, error)
            return None
        return self.incident

    def action_declare(self) -> None:
        """Open the declaration dialog."""
        error = refused(self.context, "declare", self.incident, needs_incident=False)
        if error is not None:
            show_error(self, error)
            return

        def declared(request: DeclareRequest | None) -> None:
            if request is None:
                return
            from console.incident import actions

            self.post_message(
                RecordRequested(
                    lambda session: actions.declare(
                        session, request.extent, request.summary, request.drill, request.at
                    )
                )
            )

        # A disaster is declared in real time, even while a drill's faster clock is on show.
        self.push_screen(DeclareDialog(self.clock.real.now(), self.context.zone), declared)

    def action_decide(self) -> None:
        """Open the scenario decision."""
        state = self.incident_to_act_on("decide")
        if state is None:
            return

        def decided(scenario: str | None) -> None:
            if scenario is None:
                return
            from console.incident import actions

            self.post_message(
                RecordRequested(
                    lambda session: actions.decide(session, scenario, incident=state.id)
                )
            )

        minute = self.context.clock.now().replace(second=0, microsecond=0)  # as the header
        self.push_screen(DecideDialog(self.context.plan, state, minute), decided)

    def action_recover(self) -> None:
        """Ask, then start the recovery phase."""
        state = self.incident_to_act_on("recover")
        if state is None:
            return

        def confirmed(answer: Confirmed | None) -> None:
            if answer is not None:
                from console.incident import actions

                self.post_message(
                    RecordRequested(
                        lambda session: actions.start_recovery(
                            session, answer.note, incident=state.id
                        )
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
        state = self.incident_to_act_on("close_incident")
        if state is None:
            return

        def confirmed(answer: Confirmed | None) -> None:
            if answer is not None:
                from console.incident import actions

                self.post_message(
                    RecordRequested(
                        lambda session: actions.close(session, answer.note, incident=state.id)
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
        """The coordinator's actions for the command palette, those whose key is enabled."""
        entries = [
            ("declare", _("Declare a disaster"), _("Start the clocks")),
            ("decide", _("Decide the scenario"), _("A, B, ...")),
            ("recover", _("Start the recovery"), _("The return to normal")),
            ("close_incident", _("Close the incident"), _("End it")),
        ]
        for action, title, help_text in entries:
            # Declaring stays in the palette during a real incident: the refusal says why.
            offered = self.opened and self.context.may(COORDINATOR_KEYS[action])
            if action != "declare":
                offered = self.check_action(action, ()) is True
            if offered:
                yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))
