"""Every format a report can be written in: one table, one renderer per format.

A report (the binder, the status report, the after-action report) is built
once as a format-neutral `Document`; a format is a function from a document
to its content (text, or bytes for PDF). Adding a format is one renderer
module and one entry in
`RENDERERS`: `drp binder --format`, the choice by file suffix and the tests
all read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from console.i18n import N_
from console.report.document import Document
from console.report.render_html import render_html
from console.report.render_markdown import render_markdown
from console.report.render_pdf import render_pdf
from console.report.render_text import render_text


@dataclass(frozen=True)
class Renderer:
    """One output format."""

    name: str
    """What `--format` takes, such as "md"."""
    suffixes: tuple[str, ...]
    """File name endings that choose this format for `-o FILE`."""
    render: Callable[[Document], str | bytes]
    """Turns a document into the file's content: text, or bytes for a binary format."""
    description: str
    """The format in words, for `--help` (translated where shown)."""


RENDERERS: dict[str, Renderer] = {
    renderer.name: renderer
    for renderer in (
        Renderer("md", (".md", ".markdown"), render_markdown, N_("Markdown")),
        Renderer("html", (".html", ".htm"), render_html, N_("a self-contained HTML page")),
        Renderer("txt", (".txt", ".text"), render_text, N_("plain text for a mail or a chat")),
        Renderer("pdf", (".pdf",), render_pdf, N_("a PDF to print, A4")),
    )
}
"""The formats, by name; the first is the default."""

DEFAULT_FORMAT = next(iter(RENDERERS))


def format_for(name: str | None, output: str | None) -> Renderer:
    """The renderer `--format` names, else the one the output file's suffix chooses."""
    if name is not None:
        return RENDERERS[name]
    suffix = Path(output).suffix.lower() if output else ""
    found = (r for r in RENDERERS.values() if suffix in r.suffixes)
    return next(found, RENDERERS[DEFAULT_FORMAT])
