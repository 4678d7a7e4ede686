"""Divider lines that mark a change of scene.

Recognised (a whole line, spaces allowed between the marks):

* runs of ``*  #  ~  -  _  =  +  •  ·`` and ornaments ``⁂ ❧ ☙ ✻ ✢ ◆ ◇ ※ ∗``:
  ``***``, ``* * *``, ``#``, ``~~~~~``, ``---``, ``•••``;
* fan-fiction dividers: letters alternating in case or digit (``o0o``,
  ``oOo``, ``xXx``) or letters between separators (``-x-x-x-``, ``~o~``).

A line of only punctuation that matches none of these is *not* a break; the
linter reports it as an unrecognised divider so the writer can decide.
"""

from __future__ import annotations

import itertools
import re

# Why: every mark writers use alone on a line for a scene break; one or more of them.
_SYMBOL_BREAK = re.compile(r"(?:[*#~\-_=+•·⁂❧☙✻✢◆◇※∗]\s*)+")
# Why: fan-fiction dividers are built from o/O/0/x/X and separator marks only.
_FANFIC_CHARS = re.compile(r"[-~=_*xXoO0]{3,40}")
_SEPARATORS = re.compile(r"[-~=_*]")
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
    letters = _SEPARATORS.sub("", compact)
    if not letters:
        return False
    if letters != compact:
        # Letters set between separators: -x-x-x-, ~o~o~, =OoO=.
        return True
    # Bare letters must alternate (o0o, oOo, xXx) so words like "Ooo" stay prose.
    return len(letters) >= 3 and all(a != b for a, b in itertools.pairwise(letters))


def looks_like_divider(line: str) -> bool:
    """A short line with no letters or digits (``<><>``, ``///``) that is not a known break."""
    return 0 < len(line) <= 40 and bool(_NO_WORDS.fullmatch(line)) and not is_scene_break(line)
