"""Whatever it is given, the loader raises RoutineError or returns a Routine, nothing else."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.routine.model import Routine
from tui.services.loader import EXERCISE_KEYS, ROUTINE_KEYS, RoutineError, load_text

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_words = st.sampled_from(
    list(ROUTINE_KEYS + EXERCISE_KEYS)
    + ["10s", "1m30s", "5 breaths", "2-1-2", "4-7-8", "box", "on-back", "yes", "no", ".nan", "-1", "hodl", ""]
)
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=20), _words
)
_keys = st.one_of(_words, st.text(max_size=10))
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_keys, inner, max_size=3)),
    max_leaves=8,
)
# Mostly plain values in the right places: generation time, not loading, is what costs here.
_field = st.one_of(_scalars, _scalars, _values)
_exercise = st.dictionaries(st.sampled_from(EXERCISE_KEYS), _field, max_size=5)
_routine = st.fixed_dictionaries(
    {"name": _field, "exercises": st.one_of(st.lists(_exercise, max_size=3), _field)},
    optional={key: _field for key in ROUTINE_KEYS if key not in ("name", "exercises")},
)


def _check(data: str | bytes) -> None:
    try:
        result = load_text(data, "fuzz.yaml")
    except RoutineError as exc:
        assert exc.problems
        assert all(p.file == "fuzz.yaml" and p.message for p in exc.problems)
        str(exc)
    else:
        assert isinstance(result, Routine)


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _check(text)


@FAST
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@FAST
@given(_values)
def test_arbitrary_structures(value: object) -> None:
    _check(yaml.safe_dump(value, allow_unicode=True))


@FAST
@given(_routine)
def test_routine_shaped_structures(value: dict[str, object]) -> None:
    _check(yaml.safe_dump(value, allow_unicode=True, sort_keys=False))


@FAST
@given(_routine, st.integers(0, 400), st.sampled_from(["[", "{", ":", "- ", "&a ", "*a", "!!", "\t", "\"", "---\n", "\n"]))
def test_spliced_structures(value: dict[str, object], at: int, junk: str) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    _check(text[:at] + junk + text[at:])
