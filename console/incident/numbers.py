"""Numbers for people, as each language writes them: "1.234,5" in Dutch, "1 234,5" in French.

A Belgian reads "4.5 h" as a typo and "2,000 contacts" as two contacts, so
counts, hours and sizes are written through Babel for the locale of the
language (`console.i18n.LOCALES`: nl_BE, fr_BE, en_GB). Each number is
written once per catalog and kept, and Babel is loaded only when the first
number is: nothing before the console's first frame needs it. A count that
decides a plural still goes to `ngettext` as a number; only what is shown is
written here.
"""

from __future__ import annotations

from functools import lru_cache

from console.i18n import catalog, current_locale


def number(value: float, decimals: int | None = None) -> str:
    """A count or a measure as the language writes it: 1234.5 is "1.234,5" in Dutch.

    With `decimals`, always that many ("1,0 MB"); without, as many as it has
    (up to three), and a whole number without any: 72.0 hours are "72".
    """
    if decimals is None and isinstance(value, float) and value.is_integer():
        value = int(value)
    return _number(value, decimals, current_locale(), catalog())


@lru_cache(maxsize=4096)
def _number(value: float, decimals: int | None, locale: str, _catalog: object) -> str:
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=locale)
