"""Translation of every string a person reads.

Strings for people go through `_()` from the first line written, so that the
gettext catalogs in `console/locale` can be complete. The language is chosen
once per process (`set_language`), from the plan's language unless the user's
`DRP_LANG` overrides it; a missing catalog falls back to the English source.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "drp"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED = ("nl", "fr", "en")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str | None) -> str:
    """Use the catalog for `language` (or `DRP_LANG` when set); return the one chosen."""
    global _translation, _language
    chosen = supported(os.environ.get("DRP_LANG") or language or "en") or "en"
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[chosen], fallback=True
    )
    _language = chosen
    return chosen


def supported(language: str) -> str | None:
    """The language drp speaks for a name such as "fr", "fr_BE" or "nl_BE.UTF-8", else None."""
    code = language.split("_")[0].split(".")[0].split("@")[0].lower()
    return code if code in SUPPORTED else None


def current_language() -> str:
    """The language that `_()` translates into."""
    return _language


def catalog() -> object:
    """The catalog `_()` translates with: a key for caches of translated text."""
    return _translation


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for translation where it is defined; `_()` translates it where shown."""
    return message
