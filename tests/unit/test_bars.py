"""Bars: what a person would rather look at than read, in every format.

The status report draws the time used against the target and each priority
service's progress as bars. HTML draws them with CSS alone (the file fetches
nothing); Markdown and plain text draw them in characters; each keeps the
figure in words beside the bar, so it reads without colour or drawing.
"""

from __future__ import annotations

import pytest

from console.report.document import Bar, Bars, Document, Section, text_bar
from console.report.render_html import render_html
from console.report.render_markdown import render_markdown

CHART = Bars(
    (
        Bar("Time used", 31 / 72, "31:00 of 72:00", "ok"),
        Bar("<Keuken> & thuiszorg", 1.25, "LATE 18:00", "late"),
    ),
    caption="As of 14:00",
)
DOC = Document("Status", (Section("1", "Clocks", (CHART,)),))


@pytest.mark.parametrize(
    ("fraction", "drawn"),
    [
        (0.0, "[" + "." * 20 + "]"),
        (0.5, "[" + "#" * 10 + "." * 10 + "]"),
        (1.7, "[" + "#" * 20 + "]+"),
    ],
)
def test_a_text_bar_is_as_full_as_the_fraction(fraction: float, drawn: str) -> None:
    assert text_bar(Bar("x", fraction, "")) == drawn


def test_markdown_draws_bars_in_characters_with_their_figures() -> None:
    markdown = render_markdown(DOC)
    assert "- `[#########...........]` Time used: 31:00 of 72:00" in markdown
    assert "- `[####################]+` &lt;Keuken> & thuiszorg: LATE 18:00" in markdown
    assert "*As of 14:00*" in markdown


def test_html_draws_bars_with_css_and_escapes_their_labels() -> None:
    html = render_html(DOC)
    assert 'class="bar-fill bar-ok" style="width: 43%"' in html
    assert 'class="bar-fill bar-late" style="width: 100%"' in html
    assert "&lt;Keuken&gt; &amp; thuiszorg" in html
    assert "<Keuken>" not in html
