"""The console shows the journal's text as data: never markup, never terminal control.

A member of the crisis staff writes a journal file by hand whose note, ticket
reference, contact note, actor, incident id and ticket id hold escape
sequences, a bell, a C1 control, a bidi override and Textual markup, and
names a damaged journal file `x[@click=app.quit]y….toml`. The coordinator's
console (the real app, at 80x24) must show all of it as written, in the
control pictures of `console.present.text.visible`, on every tab; what it
draws must hold none of those characters; and the file name in the damage
notice must be read as text, not as a click that quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, TabbedContent

from benchmarks.startup import Terminal
from console.incident.session import Session
from console.plan.loader import load_plan
from console.store.journal import JournalWriter, journal_folder
from console.tui.app import DrpApp
from console.tui.widgets.line import Line
from tests.conftest import SHIPPED_PLAN
from tests.console.conftest import DECLARED, Build, Notices, all_tabs_mounted, declared, settle
from tests.hostile import DAMAGE, DAMAGED_FILE, hostile_events, raw_controls

SIZE = (80, 24)
NOTE = "␛[2J␛[H␛]0;pwned␇␛]52;c;cm0gLXJmIH4=␇\\x9b31m\\u202etxt.exe\\u202c"
"""The start of the hostile note as it is shown."""
MARKUP = "[@click=app.quit]x[/] [b]y[/b]"


def hostile(session: Session) -> None:
    """The journal a member wrote by hand: every hostile text, in valid events."""
    for event in hostile_events(session.plan, DECLARED):
        session.writer.append(event)
        session.remember(event)


def line(app: DrpApp, name: str) -> str:
    return app.query_one(f"#{name}", Line).text


def rows(app: DrpApp, name: str) -> list[list[str]]:
    """A table's rows as the plain text of their cells."""
    table: DataTable[Text] = app.query_one(f"#{name}", DataTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def show(pilot: Pilot[None], key: str, tab: str) -> None:
    """Bring a tab to the front and let it draw (a key pressed while tabs mount may be lost)."""
    tabs = pilot.app.query_one(TabbedContent)
    for _attempt in range(50):
        if tabs.active == tab:
            break
        await pilot.press(key)
        await pilot.pause()
    assert tabs.active == tab
    await pilot.pause()


def drawn(app: DrpApp) -> str:
    """Everything the console draws on the screen now, as its screenshot holds it."""
    return app.export_screenshot()


async def test_every_tab_shows_the_journal_text_as_written_and_draws_no_control(
    console: Build,
) -> None:
    app = console(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await all_tabs_mounted(pilot)
        assert line(app, "header-title").endswith("20260328-␛]0;pwned␇\\x9b31m")
        events = line(app, "overview-events")
        assert "10:02 member␛]52;c;cm0gLXJmIH4=␇␊  [✓] fake-task done  contact: " in events
        assert f"reached: {NOTE}" in events
        assert MARKUP in events
        assert "wan-␛[2J␛[H␊  [✓] fake-task done ␛[2J␛[H␛]0;pwned␇" in line(app, "overview-tickets")
        assert raw_controls(drawn(app)) == []

        await show(pilot, "6", "timeline")
        timeline = rows(app, "timeline-table")  # newest first: the note is the second oldest
        assert timeline[-2][2] == "note" and timeline[-2][3].startswith(NOTE)
        assert MARKUP in timeline[-2][3]
        assert {who for _time, who, *_rest in timeline} == {
            "member␛]52;c;cm0gLXJmIH4=␇␊  [✓] fake-task done"
        }
        assert "on laptop␛[2J␛[H" in line(app, "timeline-full")
        assert raw_controls(drawn(app)) == []

        await show(pilot, "4", "infrastructure")
        [ticket] = rows(app, "tickets")
        assert ticket[0] == "wan-␛[2J␛[H␊  [✓] fake-task done"
        assert ticket[2].startswith("␛[2J")  # the reference, cut to its column
        [wan1] = [row for row in rows(app, "components") if row[1].startswith("wan1 ")]
        assert wan1[4].startswith("␛[2J")  # the component's note
        assert raw_controls(drawn(app)) == []

        await show(pilot, "3", "contacts")
        detail = line(app, "contacts-detail")  # the coordinator, on the first row
        assert detail.startswith("REACHED 10:02 · ␛[2J␛[H␛]0;PWNED␇␛]52;C;CM0GLXJMIH4=␇")
        assert "[@CLICK=APP.QUIT]X[/] [B]Y[/B]␊  [✓] FAKE-TASK DONE" in detail
        assert raw_controls(drawn(app)) == []

        await show(pilot, "2", "checklist")
        assert f"note: {NOTE}" in line(app, "checklist-detail")
        assert raw_controls(drawn(app)) == []

        await show(pilot, "5", "backups")
        systems = [row[0] for row in rows(app, "restores")]  # cut to the column's width
        assert any(system.startswith("main␛]0;pwned␇␊") for system in systems)
        assert raw_controls(drawn(app)) == []
        assert app.is_running


async def test_a_damaged_file_named_with_markup_is_named_as_written_and_runs_nothing(
    console: Build, state_dir: Path, notices: Notices
) -> None:
    def damaged(session: Session) -> None:
        declared(session)
        (journal_folder(state_dir) / DAMAGED_FILE).write_bytes(DAMAGE)

    app = console(damaged)
    async with app.run_test(size=SIZE, message_hook=notices, notifications=True) as pilot:
        await settle(pilot, lambda: "Journal damage" in notices.titles)
        [notice] = [n for n in notices.notifications if n.title == "Journal damage"]
        name = "x[@click=app.quit]y␛]0;pwned␇.toml:1:"
        assert f"{journal_folder(state_dir)}/{name}" in notice.message
        assert not notice.markup
        await settle(pilot, lambda: any(t.region.height for t in app.screen.query("Toast")))
        toast = app.screen.query_one("Toast")
        assert name in str(toast.render())  # drawn as text: no link in it
        assert raw_controls(drawn(app)) == []
        # Low in the toast, in the text after the name: were it markup, a click there quits.
        await pilot.click("Toast", offset=(4, toast.region.height - 2))
        await pilot.pause()
        assert app.is_running


def test_a_real_terminal_gets_no_title_clipboard_or_c1_sequence_from_the_journal(
    tmp_path: Path,
) -> None:
    """What the console writes to a pseudo-terminal: the journal's text as signs, never raw."""
    plan = tmp_path / "plan.toml"
    plan.write_text(SHIPPED_PLAN.read_text("utf-8"), "utf-8")
    plan.chmod(0o600)
    state = tmp_path / "state"
    writer = JournalWriter(state, host="member")
    for event in hostile_events(load_plan(plan), DECLARED):
        writer.append(event)
    writer.close()
    terminal = Terminal(
        [sys.executable, "-m", "console", "--plan", str(plan), "--state", str(state)],
        env={"DRP_LANG": "en"},
    )
    try:
        terminal.wait_for(b"T+")  # the header's clocks: the incident is shown
        terminal.read(1.0)  # and the overview with its latest events
        for key in "643":  # the timeline, the tickets, the contacts
            terminal.press(key)
            terminal.read(1.0)
        terminal.press("q")
        assert terminal.process.wait(timeout=10) == 0
        terminal.read(0.5)
    finally:
        terminal.close()
    output = bytes(terminal.output)
    assert b"\x1b]0;pwned" not in output  # the terminal's title is left alone
    assert b"\x1b]52;c;cm0g" not in output  # and its clipboard
    assert b"\xc2\x9b" not in output and "\u202e".encode() not in output
    assert "20260328-␛]0;pwned␇\\x9b31m".encode() in output  # the header's incident id
    assert "wan-␛[2J␛[H␊".encode() in output  # the ticket's id, on the infrastructure tab
