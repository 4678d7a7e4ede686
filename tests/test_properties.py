"""No prose is ever lost: a property over generated manuscripts mixing every convention.

Hypothesis writes manuscripts the way writers type them (paragraph styles,
headings, title/by lines, scene breaks, telepathy braces and tags, emphasis,
straight quotes, dashes, ellipses, encodings, line endings) from a model that
knows the words it used. The words must come out of the tree, out of the
EPUB's chapter documents and out of the PDF read back, in the same order.
"""

from __future__ import annotations

import re
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from compile_book.backends.epub import write_epub
from compile_book.config import BookConfig
from compile_book.nodes import Book, Paragraph, plain_text
from compile_book.parser import ManuscriptSource, parse_sources

WORD_RE = re.compile(r"[^\W_]+")

VOCABULARY = (
    "the a and of to in he she it was had they said night sea lamp bell rain "
    "harbour boat Nell Kit Mira Tom walked ran looked quiet dark cold old "
    "stone water light storm slowly never always again twice 1990-1995 42 "
    "don't can't it's o'clock half-ducked well-known 'tis 'em rock-'n'-roll "
    "'ad 'earty 'Frisco goin' 1939--1945 B---- ----shire"
).split()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.casefold())


@dataclass
class Model:
    """A manuscript: its raw bytes and the words a reader must get back, in order."""

    raw: str = ""
    expected: list[str] = field(default_factory=list)


@st.composite
def sentence(draw: st.DrawFn) -> tuple[str, list[str]]:
    ws = draw(st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=14))
    ws[0] = ws[0][:1].upper() + ws[0][1:]
    style = draw(st.sampled_from(["plain", "quote", "tele", "tag", "em", "under", "strong"]))
    dash = draw(st.sampled_from(["", " - ", " -- ", "--", "- "]))
    end = draw(st.sampled_from([".", "!", "?", "...", ". . .", ""]))
    cut = draw(st.integers(1, len(ws) - 1))
    head, tail = " ".join(ws[:cut]), " ".join(ws[cut:])
    body = f"{head}{dash}{tail}" if dash else f"{head} {tail}"
    if style == "quote":
        text = f'"{body}{end}" {draw(st.sampled_from(["she said.", "he asked."]))}'
        extra = words(text.split('" ', 1)[1])
        return text, words(body) + extra
    if style == "tele":
        return f"{{{body}{end}}}", words(body)
    if style == "tag":
        return f"<telepathic>{body}{end}</telepathic>", words(body)
    if style == "em":
        return f"*{head}* {tail}{end}", words(body)
    if style == "under":
        return f"_{head}_ {tail}{end}", words(body)
    if style == "strong":
        return f"**{head}** {tail}{end}", words(body)
    return f"{body}{end}", words(body)


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    parts = draw(st.lists(sentence(), min_size=1, max_size=5))
    return " ".join(p for p, _ in parts), [w for _, ws in parts for w in ws]


HEADINGS = [
    "Chapter {n}",
    "CHAPTER {roman}.",
    "Chapter {word}",
    "Chapter {n}: The {t}",
    "Chapter {n} - The {t}",
    "Prologue",
    "Epilogue",
    "Interlude",
    "Part {word}",
    "Part {roman}: The {t}",
    "## Chapter {n}",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
NUMBER_WORDS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
BREAKS = ["***", "* * *", "#", "~~~~~", "---", "⁂", "o0o", "-x-x-x-", "•••"]


@st.composite
def manuscript(draw: st.DrawFn) -> Model:
    model = Model()
    lines: list[str] = []
    if draw(st.booleans()):
        title = draw(st.sampled_from(["The Lantern Keeper", "Salt", "Harbour Lights"]))
        lines += [title, ""]
        model.expected += words(title)
        if draw(st.booleans()):
            lines += ["by Ada Quill", ""]
            model.expected += ["ada", "quill"]
    style = draw(st.sampled_from(["per-line", "blank", "wrapped", "indented"]))
    n_sections = draw(st.integers(1, 4))
    for k in range(n_sections):
        if draw(st.booleans()):
            pattern = draw(st.sampled_from(HEADINGS))
            i = draw(st.integers(1, 10))
            heading = pattern.format(
                n=i,
                roman=ROMAN[i - 1],
                word=NUMBER_WORDS[i - 1],
                t=draw(st.sampled_from(["Fall", "Long Night", "Bell Road"])),
            )
            lines += [heading, ""]
            model.expected += words(heading.lstrip("#"))
        paras = draw(st.lists(paragraph(), min_size=1, max_size=5))
        for j, (text, ws) in enumerate(paras):
            if j and draw(st.integers(0, 5)) == 0:
                lines += [draw(st.sampled_from(BREAKS)), ""]
            model.expected += ws
            if style == "per-line":
                lines.append(text)
            elif style == "blank":
                lines += [text, ""]
            elif style == "wrapped":
                wrapped = textwrap.wrap(text, 72, break_long_words=False, break_on_hyphens=False)
                lines += [*wrapped, ""]
            else:
                wrapped = textwrap.wrap(text, 66, break_long_words=False, break_on_hyphens=False)
                lines += ["\t" + wrapped[0], *wrapped[1:]]
        lines.append("")
        del k
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    model.raw = newline.join(lines)
    return model


def tree_words(book: Book) -> list[str]:
    out: list[str] = []
    if book.meta.title and any(d.code == "N021" for d in book.diagnostics):
        out += words(book.meta.title)
    if any(d.code == "N022" for d in book.diagnostics):
        out += [w for a in book.meta.authors for w in words(a)]
    for part in book.parts:
        if part.heading is not None:
            out += _heading_words(part.heading)
        for chapter in part.chapters:
            if chapter.heading is not None:
                out += _heading_words(chapter.heading)
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    out += words(plain_text(block.inlines))
    return out


def _heading_words(heading) -> list[str]:  # type: ignore[no-untyped-def]
    text = " ".join(
        x
        for x in (
            heading.label,
            heading.number_text,
            plain_text(heading.title),
            plain_text(heading.subtitle),
        )
        if x
    )
    return words(text)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]


@settings(max_examples=110, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=manuscript(), encoding=st.sampled_from(ENCODINGS))
def test_no_word_is_lost_in_the_tree(model: Model, encoding: str) -> None:
    try:
        data = model.raw.encode(encoding)
    except UnicodeEncodeError:  # ⁂ has no Windows-1252 byte
        data = model.raw.encode("utf-8")
    book = parse_sources([ManuscriptSource("story.txt", data)])
    assert tree_words(book) == model.expected


def xpath(node: Any, path: str, **kwargs: Any) -> list[Any]:
    """lxml's xpath, typed as the list of nodes or strings these queries return."""
    result: list[Any] = node.xpath(path, **kwargs)
    return result


def _epub_body_words(path: Path) -> list[str]:
    """Words of the part and chapter documents, in spine order."""
    ns = {
        "opf": "http://www.idpf.org/2007/opf",
        "x": "http://www.w3.org/1999/xhtml",
        "epub": "http://www.idpf.org/2007/ops",
    }
    with zipfile.ZipFile(path) as z:
        container = etree.fromstring(z.read("META-INF/container.xml"))
        opf_path = str(xpath(container, "//*[local-name()='rootfile']/@full-path")[0])
        opf = etree.fromstring(z.read(opf_path))
        base = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
        hrefs = {
            i.get("id"): i.get("href") for i in xpath(opf, "//opf:manifest/opf:item", namespaces=ns)
        }
        out: list[str] = []
        for ref in xpath(opf, "//opf:spine/opf:itemref/@idref", namespaces=ns):
            doc = etree.fromstring(z.read(base + str(hrefs[ref])))
            for section in xpath(
                doc,
                "//x:section[@epub:type='chapter' or @epub:type='prologue' or "
                "@epub:type='epilogue' or @epub:type='part']",
                namespaces=ns,
            ):
                out += words("".join(section.itertext()))
    return out


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(model=manuscript())
def test_no_word_is_lost_in_the_epub(model: Model, tmp_path: Path) -> None:
    book = parse_sources([ManuscriptSource("story.txt", model.raw.encode())])
    out = tmp_path / "book.epub"
    write_epub(book, out, BookConfig())
    expected = tree_words(book)
    # Title and by-lines go to the title page, not the chapters.
    skip = 0
    if any(d.code == "N021" for d in book.diagnostics):
        skip += len(words(book.meta.title))
    if any(d.code == "N022" for d in book.diagnostics):
        skip += sum(len(words(a)) for a in book.meta.authors)
    assert _epub_body_words(out) == expected[skip:]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(model=manuscript())
def test_no_word_is_lost_in_the_pdf(model: Model, tmp_path: Path) -> None:
    import pypdf

    from compile_book.backends.pdf import write_pdf
    from tests.writers import pdfread as pdfcheck

    book = parse_sources([ManuscriptSource("story.txt", model.raw.encode())])
    out = tmp_path / "book.pdf"
    write_pdf(book, out, BookConfig())
    reader = pypdf.PdfReader(out)
    got = pdfcheck.norm_words(pdfcheck.body_text(reader, book))
    # Compared as one run of letters: a hyphen a writer typed before a space ("Had- to")
    # may end a PDF line, and read back it cannot be told from a word broken there.
    assert "".join(got) == "".join(pdfcheck.book_words(book))
