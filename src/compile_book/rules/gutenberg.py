"""Project Gutenberg's wrapping: the header above ``*** START OF ...***`` and the
footer and licence from ``*** END OF ... ***`` on.

A writer who starts from a Gutenberg text (an edition, an annotated reprint)
often leaves them in; read as the book they would be its first chapter and a
few thousand words of licence at its end. They are not the writer's prose, so
they are found here by their markers and left out, and the reader warns with
the lines so the writer deletes them. Without both a start marker and a text
after it nothing is left out: a book *about* Gutenberg keeps every word.
"""

from __future__ import annotations

import re

from ..record import record

# Why: the markers have been written "*** START OF THIS PROJECT GUTENBERG EBOOK",
# "***START OF THE PROJECT GUTENBERG EBOOK", "*END*THE SMALL PRINT!" over the years.
START_RE = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*", re.I)
END_RE = re.compile(r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*", re.I)
# Why: older files put the end marker after a line of their own, or only the licence.
LICENCE_RE = re.compile(
    r"(?:End of (?:the )?Project Gutenberg(?:'s|’s)? .*|\*?END\*?THE SMALL PRINT.*"
    r"|START: FULL LICENSE|THE FULL PROJECT GUTENBERG LICENSE)",
    re.I,
)

# Why: most files close the text with "End of the Project Gutenberg EBook of ..." a
# line or two above the end marker; it is Gutenberg's line, not the book's.
END_LINE_LOOK = 8

CREDIT_RE = re.compile(r"(?:Produced|Transcribed|Prepared|E-?text prepared) (?:by|from)\b", re.I)


@record
class Boilerplate:
    """Which lines (0-based, end exclusive) are Gutenberg's: ``head`` before the text,
    ``tail`` after it (``None`` where there is none)."""

    head: tuple[int, int] | None
    tail: tuple[int, int] | None


def find_boilerplate(lines: list[str]) -> Boilerplate:
    """The Gutenberg header and footer of a text, found by their markers (linear)."""
    start = next(
        (k for k, ln in enumerate(lines) if "***" in ln and START_RE.fullmatch(ln.strip())), None
    )  # (the marker opens with three stars: most lines are passed over without a copy)
    if start is None:
        return Boilerplate(None, None)
    end = next(
        (k for k in range(start + 1, len(lines)) if END_RE.fullmatch(lines[k].strip())),
        None,
    )
    if end is None:
        end = next(
            (k for k in range(start + 1, len(lines)) if LICENCE_RE.fullmatch(lines[k].strip())),
            None,
        )
    else:
        end = next(
            (
                k
                for k in range(max(start + 1, end - END_LINE_LOOK), end)
                if LICENCE_RE.fullmatch(lines[k].strip())
            ),
            end,
        )
    if not any(ln.strip() for ln in lines[start + 1 : end]):
        return Boilerplate(None, None)
    tail = (end, len(lines)) if end is not None else None
    return Boilerplate((0, _after_credit(lines, start + 1)), tail)


def _after_credit(lines: list[str], k: int) -> int:
    """Past a volunteer's credit right after the start marker ("Produced by ...")."""
    first = next((j for j in range(k, min(len(lines), k + 20)) if lines[j].strip()), None)
    if first is None or not CREDIT_RE.match(lines[first].strip()):
        return k
    while first < len(lines) and lines[first].strip():
        first += 1
    return first


#: Project Gutenberg's mark for a picture its text file cannot hold: ``[Illustration]``,
#: ``[Illustration: Caption]``, the caption running over a few lines.
_ILLUSTRATION_RE = re.compile(r"\s*\[Illustration\b", re.IGNORECASE)
#: The longest caption, in lines: a bracket left open longer is the text's own.
ILLUSTRATION_LINES = 12


def illustrations(lines: list[str]) -> list[tuple[int, int]]:
    """The spans of lines (0-based, end exclusive) that are illustration marks alone:
    opening with ``[Illustration`` and closing their bracket at the end of a line within
    :data:`ILLUSTRATION_LINES`. Linear: each line is looked at a bounded number of times."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        end = _mark_end(lines, k) if _ILLUSTRATION_RE.match(lines[k]) else None
        if end is None:
            k += 1
            continue
        spans.append((k, end))
        k = end
    return spans


def _mark_end(lines: list[str], start: int) -> int | None:
    depth = 0
    for j in range(start, min(len(lines), start + ILLUSTRATION_LINES)):
        depth += lines[j].count("[") - lines[j].count("]")
        if depth <= 0:
            return j + 1 if lines[j].rstrip().endswith("]") else None
    return None
