"""The pure core: routine model, planning, session timing. Standard library only; never reads a clock."""

from __future__ import annotations

from .clock import FakeClock
from .events import (
    BreathPhaseChanged, Countdown, Event, RepCounted, SessionFinished, SideSwitched,
    StepEnded, StepStarted, TempoPhaseChanged,
)
from .model import (
    BREATH_PRESETS, DEFAULT_BREATH, BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo,
)
from .plan import Plan, Step, StepKind, plan
from .session import Session
from .view import SessionView, Summary, describe, summary, view

__all__ = [
    "BREATH_PRESETS", "DEFAULT_BREATH", "BreathPattern", "BreathPhaseChanged", "Countdown",
    "Dose", "Event", "Exercise", "FakeClock", "Kind", "Plan", "Position", "RepCounted",
    "Routine", "Session", "SessionFinished", "SessionView", "SideSwitched", "Step",
    "StepEnded", "StepKind", "StepStarted", "Summary", "TempoPhaseChanged", "Tempo", "describe", "plan",
    "summary", "view",
]
