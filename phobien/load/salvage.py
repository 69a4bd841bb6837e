"""What can be kept of a file that failed validation, so that its other mistakes (and those of
files that refer to it) are still found in the same run.

pydantic rejects a whole object for one bad field. After the errors are reported, each field is
validated on its own: the valid ones are kept, a failed list of objects keeps its valid items and
salvages the others one by one (positions stay those of the file), and a failed field is left
empty and named in :func:`invalid_fields`, so that checks that depend on it skip it instead of
raising follow-on errors. A salvaged object is never staged: a run with errors builds nothing.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

M = TypeVar("M", bound=BaseModel)

_INVALID = "_phobien_invalid"


def invalid_fields(obj: object) -> frozenset[str]:
    """The fields of ``obj`` that failed validation (empty for an object that passed)."""
    return getattr(obj, "__dict__", {}).get(_INVALID, frozenset())


def is_salvaged(obj: object) -> bool:
    return _INVALID in getattr(obj, "__dict__", {})


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


def _strip(annotation: Any) -> Any:
    """``list[X]`` inside ``Annotated[...]`` or ``... | None``, else the annotation itself."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is not list:
        for arg in get_args(annotation):
            if get_origin(_strip(arg)) is list:
                return _strip(arg)
    return annotation


def _model_of(annotation: Any) -> type[BaseModel] | None:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg) if arg is not type(None) else None
        if found is not None:
            return found
    return None


def _empty(info: FieldInfo) -> Any:
    """What a failed or missing field is left as: its default, else an empty list, mapping or None."""
    if not info.is_required():
        return info.get_default(call_default_factory=True)
    origin = get_origin(_strip(info.annotation))
    if origin is list:
        return []
    if origin is dict or _strip(info.annotation) is dict:
        return {}
    inner = _model_of(info.annotation)
    return salvage(inner, {}) if inner is not None else None


def _items(info: FieldInfo, value: list[Any]) -> list[Any] | None:
    """A failed list of objects, item by item: valid items as they are, the others salvaged."""
    listed = _strip(info.annotation)
    if get_origin(listed) is not list:
        return None
    item_type = get_args(listed)[0]
    inner = _model_of(item_type)
    if inner is None:
        return None
    adapter: TypeAdapter[Any] = TypeAdapter(item_type)
    items = []
    for item in value:
        try:
            items.append(adapter.validate_python(item))
        except ValidationError:
            items.append(salvage(inner, item if isinstance(item, dict) else {}))
    return items


def _failed(info: FieldInfo, value: Any) -> Any:
    """A field that failed: a list of objects item by item, an object field by field, else empty."""
    if isinstance(value, list):
        items = _items(info, value)
        if items is not None:
            return items
    inner = _model_of(info.annotation)
    if isinstance(value, dict) and inner is not None and get_origin(_strip(info.annotation)) is not list:
        return salvage(inner, value)
    return _empty(info)


def salvage(model: type[M], data: Any) -> M:
    """``data`` as ``model`` with every valid field kept and the failed ones left empty."""
    data = data if isinstance(data, dict) else {}
    values: dict[str, Any] = {}
    invalid: set[str] = set()
    for name, info in model.model_fields.items():
        if name not in data:
            if info.is_required():
                invalid.add(name)
            values[name] = _empty(info)
            continue
        try:
            values[name] = _adapter(model, name).validate_python(data[name])
        except ValidationError:
            invalid.add(name)
            values[name] = _failed(info, data[name])
    obj = model.model_construct(**values)
    obj.__dict__[_INVALID] = frozenset(invalid)
    return obj
