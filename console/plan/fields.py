"""Building blocks shared by every section of the plan schema.

Every section is a frozen pydantic model that forbids unknown keys, so a typo
in `plan.toml` is an error and never passes silently. Each field has a
docstring; `console.plan.reference` reads them from the source to write the
field reference (pydantic's own `use_attribute_docstrings` would read the
source at every start of the console, which costs more than it is worth).
"""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from console.i18n import _

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


class Section(BaseModel):
    """Base of every plan model: immutable, strict about keys, documented fields."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        defer_build=True,
    )


def check_id(value: str) -> str:
    """Accept `value` as an id, or say what an id looks like."""
    if not ID_PATTERN.match(value):
        raise ValueError(
            _(
                "'{value}' is not a valid id: use 1 to 40 letters, digits, '-', '_' or '.', "
                "starting with a letter or digit"
            ).format(value=value)
        )
    return value


Id = Annotated[str, AfterValidator(check_id)]
"""A stable short slug that the command line and the journal use."""

Ref = Annotated[str, AfterValidator(check_id)]
"""The id of something defined elsewhere in the plan; resolved by `integrity`."""

Text = Annotated[str, Field(min_length=1)]
"""A non-empty piece of text for people."""

Hours = Annotated[float, Field(ge=0, le=24 * 365)]
"""A number of hours from the declaration of the disaster."""

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            _("unknown time zone '{value}' (for example Europe/Brussels)").format(value=value)
        ) from error
    return value


TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]
"""An IANA time zone name such as Europe/Brussels."""


WINDOW_PATTERN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class TimeWindow(Section):
    """A stretch of business hours within one day, such as 08:00-20:00."""

    start_minute: int = Field(ge=0, le=24 * 60)
    """Minutes after midnight at which the window opens."""
    end_minute: int = Field(ge=0, le=24 * 60)
    """Minutes after midnight at which the window closes; 1440 is midnight at the end."""

    @property
    def start(self) -> time:
        """The opening time of day."""
        return time(self.start_minute // 60, self.start_minute % 60)

    def __str__(self) -> str:
        def clock(minute: int) -> str:
            return f"{minute // 60:02d}:{minute % 60:02d}"

        return f"{clock(self.start_minute)}-{clock(self.end_minute)}"


def _parse_window(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = WINDOW_PATTERN.match(value)
    if not match:
        raise ValueError(
            _(
                "'{value}' is not a time window: write it as HH:MM-HH:MM, such as 08:00-20:00"
            ).format(value=value)
        )
    sh, sm, eh, em = (int(part) for part in match.groups())
    start, end = sh * 60 + sm, eh * 60 + em
    if sm > 59 or em > 59 or start > 24 * 60 or end > 24 * 60 or end <= start:
        raise ValueError(
            _(
                "'{value}' is not a time window: the end must come after the start, up to 24:00"
            ).format(value=value)
        )
    return {"start_minute": start, "end_minute": end}


Window = Annotated[TimeWindow, BeforeValidator(_parse_window)]
"""A business-hour window written as "HH:MM-HH:MM"."""


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


Windows = Annotated[list[Window], BeforeValidator(_one_or_many)]
"""One window ("08:00-20:00") or several (["08:00-12:00", "13:00-17:00"])."""
