"""The plan format's field reference, written from the schema itself.

The field docstrings are the documentation: this module turns them into
`docs/plan-format.md`, so the reference can never drift from the code (a test
compares the two). Regenerate with `python -m console.plan.reference`.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
import textwrap
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from console.plan.fields import TimeWindow, check_id
from console.plan.model import Plan

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "plan-format.md"

HEADER = """\
# plan.toml field reference

Written from the schema by `python -m console.plan.reference`; do not edit by hand.
Every table forbids keys it does not list, so a typo is an error. `[[name]]` is a
list of tables (write the header once per entry), `[name]` a single table.
An *id* is 1 to 40 letters, digits, `-`, `_` or `.`, starting with a letter or digit.
"""


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The inner type of an annotation, and whether it is a list."""
    is_list = False
    while True:
        origin = get_origin(annotation)
        if origin is list:
            is_list = True
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, is_list
        elif origin is Annotated:
            base, *metadata = get_args(annotation)
            if any(getattr(m, "func", None) is check_id for m in metadata):
                return "id", is_list
            annotation = base
        else:
            return annotation, is_list


def _field_type(info: FieldInfo) -> str:
    if any(getattr(m, "func", None) is check_id for m in info.metadata):
        return "id"
    return _type_name(info.annotation)


def _type_name(annotation: Any) -> str:
    inner, is_list = _unwrap(annotation)
    origin = get_origin(inner)
    if inner == "id":
        name = "id"
    elif origin is Literal:
        name = " \\| ".join(f'`"{value}"`' for value in get_args(inner))
    elif origin is dict:
        name = "table of " + _type_name(get_args(inner)[1])
    elif inner is TimeWindow:
        name = '"HH:MM-HH:MM"'
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        name = "table"
    elif inner is str:
        name = "text"
    elif inner is float:
        name = "number"
    elif inner is int:
        name = "whole number"
    elif inner is bool:
        name = "true/false"
    elif isinstance(inner, type):
        name = inner.__name__
    else:
        name = str(inner)
    return f"list of {name}" if is_list else name


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    value = info.default
    if value is PydanticUndefined or value is None or value in ("", [], {}):
        return "optional"
    if isinstance(value, BaseModel):
        return "optional"
    if isinstance(value, bool):
        return f"default `{str(value).lower()}`"
    return f"default `{value!r}`".replace("'", '"')


def _describe(
    model: type[BaseModel], header: str, description: str, lines: list[str], depth: int
) -> None:
    lines += [
        "",
        f"{'#' * depth} `{header}`",
        "",
        description,
        "",
        "| key | type | | meaning |",
        "| --- | --- | --- | --- |",
    ]
    nested: list[tuple[type[BaseModel], str, str]] = []
    docs = field_docstrings(model)
    for name, info in model.model_fields.items():
        inner, is_list = _unwrap(info.annotation)
        meaning = _cell(docs.get(name))
        lines.append(f"| `{name}` | {_field_type(info)} | {_default(info)} | {meaning} |")
        if isinstance(inner, type) and issubclass(inner, BaseModel) and inner is not TimeWindow:
            path = f"{header.strip('[]')}.{name}"
            nested.append((inner, f"[[{path}]]" if is_list else f"[{path}]", meaning))
    for inner, path, meaning in nested:
        _describe(inner, path, meaning, lines, min(depth + 1, 4))


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The docstring under each field of `model` and its bases, read from the source."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for statement, following in itertools.pairwise(body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_reference() -> str:
    """The whole field reference as Markdown."""
    lines = [HEADER.rstrip()]
    top: list[tuple[str, FieldInfo]] = list(Plan.model_fields.items())
    docs = field_docstrings(Plan)
    lines += ["", "## Top level", "", "| key | type | | meaning |", "| --- | --- | --- | --- |"]
    for name, info in top:
        inner, _ = _unwrap(info.annotation)
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            lines.append(
                f"| `{name}` | {_field_type(info)} | {_default(info)} | {_cell(docs.get(name))} |"
            )
    for name, info in top:
        inner, is_list = _unwrap(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            header = f"[[{name}]]" if is_list else f"[{name}]"
            meaning = f"{_cell(docs.get(name))} ({_default(info)})"
            _describe(inner, header, meaning, lines, 2)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(render_reference(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUTPUT}\n")
