"""Bytes to text: the encodings writers' files actually arrive in.

Tried in order: a BOM (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE) decides; else UTF-16
without a BOM when every other byte is NUL (the one thing such files give away);
else strict UTF-8; else line by line, UTF-8 where a line is valid UTF-8 and
Windows-1252 where it is not. Windows-1252 is the encoding Word on Windows saves
"plain text" in (byte 0x85 is an ellipsis there, not a NEL line break), and a
file mixing both is a UTF-8 manuscript into which a writer pasted lines from an
older file: each line is read as what it is, and the lines read as
Windows-1252 are named (:attr:`Decoded.fallback_lines`) so the writer can check
them. Anything else is an error naming the byte, never mojibake.

Why no detection library (charset-normalizer, chardet, ftfy): they guess one
encoding for a whole document from statistics, or repair text after a wrong
guess; here the candidates are few and strict decoding tells exactly which
lines are which, in linear time, with no guess to explain.

Line endings (CRLF, CR, LF, and the Unicode line/paragraph separators) all
become ``\\n``; ``str.splitlines`` is never used on text because it would also
split on U+0085 and form feeds inside prose.

Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of every
plane) are refused with the line they are on: they are never text, and the
parser uses some of them as its markers (:mod:`compile_book.markers`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

# Why: these signatures mean the writer handed us a document, not text; say so.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a Word/ZIP document, not plain text; if it is a .docx, rename it to .docx"),
    (b"\xd0\xcf\x11\xe0", "an old Word document (.doc); open it in Word and save it as .docx"),
    (b"%PDF", "a PDF; export the manuscript as plain text (.txt) first"),
    (b"{\\rtf", "an RTF document; save it as plain text (.txt) first"),
)
# Why: UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_RESAVE = "the file is not UTF-8, UTF-16, UTF-32 or Windows-1252; re-save it as UTF-8"
# Why: how much of a file decides whether it is UTF-16 without a BOM.
_SNIFF_BYTES = 4096

#: Unicode's noncharacters: U+FDD0-U+FDEF and U+nFFFE, U+nFFFF in all 17 planes.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
NONCHARACTER_RE = re.compile(f"[{NONCHARACTERS}]")

_NONCHARACTER_CODES = [
    *range(0xFDD0, 0xFDF0),
    *(plane << 16 | low for plane in range(17) for low in (0xFFFE, 0xFFFF)),
]
# Why: a word processor's XML is checked as bytes, before lxml parses it (a regex
# over the bytes is a C loop; a walk over a novel's parsed text nodes is not). A
# noncharacter is there as UTF-8 or as a character reference (``&#xFDD0;``).
_XML_NONCHARACTER_RE = re.compile(
    rb"\xef\xb7[\x90-\xaf]|\xef\xbf[\xbe\xbf]|\xf0[\x9f\xaf\xbf]\xbf[\xbe\xbf]"
    rb"|[\xf1-\xf3][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]|\xf4\x8f\xbf[\xbe\xbf]"
    rb"|&#(?:[xX]0*(?:"
    + b"|".join(b"%x" % c for c in _NONCHARACTER_CODES)
    + rb")|0*(?:"
    + b"|".join(b"%d" % c for c in _NONCHARACTER_CODES)
    + rb"));",
    re.I,
)
# Why: a paragraph opens (``<w:p>``, ``<text:p ...>``, ``<text:h>``): how the word
# processors' readers number their "lines".
_XML_PARAGRAPH_RE = re.compile(rb"<(?:[\w.-]+:)?[ph][\s/>]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    newlines_changed: bool
    #: In a file mixing UTF-8 and Windows-1252: the 1-based lines read as Windows-1252.
    fallback_lines: tuple[int, ...] = ()


def decode(data: bytes, file: str) -> Decoded:
    """Decode a manuscript's bytes; raise :class:`InputError` naming the place on failure."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"this is {_zip_kind(data) or what}", file)
    fallback: tuple[int, ...] = ()
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text, encoding = _strict(data[len(bom) :], codec, file, len(bom)), name
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, encoding = utf16, "UTF-16 (no BOM)"
        else:
            nul = data.find(b"\x00")
            if nul >= 0:
                raise InputError(
                    f"byte offset {nul} is a NUL byte: this is not a text file "
                    "(save the manuscript as UTF-8 text)",
                    file,
                )
            text, encoding, fallback = _utf8_or_cp1252(data, file)
    changed = "\r" in text or "\u2028" in text or "\u2029" in text
    if changed:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    check_noncharacters(text, file)
    return Decoded(text, encoding, changed, fallback)


def check_noncharacters(text: str, file: str) -> None:
    """Refuse text holding a Unicode noncharacter, naming its line and column."""
    found = NONCHARACTER_RE.search(text)
    if found is None:
        return
    at = found.start()
    start = text.rfind("\n", 0, at) + 1
    raise InputError(
        f"column {at - start + 1} holds U+{ord(found.group()):04X}, a Unicode noncharacter "
        "(reserved for programs' internal use, never text); delete it (most editors show "
        "it as a box or not at all) and save the file again",
        file,
        text.count("\n", 0, at) + 1,
    )


def check_xml_noncharacters(data: bytes, part: str, file: str, main: bool) -> None:
    """Refuse a word processor's XML part holding a Unicode noncharacter.

    The error names the paragraph, counted as the readers count their lines,
    when ``part`` is the ``main`` text (``word/document.xml``, ``content.xml``),
    and names the part otherwise.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4]:
        try:  # a UTF-16 part (no word processor writes one, but XML allows it)
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            return  # lxml will call the part damaged
    found = _XML_NONCHARACTER_RE.search(data)
    if found is None:
        return
    raw = found.group()
    if raw.startswith(b"&#"):
        code = int(raw[3:-1], 16) if raw[2:3] in b"xX" else int(raw[2:-1])
    else:
        code = ord(raw.decode("utf-8"))
    paragraph = len(_XML_PARAGRAPH_RE.findall(data, 0, found.start())) or 1
    where = f"paragraph {paragraph}" if main else f"{part}, paragraph {paragraph},"
    raise InputError(
        f"{where} holds U+{code:04X}, a Unicode noncharacter (reserved for programs' "
        "internal use, never text); delete it (it shows as a box or not at all) and save "
        "the document again",
        file,
        paragraph if main else 0,
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of a UTF-16 file saved without a BOM, or ``None``.

    Such a file of mostly Latin text has a NUL in every other byte (odd offsets
    for little-endian, even for big-endian) and none in the others; a text file
    of any other encoding has no NUL at all.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2] if len(data) % 2 == 0 else b""
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = None
    if odd * 3 >= pairs and even * 50 <= pairs:
        codec = "utf-16-le"
    elif even * 3 >= pairs and odd * 50 <= pairs:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _utf8_or_cp1252(data: bytes, file: str) -> tuple[str, str, tuple[int, ...]]:
    """UTF-8, else each line in UTF-8 or Windows-1252; the encoding and the fallback lines."""
    try:
        return data.decode("utf-8"), "UTF-8", ()
    except UnicodeDecodeError:
        pass
    pieces: list[str] = []
    fallback: list[int] = []
    utf8_beyond_ascii = False
    offset = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            piece = line.decode("utf-8")
            utf8_beyond_ascii = utf8_beyond_ascii or not piece.isascii()
        except UnicodeDecodeError as exc:
            try:
                piece = line.decode("cp1252")
            except UnicodeDecodeError:
                # Name the byte that broke UTF-8: the file is most likely UTF-8
                # with one stray byte, and that is the one to fix.
                at = offset + exc.start
                raise InputError(
                    f"cannot decode byte 0x{line[exc.start]:02x} at byte offset {at} "
                    f"(line {number}): {_RESAVE}",
                    file,
                    number,
                ) from None
            fallback.append(number)
        pieces.append(piece)
        offset += len(line)
    text = "".join(pieces)
    if utf8_beyond_ascii:
        return text, "UTF-8 and Windows-1252", tuple(fallback)
    return text, "Windows-1252", ()


def _zip_kind(data: bytes) -> str | None:
    """What a ZIP given as text is, when its first member says (a Word or ODF document)."""
    head = data[:2048]
    if not head.startswith(b"PK\x03\x04"):
        return None
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in head:
        return "an OpenDocument text (.odt), not plain text; rename it to .odt"
    if b"word/" in head or b"[Content_Types].xml" in head:
        return "a Word document (.docx), not plain text; rename it to .docx"
    return None


def _strict(data: bytes, encoding: str, file: str, offset: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        where = exc.start + offset
        raise InputError(
            f"cannot decode byte 0x{data[exc.start]:02x} at byte offset {where}: {_RESAVE}",
            file,
        ) from None
