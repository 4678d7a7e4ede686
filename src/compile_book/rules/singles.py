"""Straight single quotes: opening quote, closing quote or apostrophe, by context.

Why context and not a list: dialect writing drops letters at the start of any
word (``'ad``, ``'earty``, ``'Frisco``, ``'Ullo``), and a list of such words is
never complete. A single quote that *opens* must *close*: single quotes do not
nest inside single quotes, so within one level of double quotes the first
candidate opening quote pairs with the first closing one, and every other
candidate in between is an elision. A candidate that no closing quote answers
within the paragraph is an elision too, unless it starts the paragraph before a
capital (British-style speech running over several paragraphs). The short list
below settles what stays ambiguous (a known elision never opens, so ``'Tis
true,' he said`` still pairs correctly), and a word-final quote after a word
that drops its last letters (``goin'``, ``an'``, ``o'``) never closes. A quote
between a word and a dash (``responsibility'--that's``) closes a quotation
opened at a clause start before a capital, however long it ran.

One pass over the quotes (a stack of double-quote levels): linear time.
"""

from __future__ import annotations

import re

from .. import markers

# Why: these leading elisions are common enough that a later closing quote in the
# paragraph must not make them an opening quote.
KNOWN_ELISIONS = frozenset(
    "tis twas twere twill twould tain em cause cos coz til bout round nother n un neath "
    "gainst kay sup midst ere fraid nuff scuse less pon course spect im is e er ad ave "
    "ow ome ouse alf appen eard ear ead ello ullo orse ope igh ole aint struth cept "
    "d s ll re ve m uz ud kase cep spec low deed member f t mongst twarn twuz twixt twix ford "
    "count thout fore nough dout sturb crease pears cuz uman appy spute".split()
)
# Why: a quote after these word endings drops letters (goin', an', o', th') rather
# than closing a quotation.
_TRAILING_ELISIONS = frozenset(
    "an o th ol roun fo wi yo ma pa frien lan han stan a ha gi mos jus fus los soun kep giv".split()
)
# Why: "goin'", "nothin'" drop a g; "again", "certain", "vein" are whole words.
_WHOLE_IN = ("ain", "ein")
# Why: a negation that drops its t (didn', wouldn', wasn', doan', ain') ends in an
# n no English word ends on after d, s or t; a closing quote follows a whole word.
_NEGATION_NO_T = re.compile(r"(?:[dst]n|^ain|^doan)$")
_WORD_AFTER = re.compile(r"[^\W\d_]+|\d\ds?\b")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_MARKS = "'“”"
_DASHES = "-—–"
_OPENERS = frozenset(' \t\n([{<"“‘' + _DASHES + markers.OPENING)
_STRONG_BEFORE = frozenset(".,!?;:…" + _DASHES + markers.CLOSE)


def _word_after(text: str, i: int) -> str:
    m = _WORD_AFTER.match(text, i + 1)
    return m.group() if m else ""


def _drops_last_letters(text: str, i: int) -> bool:
    """``goin'``/``an'``: the quote at ``i`` ends a word that lost its last letters."""
    m = _WORD_BEFORE.search(text, max(0, i - 12), i)
    if m is None:
        return False
    word = m.group().lower()
    return (
        word in _TRAILING_ELISIONS
        or (len(word) > 3 and word.endswith("in") and not word.endswith(_WHOLE_IN))
        or _NEGATION_NO_T.search(word) is not None
    )


def _opens_position(text: str, i: int) -> bool:
    """The quote at ``i`` stands where a quotation could open (``text[0]`` is a space)."""
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else ""
    if before in _DASHES:
        # Why: "drawing--'" ends the quotation; "--'Tis" or "—'What" opens one.
        return bool(after) and not after.isspace() and after not in "'\"’”.,;:!?"
    return before in _OPENERS


def _unanswered(text: str, i: int, top: bool) -> str:
    """An opening candidate no closing quote answered: elision ``’`` or quote ``‘``.

    Why ``top``: outside double quotes, single quotes are the book's main quotes
    (British style), and speech runs over paragraphs unclosed; a capital there
    after a sentence or clause start opens. After a word (``in 'Frisco``), or
    inside double quotes (nested quotes never run on), it is an elision.
    """
    word = _word_after(text, i)
    if not word:
        return "‘"
    if _known(word) or not word[0].isupper() or not top:
        return "’"
    before = _before(text, i)
    return "’" if before.isalnum() else "‘"


def _before(text: str, i: int) -> str:
    """The last character before ``i`` that is not a space ("" at the start)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _known(word: str) -> bool:
    return bool(word) and (word.lower() in KNOWN_ELISIONS or word[0].isdigit())


def _may_open(text: str, i: int, word: str) -> bool:
    """A known elision that is also a capitalised word at a sentence or clause start
    (``'Is it yours?'``) may open a quotation: it does if a closing quote answers it."""
    return word[0].isupper() and not _before(text, i).isalnum()


# Why: a quotation closed right after a letter ('experts', 'The Raven') is a word or a
# title, a few words long; a quote after a letter far from the opener is a dropped
# letter (hem', b'long) in a dialect sentence.
_SHORT_QUOTE_CHARS = 60
_SHORT_QUOTE_WORDS = 6


def _short_quote(text: str, opener: int, closer: int) -> bool:
    return (
        closer - opener <= _SHORT_QUOTE_CHARS
        and text.count(" ", opener, closer) < _SHORT_QUOTE_WORDS
    )


# Why: speech opens with the level's first candidates; bounded so that a paragraph of
# dialect elisions before dashes is not scanned once per quote.
_SPEECH_LOOK = 8


def _speech_open(text: str, level: list[int]) -> bool:
    """A candidate opens speech: a capital at a sentence or clause start, or any word
    right after a dash (speech picked up after an interruption: "tale--'but I").

    Why: a quote glued to a word and then to a dash ("responsibility'--that's")
    closes such a quotation however long it ran; after a lowercase candidate
    (dialect 'way, 'long) it is more likely a dropped letter (las'--). Only the
    first few candidates are looked at, so a paragraph of them stays linear.
    """
    return any(
        (text[j + 1 : j + 2].isupper() and not _before(text, j).isalnum())
        or (j > 0 and text[j - 1] in _DASHES)
        for j in level[:_SPEECH_LOOK]
    )


def _opener(text: str, level: list[int]) -> int:
    """Which candidate a closing quote answers: the first that starts a clause before a
    capital (``say, 'Sid`` after ``Sally 'd``), else the last before a capital, else
    the first; the others are elisions."""
    for j in level:
        if text[j + 1 : j + 2].isupper() and not _before(text, j).isalnum():
            return j
    for j in reversed(level):
        if text[j + 1 : j + 2].isupper():
            return j
    return level[0]


def _quotes(text: str) -> list[int]:
    """The offsets of ``'``, ``“`` and ``”``, in order.

    Why not a regex: a character class is tried at every character (a few
    microseconds a paragraph); ``str.find`` jumps from quote to quote.
    """
    found: list[int] = []
    for mark in _MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def curl_singles(text: str, english: bool = True, elisions: list[int] | None = None) -> str:
    """``text`` with every straight ``'`` curled; doubles already curled; length kept.

    ``english``: words that drop their last letters (``goin'``) are English dialect;
    in other languages a quote after ``nein`` closes. ``elisions`` receives the offsets
    of the quotes read as elisions by context (not from the list): the decisions a
    writer may want to check.
    """
    # Why a dict: only the quotes change; copying the paragraph into a list of
    # characters and joining it again cost more than deciding every quote.
    out: dict[int, str] = {}
    levels: list[list[int]] = [[]]  # candidate opening quotes per double-quote level

    def settle(level: list[int]) -> None:
        for j in level:
            out[j] = _unanswered(text, j, level is levels[0])
            if elisions is not None and out[j] == "’" and not _known(_word_after(text, j)):
                elisions.append(j)
        level.clear()

    for i in _quotes(text):
        ch = text[i]
        if ch == "“":
            levels.append([])
            continue
        if ch == "”":
            if len(levels) > 1:
                settle(levels.pop())
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else ""
        if (before.isalnum() or before == markers.CLOSE) and (after.isalnum() or after == "_"):
            out[i] = "’"  # don't, Titanic's
        elif _opens_position(text, i):
            word = _word_after(text, i)
            if word and _known(word) and not _may_open(text, i, word):
                out[i] = "’"
            else:
                out[i] = "‘"
                levels[-1].append(i)
        else:
            _close(text, i, levels[-1], out, elisions, english=english)
    for level in levels:
        settle(level)
    if elisions is not None:
        elisions.sort()
    return _curled(text, out)


def _close(
    text: str,
    i: int,
    level: list[int],
    out: dict[int, str],
    elisions: list[int] | None,
    *,
    english: bool,
) -> None:
    """A quote after a word or a mark, at ``i``: it closes the nearest candidate opening
    quote of its ``level`` (the other candidates are elisions), or it is an elision
    itself (a dropped letter, ``rock 'n' roll``)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else ""
    out[i] = "’"
    dropped = english and _drops_last_letters(text, i)
    strong = before in _STRONG_BEFORE or (
        after in _DASHES and before.isalpha() and not dropped and _speech_open(text, level)
    )
    if level and (strong or not dropped):
        # A word or title in quotes pairs with the nearest candidate.
        opener = _opener(text, level) if strong else level[-1]
        if not strong and (not _short_quote(text, opener, i) or _known(_word_after(text, opener))):
            return  # a dropped letter ("rock 'n' roll"), not a closing quote
        for j in level:
            out[j] = "‘" if j == opener else "’"
            if elisions is not None and j != opener and not _known(_word_after(text, j)):
                elisions.append(j)
        level.clear()


def _curled(text: str, out: dict[int, str]) -> str:
    """``text`` with each straight quote replaced by the mark decided for it."""
    pieces = text.split("'")  # every straight quote was decided, in text order
    joined = [pieces[0]]
    for at, piece in zip(sorted(out), pieces[1:], strict=True):
        joined += (out[at], piece)
    return "".join(joined)
