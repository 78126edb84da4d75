"""The locale and the language: what the terminal is told it speaks, and what drp speaks.

The locale's character set (`LC_ALL`, else `LC_CTYPE`, else `LANG`) tells
programs what the terminal shows; the console's marks and lines need UTF-8.
Python itself replaces a C locale by C.UTF-8 at start (PEP 538) and writes that
into `LC_CTYPE`: such an `LC_CTYPE` is Python's, not the user's, and is passed over.

drp's language is not the locale's: it is `DRP_LANG` when set, else the plan's
`organisation.language`, in one of drp's languages, else English
(`console.i18n`). `LANG` and `LANGUAGE` only hint at what a user would prefer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from console.i18n import SUPPORTED, _, supported
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
    """The language of drp's that the locale prefers (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    candidates = environ.get("LANGUAGE", "").split(":")
    candidates += [environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return next((code for c in candidates if c and (code := supported(c))), None)


def language_findings(environ: Mapping[str, str], plan_language: str | None) -> list[Finding]:
    """Which language drp speaks and why; a `DRP_LANG` it does not speak is a warning."""
    asked = environ.get("DRP_LANG")
    speaks = ", ".join(SUPPORTED)
    if asked and supported(asked) is None:
        return [
            warning(
                "language",
                _(
                    "DRP_LANG={asked} is not a language drp speaks ({speaks}): it speaks English"
                ).format(asked=asked, speaks=speaks),
                _(
                    "run: export DRP_LANG=nl (or fr, en), or unset DRP_LANG to speak the plan's "
                    "language"
                ),
            )
        ]
    plan = supported(plan_language) if plan_language else None
    if asked:
        chosen = supported(asked) or "en"
        why = _("DRP_LANG={asked} decides, over the plan's language").format(asked=asked)
    elif plan:
        chosen, why = plan, _("the plan's organisation.language")
    elif plan_language:
        chosen = "en"
        why = _("the plan's organisation.language ({language}) is not one of {speaks}").format(
            language=plan_language, speaks=speaks
        )
    else:
        chosen, why = "en", _("no plan to take it from")
    found = _("drp speaks {name} ({code}): {why}; LANG and LANGUAGE do not change it").format(
        name=ENDONYMS[chosen], code=chosen, why=why
    )
    wish = preferred(environ)
    advice = ""
    if not asked and wish and wish != chosen:
        advice = _("your locale prefers {name}: run: export DRP_LANG={code}").format(
            name=ENDONYMS[wish], code=wish
        )
    return [ok("language", found, advice)]
