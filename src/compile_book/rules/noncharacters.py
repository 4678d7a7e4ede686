"""Unicode noncharacters: refused in every manuscript, with the line they are on.

U+FDD0-U+FDEF and the last two code points of each of the 17 planes
(U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF) are reserved by Unicode for a
program's internal use and never stand for text. A manuscript holding one was
damaged by some tool; its place may not be guessed, so the writer is told
where it is. Refusing them is also what lets the parser use some of them as
its markers (:mod:`compile_book.markers`): a marker found in a string is then
always the parser's own.

Why byte searches: the check runs over every manuscript, and a regex
character class costs about 30 ns a character in CPython (over a second for a
million words), while ``bytes.find`` for the few two-byte sequences that begin
or end a noncharacter's UTF-8 form runs at memory speed. The precise regex
runs only once a noncharacter is known to be there, to name its line.
"""

from __future__ import annotations

import re

from ..errors import InputError

NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
#: One noncharacter (slow on long texts: see the module's docstring).
NONCHARACTER_RE = re.compile(f"[{NONCHARACTERS}]")
# Why these patterns: each opens with a literal byte, which CPython's regex engine
# skips to quickly; a pattern opening with a character class is tried at every byte.
# U+FDD0-U+FDEF is EF B7 90-AF in UTF-8, U+FFFE and U+FFFF are EF BF BE and EF BF BF.
_BMP_RE = re.compile(rb"\xef(?:\xb7[\x90-\xaf]|\xbf[\xbe\xbf])")
# U+nFFFE and U+nFFFF (planes 1 to 16) end in BF BE or BF BF, after a lead byte and a
# first continuation byte that name the plane (F0 9F BF BE is U+1FFFE).
_ASTRAL_TAIL_RE = re.compile(rb"\xbf(?=[\xbe\xbf])")  # a look-ahead: BF BF BF overlaps
_ASTRAL_HEADS = frozenset(
    (chr(plane << 16 | 0xFFFE).encode()[0], chr(plane << 16 | 0xFFFE).encode()[1])
    for plane in range(1, 17)
)
_CHAR_REF_RE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
# Why: a paragraph opens (``<w:p>``, ``<text:p ...>``, ``<text:h>``): how the word
# processors' readers number their "lines".
_XML_PARAGRAPH_RE = re.compile(rb"<(?:[\w.-]+:)?[ph][\s/>]")
_WHAT_TO_DO = (
    "a Unicode noncharacter (reserved for programs' internal use, never text); "
    "delete it (it shows as a box or not at all) and save the {what} again"
)


def is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or ((code & 0xFFFE) == 0xFFFE and code <= 0x10FFFF)


def utf8_offset(data: bytes) -> int:
    """The byte offset of the first noncharacter in UTF-8 ``data``, or -1."""
    if b"\xef" not in data and b"\xbf" not in data:  # two memchr calls: most texts end here
        return -1
    found = [m.start() for m in (_BMP_RE.search(data),) if m is not None]
    for m in _ASTRAL_TAIL_RE.finditer(data):
        if (_byte(data, m.start() - 2), _byte(data, m.start() - 1)) in _ASTRAL_HEADS:
            found.append(m.start() - 2)
            break
    return min(found, default=-1)


def _byte(data: bytes, at: int) -> int:
    return data[at] if 0 <= at < len(data) else -1


def check_text(text: str, file: str, utf8: bytes | None = None) -> None:
    """Refuse text holding a noncharacter, naming its line and column.

    ``utf8`` is the text's UTF-8 form when the caller has it (the file's own
    bytes): a false alarm from it only costs the precise search.
    """
    if text.isascii():
        return
    if utf8_offset(text.encode("utf-8") if utf8 is None else utf8) < 0:
        return
    found = NONCHARACTER_RE.search(text)
    if found is None:
        return
    at = found.start()
    start = text.rfind("\n", 0, at) + 1
    raise InputError(
        f"column {at - start + 1} holds U+{ord(found.group()):04X}, "
        + _WHAT_TO_DO.format(what="file"),
        file,
        text.count("\n", 0, at) + 1,
    )


def check_xml(data: bytes, part: str, file: str, *, main: bool) -> None:
    """Refuse a word processor's XML part holding a noncharacter, as UTF-8 or as a
    character reference (``&#xFDD0;``).

    The error names the paragraph, counted as the readers count their lines, when
    ``part`` is the ``main`` text (``word/document.xml``, ``content.xml``), and names
    the part otherwise.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
        try:  # a UTF-16 part (no word processor writes one, but XML allows it)
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            return  # lxml will call the part damaged
    at, code = utf8_offset(data), 0
    if at >= 0:
        code = ord(data[at : at + 4].decode("utf-8", "ignore")[0])
    if b"&#" in data:
        for ref in _CHAR_REF_RE.finditer(data, 0, at if at >= 0 else len(data)):
            value = int(ref[1], 16) if ref[1] else int(ref[2])
            if is_noncharacter(value):
                at, code = ref.start(), value
                break
    if at < 0:
        return
    paragraph = len(_XML_PARAGRAPH_RE.findall(data, 0, at)) or 1
    where = f"paragraph {paragraph}" if main else f"{part}, paragraph {paragraph},"
    raise InputError(
        f"{where} holds U+{code:04X}, " + _WHAT_TO_DO.format(what="document"),
        file,
        paragraph if main else 0,
    )
