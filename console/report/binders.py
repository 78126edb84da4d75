"""The plan binder in the format asked for: the one entry point of `drp binder`."""

from __future__ import annotations

from console.i18n import _
from console.plan.model import Plan
from console.report.binder import build_binder
from console.report.renderers import RENDERERS


def render_binder(plan: Plan, fmt: str) -> str | bytes:
    """The plan binder in the format named `fmt` (see `console.report.renderers`)."""
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise ValueError(
            _("unknown binder format '{fmt}': use {formats}").format(
                fmt=fmt, formats=", ".join(RENDERERS)
            )
        )
    return renderer.render(build_binder(plan))
