"""A ``typst`` command for pandoc's ``--pdf-engine=typst``, backed by the PyPI ``typst`` package.

There is no Typst CLI on PyPI, so ``bench/run.py`` installs this file as
``bench/out/bin/typst`` (with the venv's Python in its ``#!`` line) and puts
that folder first on PATH for pandoc's PDF run only. Both PDF pipelines then
use the very same Typst library.

pandoc 3.x calls ``typst compile ./INPUT.typ ./OUTPUT.pdf`` from the working
folder. This shim takes that form, plus the CLI options pandoc can pass through
``--pdf-engine-opt`` that map onto ``typst.compile`` (``--root``,
``--font-path``, ``--input key=value``, ``--ignore-system-fonts``,
``--pdf-standard``), ``-`` for stdin/stdout, and ``--version``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="typst", description=__doc__)
    parser.add_argument("--version", "-V", action="store_true")
    sub = parser.add_subparsers(dest="command")
    for name in ("compile", "c"):
        c = sub.add_parser(name)
        c.add_argument("input")
        c.add_argument("output", nargs="?")
        c.add_argument("--root")
        c.add_argument("--font-path", action="append", default=[])
        c.add_argument("--input", dest="inputs", action="append", default=[])
        c.add_argument("--ignore-system-fonts", action="store_true")
        c.add_argument("--pdf-standard", action="append", default=[])
        c.add_argument("--format", "-f", choices=("pdf", "png", "svg", "html"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import typst

    if args.version:
        from importlib.metadata import version

        print(f"typst {version('typst')} (python package shim)")
        return 0
    if args.command not in ("compile", "c"):
        print("typst shim: only `typst compile` is supported", file=sys.stderr)
        return 2
    if log := os.environ.get("TYPST_SHIM_LOG"):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(" ".join(["typst", *(argv if argv is not None else sys.argv[1:])]) + "\n")

    source: str | bytes = sys.stdin.buffer.read() if args.input == "-" else args.input
    if args.output is None:
        if args.input == "-":
            print("typst shim: an output path is required when reading stdin", file=sys.stderr)
            return 2
        output = str(Path(args.input).with_suffix(".pdf"))
    else:
        output = args.output
    inputs = dict(item.split("=", 1) for item in args.inputs if "=" in item)
    root = args.root if args.root is not None else ("." if args.input == "-" else None)
    try:
        result = typst.compile(
            source,
            output=None if output == "-" else output,
            root=root,
            font_paths=list(args.font_path),
            ignore_system_fonts=args.ignore_system_fonts,
            format=args.format,
            sys_inputs=inputs,
            pdf_standards=list(args.pdf_standard),
        )
    except typst.TypstError as exc:
        print(f"error: {exc.message}\n{exc.diagnostic}", file=sys.stderr)
        return 1
    except RuntimeError as exc:  # older wheels raise plain RuntimeError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if output == "-" and isinstance(result, bytes):
        sys.stdout.buffer.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
