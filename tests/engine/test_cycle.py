"""Phase maths for breaths and tempo reps."""

from __future__ import annotations

import pytest

from tui.engine.routine.cycle import (
    PhaseAt, boundaries, breath_phases, cycle_length, phase_at, tempo_phases,
)
from tui.engine.routine.model import BREATH_PRESETS, BreathPattern, Tempo

BOX = breath_phases(BREATH_PRESETS["box"])
FOUR78 = breath_phases(BREATH_PRESETS["4-7-8"])
RELAXING = breath_phases(BREATH_PRESETS["relaxing"])
RESONANCE = breath_phases(BREATH_PRESETS["resonance"])
FRACTIONAL = breath_phases(BreathPattern(1.25, 0.5, 2.75, 0.5))  # 5 s, binary-exact


def check(phases, elapsed: float, name: str, fraction: float, left: float, cycle: int) -> None:
    at = phase_at(phases, elapsed)
    assert (at.name, at.cycle) == (name, cycle)
    assert at.fraction == pytest.approx(fraction, abs=1e-9)
    assert at.left == pytest.approx(left, abs=1e-9)


def test_phase_lists_skip_zero_length_phases() -> None:
    assert BOX == (("inhale", 4), ("hold", 4), ("exhale", 4), ("hold_out", 4))
    assert FOUR78 == (("inhale", 4), ("hold", 7), ("exhale", 8))
    assert RELAXING == (("inhale", 4), ("exhale", 6))
    assert RESONANCE == (("inhale", 5.45), ("exhale", 5.45))
    assert tempo_phases(Tempo(2, 0, 3, 0)) == (("lift", 2), ("lower", 3))
    assert tempo_phases(Tempo(2, 1, 2, 1)) == (("lift", 2), ("hold", 1), ("lower", 2), ("pause", 1))
    assert [cycle_length(p) for p in (BOX, FOUR78, RELAXING, FRACTIONAL)] == [16, 19, 10, 5]
    assert cycle_length(RESONANCE) == pytest.approx(10.9)


@pytest.mark.parametrize(
    ("phases", "elapsed", "expected"),
    [
        (BOX, 0, ("inhale", 0, 4, 0)),
        (BOX, 3.999, ("inhale", 0.99975, 0.001, 0)),
        (BOX, 4, ("hold", 0, 4, 0)),
        (BOX, 7.999, ("hold", 0.99975, 0.001, 0)),
        (BOX, 8, ("exhale", 0, 4, 0)),
        (BOX, 12, ("hold_out", 0, 4, 0)),
        (BOX, 15.999, ("hold_out", 0.99975, 0.001, 0)),
        (BOX, 16, ("inhale", 0, 4, 1)),
        (BOX, 16 * 7 + 9, ("exhale", 0.25, 3, 7)),
        (FOUR78, 3.999, ("inhale", 0.99975, 0.001, 0)),
        (FOUR78, 4, ("hold", 0, 7, 0)),
        (FOUR78, 10.999, ("hold", 6.999 / 7, 0.001, 0)),
        (FOUR78, 11, ("exhale", 0, 8, 0)),
        (FOUR78, 18.999, ("exhale", 7.999 / 8, 0.001, 0)),
        (FOUR78, 19, ("inhale", 0, 4, 1)),
        (RELAXING, 4, ("exhale", 0, 6, 0)),
        (RELAXING, 9.999, ("exhale", 5.999 / 6, 0.001, 0)),
        (RELAXING, 10, ("inhale", 0, 4, 1)),
        (RELAXING, 100, ("inhale", 0, 4, 10)),
        (RESONANCE, 5.449, ("inhale", 5.449 / 5.45, 0.001, 0)),
        (RESONANCE, 5.45, ("exhale", 0, 5.45, 0)),
        (RESONANCE, 10.899, ("exhale", 5.449 / 5.45, 0.001, 0)),
        (RESONANCE, 10.9, ("inhale", 0, 5.45, 1)),
        (RESONANCE, 21.8, ("inhale", 0, 5.45, 2)),
        (FRACTIONAL, 1.249, ("inhale", 1.249 / 1.25, 0.001, 0)),
        (FRACTIONAL, 1.25, ("hold", 0, 0.5, 0)),
        (FRACTIONAL, 1.75, ("exhale", 0, 2.75, 0)),
        (FRACTIONAL, 4.5, ("hold_out", 0, 0.5, 0)),
        (FRACTIONAL, 4.999, ("hold_out", 0.998, 0.001, 0)),
        (FRACTIONAL, 5, ("inhale", 0, 1.25, 1)),
        (FRACTIONAL, 26.25, ("hold", 0, 0.5, 5)),
    ],
)
def test_phase_at(phases, elapsed: float, expected: tuple[str, float, float, int]) -> None:
    name, fraction, left, cycle = expected
    check(phases, elapsed, name, fraction, left, cycle)


def test_phase_at_before_start_is_the_start() -> None:
    assert phase_at(BOX, -3) == PhaseAt("inhale", 0.0, 4.0, 0)


def test_zero_length_phases_are_never_reported() -> None:
    phases = breath_phases(BreathPattern(3, 0, 3, 0))
    names = {phase_at(phases, t / 10).name for t in range(0, 120)}
    assert names == {"inhale", "exhale"}
    check(phases, 3, "exhale", 0, 3, 0)


def test_phase_at_agrees_with_boundaries_for_resonance() -> None:
    marks = list(boundaries(RESONANCE, 50, 60, 100))
    assert marks[0] == (54.5, "inhale", 5)
    check(RESONANCE, 54.5, "inhale", 0, 5.45, 5)


def test_boundaries_exclude_after_include_upto() -> None:
    assert list(boundaries(BOX, 4, 16, 100)) == [(8, "exhale", 0), (12, "hold_out", 0),
                                                 (16, "inhale", 1)]
    assert list(boundaries(BOX, 3.999, 4, 100)) == [(4, "hold", 0)]
    assert list(boundaries(BOX, 4, 7.999, 100)) == []


def test_boundaries_exclude_the_limit() -> None:
    # Two breaths of 4-7-8: the boundary at 38 is the end of the step, not a new inhale.
    assert list(boundaries(FOUR78, 0, 50, 38)) == [
        (4, "hold", 0), (11, "exhale", 0), (19, "inhale", 1), (23, "hold", 1),
        (30, "exhale", 1),
    ]
    assert list(boundaries(FOUR78, 0, 50, 38.001))[-1] == (38, "inhale", 2)


def test_boundaries_start_is_not_a_boundary() -> None:
    assert list(boundaries(RELAXING, 0, 10, 100)) == [(4, "exhale", 0), (10, "inhale", 1)]
    assert list(boundaries(RELAXING, -1, 0, 100)) == [(0, "inhale", 0)]


def test_boundaries_empty_when_upto_not_after() -> None:
    assert list(boundaries(BOX, 5, 5, 100)) == []
    assert list(boundaries(BOX, 6, 5, 100)) == []


def test_boundaries_from_the_middle_of_a_long_run() -> None:
    assert list(boundaries(FRACTIONAL, 1000.1, 1002, 10_000)) == [
        (1001.25, "hold", 200), (1001.75, "exhale", 200)]
