"""An in-memory history store with the methods of tui.services.store.Store (see the store's interface).

It keeps every call in plain lists, so UI tests can assert on what the app recorded, and it
computes `history()` the simple way (a scan of the lists), in the user's local dates given
by an injected wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable

from tui.services.store.recorder import StepRecord

try:
    from tui.services.store.records import HistoryData, TwoWeekState
except ImportError:

    @dataclass(frozen=True)
    class HistoryData:  # type: ignore[no-redef]
        today: date
        today_sessions: tuple[tuple[str, str, str], ...]
        streak: int
        calendar: tuple[tuple[date, int], ...]
        pain_weeks: tuple[tuple[date, float | None, float | None], ...]
        per_routine: tuple[tuple[str, int, date | None], ...]
        checkins: int

    @dataclass(frozen=True)
    class TwoWeekState:  # type: ignore[no-redef]
        days: int
        first_mean: float | None
        last_mean: float | None
        improved: bool
        advise: bool


#: A fixed local moment for tests: Monday 30 November 2026, 09:00 at UTC+1.
NOON = datetime(2026, 11, 30, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@dataclass
class FakeSession:
    id: int
    key: str
    name: str
    steps: int
    at: datetime
    outcome: str | None = None
    recorded: list[StepRecord] = field(default_factory=list)


@dataclass
class FakeCheckin:
    score: int
    moment: str
    session_id: int | None
    at: datetime


class FakeStore:
    """Store-shaped, in memory. `two_week_state` is what `two_week()` answers until shown."""

    def __init__(self, wall: Callable[[], datetime] = lambda: NOON) -> None:
        self.wall = wall
        self.warning: str | None = None
        self.recovered: tuple[str, ...] = ()
        self.notes: list[str] = []
        self.pending = 0
        self.problem: str | None = None
        self.on_pending = None
        self.sessions: list[FakeSession] = []
        self.checkins: list[FakeCheckin] = []
        self.easier: dict[str, frozenset[str]] = {}
        self.two_week_state: TwoWeekState | None = None
        self.two_week_shown_count = 0
        self.history_override: HistoryData | None = None
        self.history_calls = 0
        self.closed = False
        self.breaks: list[tuple[str, str | None, float | None, datetime]] = []
        """Every record_break call: (what, how, seconds, when)."""
        self.break_saved: dict | None = None
        self.break_saves = 0
        self.red_flags: list[tuple[str, dict[str, bool], str | None]] = []
        """Every record_red_flags call: (trigger, answers, choice)."""

    # -- writing ----------------------------------------------------------------------------

    def last_application(self) -> None:
        """No ice or heat in these tests (tests/app/test_care.py uses the real store)."""
        return None

    def begin_session(self, routine_key: str, routine_name: str, steps: int) -> int:
        session = FakeSession(len(self.sessions) + 1, routine_key, routine_name, steps, self.wall())
        self.sessions.append(session)
        return session.id

    def record_step(self, session_id: int, step: StepRecord) -> None:
        self._session(session_id).recorded.append(step)

    def end_session(self, session_id: int, outcome: str) -> None:
        session = self._session(session_id)
        assert session.outcome is None, "a session is ended once"
        session.outcome = outcome

    def add_checkin(self, score: int, moment: str, session_id: int | None = None) -> None:
        assert 0 <= score <= 10
        self.checkins.append(FakeCheckin(score, moment, session_id, self.wall()))

    def easier_names(self, routine_key: str) -> frozenset[str]:
        return self.easier.get(routine_key, frozenset())

    def set_easier_names(self, routine_key: str, names: Iterable[str]) -> None:
        self.easier[routine_key] = frozenset(names)

    def two_week(self, today: date | None = None) -> TwoWeekState | None:
        return None if self.two_week_shown_count else self.two_week_state

    def two_week_shown(self) -> None:
        self.two_week_shown_count += 1

    def last_checkin(self, session_id: int, moment: str) -> int | None:
        found = [c.score for c in self.checkins if c.session_id == session_id and c.moment == moment]
        return found[-1] if found else None

    def recent_checkin(self, hours: float) -> int | None:
        since = self.wall() - timedelta(hours=hours)
        found = [c.score for c in self.checkins if c.at >= since]
        return found[-1] if found else None

    def retry(self) -> int:
        return self.pending

    def close(self) -> None:
        self.closed = True

    # -- the red-flag check --------------------------------------------------------------------

    def record_red_flags(self, trigger: str, answers: dict[str, bool], choice: str | None = None) -> None:
        self.red_flags.append((trigger, dict(answers), choice))

    def red_flags_answered(self) -> bool:
        return bool(self.red_flags)

    def usual_level(self) -> float | None:
        scores = [c.score for c in self.checkins if c.moment != "after"]
        return sum(scores) / len(scores) if scores else None

    # -- desk breaks (the store's interface for them: record, today's counts, saved state) --

    def record_break(self, what: str, how: str | None = None, seconds: float | None = None) -> None:
        assert what in ("taken", "snoozed", "skipped", "meeting"), what
        self.breaks.append((what, how, seconds, self.wall()))

    def breaks_today(self, today: date | None = None) -> dict[str, float]:
        today = today or self.wall().date()
        rows = [b for b in self.breaks if b[3].date() == today]
        return {
            "taken": sum(1 for b in rows if b[0] == "taken"),
            "natural": sum(1 for b in rows if b[0] == "taken" and b[1] in ("natural", "suspend")),
            "snoozed": sum(1 for b in rows if b[0] == "snoozed"),
            "skipped": sum(1 for b in rows if b[0] == "skipped"),
            "through": sum(1 for b in rows if b[0] == "skipped" and b[1] == "through"),
            "meeting": sum(b[2] or 0.0 for b in rows if b[0] == "meeting"),
        }

    def save_break_state(self, state: dict) -> None:
        self.break_saved = dict(state)
        self.break_saves += 1

    def break_state(self) -> dict | None:
        return None if self.break_saved is None else dict(self.break_saved)

    def _session(self, session_id: int) -> FakeSession:
        return self.sessions[session_id - 1]

    # -- reading ----------------------------------------------------------------------------

    def history(self, today: date | None = None) -> HistoryData:
        self.history_calls += 1
        if self.history_override is not None:
            return self.history_override
        today = today or self.wall().date()
        days: dict[date, int] = {}
        for s in self.sessions:
            days[s.at.date()] = days.get(s.at.date(), 0) + 1
        streak, day = 0, today if today in days else today - timedelta(days=1)
        while day in days:
            streak, day = streak + 1, day - timedelta(days=1)
        monday = today - timedelta(days=today.weekday())
        weeks = []
        for w in range(7, -1, -1):
            start = monday - timedelta(weeks=w)
            means = []
            for moment in ("before", "after"):
                scores = [c.score for c in self.checkins if c.moment == moment
                          and start <= c.at.date() < start + timedelta(days=7)]
                means.append(sum(scores) / len(scores) if scores else None)
            weeks.append((start, *means))
        per: dict[str, tuple[str, int, date | None]] = {}
        for s in self.sessions:
            _, n, _ = per.get(s.key, (s.name, 0, None))
            per[s.key] = (s.name, n + 1, s.at.date())
        return HistoryData(
            today=today,
            today_sessions=tuple((s.at.strftime("%H:%M"), s.name, s.outcome or "interrupted")
                                 for s in self.sessions if s.at.date() == today),
            streak=streak,
            calendar=tuple((today - timedelta(days=d), days.get(today - timedelta(days=d), 0))
                           for d in range(27, -1, -1)),
            pain_weeks=tuple(weeks),  # type: ignore[arg-type]
            per_routine=tuple(per.values()),
            checkins=len(self.checkins),
        )


class Recording:
    """A notifier that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent = []
        self.withdrawn = []
        self.pressed = None
        self.closed = False

    def send(self, notice, on_outcome=None) -> None:
        self.sent.append(notice)

    def withdraw(self, key) -> None:
        self.withdrawn.append(key)

    def listen(self, pressed) -> None:
        self.pressed = pressed

    def close(self) -> None:
        self.closed = True


class Bell:
    """Cues that count the extra bells and ignore the routine's sounds."""

    def __init__(self) -> None:
        self.rings = 0

    def bell(self) -> None:
        self.rings += 1

    def play(self, cue: object, words: str = "") -> None:
        pass

    def step_changed(self, words: str) -> None:
        pass

    def countdown(self, seconds: int) -> None:
        pass

    def say(self, words: str) -> None:
        pass

    def close(self) -> None:
        pass


def wall_in_step(real, start: datetime) -> Callable[[], datetime]:
    """A wall clock that reads `start` now and moves with the fake real clock `real`."""
    origin = real.now
    return lambda: start + timedelta(seconds=real.now - origin)
