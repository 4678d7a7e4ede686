"""Divider lines that mark a change of scene.

Recognised (a whole line, spaces allowed between the marks):

* runs of ``*  #  ~  -  _  =  +  •  ·  §`` and ornaments
  ``⁂ ❧ ☙ ❦ ✻ ✢ ✦ ✱ ❖ ◆ ◇ ※ ∗``: ``***``, ``* * *``, ``#``, ``~~~~~``, ``---``, ``•••``;
* three or more spaced full stops (``. . .``; an ellipsis alone, ``…``, is a
  character's silence and stays prose);
* a writer's placeholder for one: ``[scene break]``, ``(break)``, ``[Scene Change]``;
* fan-fiction dividers, built of one mark, ``o`` (``o O 0``) or ``x`` (``x X``):
  the mark alternating in case or with a zero (``o0o``, ``oOo``, ``OoO``,
  ``xXx``, ``oOoOo``), or set between separators from end to end
  (``-x-x-x-``, ``~o~o~``, ``~o~``, ``=OoO=``).

Nothing else with a letter or a digit is a divider, so no word is ever taken
for one: ``XOXO`` and ``OxO`` mix two marks, ``x-x`` and ``0-0`` are not framed
by separators, ``-- 0`` ends in a digit, ``-0-`` is a number; all stay prose.

A line of only punctuation that matches none of these is *not* a break; the
linter reports it as an unrecognised divider so the writer can decide.
"""

from __future__ import annotations

import re

# Why: every mark writers use alone on a line for a scene break; one or more of them.
_SYMBOL_BREAK = re.compile(
    r"(?:[*#~\-_=+•·§⁂❧☙❦✻✢✦✱❖◆◇※∗]\s*)+|\.(?:\s+\.){2,}"
    r"|[\[(](?i:(?:scene|section)\s+(?:break|change)|break)[\])]"
)
# Why: fan-fiction dividers are built from o/O/0 or x/X and separator marks only.
_FANFIC_CHARS = re.compile(r"[-~=_*xXoO0]{3,40}")
_SEPARATOR_RUN = re.compile(r"[-~=_*]+")
_SEPARATORS = "-~=_*"
# Why: the two marks writers alternate; a zero stands for an o, never for a number.
_MARKS = (frozenset("oO0"), frozenset("xX"))
# Why: a line with no letter or digit that is not a known divider is worth a warning.
_NO_WORDS = re.compile(r"[^\w]+")


def is_scene_break(line: str) -> bool:
    """True if the (stripped) line is a scene-break divider."""
    if not line or len(line) > 80:
        return False
    if _SYMBOL_BREAK.fullmatch(line):
        return True
    return _is_fanfic_divider(line)


def _is_fanfic_divider(line: str) -> bool:
    compact = line.replace(" ", "")
    if not _FANFIC_CHARS.fullmatch(compact):
        return False
    groups = [g for g in _SEPARATOR_RUN.split(compact) if g]
    letters = "".join(groups)
    used = set(letters)
    if not used or not any(used <= mark for mark in _MARKS) or used == {"0"}:
        return False  # no mark, two marks mixed (XOXO, OxO), or only zeros (a number)
    if len(groups) > 1 or letters != compact:
        # Marks set between separators: -x-x-x-, ~o~o~, =OoO=; never x-x, 0-0 or -- 0.
        framed = compact[0] in _SEPARATORS and compact[-1] in _SEPARATORS
        return framed and all(len(g) == 1 or _alternating(g) for g in groups)
    # A bare mark must alternate (o0o, oOo, xXx) so words like "Ooo" stay prose.
    return _alternating(compact)


def _alternating(marks: str) -> bool:
    """``oOo``, ``o0o0o``, ``XxX``: two forms of one mark taking turns, the same at both ends."""
    return (
        len(marks) >= 3
        and len(marks) % 2 == 1
        and len(set(marks[0::2])) == 1
        and len(set(marks[1::2])) == 1
        and marks[0] != marks[1]
    )


#: Quotation marks: a line of them and dots (``"..."``, ``«…»``) is a silence in dialogue.
_QUOTES = frozenset("\"'“”‘’«»„‚‹›「」『』")


def reads_as_ten(line: str) -> bool:
    """A divider that is also the Roman numeral ten between marks (``-X-``, ``~ X ~``):
    chapter X in a book that numbers its chapters ``-IX-``, ``-XI-``; the reader
    decides with the whole file in view (:mod:`compile_book.readers.structure`)."""
    return len(line) <= 9 and line.strip(" " + _SEPARATORS) == "X" and is_scene_break(line)


def looks_like_divider(line: str) -> bool:
    """A short line with no letters or digits (``<><>``, ``///``) that is not a known break
    nor a character's silence (``"..."``)."""
    return (
        0 < len(line) <= 40
        and bool(_NO_WORDS.fullmatch(line))
        and not _QUOTES.intersection(line)
        and not is_scene_break(line)
    )
