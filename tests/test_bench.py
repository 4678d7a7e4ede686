"""The benchmark's corpus generator: same words in the .txt and the .md, deterministic.

Only the generator is tested, on a small size; benchmarks are never timed tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.paths import SEEDS
from tests.paths import corpus_gen as load_corpus_gen


@pytest.fixture(scope="module")
def corpus_gen() -> ModuleType:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return load_corpus_gen()


def test_txt_and_md_carry_the_same_words(corpus_gen: ModuleType, tmp_path: Path) -> None:
    corpus = corpus_gen.generate(12_000, tmp_path, SEEDS)
    txt = corpus.txt.read_text("utf-8")
    md = corpus.md.read_text("utf-8")
    assert corpus_gen.word_count(txt) == corpus_gen.word_count(md) == corpus.words
    assert 12_000 <= corpus.words < 12_500
    assert re.findall(r"(?m)^Chapter (\d+)$", txt) == re.findall(r"(?m)^# Chapter (\d+)$", md)
    assert corpus.chapters == len(re.findall(r"(?m)^Chapter \d+$", txt)) >= 3
    chapter_files = sorted((corpus.chapters_dir / "manuscripts").glob("*.txt"))
    assert "\n".join(p.read_text("utf-8") for p in chapter_files) == txt


def test_generation_is_deterministic(corpus_gen: ModuleType, tmp_path: Path) -> None:
    a = corpus_gen.generate(6_000, tmp_path / "a", SEEDS)
    b = corpus_gen.generate(6_000, tmp_path / "b", SEEDS)
    assert a.txt.read_bytes() == b.txt.read_bytes()
    assert a.md.read_bytes() == b.md.read_bytes()


def test_sizes_parse(corpus_gen: ModuleType) -> None:
    assert corpus_gen.parse_size("100k") == 100_000
    assert corpus_gen.parse_size("1m") == 1_000_000
    assert corpus_gen.size_label(1_000_000) == "1m"


def test_no_paragraph_is_a_copy_of_another_pass(corpus_gen: ModuleType, tmp_path: Path) -> None:
    # The seeds hold about 21,000 words: a longer corpus goes over them again with its
    # words varied, so Typst cannot lay a paragraph out once and reuse it.
    corpus = corpus_gen.generate(50_000, tmp_path, SEEDS)
    paragraphs = [p for p in corpus.txt.read_text("utf-8").split("\n\n") if len(p.split()) > 12]
    assert len(set(paragraphs)) == len(paragraphs)
    seeds = set(corpus_gen.seed_paragraphs(SEEDS))
    assert 0 < sum(p in seeds for p in paragraphs) < len(paragraphs) / 2
