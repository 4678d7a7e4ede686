"""The Kobo kepub writer: kepubify's rules, the EPUB's text kept exactly, EPUBCheck.

The sentence cut and the span markup are checked against kepubify's own test
cases (``kepub/transform_test.go``) and, as properties, against a line-by-line
port of its state machine over arbitrary text. The written kepub is checked
against the EPUB the same book makes: take Kobo's markup out and every
document is the EPUB's (canonical XML). EPUBCheck accepts all of Kobo's markup:
no message is filtered, the kepub must be as clean as the EPUB.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from compile_book import api, writers
from compile_book.cli import app
from compile_book.nodes import Book
from compile_book.writers import kepub
from compile_book.writers.epub import EpubOptions
from compile_book.writers.epub.documents import build_documents
from compile_book.writers.kepub.markup import (
    KOBO_CSS,
    add_spans,
    kobo_document,
)
from compile_book.writers.kepub.sentences import is_space, split_sentences
from compile_book.writers.xhtml import serialise
from tests.epubcheck import run_epubcheck
from tests.paths import ROOT
from tests.projects import make_project
from tests.trees import book, chapter, em, heading, para
from tests.writers import finished
from tests.writers.pdfread import book_words, norm_words
from tests.writers.test_epub_blocks import every_node_book

H = "http://www.w3.org/1999/xhtml"
NS = {"h": H}
_KOBO_ID = "kobo."

# --------------------------------------------------------------------------- kepubify's oracle


def kepubify_split(text: str) -> list[str]:
    """kepubify's ``splitSentences`` state machine, transliterated (the test's oracle)."""
    punct, extra, space = ".!?", "'\"\u201d\u2019\u201c\u2026", "\t\n\f\r "
    out: list[str] = []
    state, start = "default", 0
    for i, char in enumerate(text):
        kind = (
            "punct"
            if char in punct
            else "extra"
            if char in extra
            else "space"
            if char in space
            else "any"
        )
        if state == "after_space" and kind != "space":
            out.append(text[start:i])
            start = i
        if kind == "punct":
            state = "after_punct"
        elif kind == "extra":
            state = "after_extra" if state == "after_punct" else "default"
        elif kind == "space":
            state = (
                "after_space"
                if state in ("after_punct", "after_extra", "after_space")
                else "default"
            )
        else:
            state = "default"
    if start < len(text) or not out:
        out.append(text[start:])
    return out


# kepubify's ``testSentences`` (the ones that are valid UTF-8).
KEPUBIFY_SENTENCES = [
    " ! Lorem ipsum dolor, sit amet. Consectetur adipiscing elit?\n Sed do eiusmod tempor "
    'incididunt!?! Ut labore et dolore "magna aliqua.". Ut enim ad \u201cminim veniam\u201d, '
    "quis nostrud 'ullamco laboris' nisi consequat?\u2026 Duis aute velit\u2019s esse. "
    "Excepteur laborum.      sdfsdfsdf",
    "...       !!!       ???       .'.'.'.'   ",
    "test\u00a0.\u0080.\u00a0.",
    "",
    "\U0001f31d. \U0001f31d      \U0001f31d.    \U0001f31d",
    "!",
    "? ",
    "? ?",
    "?  ",
    "  ?  ",
    " ?'  .",
    " ?'  .   ",
]


@pytest.mark.parametrize("text", KEPUBIFY_SENTENCES)
def test_kepubify_sentences(text: str) -> None:
    assert split_sentences(text) == kepubify_split(text)
    assert "".join(split_sentences(text)) == text


def test_sentence_cuts_by_example() -> None:
    assert split_sentences("Sentence 1. Sentence 2. Sentence 3.") == [
        "Sentence 1. ",
        "Sentence 2. ",
        "Sentence 3.",
    ]
    # No cut after a colon, nor after a period with no space after it.
    assert split_sentences("Collection: All in One e.g.this") == ["Collection: All in One e.g.this"]
    assert split_sentences("\u201cGo!\u201d she said. \u2019Tis") == [
        "\u201cGo!\u201d ",
        "she said. ",
        "\u2019Tis",
    ]
    assert split_sentences("") == [""]


# Terminators, closing marks and whitespace often, so that cuts happen; then any code point.
_INTERESTING = st.sampled_from(list(".!?'\"\u201d\u2019\u201c\u2026\t\n\f\r \xa0\u2028\x0bx"))
ANY_TEXT = st.text(st.one_of(_INTERESTING, st.characters(exclude_categories=())))


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_splitting_keeps_every_character_and_agrees_with_kepubify(text: str) -> None:
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert pieces == kepubify_split(text)
    assert all(pieces) or pieces == [""]


def test_splitting_is_linear_where_a_lazy_pattern_would_rescan() -> None:
    """kepubify's ``.*?[.!?]…\\s+`` in Python's backtracking engine rescans from every
    start on ``a.a.a.…`` (minutes here); the boundary search takes milliseconds."""

    def seconds(size: int) -> float:
        text = "a." * size
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            assert split_sentences(text) == [text]
            best = min(best, time.process_time() - started)
        return best

    # A growth ratio, not a wall-clock limit: about 4 when linear, 16 when quadratic.
    assert min(seconds(200_000) / seconds(50_000) for _ in range(2)) < 8


def test_is_space_is_gos_unicode_white_space() -> None:
    assert is_space("") and is_space(" \t\n\xa0\u2003\u3000\x85")
    assert not is_space("\x1c") and not is_space("\u200b") and not is_space(" x ")


# --------------------------------------------------------------------------- span markup


def spans_of(fragment: str) -> str:
    """kepubify's ``transformContentKoboSpans`` on a body fragment, serialised back."""
    body = etree.fromstring(f'<body xmlns="{H}">{fragment}</body>')
    add_spans(body)
    if not len(body) and not body.text:
        return ""
    text = etree.tostring(body, encoding="unicode")
    return text.removeprefix(f'<body xmlns="{H}">').removesuffix("</body>")


def k(pid: int, seg: int, text: str) -> str:
    return f'<span class="koboSpan" id="kobo.{pid}.{seg}">{text}</span>'


NL = "\n"
IMG_TEST = '<img src="test"/>'
IMG_AD = '<img src="ad.jpg" alt="image"/>'

# kepubify's own cases (``TestTransformContentParts/KoboSpans``) that are well-formed XHTML.
KEPUBIFY_CASES = [
    ("", ""),
    (f"<p>{k(1, 1, 'Test')}</p>", f"<p>{k(1, 1, 'Test')}</p>"),  # already has spans
    (
        "<p>Sentence 1. Sentence 2.</p><p>Sentence 3.</p><ul><li>Sentence 4</li><li>Sentence 5</li>"
        "</ul><ol><li>Sentence 6</li></ol><table><tbody><tr><td>Test</td></tr><tr><td>Test</td>"
        "</tr></tbody></table>",
        f"<p>{k(1, 1, 'Sentence 1. ')}{k(1, 2, 'Sentence 2.')}</p><p>{k(2, 1, 'Sentence 3.')}</p>"
        f"<ul><li>{k(3, 1, 'Sentence 4')}</li><li>{k(3, 2, 'Sentence 5')}</li></ul>"
        f"<ol><li>{k(4, 1, 'Sentence 6')}</li></ol><table><tbody><tr><td>{k(5, 1, 'Test')}</td>"
        f"</tr><tr><td>{k(5, 2, 'Test')}</td></tr></tbody></table>",
    ),
    (
        "<p>Sentence 1. Sentence 2. Stray text\nAnother sentence.</p>",
        f"<p>{k(1, 1, 'Sentence 1. ')}{k(1, 2, 'Sentence 2. ')}"
        f"{k(1, 3, 'Stray text' + NL + 'Another sentence.')}</p>",
    ),
    (
        "<p>This is a test.\n    This is another.<span> </span>Another sentence.</p>\n"
        "    <p>Another paragraph.</p><p> </p><p></p>",
        f"<p>{k(1, 1, 'This is a test.' + NL + '    ')}{k(1, 2, 'This is another.')}"
        f"<span> </span>{k(1, 3, 'Another sentence.')}</p>\n"
        f"    <p>{k(2, 1, 'Another paragraph.')}</p><p>{k(3, 1, ' ')}</p><p/>",
    ),
    (
        '<p>Sentence<b> 1. Sente<i>nce <span>2. Se</span>nt</i>en<a href="t.html">ce 3. '
        "Another word</a></b></p>",
        f"<p>{k(1, 1, 'Sentence')}<b>{k(1, 2, ' 1. ')}{k(1, 3, 'Sente')}<i>{k(1, 4, 'nce ')}"
        f"<span>{k(1, 5, '2. ')}{k(1, 6, 'Se')}</span>{k(1, 7, 'nt')}</i>{k(1, 8, 'en')}"
        f'<a href="t.html">{k(1, 9, "ce 3. ")}{k(1, 10, "Another word")}</a></b></p>',
    ),
    (
        "<p>Touch this.</p><script>not this</script><style>or this</style><pre>or this</pre>"
        "<audio>or this</audio><video>or this</video><p>Touch this.</p>",
        f"<p>{k(1, 1, 'Touch this.')}</p><script>not this</script><style>or this</style>"
        f"<pre>or this</pre><audio>or this</audio><video>or this</video>"
        f"<p>{k(2, 1, 'Touch this.')}</p>",
    ),
    (
        '<p>One.</p><img src="test"/><p>Three.</p>',
        f"<p>{k(1, 1, 'One.')}</p>{k(2, 1, IMG_TEST)}<p>{k(3, 1, 'Three.')}</p>",
    ),
    (
        "<p>One.</p><p> </p><p><!-- comment --></p><p>Two.</p><p><b>Three.</b></p>",
        f"<p>{k(1, 1, 'One.')}</p><p>{k(2, 1, ' ')}</p><p><!-- comment --></p>"
        f"<p>{k(3, 1, 'Two.')}</p><p><b>{k(4, 1, 'Three.')}</b></p>",
    ),
    (
        '<svg xmlns="http://www.w3.org/2000/svg"><text>kepubify</text></svg>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>',
        '<svg xmlns="http://www.w3.org/2000/svg"><text>kepubify</text></svg>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>',
    ),
    (
        '<div><p><img src="ad.jpg" alt="image"/></p></div>\n    <h2>The Collection: All in '
        "One Ebook</h2>\n    <p></p>\n    <p>Carr, Annie Roe</p>",
        f"<div><p>{k(1, 1, IMG_AD)}</p></div>\n"
        f"    <h2>{k(2, 1, 'The Collection: All in One Ebook')}</h2>\n    <p/>\n"
        f"    <p>{k(3, 1, 'Carr, Annie Roe')}</p>",
    ),
]


@pytest.mark.parametrize(("fragment", "expected"), KEPUBIFY_CASES)
def test_spans_as_kepubify_makes_them(fragment: str, expected: str) -> None:
    assert spans_of(fragment) == expected


def test_an_image_in_running_text_is_a_paragraph_of_its_own() -> None:
    got = spans_of('<p>Before <img src="a.png" alt=""/> after.</p>')
    assert got == (
        f'<p>{k(1, 1, "Before ")}<span class="koboSpan" id="kobo.2.1"><img src="a.png" alt=""/>'
        f"</span>{k(2, 2, ' after.')}</p>"
    )


# --------------------------------------------------------------------------- documents


def canonical(content: bytes) -> bytes:
    """The document as canonical XML (C14N): ``<p/>`` and ``<p></p>`` are the same element."""
    return etree.tostring(etree.fromstring(content), method="c14n")


def same_document(kepub_doc: bytes, epub_doc: bytes) -> bool:
    """The kepub document, Kobo's markup taken out, is the EPUB's: same prolog, same tree."""
    prolog = b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>\n"
    return (
        kepub_doc.startswith(prolog)
        and epub_doc.startswith(prolog)
        and canonical(strip_kobo(kepub_doc)) == canonical(epub_doc)
    )


SELF_CLOSED = re.compile(rb"<([A-Za-z][\w:-]*)[^<>]*/>")


def assert_polyglot(content: bytes) -> None:
    """Only HTML's void elements are self-closed (kepubify's polyglot rendering)."""
    closed = {m.group(1).decode() for m in SELF_CLOSED.finditer(content)}
    assert closed <= {"img", "br", "hr", "link", "meta"}, closed


def xp(element: etree._Element, path: str) -> Any:
    """XPath in the XHTML namespace (results typed loosely, as lxml's are)."""
    return element.xpath(path, namespaces=NS)


def strip_kobo(content: bytes) -> bytes:
    """A kepub document with Kobo's markup taken out again."""
    html = etree.fromstring(content)
    for style in xp(html, "//h:style[@class='kobostylehacks']"):
        style.getparent().remove(style)
    marked = xp(
        html, "//h:span[@class='koboSpan'] | //h:div[@id='book-columns' or @id='book-inner']"
    )
    for element in marked:
        element.tag = "kobo-markup"
    etree.strip_tags(html, "kobo-markup")
    return serialise(html)


def span_ids(root: etree._Element) -> list[str]:
    return [str(uid) for uid in xp(root, "//h:span[@class='koboSpan']/@id")]


def assert_sequential(ids: list[str]) -> None:
    """``kobo.P.S`` in document order: P from 1 up by one, S from 1 up by one within P."""
    last = (0, 0)
    for uid in ids:
        prefix, p, s = uid.split(".")
        pair = (int(p), int(s))
        assert prefix == "kobo" and pair in ((last[0], last[1] + 1), (last[0] + 1, 1)), ids
        last = pair
    assert len(set(ids)) == len(ids)


def assert_kobo_document(content: bytes) -> etree._Element:
    html = etree.fromstring(content)
    body = html.find(f"{{{H}}}body")
    assert body is not None and len(body) == 1 and not (body.text or "").strip()
    assert [e.get("id") for e in body.iter(f"{{{H}}}div")][:2] == ["book-columns", "book-inner"]
    assert xp(html, "string(h:head/h:style[last()])") == KOBO_CSS
    assert_sequential(span_ids(html))
    # No text outside a span but whitespace between blocks and what kepubify leaves as it is.
    for text in xp(html, "//h:body//text()"):
        where = text.getparent() if text.is_text else text.getparent().getparent()
        names = {etree.QName(e).localname for e in (where, *where.iterancestors())}
        kept = names & {"pre", "svg", "math", "script", "style"}
        in_span = "koboSpan" in {e.get("class") for e in (where, *where.iterancestors())}
        assert in_span or kept or is_space(str(text)), repr(str(text))
    return html


XML_CHARS = st.characters(codec="utf-8", exclude_characters="\ufffe\uffff").filter(
    lambda c: c in "\t\n\r" or ord(c) >= 0x20
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(st.one_of(_INTERESTING.filter(lambda c: c not in "\f\x0b"), XML_CHARS)),
        min_size=1,
        max_size=4,
    )
)
def test_any_paragraph_text_reaches_the_spans_unchanged(texts: list[str]) -> None:
    paragraphs = [para(t, em(t[:3]), t[3:]) for t in texts]
    tree = finished(book(chapter(*paragraphs, heading=heading("Chapter", 1, texts[0][:20]))))
    for doc in build_documents(tree, EpubOptions(), None).spine:
        made = kobo_document(doc.content)
        assert_kobo_document(made)
        assert same_document(made, doc.content)
        assert_polyglot(made)
        assert kobo_document(made) == made  # a second pass changes nothing (kepubify's checks)


# --------------------------------------------------------------------------- the sample book


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> api.BuildResult:
    return api.build(ROOT, ["kepub", "epub"], tmp_path_factory.mktemp("sample"))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def xhtml(files: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
    return ((n, c) for n, c in files.items() if n.endswith(".xhtml"))


def test_sample_kepub_name_and_epubcheck(sample: api.BuildResult) -> None:
    out = sample.outputs["kepub"]
    assert out.name == "the-bells-of-lannow.kepub.epub"
    result = run_epubcheck(out)
    assert result.clean, "EPUBCheck:\n" + "\n".join(result.messages)


def test_sample_kepub_is_the_epub_plus_kobo_markup(sample: api.BuildResult) -> None:
    epub_files = members(sample.outputs["epub"])
    kepub_files = members(sample.outputs["kepub"])
    assert list(kepub_files) == list(epub_files)  # same members, same order
    docs = 0
    for name, content in kepub_files.items():
        if name.endswith(".xhtml"):
            assert_kobo_document(content)
            assert same_document(content, epub_files[name]), name
            assert_polyglot(content)
            docs += 1
        else:
            assert content == epub_files[name], name  # package, NCX, CSS, images unchanged
    assert docs == 19


def test_sample_every_word_in_order(sample: api.BuildResult) -> None:
    files = members(sample.outputs["kepub"])
    opf = etree.fromstring(files["EPUB/content.opf"])
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:item", ns)}
    spine = [hrefs[r.get("idref")] for r in opf.iterfind(".//opf:itemref", ns)]
    got: list[str] = []
    for href in spine:
        if str(href).startswith("chapter-"):
            html = assert_kobo_document(files[f"EPUB/{href}"])  # all text but blanks in spans
            got += norm_words("".join(xp(html, "//h:body//text()")))
    expected = book_words(sample.book)
    # Headings are in the documents too: the book's words are a subsequence, in order.
    it = iter(got)
    missing = [w for w in expected if w not in it]
    assert not missing, missing[:10]
    assert len(expected) > 12000  # the whole novella


def test_sample_kepub_is_reproducible(sample: api.BuildResult, tmp_path: Path) -> None:
    again = tmp_path / "again.kepub.epub"
    kepub.write(sample.book, writers.options_for("kepub", sample.project.config), again)
    assert again.read_bytes() == sample.outputs["kepub"].read_bytes()


# --------------------------------------------------------------------------- a small book


def test_every_block_kepub_passes_epubcheck(tmp_path: Path) -> None:
    tree = finished(every_node_book())
    out = tmp_path / "blocks.kepub.epub"
    epub_out = tmp_path / "blocks.epub"
    kepub.write(tree, kepub.KepubOptions(), out)
    writers.write(tree, "epub", epub_out)
    result = run_epubcheck(out)
    assert result.clean, "EPUBCheck:\n" + "\n".join(result.messages)
    kepub_files, epub_files = members(out), members(epub_out)
    one = assert_kobo_document(kepub_files["EPUB/chapter-001.xhtml"])
    for name, content in xhtml(kepub_files):
        assert same_document(content, epub_files[name]), name
        assert_polyglot(content)
    # Figures: each image in a span of its own; the code block's text untouched.
    wrapped = xp(one, "//h:figure//h:img/parent::h:span/@class")
    assert wrapped == ["koboSpan"] * 3
    assert not xp(one, "//h:pre//h:span[@class='koboSpan']")


def test_registry_cli_and_output_names(tmp_path: Path) -> None:
    assert writers.extension("kepub") == ".kepub.epub"
    assert isinstance(writers.options_for("kepub"), kepub.KepubOptions)
    project = make_project(tmp_path / "book")
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(project), "-f", "kepub", "-q"])
    assert result.exit_code == 0, result.output
    assert (project / "build" / "salt-and-iron.kepub.epub").is_file()
    named = tmp_path / "store.kepub.epub"
    result = runner.invoke(app, ["build", str(project), "-f", "kepub", "-o", str(named), "-q"])
    assert result.exit_code == 0 and named.is_file()
    result = runner.invoke(app, ["build", str(project), "-f", "epub", "-o", str(named)])
    assert result.exit_code == 2
    assert "named .kepub.epub but the format is epub; name it store.epub" in result.stderr


def test_a_book_without_chapters_is_refused(tmp_path: Path) -> None:
    from compile_book.errors import BackendError

    empty: Book = finished(book())
    with pytest.raises(BackendError, match="no chapters"):
        kepub.write(empty, kepub.KepubOptions(), tmp_path / "x.kepub.epub")
