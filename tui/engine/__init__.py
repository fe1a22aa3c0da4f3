"""The pure core: routine model, planning, session timing. Standard library only; never reads a clock."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .activities import Activities, Driver, Happened, Now
from .events import (
    BreathPhaseChanged, Countdown, Event, RepCounted, SessionFinished, SideSwitched, StepEnded,
    StepStarted, TempoPhaseChanged,
)
from .model import (
    BREATH_PRESETS, DEFAULT_BREATH, BreathPattern, Dose, Exercise, Kind, Position, Routine, Tempo,
)
from .plan import Plan, Step, StepKind, plan
from .session import Session
from .view import SessionView, Summary, describe, summary, view

if TYPE_CHECKING:
    from .break_events import (
        BreakDue, BreakHeadsUp, BreakRefused, BreakSkipped, BreakSnoozed, BreakTaken,
        MeetingEnded, MeetingStarted, WorkHoursEnded, WorkHoursStarted,
    )
    from .care_events import AlarmRang, ApplicationEnded, RoundOffered, SkinCheckDue
    from .episode import Episode, advice
    from .thermal import Application, ThermalView
    from .breakstate import Breaks, Counts, Schedule
    from .breakview import BreaksView
    from .clock import FakeClock
    from .workhours import Hours

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
_LATER = {"Breaks": "breakstate", "Counts": "breakstate", "Schedule": "breakstate",
          "BreaksView": "breakview", "FakeClock": "clock", "Hours": "workhours",
          "Episode": "episode", "advice": "episode",
          "Application": "thermal", "ThermalView": "thermal",
          **dict.fromkeys(("AlarmRang", "ApplicationEnded", "RoundOffered", "SkinCheckDue"),
                          "care_events"),
          **dict.fromkeys(("BreakDue", "BreakHeadsUp", "BreakRefused", "BreakSkipped",
                           "BreakSnoozed", "BreakTaken", "MeetingEnded", "MeetingStarted",
                           "WorkHoursEnded", "WorkHoursStarted"), "break_events")}


def __getattr__(name: str) -> object:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
