"""Times that people type: one reading or a clear refusal, never a silent guess.

`drp` reads a time without an offset (`--at 2026-03-29T14:30`, the console's
"When" fields) in the plan's time zone. Twice a year that reading is not
unique: when the clocks go forward, a local time in the skipped hour does not
exist (Python would quietly move it an hour), and when they go back, the
repeated hour happens twice (Python would quietly take the first). Both are
refused here, with the nearest times that do exist or with the two readings
to choose from by their offset. A year before 1970 or after 2100 is a typo
(and 0001-01-01 cannot even be converted to UTC in Brussels), so it is
refused too; and an event is never dated before the declaration of its
incident.

The command line (`--at`, `--now`, `--since`, `--point`) and the console's
dialogs (declare, note, restore) read times through `typed_instant`, so they
refuse the same times in the same words. Light to import: the console's
dialogs use it before the journal layer is loaded.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from console.i18n import _
from console.incident import timefmt
from console.incident.errors import ActionError

EARLIEST_YEAR = 1970
LATEST_YEAR = 2100


class TimeError(ActionError):
    """A typed time that cannot be used as it is; the message says why and what to type."""


class NotATime(TimeError):
    """The text does not read as a time at all (each face words its own example)."""


def typed_instant(text: str, zone: ZoneInfo) -> datetime:
    """The instant (in UTC) of a time typed in ISO 8601; without an offset, in `zone`.

    Raise `NotATime` for text that is not a time, `TimeError` for a time that
    does not exist or happens twice in `zone`, or whose year is out of range.
    """
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise NotATime(
            _("'{text}' is not a time such as 2026-03-29 14:30").format(text=cleaned)
        ) from None
    check_year(value)
    if value.tzinfo is None:
        value = _local(value, zone)
    return value.astimezone(UTC)


def typed_form(instant: datetime, zone: ZoneInfo) -> str:
    """How a dialog fills in a time to edit: "2026-03-28 14:30", read back as the same minute.

    In the hour that happens twice the offset is added ("2026-10-25 02:30 +01:00"),
    so that the time as filled in is never refused.
    """
    shown = instant.astimezone(zone)
    text = f"{shown:%Y-%m-%d %H:%M}"
    naive = shown.replace(tzinfo=None, second=0, microsecond=0)
    if (
        naive.replace(tzinfo=zone, fold=0).utcoffset()
        != naive.replace(tzinfo=zone, fold=1).utcoffset()
    ):
        text = f"{text} {_offset(shown)}"
    return text


def check_year(value: datetime) -> None:
    """Refuse a time whose year is before 1970 or after 2100: a typo, not an event."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise TimeError(
            _("{time} is out of range: drp takes times in the years {first} to {last}").format(
                time=_written(value.replace(tzinfo=None)),
                first=EARLIEST_YEAR,
                last=LATEST_YEAR,
            )
        )


def not_before_declaration(
    at: datetime, declared: datetime, incident: str, zone: ZoneInfo
) -> datetime:
    """`at`, checked to be no earlier than the incident's declaration; `TimeError` if it is.

    Times are typed to the minute, so a time in the declaration's own minute
    is no mistake: it is taken as the moment of the declaration itself, and
    the event still comes after it in the timeline.
    """
    if at >= declared:
        return at
    if at >= declared.replace(second=0, microsecond=0):
        return declared
    raise TimeError(
        _(
            "{at} is before incident {incident} was declared, at {declared}: "
            "date it at the declaration or later, and say in the text when it happened"
        ).format(
            at=timefmt.when(at, zone),
            incident=incident,
            declared=timefmt.when(declared, zone),
        )
    )


def _local(naive: datetime, zone: ZoneInfo) -> datetime:
    """The one instant a wall-clock time stands for in `zone`, or `TimeError`."""
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    change = _transition(first, second, zone)
    old = _offset_before(change, zone)
    words = {
        "time": _written(naive),
        "zone": zone.key,
        "went_from": f"{change.astimezone(old):%H:%M}",
        "went_to": f"{change.astimezone(zone):%H:%M}",
    }
    if not any(_exists(reading, naive, zone) for reading in (first, second)):
        raise TimeError(
            _(
                "{time} does not exist in {zone} (the clocks went forward from {went_from} "
                "to {went_to}): use {before} or {after}, the nearest times that do"
            ).format(
                **words,
                before=_with_offset((change - timedelta(minutes=1)).astimezone(zone), naive),
                after=_with_offset(change.astimezone(zone), naive),
            )
        )
    raise TimeError(
        _(
            "{time} happened twice in {zone} (the clocks went back from {went_from} to "
            "{went_to}): add the offset, {first} for the first time ({first_name}) "
            "or {second} for the second ({second_name})"
        ).format(
            **words,
            first=_with_offset(first, naive),
            first_name=first.tzname(),
            second=_with_offset(second, naive),
            second_name=second.tzname(),
        )
    )


def _exists(reading: datetime, naive: datetime, zone: ZoneInfo) -> bool:
    """Whether the wall clock in `zone` ever showed `naive` at the instant `reading` means."""
    return reading.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def _transition(first: datetime, second: datetime, zone: ZoneInfo) -> datetime:
    """The instant (UTC, to the second) at which the offset changes between two readings."""
    low, high = sorted((first.astimezone(UTC), second.astimezone(UTC)))
    old = low.astimezone(zone).utcoffset()
    # Invariant: `low` still has the old offset, `high` already the new one.
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle <= low:
            middle = low + timedelta(seconds=1)
        if middle.astimezone(zone).utcoffset() == old:
            low = middle
        else:
            high = middle
    return high


def _offset_before(change: datetime, zone: ZoneInfo) -> timezone:
    """The fixed offset `zone` had just before the instant `change`."""
    offset = (change - timedelta(seconds=1)).astimezone(zone).utcoffset()
    return timezone(offset if offset is not None else timedelta(0))


def _written(naive: datetime) -> str:
    """A wall-clock time the way people type it: "2026-03-29 02:30"."""
    seconds = f":{naive:%S}" if naive.second or naive.microsecond else ""
    return f"{naive.year:04d}-{naive:%m-%d %H:%M}{seconds}"


def _with_offset(reading: datetime, typed: datetime) -> str:
    """A reading to type back: "01:59 +01:00", with the date when it is another day."""
    pattern = "%H:%M" if reading.date() == typed.date() else "%Y-%m-%d %H:%M"
    return f"{reading:{pattern}} {_offset(reading)}"


def _offset(aware: datetime) -> str:
    """The UTC offset as people type it: "+01:00"."""
    offset = f"{aware:%z}"
    return f"{offset[:3]}:{offset[3:5]}"
