"""Translation of every string a person reads, and the choice of the language.

Strings for people go through `_()` from the first line written, so that the
gettext catalogs in `console/locale` (compiled `.mo` files shipped in the
package: nothing runs Babel to translate) can be complete. A string defined
before the language is known, such as a key's description in `BINDINGS`, is
marked with `N_()` and translated with `_()` where it is shown.

The language is chosen in one order, the first that is set winning
(`choose`): `--lang` (`ask`), `DRP_LANG`, the plan's `organisation.language`,
then the locale's `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` as gettext
reads them, else English. A command chooses it before it imports anything
that shows text, and again once it has read the plan (`set_language`).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

DOMAIN = "drp"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED = ("nl", "fr", "en")
DEFAULT: Final = "en"

LOCALES: Final = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}
"""The locale whose dates and numbers each language writes: drp is made for Belgium."""

LOCALE_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""The locale's variables in the order gettext reads them: the first one set decides."""

LANG_OPTION: Final = "--lang"
DRP_LANG: Final = "DRP_LANG"


@dataclass(frozen=True)
class Choice:
    """The language chosen, and what chose it (for `drp doctor`)."""

    language: str
    source: str
    """`--lang`, `DRP_LANG`, `plan`, one of `LOCALE_VARIABLES`, or `default`."""
    value: str = ""
    """What that source said, such as "nl_BE.UTF-8"; empty for the default."""


def supported(language: str) -> str | None:
    """The language drp speaks for a name such as "fr", "fr_BE" or "nl_BE.UTF-8", else None."""
    code = language.strip().split("_")[0].split("-")[0].split(".")[0].split("@")[0].lower()
    return code if code in SUPPORTED else None


def from_locale(value: str) -> str | None:
    """The language a locale variable asks for, read as gettext reads it; None if none of drp's.

    `LANGUAGE` may list several, "fr_BE:nl": the first drp speaks wins. "C"
    and "POSIX" mean no translation at all: English, and what follows them
    is not read.
    """
    for entry in value.split(":"):
        name = entry.strip()
        if name.split(".")[0] in ("C", "POSIX"):
            return DEFAULT
        if name and (code := supported(name)):
            return code
    return None


def choose(
    asked: str | None = None,
    plan: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Choice:
    """The language, the first that is set winning: --lang, DRP_LANG, the plan, the locale, en.

    A `DRP_LANG` drp does not speak still decides (English; `drp doctor`
    warns). Of the locale's variables the first set decides, as in gettext:
    one that names none of drp's languages ("de_DE.UTF-8") means English.
    """
    env = os.environ if environ is None else environ
    if asked:
        return Choice(supported(asked) or DEFAULT, LANG_OPTION, asked)
    wish = env.get(DRP_LANG, "").strip()
    if wish:
        return Choice(supported(wish) or DEFAULT, DRP_LANG, wish)
    if plan and (code := supported(plan)):
        return Choice(code, "plan", plan)
    for name in LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            return Choice(from_locale(value) or DEFAULT, name, value)
    return Choice(DEFAULT, "default")


_asked: str | None = None
_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT
_catalogs: dict[str, gettext.NullTranslations] = {}


def ask(language: str | None) -> None:
    """Remember the `--lang` of this command (None: not given); it wins over everything else."""
    global _asked
    _asked = supported(language) if language else None


def asked() -> str | None:
    """The language `--lang` asked for in this command, if it did."""
    return _asked


def set_language(plan_language: str | None) -> str:
    """Speak the language `choose` gives with the plan's `plan_language`; return it."""
    return use(choose(_asked, plan_language).language)


def use(language: str) -> str:
    """Speak `language` (one of `SUPPORTED`) from now on; return the language spoken.

    A language whose catalog is not installed is spoken in English, its dates
    and numbers too: never a Dutch date in an English sentence.
    """
    global _translation, _language
    if language not in _catalogs:
        _catalogs[language] = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
        )
    found = _catalogs[language]
    if not isinstance(found, gettext.GNUTranslations) and language != DEFAULT:
        return use(DEFAULT)
    _translation = found
    _language = language
    return language


def reload(locale_dir: Path | None = None) -> None:
    """Read the catalogs again, from `locale_dir` if given: a test's own catalogs, say."""
    global LOCALE_DIR
    if locale_dir is not None:
        LOCALE_DIR = locale_dir
    _catalogs.clear()
    use(_language)


def current_language() -> str:
    """The language that `_()` translates into."""
    return _language


def current_locale() -> str:
    """The locale whose dates and numbers the current language writes, such as "nl_BE"."""
    return LOCALES[_language]


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
