"""`@frozen`: lumbar's immutable record, a frozen dataclass that is cheaper to define.

Why not `@dataclass(frozen=True)`: on Python 3.11 that writes out and compiles six methods
per class (`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`)
at every start, about 0.5 ms a class. The 56 such classes a `lumbar run` imports before
its first frame took 33 ms of it. `@frozen` lets `dataclasses` generate `__init__` alone
(about 0.15 ms) and gives every class the same five methods, written once below. Counted
under callgrind, the first frame of `lumbar run desk-break` took 10 % fewer instructions
(1,468 to 1,320 million; the bare Textual app takes 974).

What a class gets is what `@dataclass(frozen=True)` gives it:
- `__init__`, fields, defaults, `field(...)`, `__post_init__`, `__match_args__`;
  `dataclasses.fields`, `replace`, `asdict` and `is_dataclass` work as before;
- equality with another instance of the same class, over the fields with `compare=True`,
  and a hash over the same fields (or those with `hash=True`);
- `repr` as `Name(field=value, ...)`;
- assignment and deletion raise `dataclasses.FrozenInstanceError`. Only `__init__` may set a
  field, once; `__post_init__` sets derived fields with `object.__setattr__`, as usual.

Methods the class defines itself (`__eq__`, `__hash__`, `__repr__`) are kept.
"""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, field
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, Callable, TypeVar, cast, dataclass_transform

T = TypeVar("T")


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function from an instance to the tuple of its named fields, made in C."""
    if not names:
        return lambda _self: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return attrgetter(*names)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        key = self.__frozen_key__
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__frozen_hashed__(self))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = self.__frozen_shown__
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
    return f"{self.__class__.__qualname__}({inner})"


def _setattr(self: Any, name: str, new: Any) -> None:
    # The generated __init__ assigns each field once; after that every field is in the
    # instance's __dict__, and nothing else may be added.
    own = self.__dict__
    if name in own or name not in self.__dataclass_fields__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    own[name] = new


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[T]) -> type[T]:
    """Make `cls` an immutable dataclass (see the module's docstring); returns `cls`.

    Raises TypeError as `dataclass` does (a field without a default after one with).
    """
    own = vars(cls)
    # The rule dataclass follows: a class that defines __eq__ alone gets __hash__ = None
    # from Python, which does not count as a hash of its own.
    own_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    shared: dict[str, Any] = {"__setattr__": _setattr, "__delattr__": _delattr}
    if "__eq__" not in own:
        shared["__eq__"] = _eq
    if not own_hash:
        shared["__hash__"] = _hash
    if "__repr__" not in own:
        shared["__repr__"] = _repr
    made = dataclasses.dataclass(eq=False, repr=False)(cls)
    fields = dataclasses.fields(cast(Any, made))
    compared = tuple(f.name for f in fields if f.compare)
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    # What the shared methods read, per class: the fields to compare, hash and show.
    shared["__frozen_key__"] = staticmethod(_getter(compared))
    shared["__frozen_hashed__"] = staticmethod(_getter(hashed))
    shared["__frozen_shown__"] = tuple(f.name for f in fields if f.repr)
    for name, method in shared.items():
        setattr(made, name, method)
    return made
