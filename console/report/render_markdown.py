"""Render a report `Document` as GitHub-flavoured Markdown.

Markdown is the format people paste into an e-mail, a wiki or a ticket, and
read raw on a phone when nothing else opens. So the output stays readable as
plain text: pipe tables, `## 12. Title` headings, the classification at the
top and the bottom. Plan values are written by people; anything in them that
Markdown would take as markup (a `|` in a cell, an HTML tag, a line that looks
like a heading) is escaped so it prints as written, and a control character
is shown as a sign (ESC as "␛", `console.present.text.visible`), so the file
can be read raw in a terminal.
"""

from __future__ import annotations

import re

from console.i18n import _
from console.present.text import visible
from console.report.document import (
    Bars,
    Block,
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    Table,
    text_bar,
)

BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|`{3,}|~{3,})")
ORDERED_START = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")


def _inline(text: str) -> str:
    """Text safe inside a line: no raw HTML, no control character, line breaks as spaces."""
    return " ".join(visible(text, lines=True).replace("<", "&lt;").split("\n")).strip()


def _line(text: str) -> str:
    """A line that must not start a heading, quote, list or fence by accident."""
    text = visible(text).replace("<", "&lt;").rstrip()
    text = ORDERED_START.sub(r"\1\\\2", text)
    return BLOCK_START.sub(r"\1\\\2", text)


def _cell(text: str) -> str:
    """Text safe inside a pipe-table cell."""
    return _inline(text).replace("|", "\\|")


def slug(heading: str) -> str:
    """The fragment GitHub gives a heading: lower case, punctuation dropped, spaces as '-'."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _table(table: Table) -> list[str]:
    width = len(table.headers)

    def row(cells: tuple[str, ...]) -> str:
        padded = (*cells[:width], *("",) * (width - len(cells)))
        return "| " + " | ".join(_cell(cell) for cell in padded) + " |"

    lines = [row(table.headers), "| " + " | ".join("---" for _ in range(width)) + " |"]
    lines.extend(row(cells) for cells in table.rows)
    if table.caption:
        lines.extend(["", f"*{_inline(table.caption)}*"])
    return lines


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        lines = visible(block.text, lines=True).split("\n")
        return [" \\\n".join(_line(line) for line in lines if line.strip())]
    if isinstance(block, BulletList):
        if block.ordered:
            return [f"{i}. {_line(_inline(item))}" for i, item in enumerate(block.items, 1)]
        return [f"- {_line(_inline(item))}" for item in block.items]
    if isinstance(block, KeyValues):
        return [f"- **{_inline(label)}:** {_inline(value)}" for label, value in block.items]
    if isinstance(block, Bars):
        lines = [
            f"- `{text_bar(bar)}` {_inline(bar.label)}: {_inline(bar.text)}" for bar in block.bars
        ]
        return [*lines, "", f"*{_inline(block.caption)}*"] if block.caption else lines
    return _table(block)


def _section(section: Section, depth: int) -> list[str]:
    marks = "#" * min(depth + 1, 6)
    lines = [f"{marks} {_inline(section.heading)}", ""]
    for block in section.blocks:
        lines.extend(_block(block))
        lines.append("")
    for subsection in section.subsections:
        lines.extend(_section(subsection, depth + 1))
    return lines


def _contents(doc: Document) -> list[str]:
    lines = ["## {}".format(_("Contents")), ""]
    for depth, section in doc.walk():
        if section.number:
            heading = _inline(section.heading)
            indent = "  " * (depth - 1)
            lines.append(f"{indent}- [{heading}](#{slug(heading)})")
    lines.append("")
    return lines


def render_markdown(doc: Document) -> str:
    """The document as GitHub-flavoured Markdown, classification first and last."""
    lines: list[str] = []
    banner = f"**{_inline(doc.classification)}**" if doc.classification else ""
    if banner:
        lines.extend([banner, ""])
    lines.extend([f"# {_inline(doc.title)}", ""])
    byline = " — ".join(_inline(part) for part in (doc.generated_for, doc.subtitle) if part)
    if byline:
        lines.extend([byline, ""])
    if doc.details:
        lines.extend(_block(KeyValues(doc.details)))
        lines.append("")
    if any(section.number for _depth, section in doc.walk()):
        lines.extend(_contents(doc))  # a short report of unnumbered sections has none
    for section in doc.sections:
        lines.extend(_section(section, 1))
    if banner:
        lines.extend(["---", "", banner])
    return "\n".join(lines).rstrip("\n") + "\n"
