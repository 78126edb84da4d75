"""The locale and the language: what the terminal is told it speaks, and what drp speaks.

The locale's character set (`LC_ALL`, else `LC_CTYPE`, else `LANG`) tells
programs what the terminal shows; the console's marks and lines need UTF-8.
Python itself replaces a C locale by C.UTF-8 at start (PEP 538) and writes that
into `LC_CTYPE`: such an `LC_CTYPE` is Python's, not the user's, and is passed over.

drp's language is `--lang`, else `DRP_LANG`, else the plan's
`organisation.language`, and only then the locale's (`LANGUAGE`, `LC_ALL`,
`LC_MESSAGES`, `LANG`), else English (`console.i18n.choose`): a plan's
language outweighs the locale, whose wish becomes advice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from console.i18n import (
    DRP_LANG,
    LANG_OPTION,
    LOCALE_VARIABLES,
    SUPPORTED,
    Choice,
    _,
    choose,
    supported,
)
from console.setup.findings import Finding, ok, warning

UTF8 = re.compile(r"\.utf-?8(@|$)", re.IGNORECASE)

ENDONYMS = {"nl": "Nederlands", "fr": "français", "en": "English"}
"""Each language in its own words, so that whoever reads it knows theirs."""


def ctype_locale(environ: Mapping[str, str], coerced: bool) -> tuple[str | None, str]:
    """The variable that decides the character set, and its value ("C" when none is set).

    `coerced`: Python replaced a C locale by C.UTF-8 in `LC_CTYPE` at start
    (`sys.flags.utf8_mode` without `PYTHONUTF8`), so that `LC_CTYPE` is not the user's.
    """
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        if name == "LC_CTYPE" and coerced:
            continue
        value = environ.get(name)
        if value:
            return name, value
    return None, "C"


COERCED = ("C.UTF-8", "C.utf8", "UTF-8")
"""What Python writes into `LC_CTYPE` in place of a C locale (PEP 538)."""


def python_coerced(environ: Mapping[str, str], utf8_mode: int) -> bool:
    """Whether the `LC_CTYPE` in this process's environment was put there by Python."""
    return (
        bool(utf8_mode)
        and "PYTHONUTF8" not in environ
        and not environ.get("LC_ALL")
        and environ.get("LC_CTYPE") in COERCED
    )


def locale_findings(environ: Mapping[str, str], coerced: bool) -> list[Finding]:
    """Whether the locale says UTF-8, which the console's marks and lines need."""
    variable, value = ctype_locale(environ, coerced)
    source = f"{variable}={value}" if variable else _("no LANG, LC_ALL or LC_CTYPE set")
    if UTF8.search(value):
        return [ok("locale", _("the locale is UTF-8 ({source})").format(source=source))]
    if value.upper() in ("C", "POSIX") or "." in value:
        found = _("the locale is not UTF-8 ({source})").format(source=source)
    else:
        found = _(
            "the locale names no character set ({source}), which for most locales means "
            "ISO-8859-1, not UTF-8"
        ).format(source=source)
    return [
        warning(
            "locale",
            found + _(": the console's check marks and lines may show as garbage"),
            _(
                "set the terminal to UTF-8, and run: {unset}export LANG=C.UTF-8 (or nl_BE.UTF-8, "
                "fr_BE.UTF-8 where installed); over SSH, AcceptEnv LANG LC_* in sshd_config lets "
                "the client's locale through"
            ).format(unset=f"unset {variable}; " if variable in ("LC_ALL", "LC_CTYPE") else ""),
        )
    ]


def preferred(environ: Mapping[str, str]) -> str | None:
    """The language of drp's that the locale names, if it names one ("C" and "POSIX" name none).

    The first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
    decides, as in gettext; in a list ("fr:en") the first drp speaks.
    """
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            for entry in value.split(":"):
                if entry.strip().split(".")[0] in ("C", "POSIX"):
                    return None
                if code := supported(entry):
                    return code
            return None
    return None


def _why(choice: Choice, plan_language: str | None) -> str:
    """Why drp speaks what it speaks: the first of the sources that is set."""
    if choice.source == LANG_OPTION:
        return _("--lang {value} decides").format(value=choice.value)
    if choice.source == DRP_LANG:
        return _("DRP_LANG={asked} decides, over the plan's language").format(asked=choice.value)
    if choice.source == "plan":
        return _("the plan's organisation.language")
    if plan_language:
        return _(
            "the plan's organisation.language ({language}) is not one of {speaks}, so the "
            "locale decides ({source})"
        ).format(
            language=plan_language,
            speaks=", ".join(SUPPORTED),
            source=f"{choice.source}={choice.value}" if choice.value else _("none set"),
        )
    if choice.value:
        return _("no plan to take it from, so the locale decides ({source})").format(
            source=f"{choice.source}={choice.value}"
        )
    return _("no plan to take it from")


def language_findings(
    environ: Mapping[str, str], plan_language: str | None, asked: str | None = None
) -> list[Finding]:
    """Which language drp speaks and why; a `DRP_LANG` it does not speak is a warning.

    The order is `console.i18n.choose`'s. When the plan's language outweighs
    a locale that names another of drp's languages, the advice says how to
    get that one.
    """
    choice = choose(asked, plan_language, environ)
    if choice.source == DRP_LANG and supported(choice.value) is None:
        return [
            warning(
                "language",
                _(
                    "DRP_LANG={asked} is not a language drp speaks ({speaks}): it speaks English"
                ).format(asked=choice.value, speaks=", ".join(SUPPORTED)),
                _(
                    "run: export DRP_LANG=nl (or fr, en), or unset DRP_LANG to speak the plan's "
                    "language"
                ),
            )
        ]
    found = _("drp speaks {name} ({code}): {why}").format(
        name=ENDONYMS[choice.language], code=choice.language, why=_why(choice, plan_language)
    )
    wish = preferred(environ)
    advice = ""
    if choice.source == "plan" and wish is not None and wish != choice.language:
        advice = _("your locale prefers {name}: run: export DRP_LANG={code}").format(
            name=ENDONYMS[wish], code=wish
        )
    return [ok("language", found, advice)]
