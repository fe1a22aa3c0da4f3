"""Plans of every shape, and ways of ticking through them, for the granularity tests."""

from __future__ import annotations

import random

from tui.engine.routine.model import BREATH_PRESETS, BreathPattern, Position, Tempo
from tui.engine.routine.plan import Plan, plan

from .factories import T0, breath_hold, hold, rest, routine, tempo_reps

SHAPES: dict[str, Plan] = {
    "holds": plan(routine(hold("A", 30), hold("B", 45), hold("C", 2.5), prepare=10, rest=5)),
    "sides": plan(routine(hold("Stretch", 20, sides=True), hold("B", 10), prepare=5,
                          switch_sides=4)),
    "sets": plan(routine(hold("Plank", 12, sets=3, set_rest=7.5),
                         hold("Lunge", 8, sets=2, sides=True), prepare=3)),
    "rounds": plan(routine(hold("A", 15), rest("Breather", 6), hold("B", 9), prepare=5, rest=4,
                           rounds=3, round_rest=20)),
    "tempo": plan(routine(tempo_reps("Lift", 5, Tempo(2, 1, 2, 0.5)),
                          tempo_reps("Curl", 4, Tempo(1.3, 0.4, 1.7), sets=2, set_rest=6),
                          prepare=4, rest=3)),
    "breaths": plan(routine(breath_hold("Box", 3, breath=BREATH_PRESETS["box"]),
                            breath_hold("478", 2, breath=BREATH_PRESETS["4-7-8"]),
                            breath_hold("Odd", 4, breath=BreathPattern(1.25, 0.5, 2.75, 0.3)),
                            breath_hold("Default", 2),
                            hold("Timed", 23, breath=BREATH_PRESETS["relaxing"]),
                            prepare=6, rest=2)),
    "transitions": plan(routine(hold("A", 10, position=Position.ON_BACK),
                                hold("B", 10, position=Position.ON_BACK),
                                hold("C", 10, position=Position.HANDS_AND_KNEES, sides=True),
                                hold("D", 10, position=Position.STANDING),
                                prepare=8, rest=3, transition=12, rounds=2, round_rest=15)),
    "mixed": plan(routine(hold("Warm", 20, position=Position.STANDING),
                          tempo_reps("Bridge", 6, Tempo(2, 2, 2), position=Position.ON_BACK,
                                     sets=2, set_rest=10),
                          breath_hold("Child", 4, position=Position.KNEELING),
                          hold("Bird dog", 15, sides=True, position=Position.HANDS_AND_KNEES),
                          prepare=10, rest=5, transition=8, switch_sides=3, rounds=2,
                          round_rest=30, breath=BREATH_PRESETS["box"])),
}


def end_of(p: Plan) -> float:
    return T0 + p.total + 5


def fixed_steps(p: Plan, dt: float) -> list[float]:
    n = int((end_of(p) - T0) / dt) + 2
    return [T0 + i * dt for i in range(1, n)]


def accumulated_steps(p: Plan, dt: float) -> list[float]:
    """Like a heartbeat summing its own intervals: float noise included."""
    out, now = [], T0
    while now <= end_of(p):
        now += dt
        out.append(now)
    return out


def random_steps(p: Plan) -> list[float]:
    rng = random.Random(0)
    out, now = [], T0
    while now <= end_of(p):
        now += rng.uniform(0.01, 7)
        out.append(now)
    return out


def giant_step(p: Plan) -> list[float]:
    return [end_of(p) + 1000]


STRATEGIES = {
    "0.1s": lambda p: fixed_steps(p, 0.1),
    "0.1s-summed": lambda p: accumulated_steps(p, 0.1),
    "1s": lambda p: fixed_steps(p, 1.0),
    "random": random_steps,
    "giant": giant_step,
}
