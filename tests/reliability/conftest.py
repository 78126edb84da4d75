"""Every reliability test ends with no writer process of its own left running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.support import end_leftovers


@pytest.fixture(autouse=True)
def no_leftover_writers() -> Iterator[None]:
    """Kill, by pid, any writer a failing test did not get to stop."""
    yield
    end_leftovers()
