"""The TOML source map: every field path finds its line and column."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from console.plan.source_map import build_source_map

DOCUMENT = '''\
# a comment
format = 1
[organisation]
name = "x" # trailing comment
"quoted key" = 'literal'
[[people]]
id = "a"
roles = [
  "x",
  "y", # comment inside an array
]
[[people]]
id = 'b'
tags = { a = 1, "b" = [1, 2] }
[[scenarios]]
id = "A"
[[scenarios.technical]]
id = "t1"
[[scenarios.technical]]
id = "t2"
description = """several
lines = not a key
[[not.a.table]]"""
[[scenarios]]
id = "B"
[[scenarios.technical]]
owner = "z"
[slas.hours]
mon = "08:00-20:00"
dotted.key = 3
'''


def test_document_is_valid_toml() -> None:
    tomllib.loads(DOCUMENT)


def test_positions_of_keys_headers_and_array_items() -> None:
    positions = build_source_map(DOCUMENT).positions
    assert positions[("format",)] == (2, 1)
    assert positions[("organisation", "name")] == (4, 1)
    assert positions[("organisation", "quoted key")] == (5, 1)
    assert positions[("people", 0)] == (6, 1)
    assert positions[("people", 0, "roles", 1)] == (10, 3)
    assert positions[("people", 1, "id")] == (13, 1)
    assert positions[("people", 1, "tags", "b", 1)] == (14, 27)
    assert positions[("scenarios", 0, "technical", 1, "description")] == (21, 1)
    assert positions[("scenarios", 1, "id")] == (25, 1)
    assert positions[("scenarios", 1, "technical", 0, "owner")] == (27, 1)
    assert positions[("slas", "hours", "mon")] == (29, 1)
    assert positions[("slas", "hours", "dotted", "key")] == (30, 1)
    assert ("not", "a", "table") not in positions


def test_find_falls_back_to_the_enclosing_path() -> None:
    source = build_source_map(DOCUMENT)
    assert source.find(("scenarios", 1, "technical", 0, "title")) == (26, 1)
    assert source.find(("nothing", "here")) is None


@given(st.text(max_size=300))
def test_any_text_never_raises(text: str) -> None:
    build_source_map(text)
