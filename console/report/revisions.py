"""The version history (seed section 15) with its approvals, for `drp revisions`.

A plan maintainer wants to see at a glance which versions the plan went
through, who approved each and when, and when the next approval is due. The
text is a plain table aligned on its longest cells, each revision's summary
and changes under its row, and one line on the review; every value from the
plan goes through `visible`. The JSON keeps ISO dates.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

from rich.cells import cell_len

from console.i18n import _, ngettext
from console.incident import timefmt
from console.plan.model import Plan
from console.plan.upkeep import last_approval, review_due, review_notice
from console.present.text import visible

WIDTH = 79
"""Summaries, changes and the review line are wrapped to fit a terminal of 80 columns."""


def revisions_data(plan: Plan, now: datetime) -> dict[str, Any]:
    """The review interval, the last approval, the next one due, and every revision, as data."""
    found = last_approval(plan)
    due = review_due(plan)
    return {
        "review": {
            "months": plan.review.months,
            "last_approved_on": found[0].isoformat() if found else None,
            "due_on": due.isoformat() if due else None,
            "overdue": review_notice(plan, now) is not None,
        },
        "revisions": [
            {
                "label": revision.label,
                "date": revision.date.isoformat(),
                "summary": revision.summary,
                "changes": list(revision.changes),
                "approved_by": revision.approved_by,
                "approved_on": revision.approved_on.isoformat() if revision.approved_on else None,
            }
            for revision in plan.revisions
        ],
    }


def _ljust(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    one_line = " ".join(visible(text, lines=True).split())
    return textwrap.wrap(one_line, WIDTH, initial_indent=first, subsequent_indent=rest) or [first]


def revisions_text(plan: Plan, now: datetime) -> str:
    """The version history as an aligned table for people, with the review on the last line."""
    lines = [
        _("{organisation}: version history").format(organisation=visible(plan.organisation.name)),
        "",
    ]
    if plan.revisions:
        headers = (_("Version"), _("Date"), _("Approved by"), _("Approved on"))
        rows = [
            (
                visible(revision.label),
                timefmt.day(revision.date),
                visible(revision.approved_by) or timefmt.DASH,
                timefmt.day(revision.approved_on) if revision.approved_on else _("not yet"),
            )
            for revision in plan.revisions
        ]
        widths = [
            max(cell_len(cell) for cell in column) for column in zip(headers, *rows, strict=True)
        ]

        def row_line(cells: tuple[str, ...]) -> str:
            return "  ".join(_ljust(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()

        lines.append(row_line(headers))
        for revision, row in zip(plan.revisions, rows, strict=True):
            lines.append(row_line(row))
            if revision.summary:
                lines.extend(_wrapped(revision.summary, "    ", "    "))
            for change in revision.changes:
                lines.extend(_wrapped(change, "    - ", "      "))
    else:
        lines.append(_("The plan lists no revision yet."))
    lines.append("")
    lines.extend(_review_lines(plan, now))
    return "\n".join(lines)


def _review_lines(plan: Plan, now: datetime) -> list[str]:
    """How often the plan is approved again, and when it is due: the last lines of the text."""
    months = plan.review.months
    lines = [
        ngettext("Review every {months} month.", "Review every {months} months.", months).format(
            months=months
        )
    ]
    found = last_approval(plan)
    due = review_due(plan)
    if found is None or due is None:
        lines.append(_("No revision is approved yet."))
        return lines
    words = {"last": timefmt.day(found[0]), "due": timefmt.day(due)}
    if review_notice(plan, now) is not None:
        text = _("Last approved {last}; overdue since {due}: review the plan.")
    else:
        text = _("Last approved {last}, due again by {due}.")
    lines.extend(textwrap.wrap(text.format(**words), WIDTH, subsequent_indent="  "))
    return lines
