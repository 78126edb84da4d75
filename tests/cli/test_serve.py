"""`drp serve`: the console in a browser, tested as a browser would use it.

Every test starts a real `drp serve` process on a free port and talks to it
over real HTTP and a real websocket (aiohttp's client, which comes with
textual-serve), the way textual-serve's page does: JSON text frames to the
server (`["stdin", keys]`), the console's terminal output back as binary
frames, and JSON text frames for the rest (`["deliver_file_start", key]`).
The output is played onto a small screen of 80x24 cells, so the assertions
read what a person would see.

The served console processes import drp from the module path (`-P` keeps the
current folder off it), so the server gets `PYTHONPATH` set to this checkout.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from rich.cells import cell_len

from tests.conftest import ROOT, SHIPPED_PLAN, run_drp_process

DEADLINE = 60.0
"""Seconds to wait for a server or a console on a busy machine; a pass takes a few."""
WIDTH, HEIGHT = 80, 24
TABS = ["1 Overview", "2 Checklist", "3 Contacts", "4 Infrastructure", "5 Backups", "6 Timeline"]
ENV = {"PYTHONPATH": str(ROOT), "DRP_LANG": "en"}


def free_port() -> int:
    """A port nothing listens on now (the system picks it when binding port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def private_plan(folder: Path) -> Path:
    """A private copy of the shipped plan in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "plan.toml"
    plan.write_text(SHIPPED_PLAN.read_text("utf-8"), "utf-8")
    plan.chmod(0o600)
    return plan


@dataclass
class Served:
    """A running `drp serve` and what it wrote."""

    process: subprocess.Popen[bytes]
    port: int
    logs: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        """Its standard output and error so far."""
        return "".join((self.logs / name).read_text("utf-8", "replace") for name in ("out", "err"))

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; a kill if it does not go within the deadline."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(timeout=DEADLINE)


@contextmanager
def serving(tmp_path: Path, *args: str) -> Iterator[Served]:
    """Run `drp serve ARGS --port <free>`; always stop it on the way out."""
    port = free_port()
    logs = tmp_path / "serve-logs"
    logs.mkdir()
    with (logs / "out").open("wb") as out, (logs / "err").open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "console", "serve", *args, "--port", str(port)],
            stdout=out,
            stderr=err,
            cwd=tmp_path,  # not the checkout: the served consoles find drp by PYTHONPATH
            env={**os.environ, **ENV},
        )
    served = Served(process, port, logs)
    try:
        yield served
    finally:
        served.stop()


async def page_when_up(served: Served, session: aiohttp.ClientSession) -> str:
    """The page at /, fetched as soon as the server answers."""
    deadline = time.monotonic() + DEADLINE
    while True:
        assert served.process.poll() is None, f"drp serve ended:\n{served.output()}"
        try:
            async with session.get(served.url + "/") as response:
                assert response.status == 200
                assert response.content_type == "text/html"
                return await response.text()
        except aiohttp.ClientConnectionError:
            if time.monotonic() > deadline:
                raise
        await asyncio.sleep(0.05)  # the next try, until the server listens or the deadline


CONTROL = re.compile(
    r"\x1b\[(?P<params>[0-?]*)[ -/]*(?P<final>[@-~])"  # CSI: cursor moves, colours, modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[()][0-9A-Za-z]|\x1b[^\[\]]"  # character sets, other escapes
    r"|(?P<newline>\n)|(?P<cr>\r)"
)


@dataclass
class Screen:
    """The terminal the browser draws: cursor moves and text, colours ignored."""

    cells: list[list[str]] = field(
        default_factory=lambda: [[" "] * WIDTH for _row in range(HEIGHT)]
    )
    row: int = 0
    column: int = 0

    def feed(self, output: str) -> None:
        """Play the console's output onto the screen."""
        position = 0
        for match in CONTROL.finditer(output):
            self.put(output[position : match.start()])
            position = match.end()
            if match["newline"]:
                self.row += 1
            elif match["cr"]:
                self.column = 0
            elif match["final"] == "H" and not match["params"].startswith("?"):
                row, _sep, column = match["params"].partition(";")
                self.row, self.column = int(row or 1) - 1, int(column or 1) - 1
        self.put(output[position:])

    def put(self, text: str) -> None:
        for character in text:
            width = cell_len(character)
            if 0 <= self.row < HEIGHT and 0 <= self.column < WIDTH:
                self.cells[self.row][self.column] = character
                for extra in range(1, width):  # the cell a wide character covers
                    if self.column + extra < WIDTH:
                        self.cells[self.row][self.column + extra] = ""
            self.column += width

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.cells]

    def text(self) -> str:
        return "\n".join(self.lines())

    def toasts(self) -> str:
        """The text of the notifications, each drawn right of a "▌", their lines joined."""
        return " ".join(line.rpartition("▌")[2].strip() for line in self.lines() if "▌" in line)


@dataclass
class Browser:
    """One browser tab on the console's websocket."""

    socket: aiohttp.ClientWebSocketResponse
    screen: Screen = field(default_factory=Screen)
    messages: list[list[object]] = field(default_factory=list)

    async def press(self, keys: str) -> None:
        """Type `keys` as the browser's terminal sends them."""
        await self.socket.send_str(json.dumps(["stdin", keys]))

    async def read(self, deadline: float) -> None:
        """Take the next frame from the server, by the deadline."""
        left = deadline - time.monotonic()
        if left <= 0:  # aiohttp would read a timeout of 0 as no timeout at all
            raise TimeoutError
        message = await self.socket.receive(timeout=left)
        if message.type == aiohttp.WSMsgType.BINARY:
            self.screen.feed(message.data.decode("utf-8"))
        elif message.type == aiohttp.WSMsgType.TEXT:
            self.messages.append(json.loads(message.data))
        else:
            raise AssertionError(f"the websocket closed ({message.type!r}):\n{self.screen.text()}")

    async def until(self, shown: Callable[[Screen], bool], what: str) -> list[str]:
        """Read the console's output until the screen shows `what` (`shown` says when)."""
        deadline = time.monotonic() + DEADLINE
        while not shown(self.screen):
            try:
                await self.read(deadline)
            except TimeoutError:
                raise AssertionError(f"never shown: {what}\n{self.screen.text()}") from None
        return self.screen.lines()

    async def until_shown(self, *texts: str) -> list[str]:
        """Read the console's output until the screen shows every one of `texts`."""
        return await self.until(
            lambda screen: all(text in screen.text() for text in texts), repr(texts)
        )

    async def until_message(self, kind: str) -> list[object]:
        """Read until the server sends the JSON message `[kind, ...]`."""
        deadline = time.monotonic() + DEADLINE
        while not any(message[0] == kind for message in self.messages):
            try:
                await self.read(deadline)
            except TimeoutError:
                raise AssertionError(f"no {kind!r} message:\n{self.screen.text()}") from None
        return next(message for message in self.messages if message[0] == kind)


@asynccontextmanager
async def browser(served: Served, session: aiohttp.ClientSession) -> AsyncIterator[Browser]:
    """Open the console as the page does: the page, then `/ws` at the window's size."""
    await page_when_up(served, session)
    url = f"{served.url}/ws?width={WIDTH}&height={HEIGHT}"
    async with session.ws_connect(url) as websocket:
        yield Browser(websocket)


def external_urls(text: str, own: str) -> list[str]:
    """Every http(s) URL in `text` that is not on the server `own`."""
    return [url for url in re.findall(r"https?://[^\s\"'<>)]+", text) if not url.startswith(own)]


async def test_the_page_fetches_nothing_from_outside_the_machine(tmp_path: Path) -> None:
    plan = private_plan(tmp_path)
    with serving(tmp_path, "--plan", str(plan)) as served:
        async with aiohttp.ClientSession() as session:
            page = await page_when_up(served, session)
            assert "fonts.googleapis.com" not in page
            assert external_urls(page, served.url) == []
            assert "<title>OCMW Zonnedaal · drp crisis console</title>" in page
            # What the page loads (stylesheet, script, fonts) is all here, on this server.
            local = re.findall(r"(?:href|src)=\"(/[^\"]*)\"|url\(\"(/[^\"]*)\"\)", page)
            paths = sorted({href or url for href, url in local})
            assert "/static/js/textual.js" in paths
            assert "/static/fonts/RobotoMono-VariableFont_wght.ttf" in paths
            for path in paths:
                async with session.get(served.url + path) as response:
                    assert response.status == 200, path
                    assert len(await response.read()) > 1000, path
        assert f"on http://127.0.0.1:{served.port}/" in served.output()


async def test_a_browser_tab_gets_a_console_on_the_plan_and_state(tmp_path: Path) -> None:
    """The console's first frames, through a plan and a state folder whose names need quoting."""
    folder = tmp_path / "plan d'urgence $HOME"
    plan, state = private_plan(folder), folder / "état; touch gone"
    where = ("--plan", str(plan), "--state", str(state))
    assert run_drp_process("declare", *where, "--drill", cwd=ROOT).status == 0
    incident = json.loads(run_drp_process("status", "--json", *where, cwd=ROOT).out)["incident"]
    with serving(tmp_path, *where) as served:
        async with aiohttp.ClientSession() as session, browser(served, session) as tab:
            lines = await tab.until_shown("OCMW Zonnedaal", *TABS)
            assert lines[0].strip().startswith("OCMW Zonnedaal")
            assert all(name in lines[2] for name in TABS)
            lines = await tab.until_shown(incident["id"])  # the journal in that state folder
            assert lines[0].strip().startswith(f"OCMW Zonnedaal · {incident['id']}")
            assert "DRILL" in lines[0]
            assert lines[1].strip().startswith("T+")
        assert served.stop() == 0
    assert not (tmp_path / "gone").exists()
    assert "Traceback" not in served.output()


def test_the_page_escapes_the_organisation_name(english: None) -> None:
    """The name comes from the plan, which people write: it is text on the page, never markup."""
    from console.serve.server import page

    shown = page('Zorg & "Welzijn" <script>')
    assert shown.count("<script") == page("Zonnedaal").count("<script")
    assert '<div class="name">Zorg &amp; &quot;Welzijn&quot; &lt;script&gt;</div>' in shown


def processes_naming(text: str) -> list[int]:
    """The processes whose command line names `text` (a test's own folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:  # not a process, or one that just ended
            continue
        if entry.name.isdigit() and text in command:
            found.append(int(entry.name))
    return found


async def test_stopping_the_server_closes_the_open_tabs_and_their_consoles(tmp_path: Path) -> None:
    """Ctrl+C (or SIGTERM) with a browser tab open: the tab is told at once, its console quits."""
    plan = private_plan(tmp_path)
    with serving(tmp_path, "--plan", str(plan)) as served:
        async with aiohttp.ClientSession() as session, browser(served, session) as tab:
            await tab.until_shown("no active disaster")
            consoles = [pid for pid in processes_naming(str(plan)) if pid != served.process.pid]
            assert consoles  # the shell textual-serve starts, and drp in it
            assert served.stop() == 0
            deadline = time.monotonic() + DEADLINE
            closing = await tab.socket.receive(timeout=DEADLINE)
            while closing.type == aiohttp.WSMsgType.BINARY:  # the frames sent before the stop
                closing = await tab.socket.receive(timeout=DEADLINE)
            assert closing.type == aiohttp.WSMsgType.CLOSE  # closed by the server, not dropped
    while set(consoles) & set(processes_naming(str(plan))):
        assert time.monotonic() < deadline, "the console process outlived the server"
        await asyncio.sleep(0.05)  # until the process is gone, or the deadline


def test_an_address_others_can_reach_is_refused_without_the_flag(tmp_path: Path) -> None:
    plan = private_plan(tmp_path)
    result = run_drp_process(
        "serve", "--plan", str(plan), "--host", "0.0.0.0", "--port", str(free_port()), cwd=ROOT
    )
    assert result.status == 2
    assert result.out == ""
    [line] = result.err.splitlines()
    assert line.startswith("drp: refusing to serve on 0.0.0.0, which other machines can reach")
    assert "no password" in line and "--i-know-it-is-open" in line


async def test_an_address_others_can_reach_is_served_with_the_flag(tmp_path: Path) -> None:
    plan = private_plan(tmp_path)
    with serving(
        tmp_path, "--plan", str(plan), "--host", "0.0.0.0", "--i-know-it-is-open"
    ) as served:
        async with aiohttp.ClientSession() as session:
            page = await page_when_up(served, session)  # 0.0.0.0 answers on the loopback too
            assert "OCMW Zonnedaal" in page
        assert served.stop() == 0
    warning = (served.logs / "err").read_text("utf-8")
    assert f"drp: serving on 0.0.0.0 without a password: anyone who reaches port {served.port}" in (
        warning
    )


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    plan = private_plan(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_drp_process("serve", "--plan", str(plan), "--port", str(port), cwd=ROOT)
    assert result.status == 2
    assert result.out == ""
    assert result.err == f"drp: port {port} on 127.0.0.1 is in use: choose another with --port N\n"


def test_only_drp_serve_loads_textual_serve() -> None:
    """`drp` alone, and every other command's parser, import neither textual-serve nor aiohttp."""
    probe = (
        "import sys\n"
        "from console.cli import build_parser, console_arguments\n"
        "build_parser(); console_arguments([])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual_serve', 'aiohttp'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


async def test_an_export_in_the_browser_is_downloaded(tmp_path: Path) -> None:
    """`e`, then the file name field and Enter: the browser gets the report at /download/KEY."""
    plan = private_plan(tmp_path)
    state = tmp_path / "drp-state"
    where = ("--plan", str(plan), "--state", str(state))
    declared = run_drp_process("declare", *where, "--summary", "Brand in het archief", cwd=ROOT)
    assert declared.status == 0, declared.err
    status = run_drp_process("status", "--json", *where, cwd=ROOT)
    incident = json.loads(status.out)["incident"]["id"]

    with serving(tmp_path, *where) as served:
        async with aiohttp.ClientSession() as session, browser(served, session) as tab:
            await tab.until_shown(f"OCMW Zonnedaal · {incident}")
            await tab.press("e")
            await tab.until_shown("Export a report", "Sent to your browser as:")
            await tab.press("\t\t\t")  # past the report, audience and format to the name
            await tab.press("\r")
            [_kind, key] = await tab.until_message("deliver_file_start")
            assert isinstance(key, str)
            async with session.get(f"{served.url}/download/{key}") as response:
                assert response.status == 200
                disposition = response.headers["Content-Disposition"]
                report = await response.text()
            assert re.fullmatch(r"attachment; filename=status-\d{8}-\d{4}\.md", disposition)
            assert f"\n# Status report {incident}\n" in report
            assert "OCMW Zonnedaal" in report
            assert "Brand in het archief" in report
            told = f"{disposition.partition('filename=')[2]} is on its way to your browser."
            await tab.until(lambda screen: told in screen.toasts(), told)
        assert served.stop() == 0
    assert not list(tmp_path.glob("status-*"))  # nothing written beside the state directory
    timeline = run_drp_process("status", "--json", *where, cwd=ROOT)
    assert json.loads(timeline.out)["timeline_count"] == 2  # declared, report issued
