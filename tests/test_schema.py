"""``compile-book schema``: the JSON Schema of book.toml, from the pydantic models."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import compile_book
from compile_book.cli import app
from compile_book.config import BookConfig, json_schema
from tests.paths import ROOT
from tests.projects import run_module

runner = CliRunner()


def test_stdout_is_the_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json_schema() == compile_book.schema()
    assert schema["$schema"].startswith("http://json-schema.org/")
    assert schema["additionalProperties"] is False  # typos are caught by editors too
    assert set(schema["properties"]) == set(BookConfig.model_fields)


def test_nested_tables_are_described() -> None:
    schema = json_schema()
    pdf = schema["$defs"]["PdfConfig"]
    assert "trim" in pdf["properties"]
    assert "5.5x8.5" in pdf["properties"]["trim"]["enum"]
    assert schema["properties"]["language"]["description"]


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "book.schema.json"
    result = runner.invoke(app, ["schema", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema()
    # A missing folder is created (as build creates build/); a file in the way is an error.
    made = runner.invoke(app, ["schema", "-o", str(tmp_path / "missing" / "x.json")])
    assert made.exit_code == 0
    bad = runner.invoke(app, ["schema", "-o", str(out / "x.json")])
    assert bad.exit_code == 2
    assert "cannot write" in bad.stderr


def test_sample_book_keys_are_in_the_schema() -> None:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout yet")
    data = tomllib.loads((ROOT / "book.toml").read_text(encoding="utf-8"))
    schema = json_schema()
    assert set(data) <= set(schema["properties"])
    for table in ("pdf", "series", "typography", "telepathy"):
        if table in data:
            ref = table.capitalize() + "Config"
            assert set(data[table]) <= set(schema["$defs"][ref]["properties"]), table


def test_readme_shows_editor_setup() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "#:schema ./book.schema.json" in readme
    assert "evenBetterToml.schema.associations" in readme
    assert "compile-book schema" in readme


def test_subprocess() -> None:
    proc = run_module("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == json_schema()
