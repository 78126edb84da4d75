"""The plan template `drp init` writes, with its explanations in the user's language.

The template is one TOML file, `templates/plan.toml`: every section of the
seed with its data and placeholders, and comments that explain each. The
data is the plan's (the seed's own words, which the user replaces); the
comments are drp's, written in English in the file and translated through
the catalog when the template is written, like every other string for
people. Babel finds them with `extract`, named in `babel.cfg`.

How the comment lines of `templates/plan.toml` are marked:

    # text        an explanation: the lines that follow each other are one
                  message, their line breaks kept (a translator keeps them
                  under 78 columns)
    #| text       a chapter's title, between two lines of "=": the same
    #- text       a heading, written "# text ------" up to the 79th column
    #: text       written as it is ("# text"): a line of "=", an example to
                  uncomment (an explanation after its value is translated)
    #             a lone "#", written as it is
    key = 1  # text   an explanation after a value: one message, kept at
                  its column
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import IO, Any

WIDTH = 79
"""The column a heading's dashes run to."""

TEMPLATE = "plan.toml"

TRANSLATORS = (
    "Translators: a comment in the plan template `drp init` writes. Keep each line under "
    '78 characters, and keep as they are the names before "=", what is between backquotes, '
    "and the ids and values in quotes."
)

INLINE = re.compile(r"^(?P<code>[^#]*?\S)(?P<gap>\s+)# (?P<text>.+)$")
LANGUAGE = re.compile(r'^language = "[a-z]+"', re.MULTILINE)


@dataclass(frozen=True)
class Piece:
    """A run of the template's lines: data or a verbatim comment (`message` None), or a message.

    `kind` says how a message is written: "#" an explanation, "|" a chapter's
    title, "-" a heading, "inline" after the value in `code`.
    """

    line: int
    kind: str
    text: str
    code: str = ""


def pieces(text: str) -> Iterator[Piece]:
    """The template's lines, with its explanations gathered into messages."""
    block: list[str] = []
    kind, start = "", 0

    def flush() -> Iterator[Piece]:
        if block:
            yield Piece(start, kind, "\n".join(block))
            block.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        marker = line[:2] if line.startswith("#") else ""
        if marker in ("# ", "#|") and line.startswith(("# ", "#| ")):
            this = "#" if marker == "# " else "|"
            if this != kind:
                yield from flush()
            if not block:
                kind, start = this, number
            block.append(line[2:] if this == "#" else line[3:])
            continue
        yield from flush()
        kind = ""
        if line.startswith("#- "):
            yield Piece(number, "-", line[3:])
        elif line == "#":
            yield Piece(number, "verbatim", line)
        elif line.startswith("#: "):
            rest = line[3:]
            if (found := INLINE.match(rest)) and found["code"].count('"') % 2 == 0:
                yield Piece(number, "inline", found["text"], f"# {found['code']}{found['gap']}")
            else:
                yield Piece(number, "verbatim", f"# {rest}")
        elif (found := INLINE.match(line)) and found["code"].count('"') % 2 == 0:
            yield Piece(number, "inline", found["text"], found["code"] + found["gap"])
        else:
            yield Piece(number, "verbatim", line)
    yield from flush()


def render(text: str, translate: Callable[[str], str], language: str) -> str:
    """The template with its messages in the words `translate` gives, for a plan in `language`."""
    lines: list[str] = []
    for piece in pieces(text):
        if piece.kind == "verbatim":
            lines.append(piece.text)
        elif piece.kind == "#":
            lines.extend(f"# {line}".rstrip() for line in translate(piece.text).split("\n"))
        elif piece.kind == "|":
            lines.extend(f"#  {line}".rstrip() for line in translate(piece.text).split("\n"))
        elif piece.kind == "-":
            heading = f"# {translate(piece.text)} "
            lines.append(heading + "-" * max(3, WIDTH - len(heading)))
        else:  # inline
            lines.append(f"{piece.code}# {translate(piece.text)}")
    return LANGUAGE.sub(f'language = "{language}"', "\n".join(lines), count=1)


def template_source() -> str:
    """The template as shipped, its comments in English and marked for translation."""
    folder = resources.files("console.plan.templates")
    return folder.joinpath(TEMPLATE).read_text("utf-8")


def template_text(language: str) -> str:
    """The template `drp init` writes in `language`, the language drp speaks now."""
    from console.i18n import _

    return render(template_source(), _, language)


def extract(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: dict[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extractor for the template (see `babel.cfg`): each message, where it starts."""
    text = fileobj.read().decode("utf-8")
    for piece in pieces(text):
        if piece.kind != "verbatim":
            yield piece.line, None, piece.text, [TRANSLATORS]
