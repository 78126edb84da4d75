"""drp speaks the language chosen: real `drp` processes, the binder and the reports.

A Flemish OCMW's `drp check` speaks Dutch, a Walloon CPAS's French, and the
order of the choice (--lang > DRP_LANG > the plan > LANGUAGE > LC_ALL >
LC_MESSAGES > LANG > en) holds in a real process, for its own messages and
for argparse's. What a process says is compared with what the shipped
catalog says for the same message, so these tests check that the right
catalog speaks, whoever wrote its words. The plan's own texts (a task's
title, a site's name) stay as the plan wrote them, in every language.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from console.cli import main
from console.clock import FixedClock
from console.i18n import LOCALE_DIR, SUPPORTED
from console.incident.session import Session
from console.plan.loader import load_plan
from console.plan.model import Plan
from console.report.binder import build_binder
from console.report.render_markdown import render_markdown
from console.report.reports import render_report
from tests.conftest import SHIPPED_PLAN, Messages, Result, run_drp_process
from tests.console.conftest import NOW, busy

CLEAN = {
    "DRP_LANG": "",
    "LANGUAGE": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANG": "",
}
"""An environment where nothing chooses the language unless the test says so."""


def catalog(language: str) -> gettext.NullTranslations:
    """The shipped catalog of `language`, as the package reads it."""
    return gettext.translation("drp", LOCALE_DIR, [language], fallback=language == "en")


def invalid(language: str, path: Path, n: int = 1) -> str:
    """The last line `drp check` writes for a plan with `n` problems, in `language`."""
    said = catalog(language).ngettext(
        "{path}: invalid, {n} problem", "{path}: invalid, {n} problems", n
    )
    return said.format(path=path, n=n)


@pytest.fixture
def broken(tmp_path: Path) -> Callable[[str | None], Path]:
    """The shipped plan with a mistyped key, in the language given (None: the plan names none)."""

    def write(language: str | None) -> Path:
        text = SHIPPED_PLAN.read_text("utf-8").replace('phone = "', 'phon = "', 1)
        replaced = f'language = "{language}"\n' if language else ""
        text = text.replace('language = "nl"\n', replaced)
        path = tmp_path / f"plan-{language}.toml"
        path.write_text(text, "utf-8")
        path.chmod(0o600)
        return path

    return write


def check(path: Path, *args: str, **env: str) -> Result:
    return run_drp_process("check", "--plan", str(path), *args, env={**CLEAN, **env})


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_check_on_a_broken_plan_speaks_the_language_of_drp_lang(
    broken: Callable[[str | None], Path], language: str
) -> None:
    path = broken("en")  # the plan says English: DRP_LANG outweighs it
    result = check(path, DRP_LANG=language)
    assert result.status == 2
    lines = result.err.splitlines()
    assert lines[-1] == invalid(language, path)
    assert lines[-1] != invalid("en", path)
    said = catalog(language).gettext("unknown key '{key}'; did you mean '{close}'?")
    assert said.format(key="phon", close="phone") in lines[0]
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("plan", "args", "env", "spoken"),
    [
        pytest.param("nl", ["--lang", "fr"], {"DRP_LANG": "en"}, "fr", id="lang"),
        pytest.param("nl", [], {"DRP_LANG": "fr", "LANG": "en_GB.UTF-8"}, "fr", id="drp-lang"),
        pytest.param("fr", [], {"LANGUAGE": "nl", "LC_ALL": "nl_BE.UTF-8"}, "fr", id="plan"),
        pytest.param(None, [], {"LANGUAGE": "fr"}, "nl", id="plan-default-nl"),
        pytest.param(
            "de", [], {"LANGUAGE": "fr_BE:nl", "LANG": "nl_BE.UTF-8"}, "fr", id="language"
        ),
        pytest.param("de", [], {"LC_ALL": "nl_BE.UTF-8", "LANG": "fr_BE"}, "nl", id="lc-all"),
        pytest.param("de", [], {"LC_MESSAGES": "fr_BE", "LANG": "nl_BE"}, "fr", id="lc-messages"),
        pytest.param("de", [], {"LANG": "nl_BE.UTF-8"}, "nl", id="lang-variable"),
        pytest.param("de", [], {"LANG": "fr_BE"}, "fr", id="fr-be"),
        pytest.param("de", [], {"LC_ALL": "C", "LANG": "nl_BE.UTF-8"}, "en", id="c"),
        pytest.param("de", [], {"LANG": "POSIX"}, "en", id="posix"),
        pytest.param("de", [], {"LANG": "de_DE.UTF-8"}, "en", id="unknown-locale"),
        pytest.param("de", [], {}, "en", id="nothing"),
    ],
)
def test_the_first_that_is_set_wins_in_a_real_process(
    broken: Callable[[str | None], Path],
    plan: str | None,
    args: list[str],
    env: dict[str, str],
    spoken: str,
) -> None:
    """A plan whose language is "de" names none of drp's (a second problem): the locale decides."""
    path = broken(plan)
    result = check(path, *args, **env)
    assert result.status == 2
    assert result.err.splitlines()[-1] == invalid(spoken, path, 2 if plan == "de" else 1)


def test_an_unknown_lang_is_one_message_and_exit_2(broken: Callable[[str | None], Path]) -> None:
    result = check(broken("nl"), "--lang", "de", DRP_LANG="en")
    assert result.status == 2
    assert result.err.splitlines()[-1] == (
        "drp check: error: argument --lang: drp speaks nl, fr, en, not 'de'"
    )
    assert "Traceback" not in result.err


def test_lang_before_the_subcommand_and_in_the_console_options(
    broken: Callable[[str | None], Path],
) -> None:
    path = broken("nl")
    before = run_drp_process("--lang", "fr", "check", "--plan", str(path), env=CLEAN)
    assert before.err.splitlines()[-1] == invalid("fr", path)
    console = run_drp_process("--lang", "fr", "--plan", str(path), env=CLEAN)  # the console
    assert console.status == 2  # it opens, finds the plan's mistakes, closes and lists them
    said = catalog("fr").gettext("unknown key '{key}'; did you mean '{close}'?")
    assert console.err.endswith(said.format(key="phon", close="phone") + "\n")


@pytest.mark.parametrize("language", SUPPORTED)
def test_help_and_argparse_speak_the_catalogs_words(language: str) -> None:
    """The parser's texts, argparse's own words too, are the catalog's: `usage:`, `options:`."""
    words = catalog(language)
    shown = run_drp_process("--lang", language, "check", "--help", env=CLEAN)
    assert shown.status == 0
    assert shown.out.startswith(words.gettext("usage: ") + "drp check")
    assert f"\n{words.gettext('options')}:\n" in shown.out
    assert words.gettext("show this help message and exit") in shown.out
    assert words.gettext("print the result as JSON") in shown.out
    wrong = run_drp_process("--lang", language, "check", "--bogus", env=CLEAN)
    assert wrong.status == 2
    error = words.gettext("%(prog)s: error: %(message)s\n") % {
        "prog": "drp",
        "message": words.gettext("unrecognized arguments: %s") % "--bogus",
    }
    assert wrong.err.endswith(error)


def test_argparse_is_routed_through_drps_catalog(
    catalogs: Callable[[Messages], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With a catalog of our own: argparse's words are drp's to translate, in this process."""
    catalogs(
        {
            "nl": {
                "usage: ": "gebruik: ",
                "options": "opties",
                "show this help message and exit": "toon deze hulp",
                "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
                "the following arguments are required: %s": "nodig: %s",
            }
        }
    )
    monkeypatch.setenv("DRP_LANG", "nl")
    with pytest.raises(SystemExit):
        main(["init", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: drp init")
    assert "\nopties:\n" in out and "toon deze hulp" in out
    with pytest.raises(SystemExit):
        main(["init"])
    assert capsys.readouterr().err.endswith("drp init: fout: nodig: PATH\n")


# The binder's and the reports' headings ----------------------------------------------------

HEADING = re.compile(r"^(#+) (?:(\d+(?:\.\d+)*)\.? )?(.*)$")


def headings(markdown: str) -> list[tuple[str, str, str]]:
    """Each heading of a Markdown document: its level, its number, its text."""
    found = [m.groups("") for line in markdown.splitlines() if (m := HEADING.match(line))]
    return [(level, number, text) for level, number, text in found]


def in_every_language(
    speak: Callable[[str], str], render: Callable[[], str]
) -> dict[str, list[tuple[str, str, str]]]:
    found = {}
    for language in SUPPORTED:
        assert speak(language) == language
        found[language] = headings(render())
    return found


def assert_translated(found: dict[str, list[tuple[str, str, str]]], plan: Plan) -> int:
    """The same headings in each language: drp's translated by its catalog, the plan's as written.

    Returns how many of drp's own headings there are.
    """
    english = found["en"]
    own = 0
    for language in ("nl", "fr"):
        words = catalog(language)
        assert len(found[language]) == len(english)
        for (level, number, text), (its_level, its_number, its_text) in zip(
            english, found[language], strict=True
        ):
            assert (its_level, its_number) == (level, number)
            translated = words.gettext(text)
            if translated != text:  # one of drp's headings
                assert its_text == translated
                own += language == "nl"
            elif text in plan_texts(plan):
                assert its_text == text, "the plan's own texts stay as the plan wrote them"
    return own


def plan_texts(plan: Plan) -> set[str]:
    """Every text the plan holds, as written."""
    texts: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(plan.model_dump())
    return texts


def test_the_binders_headings_in_every_language(speak: Callable[[str], str]) -> None:
    plan = load_plan(SHIPPED_PLAN)
    found = in_every_language(speak, lambda: render_markdown(build_binder(plan)))
    assert assert_translated(found, plan) >= 15  # every section of the template at least
    english = [text for level, number, text in found["en"] if level == "##" and number]
    assert len(english) == 15
    for language in ("nl", "fr"):
        numbered = [text for level, number, text in found[language] if level == "##" and number]
        differ = sum(its != en for its, en in zip(numbered, english, strict=True))
        assert differ >= 12, numbered  # "Introduction" is French too


@pytest.mark.parametrize(
    ("kind", "audience"),
    [("status", "board"), ("status", "public"), ("after-action", "board")],
)
def test_the_reports_headings_in_every_language(
    speak: Callable[[str], str], tmp_path: Path, kind: str, audience: str
) -> None:
    plan = load_plan(SHIPPED_PLAN)
    session = Session(plan, tmp_path / "state", FixedClock(NOW))
    session.refresh()
    busy(session)
    session.refresh()
    active = session.active()
    assert active is not None
    state = session.state(active.id)

    def render() -> str:
        text = render_report(plan, state, NOW, kind, audience, "md")  # type: ignore[arg-type]
        assert isinstance(text, str)
        return text

    found = in_every_language(speak, render)
    assert assert_translated(found, plan) >= 3
