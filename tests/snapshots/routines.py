"""Routines the golden screens share."""

from __future__ import annotations

from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine

HOLD = Routine(
    name="Golden hold",
    key="golden-hold",
    prepare=5,
    exercises=(
        Exercise("Knee to chest", Kind.HOLD, Dose(hold_seconds=30), sides=True, position=Position.ON_BACK,
                 cue="Hug one knee gently towards your chest. Keep the other leg relaxed.",
                 stop_if=("Pain spreads down a leg.",), easier=Dose(hold_seconds=20)),
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=10), position=Position.ON_BACK),
    ),
)


def history_store():
    """A FakeStore answering with a fixed history: two months of routines and check-ins,
    three goals and two PEGs, and today's desk breaks."""
    from datetime import date, datetime, timedelta, timezone

    from tests.fakes import FakeStore, HistoryData
    from tui.engine.measures.goals import Goal, Rating
    from tui.services.store.measures_read import PegRow

    today = date(2026, 11, 30)  # a Monday
    counts = [1, 0, 2, 1, 1, 0, 0, 1, 1, 2, 0, 1, 1, 1, 3, 0, 1, 1, 1, 2, 1, 1, 0, 0, 1, 2, 1, 2]
    pain = [(6.5, 5.5), (None, None), (6.0, 5.0), (5.5, 4.5), (5.0, 4.5), (4.5, 3.5), (4.5, 3.0), (4.0, 3.0)]
    monday = today - timedelta(days=today.weekday())
    store = FakeStore()
    # Three goals rated over the weeks: one moved meaningfully, one a little, one new.
    goals = (
        Goal("a", "Lift my daughter into the car", date(2026, 10, 5), None,
             (Rating(date(2026, 10, 5), 3), Rating(date(2026, 11, 23), 7))),
        Goal("b", "Sit through a meeting", date(2026, 10, 5), None,
             (Rating(date(2026, 10, 5), 4), Rating(date(2026, 11, 23), 5))),
        Goal("c", "Garden for an hour", date(2026, 11, 16), None, (Rating(date(2026, 11, 16), 2),)),
    )
    store.history_override = HistoryData(
        today=today,
        today_sessions=(("07:40", "Core basics", "finished"), ("12:15", "Desk break", "left")),
        streak=4,
        calendar=tuple((today - timedelta(days=27 - i), n) for i, n in enumerate(counts)),
        pain_weeks=tuple((monday - timedelta(weeks=7 - w), b, a) for w, (b, a) in enumerate(pain)),
        per_routine=(("Core basics", 31, today), ("Desk break", 12, today),
                     ("Walking-posture reset", 7, date(2026, 11, 28)), ("Strengthening trio", 2, date(2026, 10, 2))),
        checkins=42,
        goals=goals,
        pegs=(PegRow(date(2026, 10, 5), datetime(2026, 10, 5, 8, tzinfo=timezone.utc), 7, 6, 6),
              PegRow(date(2026, 11, 23), datetime(2026, 11, 23, 8, tzinfo=timezone.utc), 5, 4, 3)),
    )
    # Today's desk breaks, answered here whatever the fake itself keeps.
    store.breaks_today = lambda day=None: {"taken": 5, "natural": 2, "snoozed": 1, "skipped": 1,
                                           "meeting": 2700.0}
    return store
