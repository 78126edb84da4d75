"""Reports: the printable plan binder now; the status and after-action reports later.

The plan is only useful on the day if it can be read without the program: each
plan holder keeps a printed or electronic binder outside the building. Reports
are built once as a format-neutral `Document` and rendered per format, so the
binder, the status report and the after-action report share their renderers.
Imports nothing from Textual or the console.
"""

from __future__ import annotations

from typing import Literal

from console.i18n import _
from console.plan import Plan
from console.report.binder import build_binder
from console.report.document import Document
from console.report.render_html import render_html
from console.report.render_markdown import render_markdown

BinderFormat = Literal["md", "html"]


def render_binder(plan: Plan, fmt: BinderFormat) -> str:
    """The plan binder as Markdown ("md") or a self-contained HTML page ("html")."""
    document = build_binder(plan)
    if fmt == "md":
        return render_markdown(document)
    if fmt == "html":
        return render_html(document)
    raise ValueError(_("unknown binder format '{fmt}': use 'md' or 'html'").format(fmt=fmt))


__all__ = [
    "BinderFormat",
    "Document",
    "build_binder",
    "render_binder",
    "render_html",
    "render_markdown",
]
