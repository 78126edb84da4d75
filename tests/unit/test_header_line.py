"""The header's lines fit any plan: nearest clocks first, the rest counted, ids whole."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from console.present.header import clocks_line, title_line

pytestmark = pytest.mark.usefixtures("english")

IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=24)
LEFT = st.sampled_from(["22:06 left", "1d 10:06 left", "! 1:05 left", "LATE 0:10", "3d 22:06 left"])


def test_a_third_scenario_that_does_not_fit_is_counted_not_cut() -> None:
    clocks = ["cyber 22:06 left", "sur-place 1d 10:06 left", "relocalisation 3d 22:06 left"]
    line = clocks_line("T+1:54", clocks, ("Notification APD", "2d 22:06 left"), 78)
    assert line == "T+1:54 · cyber 22:06 left · sur-place 1d 10:06 left · +1"


def test_everything_that_fits_is_shown_with_wide_separators() -> None:
    line = clocks_line("T+4:00", ["B 1d 20:00 left", "A 2d 20:00 left"], ("GDPR", "2d left"), 78)
    assert line == "T+4:00  ·  B 1d 20:00 left  ·  A 2d 20:00 left  ·  GDPR 2d left"


def test_the_deadlines_name_is_cut_before_a_clock_is_left_out() -> None:
    name = "Notification à l'autorité de protection des données personnelles"
    line = clocks_line("T+1:54", ["target 22:06 left"], (name, "2d 22:06 left"), 60)
    assert line.startswith("T+1:54 · target 22:06 left · Notification")
    assert line.endswith("… 2d 22:06 left") and cell_len(line) <= 60


@given(
    st.lists(st.tuples(IDS, LEFT), min_size=1, max_size=6),
    st.none() | st.tuples(st.text(min_size=1, max_size=80), LEFT),
    st.integers(min_value=50, max_value=160),
)
def test_any_clocks_fit_and_the_nearest_is_always_whole(
    scenarios: list[tuple[str, str]], deadline: tuple[str, str] | None, width: int
) -> None:
    clocks = [f"{scenario} {left}" for scenario, left in scenarios]
    line = clocks_line("T+12:34", clocks, deadline, width)
    assert cell_len(line) <= width
    assert line.startswith(f"T+12:34  ·  {clocks[0]}") or line.startswith(f"T+12:34 · {clocks[0]}")
    shown = sum(clock in line for clock in clocks)
    counted = re.search(r" \+(\d+)$", line)
    hidden = int(counted.group(1)) if counted else 0
    assert shown + hidden >= len(clocks)


def test_the_organisation_gives_way_and_the_incident_id_is_never_cut() -> None:
    organisation = "Centre public d'action sociale de la commune de Saint-Josse-ten-Noode"
    line = title_line(organisation, ["inc-20261202-1140-cyber", "scenario cyber"], 78)
    assert cell_len(line) <= 78
    assert line.endswith("inc-20261202-1140-cyber · scenario cyber")
    assert line.startswith("Centre public") and "…" in line


def test_a_short_title_is_left_as_it_is() -> None:
    assert (
        title_line("OCMW Zonnedaal", ["2026-001", "DRILL"], 78)
        == "OCMW Zonnedaal · 2026-001 · DRILL"
    )
