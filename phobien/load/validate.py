"""Turning pydantic validation errors into messages an editor can act on."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from phobien.core.diagnostics import Diagnostics, Position
from phobien.core.yamlhints import impossible_date
from phobien.core.yamlpos import Located, Path_
from phobien.load.salvage import salvage

M = TypeVar("M", bound=BaseModel)


def did_you_mean(word: str, choices: list[str]) -> str:
    """' did you mean 'x'?' or an empty string."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f"; did you mean '{match[0]}'?" if match else ""


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, str | None]:
    """Follow ``loc`` through ``data``; skip pydantic's union/validator tags.

    Returns the path of the deepest existing value and the name of a missing last key.
    """
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if (isinstance(current, dict) and isinstance(part, str) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            current = current[part]
            path.append(part)
        elif i == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            return tuple(path), part
    return tuple(path), None


def _field_name(path: Path_, missing: str | None) -> str:
    if missing:
        return missing
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "value"


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed in the mapping that holds the last element of ``loc``."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, str) and part in current.model_fields:
            inner = _inner_model(current.model_fields[part].annotation)
            if inner is not None:
                current = inner
    return list(current.model_fields)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``list[Model]``, ``Model | None``, ``Annotated[...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", None) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _inner_model(origin)
    return None


def _message(err: dict[str, Any], field: str, model: type[BaseModel]) -> str:
    kind = err["type"]
    value = err.get("input")
    shown = value if isinstance(value, str | int | float | bool) else None
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, tuple(err["loc"]))
        return f"unknown field '{field}'{did_you_mean(field, allowed)} (allowed: {', '.join(allowed)})"
    if kind in {"string_type"}:
        return f"'{field}' must be text, not a list or mapping"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"'{field}' must be a whole number, got '{shown}'"
    if kind in {"float_parsing", "float_type"}:
        return f"'{field}' must be a number, got '{shown}'"
    if kind.startswith("date") or kind.startswith("datetime"):
        impossible = impossible_date(shown) if isinstance(shown, str) else None
        if impossible:
            return f"'{field}' is {shown}, which is not a real date: {impossible}"
        return f"'{field}' must be a date written YYYY-MM-DD (e.g. 2026-11-22), got '{shown}'"
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{field}' must be true or false, got '{shown}'"
    if kind == "list_type":
        return f"'{field}' must be a list (one '- item' per line)"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"'{field}' must be a group of 'name: value' lines, got '{shown}'"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [c.strip().strip("'") for c in str(expected).replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(shown), choices) if shown is not None else ""
        return f"'{field}' must be one of {expected}, got '{shown}'{hint}"
    if kind == "string_too_short":
        return f"'{field}' must not be empty"
    if kind == "too_short":
        return f"'{field}' needs at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_pattern_mismatch":
        if field == "code" or "a-z]{2,3}" in str(ctx.get("pattern", "")):
            if isinstance(shown, str) and " " in shown:
                return (
                    f"'{shown}' is not a language code; a text containing a comma inside "
                    "{ ... } must be put in quotes"
                )
            return f"'{shown}' is not a language code; use 2 or 3 lower-case letters (vi, en, km, hmn)"
        if field == "number":
            return f"'{field}' must contain only digits and spaces, got '{shown}'"
        return f"'{field}' has an invalid form: '{shown}'"
    if kind == "greater_than_equal":
        return f"'{field}' must be at least {ctx.get('ge')}, got '{shown}'"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"'{field}': {err['msg']}"


def validate(
    model: type[M], located: Located, rel: str, diags: Diagnostics, prefix: Path_ = (), keep: bool = False
) -> M | None:
    """Validate the value at ``prefix`` of ``located`` as ``model``; report errors at their place.
    On errors: None, or with ``keep`` what can be kept of it (:func:`phobien.load.salvage.salvage`)."""
    data: Any = located.data
    for part in prefix:
        data = data[part]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        seen: set[tuple[int, int]] = set()
        missing_at: dict[tuple[int, int], list[str]] = {}
        for err in exc.errors(include_url=False):
            path, missing = _data_path(data, tuple(err["loc"]))
            full = (*prefix, *path)
            mark = located.key_mark(full) if err["type"] == "extra_forbidden" else located.value_mark(full)
            place = (mark.line, mark.col)
            if err["type"] == "missing":
                missing_at.setdefault(place, []).append(_field_name(path, missing))
                continue
            if place in seen:
                continue  # one message per place: the first is the one to fix
            seen.add(place)
            diags.error(Position(rel, mark.line, mark.col), _message(err, _field_name(path, missing), model))
        for (line, col), names in missing_at.items():
            if len(names) == 1:
                message = f"required field '{names[0]}' is missing; add '{names[0]}: ...'"
            else:
                listed = ", ".join(f"'{n}'" for n in names)
                message = f"required fields {listed} are missing; add each as 'name: ...'"
            diags.error(Position(rel, line, col), message)
        return salvage(model, data) if keep else None
