"""`@frozen` behaves as `@dataclass(frozen=True)` does, for everything lumbar relies on."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, is_dataclass, replace

import pytest

from tui.engine.frozen import frozen


@frozen
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False)


@dataclass(frozen=True)
class StdPoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False)


@frozen
class Base:
    at: float


@frozen
class Child(Base):
    index: int


@frozen
class Other(Base):
    index: int


@frozen
class Empty:
    pass


@frozen
class One:
    only: str


@frozen
class Derived:
    a: int
    double: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "double", 2 * self.a)


@frozen
class OwnEq:
    a: int

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OwnEq)


@frozen
class OwnRepr:
    a: int

    def __repr__(self) -> str:
        return "mine"


def test_repr_equality_and_hash_match_a_frozen_dataclass() -> None:
    for args in [(1,), (1, 2), (3, 4, ("a", "b")), (5, 6, (), "ignored")]:
        ours, std = Point(*args), StdPoint(*args)
        assert repr(ours).replace("Point", "StdPoint", 1) == repr(std)
        assert hash(ours) == hash(std)
        assert ours == Point(*args)
        assert (ours == Point(99)) is (std == StdPoint(99))
    # A field with compare=False is left out of both, as dataclass leaves it out.
    assert Point(1, note="a") == Point(1, note="b")
    assert hash(Point(1, note="a")) == hash(Point(1, note="b"))
    assert {Point(1): "p"}[Point(1)] == "p"


def test_only_the_same_class_compares_equal() -> None:
    assert Child(1.0, 2) == Child(1.0, 2)
    assert Child(1.0, 2) != Other(1.0, 2)
    assert Child(1.0, 2) != Base(1.0)
    assert Child(1.0, 2) != (1.0, 2)
    assert Empty() == Empty() and hash(Empty()) == hash(())
    assert One("a") == One("a") != One("b")
    assert hash(One("a")) == hash(("a",))


def test_fields_cannot_be_assigned_added_or_deleted() -> None:
    p = Point(1)
    with pytest.raises(FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        p.z = 2  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del p.x  # type: ignore[misc]
    assert p == Point(1)


def test_the_dataclasses_functions_work_on_it() -> None:
    p = Point(1, 2, ("a",))
    assert is_dataclass(p)
    assert [f.name for f in fields(p)] == ["x", "y", "tags", "note"]
    assert replace(p, y=5) == Point(1, 5, ("a",))
    assert asdict(p) == {"x": 1, "y": 2, "tags": ("a",), "note": ""}
    assert Point.__match_args__ == ("x", "y", "tags", "note")
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.deepcopy(p) == p and copy.copy(p) == p
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_post_init_sets_derived_fields_and_inheritance_keeps_the_parents() -> None:
    assert Derived(3).double == 6
    assert Derived(3) == Derived(3)
    assert repr(Child(1.0, 2)) == "Child(at=1.0, index=2)"
    assert Child.__match_args__ == ("at", "index")


def test_methods_a_class_defines_itself_are_kept() -> None:
    assert OwnEq(1) == OwnEq(2)
    assert repr(OwnRepr(1)) == "mine"
    assert OwnRepr(1) == OwnRepr(1) != OwnRepr(2)


def test_a_field_without_a_default_after_one_with_is_refused_as_dataclass_refuses_it() -> None:
    with pytest.raises(TypeError):
        @frozen
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]
