"""``flatten``/``rebuild``: a run of inlines as one string with span markers, and back."""

from __future__ import annotations

from compile_book.nodes import Emphasis, Inline, Source, Strong, Telepathy, Text
from compile_book.transforms.flat import CLOSE, OPEN, Ahead, flatten, map_texts, rebuild

A = Source("a.txt", 1, 1)
B = Source("a.txt", 1, 9)
C = Source("a.txt", 2, 4)
INLINES: tuple[Inline, ...] = (
    Text("He said ", A),
    Emphasis((Text("no", B),), B),
    Text(" twice.", C),
)


def test_flatten_joins_text_with_markers_at_span_boundaries() -> None:
    flat = flatten(INLINES)
    assert flat.text == f"He said {OPEN}no{CLOSE} twice."
    assert flat.starts == (0, 9, 12)
    assert flat.nodes == (Text("He said ", A), Text("no", B), Text(" twice.", C))
    assert flat.safe
    assert flat.file == "a.txt"


def test_flat_source_at_maps_offsets_through_the_node_they_fall_in() -> None:
    flat = flatten(INLINES)
    assert flat.source_at(3) == (1, 4)
    assert flat.source_at(10) == (1, 10)
    assert flat.source_at(13) == (2, 5)


def test_rebuild_of_an_unchanged_flat_string_gives_the_same_structure() -> None:
    assert rebuild(INLINES, flatten(INLINES).text) == INLINES


def test_rebuild_puts_transformed_text_back_between_the_markers() -> None:
    nested: tuple[Inline, ...] = (
        Text('"Go ', A),
        Telepathy((Strong((Text("now", B),), B),), B, continued=True),
        Text('," she said.', C),
    )
    flat = flatten(nested)
    assert flat.text == f'"Go {OPEN}{OPEN}now{CLOSE}{CLOSE}," she said.'
    out = rebuild(nested, flat.text.replace('"', "“", 1).replace("now", "NOW"))
    assert out == (
        Text("“Go ", A),
        Telepathy((Strong((Text("NOW", B),), B),), B, continued=True),
        Text('," she said.', C),
    )


def test_rebuild_drops_a_text_node_left_empty_and_plain_sources_its_text() -> None:
    wrapped = Source("a.txt", 1, 1, ((4, 2, 1),))
    inlines: tuple[Inline, ...] = (Text("gone ", wrapped), Emphasis((Text("x", B),), B))
    out = rebuild(inlines, f"{OPEN}x{CLOSE}")
    assert out == (Emphasis((Text("x", B),), B),)
    kept = rebuild(inlines, f"kept {OPEN}x{CLOSE}")
    assert isinstance(kept[0], Text) and kept[0].source.breaks == ()


def test_flat_is_unsafe_when_the_text_itself_holds_a_marker_character() -> None:
    flat = flatten((Text(f"Alpha {OPEN} beta ", A), Emphasis((Text("gamma", B),), B)))
    assert not flat.safe


def test_map_texts_changes_each_text_node_alone_and_keeps_spans() -> None:
    out = map_texts(INLINES, str.upper)
    assert out == (Text("HE SAID ", A), Emphasis((Text("NO", B),), B), Text(" TWICE.", C))


def test_a_sequence_kept_ahead_is_taken_once_and_by_identity_only() -> None:
    src = Source("a.txt", 1, 1)
    inlines: tuple[Inline, ...] = (Text("He said ", src), Emphasis((Text("so", src),), src))
    same_value = (Text("He said ", src), Emphasis((Text("so", src),), src))
    ahead = Ahead()
    kept = ahead.keep(inlines)
    assert kept == flatten(inlines)
    assert ahead.take(same_value) == kept  # equal, but flattened anew: not the kept one
    assert ahead.take(inlines) is kept
    again = ahead.take(inlines)  # taken already: flattened anew
    assert again == kept and again is not kept
