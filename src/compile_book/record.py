"""``@record``: a frozen, slotted dataclass that costs a third as much to define.

Why: the tree, the events and the rules define about 130 frozen dataclasses, and
on Python 3.11 ``@dataclass(frozen=True, slots=True)`` compiles six methods one
``exec`` at a time for each: 1.7 ms a class, a fifth of a small build's start-up.
``record`` lets the standard library collect the fields (so ``fields``,
``replace``, ``asdict`` and pattern matching work as ever), then writes the
methods that depend on the fields in one ``exec`` and shares the ones that do
not. Instances behave as the frozen dataclass's would: equal by value (same
class only), hashable, immutable, readable ``repr``, picklable and copyable.

One difference shows: ``__dataclass_params__`` says ``frozen=False`` (the standard
library must not write the frozen methods), so a record and a standard frozen
dataclass cannot inherit from each other; records inherit from records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_SET = object.__setattr__


def _refuse_set(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]  # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=True):  # type: ignore[arg-type]
        _SET(self, f.name, value)


#: The methods every record shares: immutability, and pickling past it.
_SHARED: dict[str, Callable[..., Any]] = {
    "__setattr__": _refuse_set,
    "__delattr__": _refuse_delete,
    "__getstate__": _getstate,
    "__setstate__": _setstate,
}


class _Factory:
    """Marks a parameter left out, whose default comes from a factory."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _Factory()


def _init(fs: list[Field[Any]], space: dict[str, object]) -> str:
    params: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for f in fs:
        name = f.name
        if f.default is not MISSING:
            space[f"_d_{name}"] = f.default
            default, value = f"=_d_{name}", name
        elif f.default_factory is not MISSING:
            space[f"_f_{name}"] = f.default_factory
            default, value = "=_HAS_FACTORY", f"_f_{name}() if {name} is _HAS_FACTORY else {name}"
        else:
            default, value = "", name
        if not f.init:
            if f.default is not MISSING:
                body.append(f"_SET(self, {name!r}, _d_{name})")
            elif f.default_factory is not MISSING:
                body.append(f"_SET(self, {name!r}, _f_{name}())")
            continue
        (keyword if f.kw_only else params).append(f"{name}{default}")
        body.append(f"_SET(self, {name!r}, {value})")
    signature = ", ".join(["self", *params, *(["*", *keyword] if keyword else [])])
    return f"def __init__({signature}):\n    " + ("\n    ".join(body) or "pass")


def _source(cls: type, fs: list[Field[Any]], space: dict[str, object]) -> str:
    compared = [f.name for f in fs if f.compare]
    hashed = [f.name for f in fs if (f.compare if f.hash is None else f.hash)]
    shown = [f.name for f in fs if f.repr]

    def values(of: str, names: list[str]) -> str:
        return "(" + "".join(f"{of}.{n}," for n in names) + ")"

    init = _init(fs, space)
    if hasattr(cls, "__post_init__"):
        init += "\n    self.__post_init__()"
    parts = ", ".join(f"{n}={{self.{n}!r}}" for n in shown)
    return "\n".join(
        [
            init,
            "def __repr__(self):",
            f"    return f'{{self.__class__.__qualname__}}({parts})'",
            "def __eq__(self, other):",
            "    if other.__class__ is self.__class__:",
            f"        return {values('self', compared)} == {values('other', compared)}",
            "    return NotImplemented",
            "def __hash__(self):",
            f"    return hash({values('self', hashed)})",
        ]
    )


#: The methods written from the fields, on first use.
_WRITTEN = ("__init__", "__repr__", "__eq__", "__hash__")


def _own(cls: type, name: str) -> bool:
    """Whether the class body wrote ``name`` itself (then it stays, as with dataclass)."""
    own = cls.__dict__
    if name == "__hash__":
        # A body that writes __eq__ gets __hash__ = None from Python, not from its author.
        return "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    return name in own


def _write(cls: type) -> None:
    """Compile the field-dependent methods of ``cls`` (one ``exec``) and put them in place."""
    fs = list(dataclasses.fields(cls))
    space: dict[str, object] = {"_SET": _SET, "_HAS_FACTORY": _HAS_FACTORY}
    made: dict[str, Any] = {}
    exec(_source(cls, fs, space), space, made)
    for name in _WRITTEN:
        if getattr(cls.__dict__.get(name), "_stub_of", None) is cls:
            made[name].__qualname__ = f"{cls.__qualname__}.{name}"
            made[name].__module__ = cls.__module__
            setattr(cls, name, made[name])


def _stub(cls: type, name: str) -> Callable[..., Any]:
    """A method that writes the class's methods on its first call, then calls the real one.

    Why: a build uses only some of the classes it imports; the others never pay.
    """

    def stub(self: object, *args: object, **kwargs: object) -> Any:
        if getattr(cls.__dict__.get(name), "_stub_of", None) is cls:
            _write(cls)
        return cls.__dict__[name](self, *args, **kwargs)

    stub._stub_of = cls  # type: ignore[attr-defined]
    stub.__name__ = name
    stub.__qualname__ = f"{cls.__qualname__}.{name}"
    return stub


def _check(cls: type) -> None:
    """Refuse at definition what ``@dataclass`` refuses there, and what ``@record``
    cannot honour (so a mistake never surfaces at the first instance instead)."""
    name = cls.__qualname__
    fields = getattr(cls, "__dataclass_fields__", {})
    kept = {f.name for f in dataclasses.fields(cls)}
    if any("InitVar" in str(f.type) for f in fields.values() if f.name not in kept):
        raise TypeError(f"{name}: @record does not take InitVar fields")
    clash = sorted(n for n in _SHARED if n in cls.__dict__)
    if clash:
        raise TypeError(f"{name}: @record writes {', '.join(clash)} itself")
    defaulted = None
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if defaulted and not has_default:
            raise TypeError(f"{name}: non-default argument {f.name!r} follows default argument")
        defaulted = defaulted or has_default


def _finish(cls: type) -> type:
    _check(cls)
    for name in _WRITTEN:
        if not _own(cls, name):
            setattr(cls, name, _stub(cls, name))
    for name, method in _SHARED.items():
        setattr(cls, name, method)
    return cls


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, Field))
def record(
    cls: type[T] | None = None, /, *, kw_only: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Make ``cls`` a frozen, slotted dataclass (``kw_only`` as for ``dataclass``)."""

    def wrap(c: type[T]) -> type[T]:
        made = dataclasses.dataclass(
            c, init=False, repr=False, eq=False, slots=True, kw_only=kw_only
        )
        return _finish(made)

    return wrap if cls is None else wrap(cls)
