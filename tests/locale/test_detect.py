"""The language of a manuscript nobody named (:mod:`compile_book.locale.detect`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book import api
from compile_book.diagnostics import Code
from compile_book.locale.detect import SAMPLE_CHARS, detect
from compile_book.nodes import Paragraph, plain_text
from compile_book.project import load_project

GERMAN = (
    "Das Schiff kam spät an diesem Abend. Niemand wusste, warum der Kapitän so lange "
    'gewartet hatte, und die Männer am Hafen sprachen leise miteinander. "Er kommt nicht '
    'mehr", sagte der alte Fischer und zog seine Mütze tiefer ins Gesicht. Die Frauen '
    "standen am Ufer und sahen auf das dunkle Wasser hinaus."
)
FRENCH = (
    "Le bateau était en retard ce soir-là. Personne ne savait pourquoi le capitaine avait "
    "attendu si longtemps, et les hommes du port parlaient à voix basse. Les femmes "
    "restaient sur la rive et regardaient l'eau sombre jusqu'à ce que les lumières du "
    "village s'éteignent une à une."
)
ENGLISH = (
    "The boat was late that evening. Nobody knew why the captain had waited so long, and "
    "the men on the quay spoke quietly among themselves. The women stood on the shore and "
    "looked out at the dark water until the lights of the village went out one by one."
)
RUSSIAN = (
    "Корабль пришёл поздно вечером. Никто не знал, почему капитан так долго ждал, и "
    "мужчины в порту тихо переговаривались. Женщины стояли на берегу и смотрели на тёмную "
    "воду, пока огни деревни не погасли один за другим."
)


@pytest.mark.parametrize(
    ("text", "language"), [(GERMAN, "de"), (FRENCH, "fr"), (RUSSIAN, "ru"), (ENGLISH, None)]
)
def test_a_paragraph_or_two_decides_among_the_languages_with_a_module(
    text: str, language: str | None
) -> None:
    assert detect(text) == language


def test_too_little_text_or_two_languages_half_and_half_decide_nothing() -> None:
    assert detect("Das Schiff kam spät.") is None
    assert detect(f"{GERMAN}\n{ENGLISH}\n{FRENCH}") is None


def test_control_characters_and_lone_surrogates_are_no_error() -> None:
    assert detect(GERMAN.replace(" ", "\x00 ", 3) + "\ud800\ufffe") == "de"


def test_only_the_sample_is_read() -> None:
    # English after the sample does not outvote the German before it.
    german = (GERMAN + "\n") * (SAMPLE_CHARS // len(GERMAN) + 1)
    assert detect(german + ENGLISH * 1000) == "de"


def test_a_lone_german_manuscript_is_set_as_german(tmp_path: Path) -> None:
    story = tmp_path / "geschichte.txt"
    story.write_text(f"Kapitel 1\n\n{GERMAN}\n\nKapitel 2\n\nAm Morgen war alles anders.\n")
    book = api.parse_project(load_project(story))
    assert book.meta.language == "de"
    assert len(book.chapters) == 2  # "Kapitel" read as a chapter heading
    first = book.chapters[0].blocks[0]
    assert isinstance(first, Paragraph) and "„Er kommt nicht mehr“" in plain_text(first.inlines)
    (said,) = [d for d in book.diagnostics if d.code == Code.LANGUAGE_DETECTED]
    assert said.file.endswith("geschichte.txt") and "'de'" in said.message


def test_what_book_toml_or_front_matter_says_wins(tmp_path: Path) -> None:
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "a.txt").write_text(f"Chapter 1\n\n{GERMAN}\n")
    (tmp_path / "book.toml").write_text('title = "T"\nlanguage = "en"\n')
    assert api.parse_project(load_project(tmp_path)).meta.language == "en"
    story = tmp_path / "story.md"
    story.write_text(f"---\nlang: fr\n---\n\n# Chapitre 1\n\n{GERMAN}\n")
    book = api.parse_project(load_project(story))
    assert book.meta.language == "fr"
    assert not [d for d in book.diagnostics if d.code == Code.LANGUAGE_DETECTED]


def test_a_language_the_caller_passes_is_kept() -> None:
    assert api.parse_text(f"Chapter 1\n\n{GERMAN}\n").meta.language == "en"


def test_a_short_first_file_lets_the_next_ones_decide(tmp_path: Path) -> None:
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "00 Widmung.txt").write_text("Für Anna.\n")
    (tmp_path / "manuscripts" / "01.txt").write_text(f"Kapitel 1\n\n{GERMAN}\n")
    (tmp_path / "book.toml").write_text('title = "Der Hafen"\n')
    assert api.parse_project(load_project(tmp_path)).meta.language == "de"


def test_a_short_text_is_known_by_its_headings() -> None:
    dutch = "Hoofdstuk 1\nHet was nacht.\nHoofdstuk 2\nHet regende.\n"
    assert detect(dutch) == "nl"
    assert detect("Capitolo primo\nEra notte.\nCapitolo secondo\nPioveva.\n") == "it"
    assert detect("# Rozdział 1\nByła noc.\n# Rozdział 2\nPadało.\n") == "pl"


def test_a_heading_word_two_languages_share_takes_the_detectors_best_guess() -> None:
    portuguese = "Capítulo I\nEra uma noite escura.\nCapítulo II\nNa manhã seguinte chovia.\n"
    assert detect(portuguese) == "pt"


def test_a_short_cyrillic_text_is_russian() -> None:
    assert detect("Глава 1\nБыла тёмная ночь.\nГлава 2\nШёл дождь.\n") == "ru"


def test_one_foreign_heading_or_an_english_one_decides_nothing() -> None:
    assert detect("Chapter 1\nIt was night.\nChapter 2\nIt rained.\n") is None
    assert detect("Kapitel 1\nIt was night.\nChapter 2\nIt rained.\n") is None
    # a long line starting with a heading word is prose, not a heading
    long_line = "Deel het brood met iedereen die je tegenkomt op straat vandaag, zei ze zacht."
    assert detect(f"{long_line}\n{long_line}\n") is None


def test_a_short_markdown_story_is_known_by_its_hashed_headings(tmp_path: Path) -> None:
    story = tmp_path / "verhaal.md"
    story.write_text("# Hoofdstuk 1\n\nHet was nacht.\n\n# Hoofdstuk 2\n\nHet regende.\n")
    book = api.parse_project(load_project(story))
    assert book.meta.language == "nl"
    assert [c.heading.label if c.heading else None for c in book.chapters] == ["Hoofdstuk"] * 2
