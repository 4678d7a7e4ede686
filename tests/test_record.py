"""``@record`` behaves as ``@dataclass(frozen=True, slots=True)`` does, method by method."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from compile_book.record import record


@record
class Point:
    """A record with a default, a factory and a field left out of comparison."""

    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list, compare=False)


@dataclasses.dataclass(frozen=True, slots=True)
class Twin:
    """The same fields as :class:`Point`, made by the standard library."""

    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list, compare=False)


@record
class Labelled(Point):
    """A record that extends another."""

    label: str = ""


@record(kw_only=True)
class Options:
    """Keyword-only fields."""

    size: int
    name: str = "a"


@record
class Checked:
    """A record whose ``__post_init__`` normalises a field."""

    word: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "word", self.word.lower())


@record
class Custom:
    """A record that writes its own ``__repr__`` and ``__eq__``."""

    value: int

    def __repr__(self) -> str:
        return "custom"

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 7


def test_a_record_is_what_the_frozen_dataclass_is() -> None:
    ours, theirs = Point(1, 2, ["a"]), Twin(1, 2, ["a"])
    assert repr(ours) == repr(theirs).replace("Twin", "Point")
    assert Point(1, 2) == Point(1, 2, ["other"])  # tags are not compared
    assert Point(1) != Point(2)
    assert hash(Point(1, 2)) == hash(Point(1, 2, ["b"]))
    assert Point.__match_args__ == Twin.__match_args__ == ("x", "y", "tags")
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags"]
    assert not hasattr(ours, "__dict__")  # slotted
    assert Point(1).tags is not Point(1).tags  # each instance gets its own list


def test_a_record_cannot_change() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x
    assert dataclasses.replace(point, y=5) == Point(1, 5)


def test_a_record_pickles_and_copies() -> None:
    point = Labelled(1, 2, ["t"], "here")
    assert pickle.loads(pickle.dumps(point)) == point
    assert copy.deepcopy(point) == point
    assert copy.copy(point).label == "here"


def test_records_compare_only_within_their_class() -> None:
    assert Labelled(1) != Point(1)
    assert Labelled(1, label="a") == Labelled(1, label="a")
    assert repr(Labelled(1)) == "Labelled(x=1, y=0, tags=[], label='')"

    class Plain(Point):
        """A plain subclass uses the record's methods."""

    assert Plain(1) == Plain(1)
    assert repr(Plain(3)).endswith(".Plain(x=3, y=0, tags=[])")  # the qualified name


def test_keyword_only_and_post_init() -> None:
    assert Options(size=3) == Options(size=3, name="a")
    with pytest.raises(TypeError):
        Options(3)  # type: ignore[call-arg]
    assert Checked("LOUD").word == "loud"


def test_methods_the_class_writes_stay() -> None:
    assert repr(Custom(1)) == "custom"
    assert Custom(1) == Custom(2)
    assert hash(Custom(1)) == 7


def test_a_missing_argument_fails_as_a_dataclass_would() -> None:
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_mistakes_are_refused_when_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match="follows default"):

        @record
        class Late:
            early: int = 0
            late: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="InitVar"):

        @record
        class Passing:
            kept: int
            passed: dataclasses.InitVar[int]

    with pytest.raises(TypeError, match="__setattr__"):

        @record
        class Mutable:
            value: int

            def __setattr__(self, name: str, value: object) -> None:
                object.__setattr__(self, name, value)


def test_written_methods_belong_to_the_class_module() -> None:
    assert Point(1) == Point(1)  # the methods are written on first use
    assert Point.__init__.__module__ == __name__
    assert Point.__init__.__qualname__ == "Point.__init__"
