"""The pure core: routine model, planning, session timing. Standard library only; never reads a clock."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from tui.engine.activities import Activities, Driver, Happened, Now
from tui.engine.events import (
    BreathPhaseChanged, Countdown, Event, RepCounted, SessionFinished, SideSwitched, StepEnded,
    StepStarted, TempoPhaseChanged,
)
from tui.engine.routine.model import (
    BREATH_PRESETS, DEFAULT_BREATH, BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo,
)
from tui.engine.routine.plan import Plan, Step, StepKind, plan
from tui.engine.routine.session import Session
from tui.engine.routine.view import SessionView, Summary, describe, summary, view

if TYPE_CHECKING:
    from tui.engine.breaks.events import (
        BreakDue, BreakHeadsUp, BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken,
        MeetingEnded, MeetingStarted, WorkHoursEnded, WorkHoursStarted,
    )
    from tui.engine.care.events import AlarmRang, ApplicationEnded, RoundOffered, SkinCheckDue
    from tui.engine.care.episode import Episode, advice
    from tui.engine.care.thermal import Application, ThermalView
    from tui.engine.breaks.state import Breaks, Counts, Schedule
    from tui.engine.breaks.view import BreaksView
    from tui.engine.clock import FakeClock
    from tui.engine.breaks.workhours import Hours

__all__ = [
    "BREATH_PRESETS", "DEFAULT_BREATH", "BreathPattern", "BreathPhaseChanged", "Countdown",
    "Dose", "Event", "Exercise", "FakeClock", "Kind", "Plan", "Position", "RepCounted",
    "Routine", "Session", "SessionFinished", "SessionView", "SideSwitched", "Step",
    "StepEnded", "StepKind", "StepStarted", "Summary", "TempoPhaseChanged", "Tempo", "describe", "plan",
    "summary", "view",
    "Activities", "AlarmRang", "Application", "ApplicationEnded", "Driver", "Episode",
    "Happened", "Now", "RoundOffered", "SkinCheckDue", "ThermalView", "advice",
]
__all__ += [
    "BreakDue", "BreakHeadsUp", "BreakRefused", "BreakSkipped", "BreakSnoozed", "BreakTaken",
    "Breaks", "BreaksView", "Counts", "Hours", "MeetingEnded", "MeetingStarted", "Schedule",
    "WorkHoursEnded", "WorkHoursStarted",
]

# These are imported on first use (PEP 562), not here: `lumbar run` does not need the
# break schedule, ice and heat or the fake clock, and importing them cost its first frame.
_LATER = {"Breaks": "breaks.state", "Counts": "breaks.state", "Schedule": "breaks.state",
          "BreaksView": "breaks.view", "FakeClock": "clock", "Hours": "breaks.workhours",
          "Episode": "care.episode", "advice": "care.episode",
          "Application": "care.thermal", "ThermalView": "care.thermal",
          **dict.fromkeys(("AlarmRang", "ApplicationEnded", "RoundOffered", "SkinCheckDue"),
                          "care.events"),
          **dict.fromkeys(("BreakDue", "BreakHeadsUp", "BreakRefused", "BreakSkipped",
                           "BreakSnoozed", "BreakTaken", "MeetingEnded", "MeetingStarted",
                           "WorkHoursEnded", "WorkHoursStarted"), "breaks.events")}


def __getattr__(name: str) -> object:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
