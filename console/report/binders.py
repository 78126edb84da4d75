"""The plan binder in the format asked for: the one entry point of `drp binder`."""

from __future__ import annotations

from typing import Literal

from console.i18n import _
from console.plan.model import Plan
from console.report.binder import build_binder
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
