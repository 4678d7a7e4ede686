"""Bytes to text: the encodings writers' files actually arrive in.

Tried in order: a BOM (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE) decides; else UTF-16
without a BOM when every other byte is NUL (the one thing such files give away);
else strict UTF-8; else Windows-1252 when no line is UTF-8 beyond ASCII; else
line by line, UTF-8 where a line is valid UTF-8 and Windows-1252 where it is
not. Windows-1252 is the encoding Word on Windows saves "plain text" in (byte
0x85 is an ellipsis there, not a NEL line break), and a file mixing both is a
UTF-8 manuscript into which a writer pasted lines from an older file: each line
is read as what it is, and the lines read as Windows-1252 are named
(:attr:`Decoded.fallback_lines`) so the writer can check them. Anything else is
an error naming the line and byte, never mojibake.

Why no detection library (charset-normalizer, chardet, ftfy): they guess one
encoding for a whole document from statistics, or repair text after a wrong
guess; here the candidates are few and strict decoding tells exactly which
lines are which, in linear time, with no guess to explain.

Line endings (CRLF, CR, LF, and the Unicode line/paragraph separators) all
become ``\\n``; ``str.splitlines`` is never used on text because it would also
split on U+0085 and form feeds inside prose.

Unicode noncharacters are refused with the line they are on
(:mod:`.noncharacters`).
"""

from __future__ import annotations

import codecs
import re
import threading

from ..errors import InputError
from ..record import record
from . import noncharacters

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


@record
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
    utf8: bytes | None = data  # the text's UTF-8 form, for the noncharacter check
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text, encoding = _strict(data[len(bom) :], codec, file, len(bom)), name
            utf8 = data if codec == "utf-8" else None
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, encoding, utf8 = utf16, "UTF-16 (no BOM)", None
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
    noncharacters.check_text(text, file, utf8)
    return Decoded(text, encoding, changed, fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of a UTF-16 file saved without a BOM, or ``None``.

    Such a file of mostly Latin text has a NUL in every other byte (odd offsets
    for little-endian, even for big-endian) and few in the others (the odd emoji
    or CJK character); a text file of any other encoding has no NUL at all.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2] if len(data) % 2 == 0 else b""
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = None
    if odd * 3 >= pairs and even * 10 <= odd:
        codec = "utf-16-le"
    elif even * 3 >= pairs and odd * 10 <= even:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _utf8_or_cp1252(data: bytes, file: str) -> tuple[str, str, tuple[int, ...]]:
    """UTF-8, else Windows-1252, else each line in the one it is valid in; the encoding
    and, for a mix, the lines read as Windows-1252."""
    try:
        return data.decode("utf-8"), "UTF-8", ()
    except UnicodeDecodeError:
        pass
    try:  # Is every byte beyond ASCII outside any UTF-8 sequence? Then no line is UTF-8.
        data.decode("utf-8", "surrogateescape").encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return _per_line(data, file)
    try:
        return data.decode("cp1252"), "Windows-1252", ()
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start, file) from None


def _per_line(data: bytes, file: str) -> tuple[str, str, tuple[int, ...]]:
    """A file mixing UTF-8 and Windows-1252 lines, each line read as what it is.

    From a line's first byte that is not UTF-8 to its end, the line is read as
    Windows-1252 (:func:`_rest_of_line`): the text before that byte is ASCII in a
    Windows-1252 line, and UTF-8 where a writer typed one stray byte into a UTF-8
    line. Linear: the decoder runs in C and calls back once per bad line.
    """
    _bad.starts = []
    try:
        text = data.decode("utf-8", _HANDLER)
    except _Undecodable as exc:
        raise _undecodable(data, exc.at, file) from None
    lines: list[int] = []
    line, counted = 1, 0
    for at in _bad.starts:
        line, counted = line + _breaks(data, counted, at), at
        lines.append(line)
    return text, "UTF-8 and Windows-1252", tuple(lines)


class _Undecodable(Exception):
    def __init__(self, at: int) -> None:
        self.at = at


# Why per thread: the codec registry is global, the bad lines of a decode are its own.
_bad = threading.local()
_HANDLER = "compile-book-rest-of-line-as-cp1252"
_EOL_RE = re.compile(rb"[\r\n]")


def _rest_of_line(exc: UnicodeError) -> tuple[str, int]:
    """The codec error handler: the bytes from the bad one to the line's end, as cp1252."""
    assert isinstance(exc, UnicodeDecodeError)
    data = exc.object
    eol = _EOL_RE.search(data, exc.start)
    end = eol.start() if eol else len(data)
    try:
        text = data[exc.start : end].decode("cp1252")
    except UnicodeDecodeError:
        raise _Undecodable(exc.start) from None
    _bad.starts.append(exc.start)
    return text, end


codecs.register_error(_HANDLER, _rest_of_line)


def _breaks(data: bytes, start: int, end: int) -> int:
    """How many line breaks (LF, CR or CRLF) ``data[start:end]`` holds."""
    crlf = data.count(b"\r\n", start, end)
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - crlf


def _undecodable(data: bytes, at: int, file: str) -> InputError:
    """The error for a byte neither UTF-8 nor Windows-1252 has (naming the one that broke
    UTF-8 in a mixed file: most likely a stray byte, the one to fix)."""
    return InputError(
        f"cannot decode byte 0x{data[at]:02x} at byte offset {at}: {_RESAVE}",
        file,
        _breaks(data, 0, at) + 1,
    )


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
