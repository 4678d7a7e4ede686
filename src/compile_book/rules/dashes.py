"""Dashes, in one pass over the dash characters so every change has an exact offset.

The rules, tried in this order for each run of dashes:

* omitted  four or more hyphens, or two or more em dashes, stand for a name or
           word left out: glued to a letter (``Mr. B----``, ``----shire``) a
           2-em dash ⸺, standing alone (``General ---- 's``) a 3-em dash ⸻; the
           writer's spaces are kept
* range    ``1939--1945``, ``5 - 7``, ``1990-1995`` (1-4 digits each side)
           -> en dash, closed
* double   ``--``/``---``, spaced or not                    -> em dash, spaces removed
* spaced   `` - `` between two words                         -> em dash, spaces removed
* word     ``word- word`` (not before and/or/nor/to)         -> em dash, space removed
* final    ``word-`` before closing quotes and space or end  -> em dash (``—”``)
* trailing `` -`` before closing quotes and the end          -> em dash, space removed
* em       `` — `` spaced by the writer                      -> closed em dash

The em dashes become a spaced en dash in the "en-spaced" house style, and the
language's spaced dash (`` — `` with a no-break space before it) where the
locale sets dashes spaced (all but English and Spanish). A paragraph that
opens with a dash in a language with dialogue dashes (:attr:`LocaleData.raya`)
follows the dialogue rules instead (``—Ya voy —dijo él—.``); elsewhere in such a
language an aside opens with a dash glued to its first word (``dijo: —Ya voy``,
``él —pensó— no``) and closes with one glued to its last.

Why scan by hand: a regex whose alternatives begin with optional spaces or
look-behinds is tried at every position of every paragraph (the slowest step of
the whole parser); jumping to the dashes and reading their context is ~10x faster.
"""

from __future__ import annotations

import re

from .. import markers
from ..locale import Locale
from ..record import record

MARKERS = markers.RANGE
DASH_RUN_RE = re.compile("-+|—+")
# Why: where the language sets its dashes spaced, a writer's own spaced en dash
# (a word processor's autocorrect, "Nej – sa han") needs the no-break space too.
SPACED_DASH_RUN_RE = re.compile("-+|—+|–")
_CLOSERS = frozenset("”’\"'") | frozenset(chr(c) for c in range(0xE000, 0xE100))
# Why: "pre- and post-war": a hyphen before these words is a suspended hyphen.
_SUSPENDED_NEXT = re.compile(r"(?:and|or|nor|to)\b")
_RANGE_SIDES = re.compile(r"\d{1,4}")
TWO_EM, THREE_EM = "⸺", "⸻"
_AFTER_PUNCTUATION = frozenset(".,;:!?)]…")

Change = tuple[tuple[int, int], str, str]  # (span replaced, replacement, note)


def _ends_here(text: str, i: int) -> bool:
    """Only closing quotes (or inline markers) stand between ``i`` and a space or the end."""
    n = len(text)
    while i < n and text[i] in _CLOSERS:
        i += 1
    return i == n or text[i].isspace()


@record
class _Run:
    """A run of dashes and its surroundings: the spaces around it and the characters
    beyond them (``before``/``after``, empty at the ends of the text)."""

    text: str
    start: int
    end: int
    left: int
    right: int
    before: str
    after: str

    @property
    def spaced_left(self) -> bool:
        return self.left < self.start

    @property
    def spaced_right(self) -> bool:
        return self.right > self.end

    @property
    def omission(self) -> bool:
        """``----`` or ``——``: a name or word left out, not punctuation."""
        return len(self.text) >= 4 or (len(self.text) >= 2 and self.text[0] == "—")

    @classmethod
    def at(cls, text: str, m: re.Match[str], done: int) -> _Run:
        start, end = m.span()
        left = start
        while left > done and text[left - 1].isspace():
            left -= 1
        right, n = end, len(text)
        while right < n and text[right].isspace():
            right += 1
        before = text[left - 1] if left > 0 else ""
        after = text[right] if right < n else ""
        return cls(m.group(), start, end, left, right, before, after)


def _number_range(text: str, start: int, end: int) -> bool:
    """Exactly two numbers of up to four digits around ``text[start:end]`` (``1990-1995``);
    ``1-800-555-1234`` or an ISBN is not a range."""
    digits = re.search(r"\d+$", text[max(0, start - 5) : start])
    right_side = _RANGE_SIDES.match(text, end)
    if digits is None or right_side is None or len(digits.group()) > 4:
        return False
    first = start - len(digits.group())
    after = text[right_side.end() : right_side.end() + 1]
    return text[first - 1 : first] != "-" and after != "-" and not after.isdigit()


# Why: the dialogue paragraph opens with a dash (raya, travessão); the narrator's tags
# inside it open with a spaced dash glued to the next word and close with a dash
# glued to the word before ("—Ya voy —dijo él—. Vamos.").
_DIALOGUE_START = re.compile(f"[{MARKERS}]*" + r"(-{1,3}|—|–)[ \t]*(?=\S)")
_TAG_PUNCTUATION = frozenset(".,;:!?…")


def _dialogue(opening: re.Match[str], r: _Run, aside: bool) -> tuple[Change, bool]:
    """One dash of a dialogue paragraph: the change, and whether a tag is still open."""
    if r.start == opening.start(1):
        return ((r.start, opening.end()), "—", "dialogue dash"), False
    closes = not r.spaced_left or (not r.after or r.after in _TAG_PUNCTUATION)
    if (aside and r.spaced_left and r.spaced_right) or closes:
        # Closing a tag: glued to the word before, whatever follows stays.
        return ((r.left, r.end), "—", "dialogue tag closed"), False
    return ((r.left, r.right), " —", "dialogue tag opened"), True


def _omission(r: _Run) -> Change:
    """``B----`` -> ``B⸺``; ``the ---- was`` -> ``the ⸻ was`` (the spaces stay)."""
    glued = (not r.spaced_left and r.before.isalnum()) or (not r.spaced_right and r.after.isalnum())
    return (r.start, r.end), TWO_EM if glued else THREE_EM, "omission dash"


class DashSetter:
    """The dash rules for one book's house style and language."""

    def __init__(self, style: str, locale: Locale) -> None:
        self.locale = locale
        self.em = style == "em"
        self._aside = False
        self._runs = SPACED_DASH_RUN_RE if self.em and locale.dash_space else DASH_RUN_RE
        if self.em and locale.dash_space:
            self.dash, self.dash_close = f"\u00a0{locale.dash} ", f"\u00a0{locale.dash}"
        elif self.em:
            self.dash = self.dash_close = locale.dash
        else:
            self.dash, self.dash_close = "\u00a0– ", "\u00a0–"

    def set(self, text: str, dashes: list[tuple[int, str]]) -> str:
        """Apply the rules above; record each change at its offset in ``text``."""
        out: list[str] = []
        done = 0  # text[:done] is already in out
        self._aside = False  # an aside opened mid-paragraph awaits its closing dash
        opening = _DIALOGUE_START.match(text) if self.locale.raya else None
        aside = False  # a dialogue tag ("—dijo él") is open
        for m in self._runs.finditer(text):
            if m.start() < done:
                continue
            run = _Run.at(text, m, done)
            found: Change | None
            if run.omission:
                found = _omission(run)
            elif opening is not None and (
                run.spaced_left
                or run.spaced_right
                or run.start == opening.start(1)
                or (aside and run.after in _TAG_PUNCTUATION)
            ):
                found, aside = _dialogue(opening, run, aside)
            else:
                found = self._rule(text, run)
            if found is None:
                continue
            span, new, what = found
            dashes.append((span[0], what))
            out.append(text[done : span[0]])
            out.append(new)
            done = span[1]
        if not out:
            return text
        out.append(text[done:])
        return "".join(out)

    def _rule(self, text: str, r: _Run) -> Change | None:
        """The rule (of those listed above) that applies to one run of dashes, if any."""
        if r.text == "–":
            return self._en(r)
        if r.before.isdigit() and r.after.isdigit() and r.text in ("-", "--"):
            even = r.spaced_left == r.spaced_right
            if even and (r.text == "--" or r.spaced_left) and _number_range(text, r.left, r.right):
                return (r.left, r.right), "–", "number range -> en dash"
        if not r.before and self.locale.dash_space and r.after:
            # A French or Russian dialogue line opening "--Bonjour" or "- Bonjour".
            return (r.start, r.right), f"{self.locale.dash} ", "dialogue dash"
        if (
            self.locale.raya
            and r.spaced_left
            and r.after
            and (r.before == ":" or not r.spaced_right)
        ):
            # Speech or an aside opening mid-paragraph: "Ella dijo: —Ya voy", "él —dijo".
            self._aside = True
            return (r.start, r.right), "—", "dialogue dash opened"
        if self._aside and not r.spaced_left and r.spaced_right and r.before.isalpha():
            # The aside closes glued to its last word; the text goes on after a space.
            self._aside = False
            return (r.start, r.end), "—", "dialogue dash closed"
        if r.text == "—":
            return self._em(r)
        if len(r.text) >= 2:
            # Why: a spaced dash glued to the punctuation after it ("lui--.") keeps no
            # space before that punctuation ("lui —.", not "lui — .").
            glued = not r.spaced_right and r.after in _AFTER_PUNCTUATION
            return (
                (r.left, r.right),
                self.dash_close if glued else self.dash,
                f"{r.text!r} -> em dash",
            )
        if r.spaced_left and r.spaced_right and r.before and r.after:
            return (r.left, r.right), self.dash, "'-' -> em dash"
        if not r.spaced_left and r.spaced_right and r.before.isalnum() and r.after.isalnum():
            if _SUSPENDED_NEXT.match(text, r.right):
                return None
            return (r.start, r.right), self.dash, "'-' -> em dash"
        if (
            not r.spaced_left
            and r.before
            and (r.before.isalnum() or r.before in ".,!?")
            and _ends_here(text, r.end)
        ):
            return (r.start, r.end), self.dash_close, "'-' -> em dash"
        if r.spaced_left and r.before and _ends_here(text, r.end):
            return (r.left, r.end), self.dash_close, "'-' -> em dash"
        digits = r.before.isdigit() and r.after.isdigit()
        if digits and not (r.spaced_left or r.spaced_right) and _number_range(text, r.start, r.end):
            return (r.start, r.end), "–", "number range: hyphen -> en dash"
        return None

    def _en(self, r: _Run) -> Change | None:
        """A typed en dash, in a language that spaces its dashes: spaced between words
        it becomes the language's dash; opening a line, its dialogue dash; a range
        ("1990–1995") or a closed one is left as typed."""
        if not r.before and r.after and r.spaced_right:
            return (r.start, r.right), f"{self.locale.dash} ", "dialogue dash"
        if r.spaced_left and r.spaced_right and r.before and r.after:
            return (r.left, r.right), self.dash, "spaced en dash -> language's spaced dash"
        return None

    def _em(self, r: _Run) -> Change | None:
        """A typed em dash: closed up when spaced (or spaced as the language sets it)."""
        if not (r.spaced_left and r.spaced_right) or not r.before:
            return None
        if self.em and not self.locale.dash_space:
            return (r.left, r.right), "—", "spaced em dash closed up"
        return (r.left, r.right), self.dash, "spaced em dash -> language's spaced dash"
