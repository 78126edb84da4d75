"""A reader folds exactly the events it believes, whoever owns the files they are in.

The property: for any events of one incident, spread over journal files of
different owners, claiming different actors of different roles, the state a
session reads equals the fold of the believed events alone, and every other
event is reported. The rule is restated here on its own (an actor may write
only in a file of their own, unless the file's owner is a coordinator or
root; the actor's role must allow the event), so the test does not take the
code's word for it. Files get their owners for real (`chown`, so as root).

And one id, one content: two differing copies of an event keep the more
trusted one, whichever file is read first, in the session as in `drp status`.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import tempfile
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.clock import FixedClock
from console.incident.access import current_login
from console.incident.events import EVENT_ADAPTER, Event
from console.incident.fold import fold
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import journal_folder
from tests.conftest import SHIPPED_PLAN, run_drp_process
from tests.reliability.trust_support import journal_bytes, needs_root
from tests.strategies import INCIDENT, START, incident_events

COORDINATOR, MEMBER = "daemon", "nobody"


def _uid(login: str) -> int | None:
    try:
        return pwd.getpwnam(login).pw_uid
    except KeyError:
        return None


USERS = {
    login: uid for login in ("root", "daemon", "bin", "nobody") if (uid := _uid(login)) is not None
}
"""Logins of this machine that play the parts: root, a coordinator, a viewer, a member."""
COORDINATOR_KINDS = {"declared", "decided", "recovery", "closed"}


def believed(event: Event, owner: str) -> bool:
    """The rule, restated: the file vouches for the author, the author's role for the event."""
    holds_others = owner in ("root", COORDINATOR)
    if event.actor != owner and not holds_others:
        return False
    if event.actor == COORDINATOR:
        return True
    return event.actor == MEMBER and event.kind not in COORDINATOR_KINDS


def access_plan(folder: Path) -> Path:
    plan = folder / "plan.toml"
    plan.write_text(
        SHIPPED_PLAN.read_text("utf-8")
        + f"\n[access]\ncoordinators = ['{COORDINATOR}']\nmembers = ['{MEMBER}']\n",
        encoding="utf-8",
    )
    return plan


@needs_root
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events=incident_events(max_size=12), data=st.data())
def test_the_fold_is_the_fold_of_the_believed_events(
    events: list[Event], data: st.DataObject
) -> None:
    logins = sorted(USERS)
    placed: dict[tuple[str, int], list[Event]] = defaultdict(list)
    declaration, *rest = events
    declaration = declaration.model_copy(update={"actor": COORDINATOR})
    placed[COORDINATOR, 0].append(declaration)
    owners = {declaration.id: COORDINATOR}
    for event in rest:
        actor = data.draw(st.sampled_from(logins))
        owner = data.draw(st.sampled_from(logins))
        forged = event.model_copy(update={"actor": actor})
        placed[owner, data.draw(st.integers(0, 2))].append(forged)
        owners[event.id] = owner
    folder = Path(tempfile.mkdtemp(prefix="drp-trust-fold-"))
    try:
        plan = load_plan(access_plan(folder))
        state = folder / "state"
        journal_folder(state).mkdir(parents=True)
        for (owner, number), chunk in placed.items():
            path = journal_folder(state) / f"{owner}-{number}.toml"
            path.write_bytes(journal_bytes(*chunk))
            os.chown(path, USERS[owner], -1)
        written = [e for chunk in placed.values() for e in chunk]
        session = Session(plan, state, FixedClock(START + timedelta(days=2)), login="root")
        session.refresh()
        expected = [e for e in written if believed(e, owners[e.id])]
        assert session.state(INCIDENT) == fold(plan, expected)
        ignored = [d for d in session.damage if d.kind == "ignored"]
        assert len(ignored) == len(written) - len(expected)
    finally:
        shutil.rmtree(folder)


def two_copies(state: Path, first_name: str, second_name: str) -> tuple[Event, Event]:
    """The same decision twice, differing: the earlier recorded copy says A, the later B."""
    at = START + timedelta(hours=1)
    common = {"incident": INCIDENT, "at": at, "actor": current_login(), "host": "h"}
    declared = EVENT_ADAPTER.validate_python(
        {**common, "id": "0" * 25 + "1", "recorded_at": START, "at": START, "kind": "declared"}
    )
    early, late = (
        EVENT_ADAPTER.validate_python(
            {**common, "id": "0" * 25 + "2", "recorded_at": at + timedelta(minutes=m)}
            | {"kind": "decided", "scenario": scenario}
        )
        for m, scenario in ((1, "A"), (9, "B"))
    )
    folder = journal_folder(state)
    folder.mkdir(parents=True)
    (folder / first_name).write_bytes(journal_bytes(declared, late))
    (folder / second_name).write_bytes(journal_bytes(early))
    return early, late


def test_differing_copies_keep_the_earliest_recorded_whichever_file_comes_first(
    tmp_path: Path,
) -> None:
    plan_path = tmp_path / "plan.toml"
    plan_path.write_text(
        SHIPPED_PLAN.read_text("utf-8") + f"\n[access]\ncoordinators = ['{current_login()}']\n"
    )
    plan_path.chmod(0o600)
    plan = load_plan(plan_path)
    for first, second in (("a.toml", "z.toml"), ("z.toml", "a.toml")):
        state = tmp_path / f"state-{first}"
        early, _late = two_copies(state, first, second)
        session = Session(plan, state, FixedClock(START + timedelta(hours=2)))
        session.refresh()
        assert session.state(INCIDENT).scenario == "A"
        assert session.briefs[INCIDENT].decision == early  # what the actions check
        reports = [str(d) for d in session.damage if d.kind == "ignored"]
        assert len(reports) == 1 and f"{first}:" in reports[0] and "differs" in reports[0]
        shown = run_drp_process(
            "status",
            "--json",
            "--plan",
            str(plan_path),
            "--state",
            str(state),
            "--now",
            (START + timedelta(hours=2)).isoformat(),
        )
        assert shown.status == 0, shown.err
        assert json.loads(shown.out)["incident"]["scenario"] == "A"
        assert "differs" in shown.err
