"""Pydantic's validation errors, said the way a plan maintainer understands them.

Pydantic speaks of "Input should be a valid integer"; a plan maintainer needs
"must be a whole number, not 'twintig'" and, for a typo in a key, the key that
was meant. The messages go through `_()` like every other string for people.
"""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from console.i18n import _


def _shown(value: Any) -> str:
    if isinstance(value, bool):  # as the plan writes it, not as Python does
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the last part of `loc`, walking down from `model`."""
    current: Any = model
    for part in loc:
        while True:  # unwrap list[...], X | None, Annotated[...]
            origin = get_origin(current)
            if origin in (list, Union, types.UnionType, Annotated):
                args = [a for a in get_args(current) if a is not type(None)]
                current = args[0] if args else None
            elif origin is dict:
                current = get_args(current)[1]
                break
            else:
                break
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = info.annotation
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unknown_key(model: type[BaseModel], error: ErrorDetails) -> str:
    loc = tuple(error["loc"])
    key = str(loc[-1])
    holder = _model_at(model, loc[:-1])
    if holder is None:
        return _("unknown key '{key}'").format(key=key)
    known = list(holder.model_fields)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return _("unknown key '{key}'; did you mean '{close}'?").format(key=key, close=close[0])
    return _("unknown key '{key}'; allowed here: {known}").format(key=key, known=", ".join(known))


def describe(model: type[BaseModel], error: ErrorDetails) -> str:
    """One clear sentence for one pydantic error on `model`."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return _("required, but missing")
    if kind == "extra_forbidden":
        return _unknown_key(model, error)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    simple = {
        "string_type": _("must be text in quotes, not {given}"),
        "int_type": _("must be a whole number, not {given}"),
        "int_parsing": _("must be a whole number, not {given}"),
        "int_from_float": _("must be a whole number, not {given}"),
        "float_type": _("must be a number, not {given}"),
        "float_parsing": _("must be a number, not {given}"),
        "bool_type": _("must be true or false, not {given}"),
        "bool_parsing": _("must be true or false, not {given}"),
        "list_type": _('must be a list such as ["a", "b"], not {given}'),
        "model_type": _("must be a table, not {given}"),
        "model_attributes_type": _("must be a table, not {given}"),
        "dict_type": _("must be a table, not {given}"),
        "date_type": _("must be a date such as 2026-01-31, not {given}"),
        "date_parsing": _("must be a date such as 2026-01-31, not {given}"),
        "date_from_datetime_inexact": _("must be a date without a time, not {given}"),
        "date_from_datetime_parsing": _("must be a date such as 2026-01-31, not {given}"),
    }
    if kind in simple:
        return simple[kind].format(given=_shown(given))
    if kind == "literal_error":
        return _("must be one of {expected}, not {given}").format(
            expected=ctx.get("expected", ""), given=_shown(given)
        )
    if kind == "too_short":
        return _("needs at least {n} entries").format(n=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return _("must not be empty")
    bounds = {
        "greater_than": _("must be more than {limit}, not {given}"),
        "greater_than_equal": _("must be at least {limit}, not {given}"),
        "less_than": _("must be less than {limit}, not {given}"),
        "less_than_equal": _("must be at most {limit}, not {given}"),
    }
    if kind in bounds:
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return bounds[kind].format(limit=limit, given=_shown(given))
    return str(error["msg"])
