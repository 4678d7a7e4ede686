"""Typography a careful publisher applies, on one paragraph's text at a time.

Substitutions, in order (each a named regex below):

1. **Quotes** (``[typography] quotes``), by context:
   ``"`` -> “ or ”, ``'`` -> ‘ or ’. Single quotes are decided by context
   (:mod:`compile_book.rules.singles`): a word-initial quote that no closing
   quote answers is an elision ('ad, 'Frisco, '90s), with a list for the
   ambiguous rest ('tis, 'em, 'cause, 'n'). A quote after a dash and before a
   space closes (interrupted speech ends —”, —’). Quotes the writer already
   curled are kept.
   Other languages map these to their own (German „ “ ‚ ‘, French « » with
   no-break spaces, Polish „ ” « », Swedish ” ” ’ ’, Russian « » „ “).
2. **Dashes** (``[typography] dashes``, :mod:`compile_book.rules.dashes`): ``--``/``---``,
   `` - `` between words, ``word- word``, a spaced ``—`` and a word-final
   ``-`` before a closing quote or space all become a closed em dash (or a
   spaced en dash as house style, or the language's spaced dash); number
   ranges (``1990-1995``, ``5--7``) take an en dash, ``B----`` and ``----``
   for an omitted name a 2-em or 3-em dash. Hyphens inside words
   (``half-ducked``) and suspended hyphens (``pre- and post-war``) are left
   alone. Dialogue dashes follow the language (``—Ya voy —dijo él—.``).
3. Runs of spaces collapse to one.
4. **Ellipses** (``[typography] ellipses``): ``...``, ``. . .`` and longer runs
   -> ``…`` (four dots: a full stop and an ellipsis).
5. **No-break spaces** (``[typography] nbsp``): after Mr./Mrs./Dr./St. and
   similar, and between a number and its unit (``5 km``, ``10 pm``).

The text may contain marker characters (:mod:`compile_book.markers`)
standing for emphasis/telepathy boundaries and escapes: they count as
punctuation for quote context and are never moved, so inline structure
survives. A writer's private-use characters are not markers: they are text.
Quote curling preserves length and runs first, so offsets reported for
dashes are offsets into the text as it came in.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import markers
from ..config import TypographyConfig
from ..locale import Locale, Quotes, get_locale
from .dashes import DashSetter
from .singles import curl_singles

MARKERS = markers.RANGE

# --- quotes (English forms; other languages are mapped afterwards)
# Each pattern starts with the quote itself and looks *behind* it afterwards, so
# the regex engine can skip straight to the quotes (a leading look-behind makes it
# try every position). curl() puts a space before the text so the start of the
# paragraph counts as "after whitespace".
# Why: a span's opening marker (OPEN) and the escape stand-ins open like a bracket;
# a span's closing marker (CLOSE) ends a word, so a quote after it closes or is an
# apostrophe (*Titanic*'s).
_OPENERS = r"\s(\[{<\-—–" + markers.OPENING
# Why: a " after a word/punctuation and before space/punctuation/end closes.
DOUBLE_CLOSE_RE = re.compile(
    rf"\"(?<=[\w.,!?;:…\-—–)\]’'%{MARKERS}]\")(?=[\s.,;:!?)\]\-—–…{MARKERS}]|['’](?!\w)|$)"
)
# Why: ':--"... So I said': after a dash, a quote before an ellipsis that leads into
# words opens (speech picked up mid-way), though it stands where a closing one could.
DOUBLE_RESUMES_RE = re.compile(r"\"(?<=[\-—–]\")(?=(?:…|\.\.\.) ?\w)")
# Why: a quote that ends the paragraph opens nothing ("...the sea.' " typed with a
# space between the nested quotes), and one standing alone after a closing single
# quote ("'we pray,' " said Dan) closes the outer quotation.
DOUBLE_SPACED_CLOSE_RE = re.compile(rf"\"(?=[\s{MARKERS}]*$)|\"(?<=['’] \")(?=\s)")
# Why: "Go!"he said: a quote right after sentence punctuation closes, even glued.
DOUBLE_AFTER_STOP_RE = re.compile(r"\"(?<=[.!?…]\")(?=\w)")
# Why: a " at the start or after space/bracket/dash/other quote opens.
DOUBLE_OPEN_RE = re.compile(rf"\"(?<=[{_OPENERS}'‘“]\")")
# Why: a " glued to the word after it (he said,"Go) opens.
DOUBLE_BEFORE_WORD_RE = re.compile(r"\"(?=[\w'‘])")
SPACES_RE = re.compile(r" {2,}")
# Why: four dots are a full stop and an ellipsis ("Yes. . . . Four" -> "Yes…. Four");
# five or more are a writer's long pause, one ellipsis (no stray periods).
ELLIPSIS_RE = re.compile(r"\.(?: ?\.){2,}")


def _ellipsis(m: re.Match[str]) -> str:
    return "…." if m.group().count(".") == 4 else "…"


# Why: an honorific must not end a line apart from its name. The abbreviations
# are the locale's (English: Mr Mrs Ms Mx Dr St Mt Prof Capt Sgt Lt Col Gen Rev Fr).
# (The ". " comes first so the engine only stops at sentence ends.)
@functools.lru_cache(maxsize=16)
def honorific_re(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of a space after one of ``honorifics`` (abbreviations without dots).

    A lower-case abbreviation is tried capitalised too: it opens sentences
    ("Проф. Иванов", "Dr. Weber") as often as it follows a word ("у проф. Иванова").
    """
    forms = dict.fromkeys(f for h in honorifics for f in (h, h[:1].upper() + h[1:]))
    # One look-behind per length (each must have one width), not one per abbreviation.
    by_length: dict[int, list[str]] = {}
    for form in forms:
        by_length.setdefault(len(form), []).append(re.escape(form))
    behind = (rf"(?<=\b(?:{'|'.join(same)})\. )" for _, same in sorted(by_length.items()))
    return re.compile(r"\. (?:" + "|".join(behind) + rf")(?=[\w{MARKERS}])")


# Why: "5 km" must not break between number and unit. (The space comes first so the
# engine jumps from space to space; a leading look-behind is tried at every position.)
UNIT_RE = re.compile(
    r" (?<=\d )(?=(?:km|cm|mm|kg|mg|lbs?|oz|mph|kph|ft|mi|m|g|°[CF]|%|am|pm|a\.m\.|p\.m\.|h|min"
    # Cyrillic units, and "г." after a year ("1990 г.")
    r"|км|см|мм|кг|мг|м|г|л|ч|мин)"
    r"(?![\w]))"
)

# Why: an abbreviation of two one-letter parts ("z. B.", "d. h.", "т. е.", "i. e.")
# must not break between them; the first part is lower case, so initials
# ("J. K. Rowling") are left as typed. The match is the ". " alone (the letter is
# looked behind at), so the engine jumps between full stops.
SPLIT_ABBREVIATION_RE = re.compile(r"\.(?<=(?<![\w.])[^\W\d_]\.) (?=[^\W\d_]\.(?!\w))")


def _split_abbreviation(m: re.Match[str]) -> str:
    return ".\u00a0" if m.string[m.start() - 1].islower() else ". "


# Why: French sets a space before ; ! ? and : that a writer used to English
# keyboards leaves out ("vite; trop vite", "Pourquoi?"); it goes in only after a
# word or a closing mark and before a space, a closing quote or the end, so
# "12:30", "http://", "?q=1" and ";)" keep their form.
HIGH_PUNCTUATION_GLUED_RE = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[»”’)…{MARKERS}]))(?=[;!?]+(?:[\s»”’){MARKERS}]|$)|:\s)"
)

_ENGLISH_QUOTES = ("“", "”", "‘", "’")


@dataclass(slots=True)
class Changes:
    """What one paragraph's typography changed (offsets into the incoming text)."""

    dashes: list[tuple[int, str]] = field(default_factory=list)
    elisions: list[int] = field(default_factory=list)  # a quote read as ’ by context
    quotes: int = 0
    ellipses: int = 0
    nbsp: int = 0


class Typographer:
    """Applies the configured substitutions for one book's language."""

    def __init__(self, config: TypographyConfig, locale: Locale | str) -> None:
        self.config = config
        self.locale = get_locale(locale) if isinstance(locale, str) else locale
        quotes = tuple(self.locale.quotes)
        # Why: English curls need no mapping; other languages map each curl to theirs.
        self.quote_map = None if quotes == _ENGLISH_QUOTES else quotes
        # The outer quotes a writer may type, each with its inner ones.
        self.typed_pairs = (self.locale.quotes, *self.locale.alt_quotes)
        self.english = self.locale.language == "en"
        self.honorifics = honorific_re(self.locale.honorifics)
        self.spacing = bool(self.locale.quote_space or self.locale.punctuation_space)
        # A curl read ahead by the linter, and how many paragraphs of that text still
        # want it (a novel repeats some: "Yes.", "No.").
        self._remembered: dict[str, tuple[tuple[str, tuple[int, ...]], int]] = {}
        self.dashes = DashSetter(config.dashes, self.locale)

    def curl(self, text: str) -> str:
        """Curl straight quotes (English forms); the length never changes."""
        return self._curl(text)[0]

    def _curl(self, text: str) -> tuple[str, tuple[int, ...]]:
        """English curls, and the offsets of quotes read as elisions by context."""
        text = " " + text
        if '"' in text:
            text = DOUBLE_RESUMES_RE.sub("“", text)
            text = DOUBLE_CLOSE_RE.sub("”", text)
            text = DOUBLE_SPACED_CLOSE_RE.sub("”", text)
            text = DOUBLE_AFTER_STOP_RE.sub("”", text)
            text = DOUBLE_OPEN_RE.sub("“", text)
            text = DOUBLE_BEFORE_WORD_RE.sub("“", text)
            text = text.replace('"', "”")
        elisions: list[int] = []
        if "'" in text:
            text = curl_singles(text, self.english, elisions)
        return text[1:], tuple(i - 1 for i in elisions)

    def curl_counted(self, text: str, changes: Changes) -> str:
        """Curl straight quotes in the book's language, counting them; length never changes.

        Only quotes the writer typed straight are touched: a German manuscript
        already set with „ “ keeps them (its “ is a *closing* quote there).
        """
        if not self.config.quotes or ('"' not in text and "'" not in text):
            return text
        # Every straight quote is curled, so counting them is counting the changes.
        changes.quotes += text.count('"') + text.count("'")
        remembered = self._remembered.get(text)
        if remembered is None:
            result, elisions = self._curled(text)
        else:
            (result, elisions), wanted = remembered
            if wanted > 1:
                self._remembered[text] = ((result, elisions), wanted - 1)
            else:
                del self._remembered[text]
        changes.elisions.extend(elisions)
        return result

    def curled(self, text: str) -> str:
        """Straight quotes curled in the book's language, without counting; the result
        is remembered for the next :meth:`curl_counted` of the same text (the linter
        reads a paragraph's quotes just before typography sets them)."""
        if not self.config.quotes or ('"' not in text and "'" not in text):
            return text
        remembered = self._remembered.get(text)
        if remembered is not None:  # the same text again: curled the same way
            self._remembered[text] = (remembered[0], remembered[1] + 1)
            return remembered[0][0]
        result = self._curled(text)
        self._remembered[text] = (result, 1)
        return result[0]

    def _curled(self, text: str) -> tuple[str, tuple[int, ...]]:
        curled, elisions = self._curl(text)
        return (self._localise(text, curled) if self.quote_map else curled), elisions

    @property
    def double_quotes(self) -> tuple[str, str]:
        """The opening and closing double quote of the book's language (as curled)."""
        if self.quote_map is None:
            return "“", "”"
        return self.quote_map[0], self.quote_map[1]

    def apply(self, text: str, changes: Changes) -> str:
        """Every enabled substitution after quote curling (call :meth:`curl_counted` first)."""
        cfg = self.config
        if cfg.dashes != "off" and ("-" in text or "—" in text or "–" in text):
            text = self.dashes.set(text, changes.dashes)
        if "\t" in text:
            text = text.replace("\t", " ")
        if "  " in text:
            text = SPACES_RE.sub(" ", text)
        if cfg.ellipses and (".." in text or ". ." in text):
            text, n = ELLIPSIS_RE.subn(_ellipsis, text)
            changes.ellipses += n
        if cfg.nbsp and " " in text:
            text, n1 = self.honorifics.subn(".\u00a0", text)
            if ". " in text:
                split, n = SPLIT_ABBREVIATION_RE.subn(_split_abbreviation, text)
                if n:  # rare: count the no-break spaces only then
                    n1 += split.count("\u00a0") - text.count("\u00a0")
                    text = split
            text, n2 = UNIT_RE.subn("\u00a0", text)
            changes.nbsp += n1 + n2
        if self.spacing and cfg.quotes:
            text = self._spacing(text)
        return text

    def _spacing(self, text: str) -> str:
        """The locale's spaces inside double quotes and before high punctuation (French)."""
        loc = self.locale
        open_d, close_d = loc.quotes.open_double, loc.quotes.close_double
        if loc.quote_space and open_d != close_d:
            space = loc.quote_space
            text = re.sub(rf"{re.escape(open_d)}\s*", open_d + space, text)
            text = re.sub(rf"\s*{re.escape(close_d)}", space + close_d, text)
        if loc.punctuation_space:
            text = re.sub(r" ([;:!?])", loc.punctuation_space + "\\1", text)
            text = HIGH_PUNCTUATION_GLUED_RE.sub(loc.punctuation_space, text)
        return text

    def _localise(self, original: str, curled: str) -> str:
        """Map English curls to the language's quotes where ``original`` had straight ones.

        Why the nesting: a writer who types the language's own outer quotes often types
        the inner ones straight (Spanish «Dijo "mañana"», German „Er sagte "nie"“ or
        »Er sagte "nie"«); those are the inner quotes of the typed pair, not a second
        pair of outer ones («Dijo «mañana»»).
        """
        assert self.quote_map is not None
        open_d, close_d, open_s, close_s = self.quote_map
        pairs = self.typed_pairs
        out = list(curled)
        singles_open = 0
        stack: list[Quotes] = []  # the typed outer quotes open here, innermost last
        inner = 0  # straight double quotes opened inside them
        for m in _typed_marks_re(pairs).finditer(original):
            i = m.start()
            if original[i] not in "\"'":
                inner = inner if _track(stack, original[i], pairs) else 0
                continue
            top = stack[-1] if stack else None
            in_open, in_close = (top[2], top[3]) if top else (open_s, close_s)
            ch = curled[i]
            if ch == "“":
                out[i] = in_open if top else open_d
                inner += 1 if top else 0
            elif ch == "”":
                if inner:
                    inner -= 1
                    out[i] = in_close
                else:
                    out[i] = top[1] if top else close_d
                    del stack[-1:]
            elif ch == "‘":
                singles_open += 1
                out[i] = in_open
            elif ch == "’" and singles_open and not _is_apostrophe(curled, i):
                singles_open -= 1
                out[i] = in_close
        return "".join(out)


def _track(stack: list[Quotes], ch: str, pairs: tuple[Quotes, ...]) -> bool:
    """Open or close a typed outer quote on ``stack``; False when one closed.
    A mark that opens and closes alike (Swedish ”) closes the pair it opened."""
    top = stack[-1] if stack else None
    if top is not None and ch == top[1]:
        stack.pop()
        return False
    for pair in pairs:
        if ch == pair[0]:
            stack.append(pair)
            break
    return True


@functools.lru_cache(maxsize=16)
def _typed_marks_re(pairs: tuple[Quotes, ...]) -> re.Pattern[str]:
    """Straight quotes and the typed outer double quotes of ``pairs``."""
    marks = "".join(dict.fromkeys(c for pair in pairs for c in pair[:2]))
    return re.compile(f"[\"'{re.escape(marks)}]")


_STRAIGHT_RE = re.compile("[\"']")


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ between two letters is an apostrophe (don’t), never a closing quote."""
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
