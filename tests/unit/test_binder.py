"""The printable plan binder: sections 1 to 15 in order, names not ids, safe to print and open.

The binder is what a plan holder has left when everything else is down, so
these tests read the rendered Markdown and HTML the way a person would: every
section heading in the seed's order, the crisis staff with their phones, the
retention grid with the right marks, the classification on the printed pages,
nothing fetched from the network, and plan values that cannot break the markup.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.commands.binder import FORMATS
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.report.binder import build_binder
from console.report.binders import render_binder as render_any_binder
from console.report.document import Document, Section, Table
from console.report.render_html import render_html
from console.report.render_markdown import render_markdown
from console.report.renderers import DEFAULT_FORMAT, RENDERERS, format_for

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.toml"
SHIPPED = ROOT / "plan.toml"
SECTION_NUMBERS = [str(number) for number in range(1, 16)]

PLANS = [
    pytest.param(MINIMAL, id="minimal"),
    pytest.param(
        SHIPPED,
        id="shipped",
        marks=pytest.mark.skipif(not SHIPPED.exists(), reason="plan.toml not written yet"),
    ),
]

GRID = ["*******", "*******", "......*", "...*"]
"""A retention grid of 25 days: two full weeks, then weekly, then one day in a short week."""

HOSTILE_ADDITIONS = """
[[backups]]
id = "daily"
name = "Dagelijks <b>|</b>"
software = "Veeam | <img src=x onerror=alert(3)>"
retention_days = 25
retention_grid = ["*******", "*******", "......*", "...*"]

[introduction]
text = '''
# Geen kop

> geen citaat

1. geen lijst
'''
assumptions = ["- geen opsomming", "<script>alert(4)</script>"]
"""


def render_binder(plan: Plan, fmt: str) -> str:
    """The binder in a text format (PDF has its own tests)."""
    text = render_any_binder(plan, fmt)
    assert isinstance(text, str)
    return text


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(params=PLANS)
def plan(request: pytest.FixtureRequest) -> Plan:
    """Each plan the binder must print: the smallest valid one and the shipped example."""
    path: Path = request.param
    return load_plan(path)


def hostile_plan(tmp_path: Path) -> Plan:
    """The minimal plan with markup, pipes and quotes in the values people type."""
    text = MINIMAL.read_text(encoding="utf-8")
    replacements = {
        'name = "OCMW Testdorp"': (
            'name = "OCMW Testdorp"\n'
            "classification = 'geheim </style><script>alert(2)</script> \"x\" \\\\ ;}'"
        ),
        'name = "Jan Janssens"': 'name = "Jan <script>alert(1)</script> | Janssens"',
        'phone = "+32 470 00 00 01"': 'phone = "+32 470 | 00 00 01"',
        'title = "Melding van de ramp"': 'title = "Melding | <i>ramp</i>"',
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "plan.toml"
    path.write_text(text + HOSTILE_ADDITIONS, encoding="utf-8")
    return load_plan(path)


def table_blocks(markdown: str) -> list[list[list[str]]]:
    """Every pipe table in the Markdown, as rows of cells (escaped pipes kept inside cells)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            inner = line.strip()[1:-1]
            current.append([cell.strip() for cell in re.split(r"(?<!\\)\|", inner)])
        elif current:
            tables.append(current)
            current = []
    return tables


def test_binder_has_the_seed_sections_in_order(plan: Plan) -> None:
    doc = build_binder(plan)
    assert [section.number for section in doc.sections] == SECTION_NUMBERS
    assert all(section.title for section in doc.sections)


def test_each_scenario_is_a_numbered_subsection(plan: Plan) -> None:
    scenarios = build_binder(plan).sections[12]
    numbered = [s for s in scenarios.subsections if s.number]
    assert [s.number for s in numbered] == [f"13.{i}" for i in range(1, len(plan.scenarios) + 1)]
    for section, scenario in zip(numbered, plan.scenarios, strict=True):
        assert scenario.title in section.title


@pytest.mark.parametrize(
    ("fmt", "pattern"),
    [
        ("md", re.compile(r"^## (\d+)\. ", re.MULTILINE)),
        ("html", re.compile(r"<h2>(\d+)\. ")),
    ],
)
def test_headings_1_to_15_appear_in_order(plan: Plan, fmt: str, pattern: re.Pattern[str]) -> None:
    text = render_binder(plan, "md" if fmt == "md" else "html")
    assert pattern.findall(text) == SECTION_NUMBERS


def test_html_table_of_contents_links_every_section(plan: Plan) -> None:
    html = render_binder(plan, "html")
    toc = html[html.index('<nav class="toc"') : html.index("</nav>")]
    links = re.findall(r'href="#section-(\d+)"', toc)
    assert links == SECTION_NUMBERS
    for number in SECTION_NUMBERS:
        assert f'<section id="section-{number}"' in html


def test_crisis_staff_table_lists_each_member_with_phone(plan: Plan) -> None:
    markdown = render_binder(plan, "md")
    html = render_binder(plan, "html")
    for person_id in plan.crisis.staff:
        person = plan.people_by_id[person_id]
        assert f"| {person.name} | {person.phone or '—'} |" in markdown
        assert f"<tr><td>{person.name}</td><td>{person.phone or '—'}</td>" in html


def test_ids_are_resolved_to_names(plan: Plan) -> None:
    markdown = render_binder(plan, "md")
    roles = {role.id: role.title for role in plan.roles}
    for step in plan.steps:
        assert f"| {step.title} | {roles[step.owner]} |" in markdown
    coordinator = plan.people_by_id[plan.crisis.coordinator]
    assert f"**Coordinator:** {coordinator.name}" in markdown


def test_missing_values_print_as_a_dash() -> None:
    markdown = render_binder(load_plan(MINIMAL), "md")
    assert "- **Policies listed in:** —" in markdown
    assert "| Restore van de systemen | Coördinator rampenplan | +24 h | — |" in markdown


def test_retention_grid_has_a_mark_per_restore_point(tmp_path: Path) -> None:
    plan = hostile_plan(tmp_path)
    markdown = render_binder(plan, "md")
    grid = next(t for t in table_blocks(markdown) if t[0][1:] == [f"Day {d}" for d in range(1, 8)])
    labels = [row[0] for row in grid[2:]]
    assert labels == ["Day 1-7", "Day 8-14", "Day 15-21", "Day 22-25"]
    assert sum(row.count("*") for row in grid[2:]) == "".join(GRID).count("*") == 16
    assert grid[5] == ["Day 22-25", "", "", "", "*", "", "", ""]
    html = render_binder(plan, "html")
    assert html.count("<td>*</td>") == 16


def test_retention_grid_of_every_backup_is_drawn(plan: Plan) -> None:
    markdown = render_binder(plan, "md")
    grids = [t for t in table_blocks(markdown) if t[0][1:] == [f"Day {d}" for d in range(1, 8)]]
    with_grid = [backup for backup in plan.backups if backup.retention_grid]
    assert len(grids) == len(with_grid)
    for grid, backup in zip(grids, with_grid, strict=True):
        assert len(grid) - 2 == len(backup.retention_grid)
        marks = sum(cell == "*" for row in grid[2:] for cell in row[1:])
        assert marks == "".join(backup.retention_grid).count("*")


def test_html_fetches_nothing(plan: Plan) -> None:
    html = render_binder(plan, "html").lower()
    for forbidden in ("http://", "https://", "<link", "<script", "@import", "url(", "src="):
        assert forbidden not in html, forbidden
    assert html.startswith("<!doctype html>\n")
    assert html.rstrip().endswith("</html>")


def test_html_language_follows_the_plan(plan: Plan) -> None:
    assert f'<html lang="{plan.organisation.language}">' in render_binder(plan, "html")


def test_classification_is_on_every_printed_page(plan: Plan) -> None:
    html = render_binder(plan, "html")
    marking = plan.organisation.classification.upper()
    assert re.search(rf'<header class="running running-header">{marking}\b', html)
    assert f'<footer class="running running-footer">{marking}</footer>' in html
    print_css = html[html.index("@media print") :]
    running = print_css[print_css.index(".running {") :]
    assert "position: fixed" in running[: running.index("}")]
    assert re.search(r'@top-center \{ content: "' + re.escape(marking) + '"', html)
    assert re.search(r'@bottom-center \{ content: "' + re.escape(marking) + '"', html)
    assert "counter(page)" in html


def test_classification_opens_and_closes_the_markdown(plan: Plan) -> None:
    lines = render_binder(plan, "md").strip().splitlines()
    marking = f"**{plan.organisation.classification.upper()}**"
    assert lines[0] == marking
    assert lines[-1] == marking


def test_html_print_css_keeps_rows_and_headings_together(plan: Plan) -> None:
    html = render_binder(plan, "html")
    print_css = html[html.index("@media print") :]
    assert "break-inside: avoid" in print_css
    assert "break-after: avoid" in print_css
    assert "page-break-before: always" in print_css
    assert re.search(r"@page \{\s*size: A4;\s*margin:", html)


def test_plan_values_cannot_inject_html(tmp_path: Path) -> None:
    html = render_binder(hostile_plan(tmp_path), "html")
    assert "<script" not in html.lower()
    assert "<img" not in html and "<i>" not in html and "<b>" not in html
    assert "Jan &lt;script&gt;alert(1)&lt;/script&gt; | Janssens" in html
    assert html.count("</style>") == 1
    style = html[html.index("<style>") : html.index("</style>")]
    top = re.search(r"@top-center \{ content: (\"[^\"]*\");", style)
    assert top is not None
    assert "\\00003c" in top.group(1) and "\\000022" in top.group(1)


def test_plan_values_cannot_break_the_markdown(tmp_path: Path) -> None:
    markdown = render_binder(hostile_plan(tmp_path), "md")
    assert "<script" not in markdown and "<img" not in markdown
    assert "| Jan &lt;script>alert(1)&lt;/script> \\| Janssens | +32 470 \\| 00 00 01 |" in markdown
    lines = markdown.splitlines()
    assert "# Geen kop" not in lines and "\\# Geen kop" in lines
    assert "> geen citaat" not in lines and "1. geen lijst" not in lines
    assert "- \\- geen opsomming" in lines


def test_markdown_tables_have_consistent_column_counts(tmp_path: Path) -> None:
    plans = [load_plan(MINIMAL), hostile_plan(tmp_path)]
    if SHIPPED.exists():
        plans.append(load_plan(SHIPPED))
    for plan in plans:
        tables = table_blocks(render_binder(plan, "md"))
        assert tables
        for table in tables:
            widths = {len(row) for row in table}
            assert len(widths) == 1, table[0]
            assert set(table[1]) == {"---"}


def test_markdown_tables_parse_as_tables(tmp_path: Path) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    text = render_binder(hostile_plan(tmp_path), "md")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(token.type == "table_open" for token in tokens) == len(table_blocks(text))
    cells = [t.content for t in tokens if t.type == "inline"]
    assert "Jan &lt;script>alert(1)&lt;/script> | Janssens" in cells


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=4))
def test_any_cell_text_keeps_tables_whole_and_escaped(cells: list[str]) -> None:
    table = Table(tuple(f"h{i}" for i in range(len(cells))), (tuple(cells), ("x",)))
    doc = Document("T", (Section("1", "S", (table,)),), classification="C")
    rendered = table_blocks(render_markdown(doc))
    assert [len(row) for row in rendered[0]] == [len(cells)] * 4
    html = render_html(doc)
    body = html[html.index("<body>") :]
    assert body.count("<td>") == 2 * len(cells)
    assert "<script" not in body.replace("&lt;script", "")


def test_render_binder_chooses_the_format(plan: Plan) -> None:
    doc = build_binder(plan)
    assert render_binder(plan, "md") == render_markdown(doc)
    assert render_binder(plan, "html") == render_html(doc)
    assert render_any_binder(plan, "pdf")[:5] == b"%PDF-"
    with pytest.raises(ValueError, match="unknown binder format"):
        render_any_binder(plan, "docx")


def test_the_binder_command_offers_every_renderer() -> None:
    assert tuple(RENDERERS) == FORMATS
    assert format_for(None, "map.HTML").name == "html"
    assert format_for(None, "map.md").name == "md"
    assert format_for(None, None).name == DEFAULT_FORMAT
    assert format_for("html", "map.md").name == "html"


def test_report_layer_imports_no_textual() -> None:
    code = (
        "import sys, console.report; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'textual' "
        "or m.startswith('console.tui')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
