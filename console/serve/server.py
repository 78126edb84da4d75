"""The web server of `drp serve`: textual-serve, with drp's own page.

textual-serve starts one console process per browser tab (the command it is
given, run as the user who runs the server) and relays the terminal between
the process and the browser over a websocket. Its own page links a font from
Google Fonts; drp serves `page.html` instead, which loads everything, the
font included, from the server's static folder.
"""

from __future__ import annotations

import asyncio
import html
import sys
from importlib.resources import files
from string import Template

from aiohttp import web
from textual_serve.server import Server

from console.i18n import _, current_language

DEFAULT_FONT_SIZE = 16
FONT_SIZES = range(8, 49)
"""What `?fontsize=` may ask for; anything else gets the default."""


def page(name: str, font_size: int = DEFAULT_FONT_SIZE) -> str:
    """The page that opens the console of the organisation `name` in a browser."""
    template = Template(files("console.serve").joinpath("page.html").read_text("utf-8"))
    text = {
        "title": _("{name} · drp crisis console").format(name=name),
        "name": name,
        "opening": _("Opening the console…"),
        "closed": _("The console has closed."),
        "reopen": _("Open it again"),
    }
    return template.substitute(
        {key: html.escape(value) for key, value in text.items()},
        lang=current_language(),
        font_size=font_size,
    )


class ConsoleServer(Server):
    """Serves the console `command` of the organisation `name` on `host`:`port`."""

    def __init__(self, command: str, *, name: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title=name)
        self.name = name
        self.tabs: set[asyncio.Task[object]] = set()
        """The handlers of the open browser tabs, each with its console process."""

    def url(self) -> str:
        """Where the browser finds the console (an IPv6 address in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    async def handle_index(self, request: web.Request) -> web.Response:
        """drp's page, in place of textual-serve's (which needs the internet for its font)."""
        asked = request.query.get("fontsize", "")
        font_size = (
            int(asked) if asked.isdigit() and int(asked) in FONT_SIZES else DEFAULT_FONT_SIZE
        )
        return web.Response(text=page(self.name, font_size), content_type="text/html")

    async def on_startup(self, app: web.Application) -> None:
        """Say where the console is, in drp's words (textual-serve prints a banner)."""
        sys.stdout.write(
            _("Serving the console of {name} on {url} (Ctrl+C stops it).").format(
                name=self.name, url=self.url()
            )
            + "\n"
        )
        sys.stdout.flush()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab's console, kept track of so that stopping the server closes it."""
        task = asyncio.current_task()
        assert task is not None  # aiohttp runs every handler in a task of its own
        self.tabs.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.tabs.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab at once when the server stops.

        Otherwise aiohttp waits for the browsers to hang up, which they do not;
        textual-serve closes the websocket and quits the console of a handler
        that is cancelled.
        """
        for task in self.tabs:
            task.cancel()
