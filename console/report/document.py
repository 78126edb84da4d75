"""A tiny, format-neutral document model that every report is built as.

The binder, the status report and the after-action report say *what* to print
(sections, paragraphs, lists, tables); the renderers decide *how* (Markdown,
HTML, later plain text and PDF). Keeping the two apart means one builder per
report and one renderer per format, instead of one per pair, and lets tests
assert content without parsing any markup. Everything is a frozen dataclass
holding already translated, already formatted strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """A run of text; line breaks inside it are kept."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list of items, numbered when the order matters (a priority list)."""

    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row; every row is padded or cut to the headers' width."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class KeyValues:
    """Labelled values, such as a person's name, phone and function."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bar:
    """One quantity drawn as a bar: how full it is, and the figure in words beside it."""

    label: str
    """What is measured, such as "Time used" or a priority service's name."""
    fraction: float
    """How full, from 0 to 1; more than 1 is drawn full and marked as over."""
    text: str
    """The figure as people read it, such as "31:00 of 72:00" or "2 of 3 done"."""
    level: str = "ok"
    """"ok", "soon" or "late": the colour where there is colour; the text says it too."""


@dataclass(frozen=True)
class Bars:
    """A small chart, a bar per line: for what a person would rather look at than read."""

    bars: tuple[Bar, ...]
    caption: str = ""


Block = Paragraph | BulletList | Table | KeyValues | Bars
"""Anything a section can hold besides its subsections."""


def text_bar(bar: Bar, width: int = 20) -> str:
    """A bar in characters, for formats without drawing: "[#####...............]"."""
    filled = round(min(max(bar.fraction, 0.0), 1.0) * width)
    over = "+" if bar.fraction > 1 else ""
    return "[" + "#" * filled + "." * (width - filled) + "]" + over


@dataclass(frozen=True)
class Section:
    """A numbered part of a document ("12", "13.1") or an unnumbered one ("")."""

    number: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    new_page: bool = False
    """A hint for paged formats: start this section on a new page."""

    @property
    def heading(self) -> str:
        """The heading as printed: "12. Title", "13.1 Title" or just "Title"."""
        if not self.number:
            return self.title
        if "." in self.number:
            return f"{self.number} {self.title}"
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        """A stable fragment id for links within the document, such as "section-13-1"."""
        return "section-" + self.number.replace(".", "-") if self.number else ""


@dataclass(frozen=True)
class Document:
    """A whole report: what it is, for whom, how confidential, and its sections."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    generated_for: str = ""
    """Whose document it is, such as the organisation's name."""
    classification: str = ""
    """The confidentiality marking printed on every page; empty for none."""
    language: str = "en"
    """The language of the document's content, for `<html lang>` and hyphenation."""
    details: tuple[tuple[str, str], ...] = ()
    """Labelled facts for the title page: address, version, approval."""
    compact: bool = False
    """A hint for paged formats: a dense layout, for a report that must fit one page."""

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section with its depth (1 for top level), in reading order."""

        def visit(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[int, Section]]:
            for section in sections:
                yield depth, section
                yield from visit(section.subsections, depth + 1)

        return visit(self.sections, 1)
