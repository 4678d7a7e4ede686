"""Bytes to text: the encodings writers' files actually arrive in.

Tried in order: a BOM (UTF-8, UTF-16 LE/BE) decides; else strict UTF-8; else
Windows-1252, the encoding Word on Windows saves "plain text" in (where byte
0x85 is an ellipsis, not a NEL line break). Anything else is an error naming
the byte offset, never mojibake. Line endings (CRLF, CR, LF, and the Unicode
line/paragraph separators) all become ``\\n``; ``str.splitlines`` is never
used because it would also split on U+0085 and form feeds inside prose.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError

# Why: these signatures mean the writer handed us a document, not text; say so.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a Word/ZIP document, not plain text; if it is a .docx, rename it to .docx"),
    (b"\xd0\xcf\x11\xe0", "an old Word document (.doc); open it in Word and save it as .docx"),
    (b"%PDF", "a PDF; export the manuscript as plain text (.txt) first"),
    (b"{\\rtf", "an RTF document; save it as plain text (.txt) first"),
)

# Why: undefined in Windows-1252; Python's cp1252 codec rejects them, which is
# exactly what tells us the file is in neither encoding.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    newlines_changed: bool


def decode(data: bytes, file: str) -> Decoded:
    """Decode a manuscript's bytes; raise :class:`InputError` naming the offset on failure."""
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"this is {_zip_kind(data) or what}", file)
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data[3:], "utf-8", file, offset=3), "UTF-8 with BOM"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", file), "UTF-16"
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(
                f"byte offset {nul} is a NUL byte: this is not a text file "
                "(save the manuscript as UTF-8 text)",
                file,
            )
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as utf8_error:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                # Name the byte that broke UTF-8: the file is most likely UTF-8
                # with one stray byte, and that is the one to fix.
                at = utf8_error.start
                line = data.count(b"\n", 0, at) + 1
                raise InputError(
                    f"cannot decode byte 0x{data[at]:02x} at byte offset {at} (line {line}): "
                    "the file is not UTF-8, UTF-16 or Windows-1252; re-save it as UTF-8",
                    file,
                ) from None
    changed = "\r" in text or "\u2028" in text or "\u2029" in text
    if changed:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return Decoded(text, encoding, changed)


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
            f"cannot decode byte 0x{data[exc.start]:02x} at byte offset {where}: "
            "the file is not UTF-8, UTF-16 or Windows-1252; re-save it as UTF-8",
            file,
        ) from None
