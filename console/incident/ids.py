"""Unique, sortable ids for events, journal files and incidents.

An id is a ULID: 48 bits of milliseconds since the epoch and 80 random bits,
in Crockford's base 32 (26 characters). Ids made on different machines that
never spoke to each other do not collide, and sorting them sorts by the time
they were made, which breaks ties between events recorded at the same `at`.
"""

from __future__ import annotations

import os
from datetime import datetime

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _encode(number: int, length: int) -> str:
    chars = []
    for _ in range(length):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def new_id(instant: datetime) -> str:
    """A new ULID for something made at `instant`."""
    millis = int(instant.timestamp() * 1000) & ((1 << 48) - 1)
    randomness = int.from_bytes(os.urandom(10), "big")
    return _encode(millis, 10) + _encode(randomness, 16)


def short(ulid: str, length: int = 4) -> str:
    """The last characters of an id: enough to tell apart the few things made at once."""
    return ulid[-length:]
