"""Extract, update and compile drp's gettext catalogs with Babel, always with the same options.

    python tools/catalogs.py            # all three steps, in order
    python tools/catalogs.py extract    # console/locale/drp.pot from every _(), N_(), ngettext()
    python tools/catalogs.py update     # each language's drp.po from the template
    python tools/catalogs.py compile    # each drp.po to the drp.mo shipped in the package
    python tools/catalogs.py init xx    # start the catalog of a new language

It runs `pybabel` and prints each command first, so that what the README
says and what is run are the same. The keywords are the ones
`tests/unit/test_catalogs.py` extracts with, from `KEYWORDS`. Run it after
changing a string for people, and commit the template, the `.po` files and
the `.mo` files together: the test fails when a `.mo` is not the
compilation of its `.po`.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = Path("console/locale")
TEMPLATE = LOCALE / "drp.pot"
DOMAIN = "drp"
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "N_": None, "ngettext": (1, 2)}
"""The functions whose strings go into the catalog, and which arguments are the messages."""
COMMENT_TAG = "Translators:"
"""A comment that starts so, just above a string, goes with it into the template."""


def _keyword_options() -> list[str]:
    options = []
    for name, arguments in KEYWORDS.items():
        spec = name if arguments is None else f"{name}:{','.join(map(str, arguments))}"
        options += ["-k", spec]
    return options


COMMANDS: dict[str, list[str]] = {
    "extract": [
        "extract",
        "-F",
        "babel.cfg",
        *_keyword_options(),
        "--no-default-keywords",
        f"--add-comments={COMMENT_TAG}",
        "--sort-by-file",
        "--project",
        "drp",
        "-o",
        str(TEMPLATE),
        ".",
    ],
    "update": [
        "update",
        "-i",
        str(TEMPLATE),
        "-d",
        str(LOCALE),
        "-D",
        DOMAIN,
        "--no-fuzzy-matching",
    ],
    "compile": ["compile", "-d", str(LOCALE), "-D", DOMAIN, "--statistics"],
}


def pybabel(arguments: list[str]) -> None:
    """Run `pybabel` with `arguments` from the repository's root, saying so first."""
    command = ["pybabel", *arguments]
    print("$ " + shlex.join(command), flush=True)
    # The template's extractor is drp's own (babel.cfg): pybabel imports it from this checkout.
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(command, cwd=ROOT, check=True, env=environment)


def main(arguments: list[str]) -> int:
    """Run the steps named (all three when none is), or start a new language with `init`."""
    if arguments[:1] == ["init"] and len(arguments) == 2:
        pybabel(["init", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", DOMAIN, "-l", arguments[1]])
        return 0
    steps = arguments or list(COMMANDS)
    unknown = [step for step in steps if step not in COMMANDS]
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    for step in steps:
        pybabel(COMMANDS[step])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
