"""`drp binder`: the whole plan as a printable document for every plan holder.

Markdown or self-contained HTML, to standard output or to a file created mode
0600. An existing file is replaced only with `--force`.
"""

from __future__ import annotations

import argparse

from console.commands.common import add_plan_argument, one_shot, plan_path
from console.commands.output import add_output_arguments, deliver
from console.errors import EXIT_OK
from console.i18n import _, set_language
from console.plan.loader import load_plan

FORMATS = ("md", "html", "txt", "pdf")
"""The names in `console.report.renderers.RENDERERS` (kept here: `--help` loads no renderer)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare `drp binder`."""
    parser = subparsers.add_parser(
        "binder",
        help=_("write the plan as a printable binder (Markdown or HTML)"),
        description=_(
            "Write the whole plan as a printable document, every section in the order of the "
            "template. Without -o it goes to standard output."
        ),
    )
    add_plan_argument(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=_("md, html, txt or pdf (default: from the -o file name, else md)"),
    )
    add_output_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the binder and write it out."""
    one_shot()
    from console.report.binders import render_binder  # only this command needs them
    from console.report.renderers import format_for

    path = plan_path(args)
    plan = load_plan(path)  # PlanError is reported by the caller
    set_language(plan.organisation.language)
    text = render_binder(plan, format_for(args.format, args.output).name)
    deliver(text, args.output, force=args.force)
    return EXIT_OK
