"""Repeating phase cycles: a breath (inhale, hold, exhale, hold) or a tempo rep (lift, hold, lower).

Both are the same maths: a tuple of named phases with lengths, repeated. Time is the
elapsed seconds since the cycle started; nothing here knows about the clock.
"""

from __future__ import annotations

import math
from typing import Iterator

from tui.engine.frozen import frozen
from tui.engine.routine.model import BreathPattern, Tempo

Phases = tuple[tuple[str, float], ...]
"""(phase name, length in seconds) in order; no zero-length phases."""
EPSILON = 1e-9
"""Seconds of float noise tolerated at the end of a run."""


def breath_phases(pattern: BreathPattern) -> Phases:
    """One breath as phases (``inhale``, ``hold``, ``exhale``, ``hold_out``), the zero-length ones left out."""
    return _nonzero(
        ("inhale", pattern.inhale),
        ("hold", pattern.hold),
        ("exhale", pattern.exhale),
        ("hold_out", pattern.hold_out),
    )


def tempo_phases(tempo: Tempo) -> Phases:
    """One rep as phases (``lift``, ``hold``, ``lower``, ``pause``), the zero-length ones left out."""
    return _nonzero(
        ("lift", tempo.lift),
        ("hold", tempo.hold),
        ("lower", tempo.lower),
        ("pause", tempo.pause),
    )


def _nonzero(*phases: tuple[str, float]) -> Phases:
    # A zero-length phase would flash by in no time; leaving it out keeps events honest.
    return tuple(p for p in phases if p[1] > 0)


@frozen
class PhaseAt:
    """Where in a cycle a moment falls."""

    name: str
    fraction: float
    """0..1 through this phase."""
    left: float
    """Seconds left in this phase."""
    cycle: int
    """0-based count of whole cycles before this one."""


def cycle_length(phases: Phases) -> float:
    """Seconds one cycle (a breath, a rep) takes."""
    return sum(length for _, length in phases)


def phase_at(phases: Phases, elapsed: float) -> PhaseAt:
    """The phase at `elapsed` seconds into a run of repeated cycles (negative counts as 0).

    Returns:
        Its name, how far through it (0..1), seconds left in it, and the 0-based cycle.
    """
    length = cycle_length(phases)
    elapsed = max(0.0, elapsed)
    # Rounded first: 54.5 // 10.9 is 4.0 in floats, though 54.5 is the start of cycle 5.
    cycle = math.floor(round(elapsed / length, 9))
    into = max(0.0, elapsed - cycle * length)
    start = 0.0
    for name, seconds in phases:
        if into < start + seconds:
            done = into - start
            return PhaseAt(name, done / seconds, seconds - done, cycle)
        start += seconds
    # Floating-point edge: exactly at the cycle end counts as the next cycle's start.
    name, seconds = phases[0]
    return PhaseAt(name, 0.0, seconds, cycle + 1)


def boundaries(phases: Phases, after: float, upto: float, limit: float) -> Iterator[tuple[float, str, int]]:
    """Phase starts t with after < t <= upto and t < limit, as (t, phase, cycle).

    `limit` is the end of the run: a boundary there is the end of the step, not a
    new phase, so it is left to the step-change events.
    """
    length = cycle_length(phases)
    if length <= 0 or upto <= after:
        return
    cycle = max(0, math.floor(after / length))
    while True:
        start = cycle * length
        if start > upto or start >= limit - EPSILON:
            return
        offset = 0.0
        for name, seconds in phases:
            t = start + offset
            # The tolerance keeps float noise in `limit` from adding a phase at the very end.
            if after < t <= upto and t < limit - EPSILON:
                yield t, name, cycle
            offset += seconds
        cycle += 1
