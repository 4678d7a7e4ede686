"""Deterministic benchmark corpora built from the seed manuscripts.

A corpus is one long novel: the seeds' prose paragraphs, in seed order and
repeated as often as needed (each pass after the first with its words varied,
:func:`_varied`), cut into chapters of 2,500-5,000 words with
``Chapter N`` heading lines and an occasional scene break. The seeds' own
conventions are kept as typed (straight quotes, `` - `` dashes, ``{telepathy}``
braces, split paragraphs); scene breaks alternate between ``~~~~~`` and ``***``.

The same text is written three ways, so every tool reads the same words:

* ``<name>.txt``: the manuscript compile-book reads (blank-line paragraphs);
* ``<name>.md``: the Markdown pandoc reads (``# Chapter N``, ``* * *`` breaks,
  braces left as text);
* ``<name>-chapters/manuscripts/chapter-NNN.txt``: one file per chapter, for the
  rebuild-after-one-edit workload.

Nothing here reads the clock or the environment: the same seeds and size always
give byte-identical files.
"""

from __future__ import annotations

import bisect
import os
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The seeds folder: ``$BENCH_SEEDS`` when set, else beside the checkout
#: (``../shared/seeds`` from the repository root).
SEEDS_DIR = Path(
    os.environ.get("BENCH_SEEDS") or Path(__file__).resolve().parents[2] / "shared" / "seeds"
)

# Chapter and scene lengths in words; the issue asks for chapters of 2.5k-5k words.
CHAPTER_MIN_WORDS = 2_500
CHAPTER_MAX_WORDS = 5_000
SCENE_MIN_WORDS = 900
SCENE_MAX_WORDS = 2_200
# A scene break is never placed this close to the end of a chapter.
SCENE_TAIL_WORDS = 400

TXT_SCENE_BREAKS = ("~~~~~", "***")
MD_SCENE_BREAK = "* * *"

# Lines made only of punctuation are scene breaks in the seeds (`---`, `~~~~~`, `***`).
_BREAK_LINE_RE = re.compile(r"[\s*~#=_\-]+")
# A seed's leading lines of this many words or fewer are its title and heading lines.
_HEADING_MAX_WORDS = 5
# A break goes only before a paragraph that opens like a sentence, so a paragraph the
# writer split across a blank line (second half in lower case) stays together.
_SENTENCE_START_RE = re.compile(r"[\"'A-Z0-9{(…]")
# A lower-case word the later passes over the seeds may exchange for another of its length.
_PLAIN_WORD_RE = re.compile(r"\b[a-z]{3,}\b")
# A word is a whitespace-separated token with a letter or digit in it, so markup
# (`#`, `* * *`, `~~~~~`) and spaced dashes (` - `) count for nothing.
_WORD_RE = re.compile(r"\S*[^\W_]\S*")


@dataclass(frozen=True, slots=True)
class Corpus:
    """Paths and counts of one generated corpus."""

    name: str
    txt: Path
    md: Path
    chapters_dir: Path
    words: int
    chapters: int
    scene_breaks: int

    @property
    def title(self) -> str:
        """The title compile-book derives from the file name, for pandoc's metadata."""
        return " ".join(w[:1].upper() + w[1:] for w in self.name.split("-"))


def parse_size(text: str) -> int:
    """``100k`` -> 100000, ``1m`` -> 1000000, ``2500`` -> 2500."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([km]?)\s*", text.lower())
    if m is None:
        raise ValueError(f"not a size: {text!r} (use e.g. 100k, 1m, 2500)")
    scale = {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2)]
    words = int(float(m.group(1)) * scale)
    if words < 1:
        raise ValueError(f"size must be at least one word: {text!r}")
    return words


def size_label(words: int) -> str:
    """100000 -> ``100k``, 1000000 -> ``1m``."""
    if words % 1_000_000 == 0:
        return f"{words // 1_000_000}m"
    if words % 1_000 == 0:
        return f"{words // 1_000}k"
    return str(words)


def word_count(text: str) -> int:
    """Words of prose and headings; scene-break and heading markup count for nothing."""
    return len(_WORD_RE.findall(text))


def seed_paragraphs(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Every prose paragraph of every seed, in file order, as the writer typed it."""
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no seed manuscripts (*.txt) in {seeds_dir}")
    out: list[str] = []
    for path in files:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        lines = [ln.strip() for ln in text.splitlines()]
        prose = [ln for ln in lines if ln and not _BREAK_LINE_RE.fullmatch(ln)]
        # Drop the title/chapter lines that open some seeds: we write our own headings.
        while prose and len(prose[0].split()) <= _HEADING_MAX_WORDS:
            prose.pop(0)
        out.extend(prose)
    return out


def _cycle(items: Sequence[str]) -> Iterator[str]:
    while True:
        yield from items


def _passes(paragraphs: Sequence[str], seed: int) -> Iterator[str]:
    """The seeds' paragraphs over and over, each pass after the first varied (:func:`_varied`).

    Why vary: the seeds hold about 21,000 words, so a 100,000-word corpus would
    repeat each paragraph five times, and Typst lays an identical paragraph out
    once and reuses it. A single Typst run over the whole book (pandoc's) then
    did a fifth of the work a real novel needs, while a run whose paragraphs
    each carry a marker (compile-book's facing-page measuring) did all of it.
    No novel repeats its paragraphs, so no pass repeats another's.
    """
    vocabulary: dict[int, list[str]] = {}
    for paragraph in paragraphs:
        for word in _PLAIN_WORD_RE.findall(paragraph):
            vocabulary.setdefault(len(word), []).append(word)
    words = {length: sorted(set(found)) for length, found in vocabulary.items()}
    yield from paragraphs
    turn = 1
    while True:
        rng = random.Random(seed + turn)
        swaps = {length: rng.sample(found, len(found)) for length, found in words.items()}
        yield from (_varied(paragraph, words, swaps) for paragraph in paragraphs)
        turn += 1


def _varied(paragraph: str, words: dict[int, list[str]], swaps: dict[int, list[str]]) -> str:
    """`paragraph` with each lower-case word but its first exchanged for another of the
    same length (one fixed exchange per pass): the same word count, quotes, dashes,
    capitals and line lengths, so the text sets like the seeds' without repeating them."""

    opening = re.search(r"[^\W\d_]+", paragraph)
    first = opening.start() if opening else -1

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if match.start() == first:
            return word  # a paragraph's opening word could start a heading line
        return swaps[len(word)][bisect.bisect_left(words[len(word)], word)]

    return _PLAIN_WORD_RE.sub(swap, paragraph)


@dataclass(frozen=True, slots=True)
class _Block:
    """One chapter: its number and its items (a paragraph, or None for a scene break)."""

    number: int
    items: tuple[str | None, ...]


def _chapters(paragraphs: Sequence[str], target_words: int, seed: int) -> list[_Block]:
    """Cut the cycled paragraphs into chapters totalling about ``target_words`` words."""
    rng = random.Random(seed)
    source = _passes(paragraphs, seed)
    pending = next(source)
    blocks: list[_Block] = []
    total = 0
    while total < target_words:
        remaining = target_words - total
        length = rng.randint(CHAPTER_MIN_WORDS, CHAPTER_MAX_WORDS)
        # Keep every chapter, the last one included, within the 2.5k-5k range when the
        # target allows it.
        if remaining <= CHAPTER_MAX_WORDS:
            length = remaining
        elif remaining - length < CHAPTER_MIN_WORDS:
            length = remaining - CHAPTER_MIN_WORDS
        items: list[str | None] = []
        words = 0
        since_break = 0
        scene = rng.randint(SCENE_MIN_WORDS, SCENE_MAX_WORDS)
        while words < length:
            para = pending
            pending = next(source)
            items.append(para)
            n = len(para.split())
            words += n
            since_break += n
            if (
                since_break >= scene
                and length - words > SCENE_TAIL_WORDS
                and _SENTENCE_START_RE.match(pending)
            ):
                items.append(None)
                since_break = 0
                scene = rng.randint(SCENE_MIN_WORDS, SCENE_MAX_WORDS)
        total += words
        blocks.append(_Block(len(blocks) + 1, tuple(items)))
    return blocks


def _render_txt(block: _Block, breaks: Iterator[str]) -> str:
    parts = [f"Chapter {block.number}"]
    parts += [item if item is not None else next(breaks) for item in block.items]
    return "\n\n".join(parts) + "\n"


def _render_md(block: _Block) -> str:
    parts = [f"# Chapter {block.number}"]
    parts += [item if item is not None else MD_SCENE_BREAK for item in block.items]
    return "\n\n".join(parts) + "\n"


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def generate(
    target_words: int, out_dir: Path, seeds_dir: Path = SEEDS_DIR, *, seed: int = 20250314
) -> Corpus:
    """Write ``bench-<size>.txt``, ``.md`` and the per-chapter folder into ``out_dir``."""
    paragraphs = seed_paragraphs(seeds_dir)
    blocks = _chapters(paragraphs, target_words, seed)
    name = f"bench-{size_label(target_words)}"
    out_dir.mkdir(parents=True, exist_ok=True)

    txt_breaks = _cycle(TXT_SCENE_BREAKS)
    txt_chapters = [_render_txt(b, txt_breaks) for b in blocks]
    txt = "\n".join(txt_chapters)
    md = "\n".join(_render_md(b) for b in blocks)

    txt_path = out_dir / f"{name}.txt"
    md_path = out_dir / f"{name}.md"
    _write_if_changed(txt_path, txt)
    _write_if_changed(md_path, md)

    chapters_dir = out_dir / f"{name}-chapters"
    manuscripts = chapters_dir / "manuscripts"
    manuscripts.mkdir(parents=True, exist_ok=True)
    wanted = {
        f"chapter-{b.number:04d}.txt": text for b, text in zip(blocks, txt_chapters, strict=True)
    }
    for stale in manuscripts.glob("*.txt"):
        if stale.name not in wanted:
            stale.unlink()
    for filename, text in wanted.items():
        _write_if_changed(manuscripts / filename, text)

    return Corpus(
        name=name,
        txt=txt_path,
        md=md_path,
        chapters_dir=chapters_dir,
        words=word_count(txt),
        chapters=len(blocks),
        scene_breaks=sum(item is None for b in blocks for item in b.items),
    )
