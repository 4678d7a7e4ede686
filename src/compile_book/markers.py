"""Every character the parser uses to mark a place in text, defined here and nowhere else.

Readers and transforms put markers into strings to carry structure through
text-only steps: where a span opens and closes while typography reads a whole
paragraph (:data:`OPEN`, :data:`CLOSE`, :data:`ATOM`), where a comment was taken
out (:data:`VOID`), which characters were backslash-escaped (:data:`DROP` and
the stand-ins).

Why noncharacters: Unicode reserves U+FDD0-U+FDEF for a program's internal use;
they are never text, and every reader rejects them in a manuscript
(:func:`compile_book.rules.decode.check_noncharacters`). So a marker found in a
string is always ours, and every other character, including the private-use
ones writers do type (icon fonts, constructed scripts, SIL's additions), is
prose and passes through untouched. Private-use characters were the markers
once, and a writer's U+E000 next to an italic word cost the rest of the
paragraph.
"""

from __future__ import annotations

#: A span (emphasis, strong, telepathy, strikeout, link) opens here.
OPEN = "\ufdd0"
#: A span closes here.
CLOSE = "\ufdd1"
#: A node that is not text (inline code, a line break, a note's mark) stands here.
ATOM = "\ufdd2"
#: A line holding only this was a comment, taken out: neither text nor a blank line.
VOID = "\ufdd3"
#: Where a backslash was removed (an escape); restoring drops it.
DROP = "\ufdd4"
#: The first of the stand-ins for escaped characters (``\\*`` -> DROP + a stand-in).
STAND_INS_FIRST = 0xFDE0
#: The last marker, and the last stand-in.
LAST = "\ufdef"
#: Every marker, as the body of a regex character class (``f"[{RANGE}]"``).
RANGE = f"{OPEN}-{LAST}"
#: Every marker except CLOSE after OPEN, as a class body: what opens like a bracket.
OPENING = f"{OPEN}{ATOM}-{LAST}"
#: The markers of escapes (the dropped backslash and the stand-ins), as a class body.
ESCAPES = f"{DROP}{chr(STAND_INS_FIRST)}-{LAST}"


def stand_ins(characters: str) -> dict[str, str]:
    """Each of ``characters`` -> the marker that hides it while it must mean nothing."""
    if len(characters) > ord(LAST) - STAND_INS_FIRST + 1:
        raise ValueError("more escapable characters than stand-in markers")
    return {c: chr(STAND_INS_FIRST + i) for i, c in enumerate(characters)}
