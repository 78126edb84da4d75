"""Render a report `Document` as one self-contained, printable HTML5 file.

The binder is printed from this file, possibly on a borrowed laptop with no
network, and it is confidential: so it fetches nothing (the stylesheet
`binder.css` is inlined, no fonts, scripts or images), every plan value is
HTML-escaped with its control characters shown as signs (ESC as "␛",
`console.present.text.visible`), and the classification is printed on every
page twice over: in fixed header and footer boxes, which browsers repeat on
each printed page, and in the `@page` margin boxes that paged-media engines
draw.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

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
)


@cache
def stylesheet() -> str:
    """The binder's CSS, read once from `binder.css` beside this module."""
    return resources.files("console.report").joinpath("binder.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that cannot end the string or the style element."""
    safe = []
    for char in text:
        if char.isalnum() or char in " -_.,:;!?()'/":
            safe.append(char)
        else:
            safe.append(f"\\{ord(char):06x}")
    return '"' + "".join(safe) + '"'


def _page_css(doc: Document) -> str:
    """The margin boxes that repeat the classification and page number on every page."""
    lines = ["@page {"]
    if doc.classification:
        marking = css_string(visible(doc.classification))
        lines.append(
            f"  @top-center {{ content: {marking}; font-size: 9pt; font-weight: bold;"
            " vertical-align: top; padding-top: 5mm; }"
        )
        lines.append(
            f"  @bottom-center {{ content: {marking}; font-size: 8pt; font-weight: bold;"
            " vertical-align: bottom; padding-bottom: 5mm; }"
        )
    lines.append(
        '  @bottom-right {{ content: {} " " counter(page) " / " counter(pages); }}'.format(
            css_string(_("Page"))
        )
    )
    lines.append("}")
    return "\n".join(lines)


def _plain(text: str) -> str:
    """Text for one line of HTML: escaped, its control characters shown as signs."""
    return escape(visible(text))


def _text(text: str) -> str:
    """Escaped text with its line breaks kept and its control characters shown as signs."""
    return "<br>\n".join(escape(line) for line in visible(text, lines=True).splitlines())


def _table(table: Table) -> str:
    width = len(table.headers)
    parts = ['<table class="grid">']
    if table.caption:
        parts.append(f"<caption>{_text(table.caption)}</caption>")
    header = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in table.headers)
    parts.append(f"<thead><tr>{header}</tr></thead>")
    parts.append("<tbody>")
    for row in table.rows:
        cells = (*row[:width], *("",) * (width - len(row)))
        parts.append("<tr>{}</tr>".format("".join(f"<td>{_text(c)}</td>" for c in cells)))
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_text(block.text)}</p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, KeyValues):
        rows = "".join(
            f'<tr><th scope="row">{_text(label)}</th><td>{_text(value)}</td></tr>'
            for label, value in block.items
        )
        return f'<table class="kv"><tbody>{rows}</tbody></table>'
    if isinstance(block, Bars):
        return _bars(block)
    return _table(block)


def _bars(block: Bars) -> str:
    """Each bar drawn with CSS alone (nothing fetched), its figure in words beside it."""
    parts = ['<div class="bars">']
    for bar in block.bars:
        percent = round(min(max(bar.fraction, 0.0), 1.0) * 100)
        level = bar.level if bar.level in ("ok", "soon", "late") else "ok"
        parts.append(
            f'<div class="bar"><span class="bar-label">{_text(bar.label)}</span>'
            f'<span class="bar-track"><span class="bar-fill bar-{level}" '
            f'style="width: {percent}%"></span></span>'
            f'<span class="bar-text">{_text(bar.text)}</span></div>'
        )
    if block.caption:
        parts.append(f'<p class="bar-caption">{_text(block.caption)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _section(section: Section, depth: int) -> str:
    level = min(depth + 1, 6)
    classes = "new-page" if section.new_page else ""
    attributes = f' id="{section.anchor}"' if section.anchor else ""
    attributes += f' class="{classes}"' if classes else ""
    parts = [
        f"<section{attributes}>",
        f"<h{level}>{_plain(section.heading)}</h{level}>",
    ]
    parts.extend(_block(block) for block in section.blocks)
    parts.extend(_section(subsection, depth + 1) for subsection in section.subsections)
    parts.append("</section>")
    return "\n".join(parts)


def _contents_list(sections: tuple[Section, ...]) -> str:
    items = []
    for section in sections:
        if not section.number:
            continue
        link = f'<a href="#{section.anchor}">{_plain(section.heading)}</a>'
        nested = _contents_list(section.subsections)
        items.append(f"<li>{link}{nested}</li>")
    return "<ol>{}</ol>".format("".join(items)) if items else ""


def _cover(doc: Document) -> str:
    parts = ['<section class="cover">']
    parts.append(f"<h1>{_plain(doc.title)}</h1>")
    if doc.generated_for:
        parts.append(f'<p class="organisation">{_plain(doc.generated_for)}</p>')
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{_plain(doc.subtitle)}</p>')
    if doc.details:
        parts.append(_block(KeyValues(doc.details)))
    parts.append("</section>")
    return "\n".join(parts)


def render_html(doc: Document) -> str:
    """The document as a complete HTML5 page that needs nothing from the network."""
    title = " — ".join(part for part in (doc.title, doc.generated_for) if part)
    marking = _plain(doc.classification)
    running = " — ".join(_plain(part) for part in (doc.classification, doc.generated_for) if part)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex, nofollow">',
        f"<title>{_plain(title)}</title>",
        "<style>",
        stylesheet().rstrip(),
        _page_css(doc),
        "</style>",
        "</head>",
        "<body>",
    ]
    if marking:
        parts.append(f'<header class="running running-header">{running}</header>')
    parts.append("<main>")
    parts.append(_cover(doc))
    contents = _contents_list(doc.sections)
    if contents:  # a short report of unnumbered sections has none
        parts.append('<nav class="toc" aria-labelledby="contents">')
        parts.append('<h2 id="contents">{}</h2>'.format(escape(_("Contents"))))
        parts.append(contents)
        parts.append("</nav>")
    parts.extend(_section(section, 1) for section in doc.sections)
    parts.append("</main>")
    if marking:
        parts.append(f'<footer class="running running-footer">{marking}</footer>')
    parts.extend(["</body>", "</html>"])
    return "\n".join(parts) + "\n"
