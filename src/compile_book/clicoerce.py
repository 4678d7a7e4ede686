"""Plain command-line values converted without pydantic.

Why: typer coerces every parameter through a pydantic ``TypeAdapter`` built on
first use. Importing pydantic and building an adapter per parameter costs more
processor time than compiling a short story, and most of compile-book's
parameters are paths, strings and flags, whose conversion is ``Path(text)``,
the text itself and the flag's own boolean. Those parameters get a converter of
their own here, paths checked by typer's own helper so the result is the same;
every other kind (choices, ranged numbers) keeps typer's coercion untouched.

This leans on typer's internal ``_runtime_param`` slot. When a typer release
renames it, :func:`install` changes nothing and typer coerces everything as
before: slower, never different.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, get_args, get_origin

try:  # typer's coercion layer (typer 0.20 and later)
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_path
except ImportError:  # pragma: no cover - an older typer: nothing to speed up
    RuntimeParam = None  # type: ignore[assignment,misc]

Convert = Callable[[Any, Any, Any], Any]


def _text(value: Any, param: Any, ctx: Any) -> Any:
    """A string parameter: the command line already gives text."""
    if isinstance(value, bytes):  # only from a test runner handing bytes in
        return value.decode("utf-8", "replace")
    return str(value)


# The words pydantic reads as booleans (typer's own coercion goes through it).
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _flag(value: Any, param: Any, ctx: Any) -> Any:
    """A boolean: a flag gives True or False; text reads as typer reads it."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE or word == "":
        return False
    raise BadParameter("Input should be a valid boolean, unable to interpret input", ctx, param)


def _path(value: Any, param: Any, ctx: Any) -> Any:
    """A path parameter: checked by typer's own helper (``-`` and path options kept),
    given a ``Path`` already so that the helper builds no pydantic adapter for it."""
    if isinstance(value, str):
        value = Path(value)
    info = param.type_descriptor.parameter_info
    return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)


def _plain(annotation: Any, info: Any) -> Convert | None:
    """The converter for a plain annotation, or None to leave it to typer."""
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return None
    if annotation is str:
        return _text
    if annotation is Path:
        return _path
    if annotation is bool:
        return _flag
    return None


def _runtime(annotation: Any, info: Any) -> Any:
    """A typer runtime parameter converting ``annotation``, or None."""
    one = _plain(annotation, info)
    many: Convert | None = None
    if one is None and get_origin(annotation) is list:
        (inner,) = get_args(annotation)
        item = _plain(inner, info)
        if item is not None:

            def many(value: Any, param: Any, ctx: Any) -> Any:
                values = value if isinstance(value, list | tuple) else [value]
                return [item(v, param, ctx) for v in values]

    convert = one or many
    if convert is None:
        return None
    return _Plain(parameter_info=info, annotation=annotation, convert=convert)


if RuntimeParam is not None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class _Plain(RuntimeParam):
        """A typer runtime parameter whose conversion needs no pydantic."""

        convert: Convert

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return self.convert(value, param, ctx)


def _commands(command: Any) -> Iterable[Any]:
    """The command and every subcommand under it (typer's click-like objects)."""
    yield command
    for sub in (getattr(command, "commands", None) or {}).values():
        yield from _commands(sub)


def _give(param: Any) -> None:
    """Set ``param``'s converter when it is plain and typer has not built one yet."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", False) is not None:
        return
    runtime = _runtime(descriptor.annotation, descriptor.parameter_info)
    if runtime is not None:
        param._runtime_param = runtime


def install(command: Any) -> Any:
    """Give ``command``'s plain parameters (and its subcommands') pydantic-free converters.

    The ``--help`` option is made per command on first use, so each command's
    maker is wrapped to convert that flag too.
    """
    if RuntimeParam is None:
        return command
    for cmd in _commands(command):
        for param in cmd.params:
            _give(param)
        make_help = cmd.get_help_option

        def get_help_option(ctx: Any, make_help: Any = make_help) -> Any:
            option = make_help(ctx)
            if option is not None:
                _give(option)
            return option

        cmd.get_help_option = get_help_option
    return command
