"""The routine model: frozen values that the loader builds and the planner expands.

Nothing here knows about YAML or the screen. Times are seconds as floats.
"""

from __future__ import annotations

import math
from dataclasses import field, replace
from enum import Enum
from typing import TYPE_CHECKING

from tui.engine.frozen import frozen

if TYPE_CHECKING:
    from tui.engine.figure.pose import Moves


class Position(str, Enum):
    """Body positions; a change between exercises gets a transition step."""

    STANDING = "standing"
    SEATED = "seated"
    KNEELING = "kneeling"
    ON_BACK = "on-back"
    ON_FRONT = "on-front"
    HANDS_AND_KNEES = "hands-and-knees"
    SIDE_LYING = "side-lying"

    @property
    def phrase(self) -> str:
        """How a cue says it: 'get onto your back'."""
        return _POSITION_PHRASES[self]

    @property
    def label(self) -> str:
        """Short human label for lists."""
        return self.value.replace("-", " ")


_POSITION_PHRASES = {
    Position.STANDING: "Stand up",
    Position.SEATED: "Sit down",
    Position.KNEELING: "Kneel down",
    Position.ON_BACK: "Lie on your back",
    Position.ON_FRONT: "Lie on your front",
    Position.HANDS_AND_KNEES: "Get onto your hands and knees",
    Position.SIDE_LYING: "Lie on your side",
}


@frozen
class BreathPattern:
    """One breath: inhale, hold full, exhale, hold empty (seconds)."""

    inhale: float
    hold: float = 0.0
    exhale: float = 0.0
    hold_out: float = 0.0
    name: str = ""

    @property
    def label(self) -> str:
        """The pattern as a user names it: ``"box 4-4-4-4"``, ``"4-6"`` (seconds, zero holds left out)."""
        parts = [self.inhale, self.hold, self.exhale, self.hold_out]
        if not parts[3]:
            parts = parts[:3]
        if len(parts) == 3 and not parts[1]:
            parts = [parts[0], parts[2]]
        text = "-".join(f"{p:g}" for p in parts)
        return f"{self.name} {text}" if self.name else text


#: Named breath patterns a routine may refer to.
BREATH_PRESETS: dict[str, BreathPattern] = {
    "box": BreathPattern(4, 4, 4, 4, name="box"),
    "4-7-8": BreathPattern(4, 7, 8, 0, name="4-7-8"),
    "relaxing": BreathPattern(4, 0, 6, 0, name="relaxing"),
    # About 5.5 breaths a minute: 60 / 5.5 = 10.9 s a breath, split evenly.
    "resonance": BreathPattern(5.45, 0, 5.45, 0, name="resonance"),
}

#: The pattern used for breath-counted holds when a routine names none.
DEFAULT_BREATH = BREATH_PRESETS["relaxing"]


@frozen
class Tempo:
    """A paced repetition: lift, hold at the top, lower, pause at the bottom (seconds)."""

    lift: float
    hold: float = 0.0
    lower: float = 0.0
    pause: float = 0.0
    names: tuple[str, ...] = ()
    """The routine's own words for lift, hold, lower (and pause), in that order, for a
    movement that is not a lift ("draw in", "hold", "let go"); () for the usual words."""

    def word(self, phase: str) -> str | None:
        """The routine's word for ``phase`` (``"lift"``, ``"hold"``, ``"lower"``, ``"pause"``),
        or None when it gives none."""
        index = ("lift", "hold", "lower", "pause").index(phase)
        return self.names[index] if index < len(self.names) else None


class Kind(str, Enum):
    """What an exercise asks of the body."""

    HOLD = "hold"
    REPS = "reps"
    REST = "rest"


@frozen
class Dose:
    """How much of an exercise: the part an easier variant may change."""

    hold_seconds: float | None = None
    """Timed hold length; None for breath-counted holds and reps."""
    hold_breaths: int | None = None
    """Breath-counted hold length."""
    reps: int | None = None
    """Repetitions per set (per side)."""
    sets: int = 1
    """Sets, each of the whole dose (both sides for a two-sided exercise)."""
    set_rest: float = 0.0
    """Rest between sets, seconds."""


@frozen
class Span:
    """Where a dose may go: from `low` to `high` in steps of `step`.

    Reps and sets count whole numbers; holds are seconds. The loader guarantees
    low <= high, step > 0 and that `step` divides high - low, so the ends are on the grid.
    """

    low: float
    high: float
    step: float

    def fit(self, value: float) -> float:
        """`value` moved onto the grid and inside the range (a file edit may strand it)."""
        if value <= self.low:
            return self.low
        if value >= self.high:
            return self.high
        return self.low + math.floor((value - self.low) / self.step + 1e-9) * self.step


@frozen
class Ranges:
    """The ranged parts of an exercise's dose; None where the file gives a plain number."""

    reps: Span | None = None
    sets: Span | None = None
    hold: Span | None = None
    """Timed hold length, seconds."""


@frozen
class Exercise:
    """One exercise of a routine, as the routine file gives it."""

    name: str
    kind: Kind
    dose: Dose
    cue: str = ""
    """How to do it, shown while it runs (plain text)."""
    position: Position | None = None
    sides: bool = False
    """Done on the left, then the right."""
    tempo: Tempo | None = None
    """Set for tempo-paced reps; None means tap to count."""
    breath: BreathPattern | None = None
    """Pattern for a breath-counted or breath-paced hold; None for the routine's."""
    stop_if: tuple[str, ...] = ()
    """Signs to stop this exercise, one sentence each."""
    easier: Dose | None = None
    """The flare-up variant; None when the exercise has none."""
    rest_seconds: float | None = None
    """For a rest: its length."""
    line: int = 0
    """Line in the source file, for messages."""
    ranges: Ranges | None = None
    """Set when the file gives a range: `dose` is then the bottom of each range."""
    pose: str | Moves | None = None
    """The figure: a shipped pose's name (``"bridge"``), the file's own key poses, or None.
    A name stays a name until a figure is drawn (tui.engine.figure.choose)."""

    def with_easier(self) -> Exercise:
        """This exercise at its easier dose (itself when it has none)."""
        if self.easier is None:
            return self
        return replace(self, dose=self.easier, easier=None)


@frozen
class Routine:
    """A routine as loaded and checked: its exercises in order and its timing, in seconds."""

    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    prepare: float = 10.0
    """Seconds of countdown before the first exercise."""
    rest: float = 0.0
    """Default rest between exercises, seconds."""
    rounds: int = 1
    """A circuit: the whole list this many times, in order."""
    round_rest: float = 0.0
    """Rest before each round after the first, seconds (the longer of this and ``rest``)."""
    breath: BreathPattern | None = None
    """Default pattern for exercises that name none."""
    stop_if: tuple[str, ...] = ()
    """Signs to stop that hold for every exercise."""
    switch_sides: float = 5.0
    """Seconds of pause when switching from the left side to the right."""
    transition: float = 10.0
    """Seconds of pause to change body position."""
    key: str = ""
    """Lookup name: the file's stem (walking-posture)."""
    source: str = ""
    """Where it was loaded from (path)."""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def positions(self) -> tuple[Position, ...]:
        """Each body position the routine uses, in order of first use."""
        seen: list[Position] = []
        for ex in self.exercises:
            if ex.position is not None and ex.position not in seen:
                seen.append(ex.position)
        return tuple(seen)
