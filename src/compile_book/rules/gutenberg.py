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

# Why: files of the 1990s and 2000s open their text with a title block of their own.
OLD_HEADER_RE = re.compile(r"(?:The )?Project Gutenberg(?:'s|’s)? E-?(?:text|book) of\b", re.I)
_BY_RE = re.compile(r"\s*by\s+\S", re.I)
# Why: a volunteer thanks the library whose scans were used, naming its site.
THANKS_RE = re.compile(r"\bwww\b|https?:|\bgallica\b", re.I)
CREDIT_RE = re.compile(r"(?:Produced|Transcribed|Prepared|E-?text prepared) (?:by|from)\b", re.I)


@record
class Boilerplate:
    """Which lines (0-based, end exclusive) are Gutenberg's: ``head`` before the text,
    ``tail`` after it (``None`` where there is none)."""

    head: tuple[int, int] | None
    tail: tuple[int, int] | None
    kept: tuple[tuple[int, str], ...] = ()
    """Lines of the head that are the book's own, each with its text: an older file's
    title block under the start marker, its title and by line (without "The Project
    Gutenberg Etext of")."""


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
    kept: list[tuple[int, str]] = []
    return Boilerplate((0, _after_credit(lines, start + 1, kept)), tail, tuple(kept))


def _after_credit(lines: list[str], k: int, kept: list[tuple[int, str]]) -> int:
    """Past what Gutenberg's volunteers put right after the start marker: a credit
    ("Produced by ..."), and in an older file first its own title block ("The Project
    Gutenberg Etext of Candide" / "by Voltaire" / "(#6 in our series by Voltaire)"),
    a line of stars, and after the credit the thanks naming where the scans came from
    (a paragraph with a web address). The title block's title and by line are the
    book's: they go in ``kept``."""
    header = credited = False
    while (first := _next_block(lines, k)) is not None:
        start = lines[first].strip()
        end = first
        while end < len(lines) and lines[end].strip():
            end += 1
        block = " ".join(ln.strip() for ln in lines[first:end])
        if not (header or credited) and (title := OLD_HEADER_RE.match(start)):
            header = True
            kept.append((first, start[title.end() :].strip()))
            kept += [(j, lines[j].strip()) for j in range(first + 1, end) if _BY_RE.match(lines[j])]
        elif (header or credited) and set(block) <= {"*", " "}:
            pass
        elif CREDIT_RE.match(start):
            credited = True
        elif not (credited and THANKS_RE.search(block)):
            break
        k = end
    return k


def _next_block(lines: list[str], k: int) -> int | None:
    """The first line with text from ``k``, among the next few."""
    return next((j for j in range(k, min(len(lines), k + 20)) if lines[j].strip()), None)


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
