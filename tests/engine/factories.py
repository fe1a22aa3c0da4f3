"""Small builders for routines and a driver for sessions, shared by the engine tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from tui.engine.routine import session as S
from tui.engine.events import Event
from tui.engine.routine.model import BreathPattern, Dose, Exercise, Kind, Routine, Tempo
from tui.engine.routine.plan import Plan

#: Where every session starts: not zero, so a forgotten offset shows up.
T0 = 1000.0


def hold(name: str = "Hold", seconds: float = 30.0, *, sets: int = 1, set_rest: float = 0.0,
         easier: Dose | None = None, **kw: object) -> Exercise:
    """A timed hold."""
    dose = Dose(hold_seconds=seconds, sets=sets, set_rest=set_rest)
    return Exercise(name, Kind.HOLD, dose, easier=easier, **kw)  # type: ignore[arg-type]


def breath_hold(name: str = "Breathe", breaths: int = 5, *, breath: BreathPattern | None = None,
                easier: Dose | None = None, **kw: object) -> Exercise:
    """A hold counted in breaths."""
    return Exercise(name, Kind.HOLD, Dose(hold_breaths=breaths), breath=breath, easier=easier,
                    **kw)  # type: ignore[arg-type]


def tempo_reps(name: str = "Lift", reps: int = 5, tempo: Tempo = Tempo(2, 1, 2, 1), *,
               sets: int = 1, set_rest: float = 0.0, easier: Dose | None = None,
               **kw: object) -> Exercise:
    """Reps paced by a tempo."""
    return Exercise(name, Kind.REPS, Dose(reps=reps, sets=sets, set_rest=set_rest), tempo=tempo,
                    easier=easier, **kw)  # type: ignore[arg-type]


def tap_reps(name: str = "Tap", reps: int = 3, *, easier: Dose | None = None,
             **kw: object) -> Exercise:
    """Reps the user counts by tapping."""
    return Exercise(name, Kind.REPS, Dose(reps=reps), easier=easier, **kw)  # type: ignore[arg-type]


def rest(name: str = "Breather", seconds: float = 60.0) -> Exercise:
    """A routine-level rest exercise."""
    return Exercise(name, Kind.REST, Dose(), rest_seconds=seconds)


def routine(*exercises: Exercise, prepare: float = 10.0, rest: float = 0.0,
            switch_sides: float = 5.0, transition: float = 10.0, rounds: int = 1,
            round_rest: float = 0.0, breath: BreathPattern | None = None,
            name: str = "Test routine") -> Routine:
    """A routine with every timing knob spelled out (defaults match the model)."""
    return Routine(name, tuple(exercises), prepare=prepare, rest=rest, switch_sides=switch_sides,
                   transition=transition, rounds=rounds, round_rest=round_rest, breath=breath)


def signature(event: Event) -> tuple[object, ...]:
    """An event as comparable data: type name, `at` rounded to 1e-6, then its other fields."""
    others = tuple(
        (f.name, getattr(event, f.name)) for f in dataclasses.fields(event) if f.name != "at"
    )
    return (type(event).__name__, round(event.at, 6), others)


def signatures(events: Iterable[Event]) -> list[tuple[object, ...]]:
    return [signature(e) for e in events]


def drive(plan: Plan, moments: Iterable[float], t0: float = T0) -> tuple[S.Session, list[Event]]:
    """Start at `t0`, then advance to each moment in turn; all events in order."""
    s, events = S.start(plan, t0)
    collected = list(events)
    for now in moments:
        s, events = S.advance(s, now)
        collected += events
    return s, collected
