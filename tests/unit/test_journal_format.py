"""The journal's own fast reader agrees with the TOML parser on everything drp writes."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from console.incident.events import EVENT_ADAPTER
from console.incident.ids import new_id
from console.store.journal import encode_event
from console.store.journal_text import fast_table

START = datetime(2026, 3, 28, 11, tzinfo=UTC)


def body_of(event_fields: dict[str, object]) -> str:
    event = EVENT_ADAPTER.validate_python(
        {
            "id": new_id(START),
            "incident": "I",
            "recorded_at": START,
            "actor": "a",
            "host": "h",
            **event_fields,
        }
    )
    encoded = encode_event(event)
    return encoded[: encoded.rindex(b"crc = ")].decode("utf-8")


@given(
    text=st.text(min_size=1, max_size=80),
    seconds=st.integers(0, 10**8),
    micro=st.integers(0, 999_999),
)
def test_fast_reader_equals_tomllib(text: str, seconds: int, micro: int) -> None:
    at = START + timedelta(seconds=seconds, microseconds=micro)
    for fields in (
        {"kind": "note", "at": at, "text": text},
        {"kind": "declared", "at": at, "summary": text, "drill": True},
        {"kind": "restore", "at": at, "system": "main", "status": "running", "point": at},
    ):
        body = body_of(fields)
        fast = fast_table(body)
        assert fast is not None
        assert fast == tomllib.loads(body)["events"][0]


def test_anything_unusual_goes_to_tomllib() -> None:
    assert fast_table('[[events]]\nid = "x"\n[other]\n') is None
    assert fast_table("[[events]]\nnested = { a = 1 }\n") is None
    assert fast_table("[[events]]\nat = 2026-13-45 99:00:00+00:00\n") is None
    assert fast_table('id = "x"\n') is None
