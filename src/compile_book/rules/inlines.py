"""Telepathy and emphasis delimiters -> inline structure.

Delimiters recognised (telepathy pairs come from ``book.toml``):

* telepathy: ``{...}`` and ``<telepathic>...</telepathic>`` by default;
* strong: ``**x**``; emphasis: ``*x*`` and ``_x_``.

Emphasis follows Markdown's flanking rule: an opener is not preceded by a
letter and is followed by a non-space, a closer is preceded by a non-space and
not followed by a letter. So ``2 * 4``, ``snake_case`` and a footnote star
stay literal. A delimiter with no partner in its paragraph is kept as a
literal character: nothing typed is ever dropped. Unbalanced telepathy
delimiters are reported (the parser turns them into warnings).

The result is a flat token list over the *raw* paragraph text, so every
token keeps its exact source offset; the parser threads typography through
it and builds the nodes.
"""

from __future__ import annotations

import re
from typing import Literal

from ..record import record

Kind = Literal["telepathy", "strong", "emphasis"]


@record
class Open:
    kind: Kind
    offset: int
    continued: bool = False


@record
class Close:
    kind: Kind
    offset: int


@record
class Chunk:
    """Literal text: ``raw[start:end]``."""

    start: int
    end: int


Token = Open | Close | Chunk

# Why: a thought within a thought within emphasis is as deep as fiction goes; a
# manuscript of a thousand nested braces must not exhaust the interpreter's stack.
MAX_NESTING = 16
# Why: flanking rules; a closer may be followed by punctuation or a closing quote.
_STRONG_CLOSE = re.compile(r"(?<=\S)\*\*(?![\w*])")
_STAR_CLOSE = re.compile(r"(?<=[^\s*])\*(?![\w*])")
_UNDER_CLOSE = re.compile(r"(?<=[^\s_])_(?!\w)")


@record
class Unbalanced:
    """A telepathy delimiter with no partner, at a raw offset."""

    delimiter: str
    offset: int


class InlineParser:
    """Parses one paragraph's raw text; built once per book from the telepathy config."""

    def __init__(self, telepathy: list[tuple[str, str]]) -> None:
        self.pairs = telepathy
        self.closers = {open_: close for open_, close in telepathy}
        alternatives = [re.escape(o) for o, _ in telepathy] + [r"\*\*", r"\*", "_"]
        self.opener = re.compile("|".join(alternatives))
        firsts = {o[0] for o, _ in telepathy} | {c[0] for _, c in telepathy} | {"*", "_"}
        self.triggers = tuple(sorted(firsts))
        self.stray_close = [c for _, c in telepathy]
        self._open_end = False
        self._no_closer: dict[tuple[str, int], int] = {}
        self._partners: dict[str, dict[int, int]] = {}

    def needs_parse(self, text: str) -> bool:
        """Fast path: most paragraphs have no delimiter character at all.

        Why a loop of ``in``: each runs at memory speed, where a character class
        is tried at every character (three times slower on a novel's paragraphs).
        """
        for trigger in self.triggers:  # noqa: SIM110 (no generator made per paragraph)
            if trigger in text:
                return True
        return False

    def parse(
        self,
        text: str,
        carry: tuple[str, str] | None = None,
        open_end: bool = False,
    ) -> tuple[list[Token], list[Unbalanced]]:
        """Tokens and unbalanced delimiters of one paragraph.

        ``carry``: the paragraph starts inside mind-speech opened in the previous
        paragraph (a speech running over paragraphs, closed here). ``open_end``:
        a last opener left unclosed runs to the paragraph end (it is closed in
        the next paragraph).
        """
        tokens: list[Token] = []
        problems: list[Unbalanced] = []
        self._no_closer = {}
        self._partners = {}
        start = 0
        if carry is not None:
            close_at = text.find(carry[1])
            if close_at > 0 and text.find(carry[0], 0, close_at) < 0:
                tokens.append(Open("telepathy", 0, continued=True))
                self._parse(text, 0, close_at, tokens, problems)
                tokens.append(Close("telepathy", close_at))
                start = close_at + len(carry[1])
            elif self.inside(text, carry):
                # A whole paragraph in the middle of a longer span.
                tokens.append(Open("telepathy", 0, continued=True))
                self._parse(text, 0, len(text), tokens, problems)
                tokens.append(Close("telepathy", len(text)))
                return _merge(tokens), problems
        self._open_end = open_end
        self._parse(text, start, len(text), tokens, problems, top=True)
        return _merge(tokens), problems

    @staticmethod
    def inside(text: str, pair: tuple[str, str]) -> bool:
        """``text`` neither closes nor opens ``pair``: it lies wholly inside a span."""
        return pair[1] not in text and pair[0] not in text

    def fate(self, pair: tuple[str, str], following: list[str]) -> str | None:
        """What becomes of a span left open at the end of a paragraph.

        ``"closes"``: a later paragraph closes it (paragraphs between lie inside);
        ``"reopens"``: the next paragraph opens it again, as dialogue reopens a
        quote; ``None``: it is never closed (a writer's slip, kept as text).
        """
        open_, close = pair
        for k, text in enumerate(following):
            c, o = text.find(close), text.find(open_)
            if k == 0 and text.startswith(open_):
                return "reopens"
            if c >= 0 and (o < 0 or c < o):
                return "closes"
            if o >= 0:
                return None
        return None

    def _parse(
        self,
        text: str,
        start: int,
        end: int,
        out: list[Token],
        problems: list[Unbalanced],
        top: bool = False,
        depth: int = 0,
    ) -> None:
        if depth >= MAX_NESTING:
            # Deeper than any prose nests: the rest is literal text (and no recursion
            # without end in this or any later walk of the tree).
            if start < end:
                out.append(Chunk(start, end))
            return
        pos = start
        literal_from = start
        while pos < end:
            m = self.opener.search(text, pos, end)
            if m is None:
                break
            delim = m.group()
            at = m.start()
            span = self._find_close(text, delim, at, start, end)
            if (
                span is None
                and top
                and self._open_end
                and delim in self.closers
                and text.find(delim, m.end(), end) < 0
            ):
                span = ("telepathy", m.end(), end, end)
            if span is None:
                if delim in self.closers:
                    problems.append(Unbalanced(delim, at))
                pos = m.end()
                continue
            kind, inner_start, inner_end, close_end = span
            if literal_from < at:
                out.append(Chunk(literal_from, at))
            out.append(Open(kind, at))
            self._parse(text, inner_start, inner_end, out, problems, depth=depth + 1)
            out.append(Close(kind, inner_end))
            pos = literal_from = close_end
        if literal_from < end:
            out.append(Chunk(literal_from, end))
        if top:
            self._stray_closers(text, out, problems)

    def _find_close(
        self, text: str, delim: str, at: int, start: int, end: int
    ) -> tuple[Kind, int, int, int] | None:
        inner = at + len(delim)
        if delim in self.closers:
            close = self.closers[delim]
            idx = self._partner(text, delim, at, end)
            if idx is None or idx == inner:
                return None
            return "telepathy", inner, idx, idx + len(close)
        # Emphasis opener: not after a letter, not before a space.
        if (at > start and (text[at - 1].isalnum() or text[at - 1] == delim[0])) or (
            inner >= end or text[inner].isspace()
        ):
            return None
        regex: re.Pattern[str]
        kind: Kind
        if delim == "**":
            regex, kind = _STRONG_CLOSE, "strong"
        elif delim == "*":
            if inner < end and text[inner] == "*":
                return None
            regex, kind = _STAR_CLOSE, "emphasis"
        else:
            regex, kind = _UNDER_CLOSE, "emphasis"
        # The content is never empty: the closer is searched from one past the opener.
        # Why the memo: once a search from some point up to `end` found no closer,
        # no later opener of the same kind can find one either; without it a
        # paragraph of stray asterisks costs quadratic time.
        key = (delim, end)
        if self._no_closer.get(key, end + 1) <= inner + 1:
            return None
        m = regex.search(text, inner + 1, end)
        if m is None:
            self._no_closer[key] = min(self._no_closer.get(key, end + 1), inner + 1)
            return None
        return kind, inner, m.start(), m.end()

    def _partner(self, text: str, open_: str, at: int, end: int) -> int | None:
        """Offset of the closer that balances the opener at ``at``, if it ends by ``end``.

        Why: searching forward from every opener costs quadratic time on a line of
        ten thousand unclosed braces; the pairs of the whole paragraph are found in
        one pass the first time they are asked for.
        """
        close = self.closers[open_]
        partners = self._partners.get(open_)
        if partners is None:
            partners = self._partners[open_] = pair_up(text, open_, close)
        close_at = partners.get(at)
        if close_at is None:
            # An opener the one pass read as part of another delimiter (delimiter
            # strings that overlap): searched for from it alone.
            return _matching_close(text, open_, close, at + len(open_), end)
        return close_at if close_at >= 0 and close_at + len(close) <= end else None

    def _stray_closers(self, text: str, tokens: list[Token], problems: list[Unbalanced]) -> None:
        # A closing delimiter left in literal text had no opener.
        for tok in tokens:
            if isinstance(tok, Chunk):
                for close in self.stray_close:
                    idx = text.find(close, tok.start, tok.end)
                    while idx >= 0:
                        problems.append(Unbalanced(close, idx))
                        idx = text.find(close, idx + len(close), tok.end)


def _matching_close(text: str, open_: str, close: str, start: int, end: int) -> int | None:
    """Offset of the closer that balances an opener ending at ``start``.

    Nested mind-speech (``{outer {inner} outer}``) pairs up like brackets.
    """
    depth = 1
    pos = start
    while True:
        c = text.find(close, pos, end)
        if c < 0:
            return None
        o = text.find(open_, pos, c)
        if o >= 0:
            depth += 1
            pos = o + len(open_)
            continue
        depth -= 1
        if depth == 0:
            return c
        pos = c + len(close)


def pair_up(text: str, open_: str, close: str) -> dict[int, int]:
    """Every opener of ``text`` mapped to the offset of the closer that balances it (-1: none).

    Openers and closers are read left to right exactly as :func:`_matching_close`
    reads them from any opener (a closer wins where both start), so its answer
    for each opener is found here in one pass: nested ones pair like brackets,
    and where open and close are the same string each one pairs with the next.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    same = open_ == close
    last = -1
    pos = 0
    while True:
        c = text.find(close, pos)
        o = -1 if same or c < 0 else text.find(open_, pos, c)
        if o >= 0:
            pairs[o] = -1
            stack.append(o)
            pos = o + len(open_)
            continue
        if c < 0:
            return pairs
        if same:
            if last >= 0:
                pairs[last] = c
            pairs[c] = -1
            last = c
        elif stack:
            pairs[stack.pop()] = c
        pos = c + len(close)


def _merge(tokens: list[Token]) -> list[Token]:
    """Join adjacent chunks left by literal delimiters."""
    out: list[Token] = []
    for tok in tokens:
        if (
            isinstance(tok, Chunk)
            and out
            and isinstance(out[-1], Chunk)
            and out[-1].end == tok.start
        ):
            out[-1] = Chunk(out[-1].start, tok.end)
        else:
            out.append(tok)
    return out
