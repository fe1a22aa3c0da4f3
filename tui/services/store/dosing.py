"""The dose side of a routine: decide it at the start, announce it, keep it or keep the old one.

The app owns one Dosing. At the start of a routine it asks the store what happened since
the doses were last decided, lets the engine's rule decide (tui.engine.progress.progression), and
after the session row exists writes one dose row per ranged exercise that changed or is
new. "Keep the old dose" writes the old levels back (why "kept"), which also uses up the
answers that led to the change. No Textual here; nothing happens without a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

from tui.engine.progress import progression
from tui.engine.routine.plan import StepKind, plan as make_plan
from tui.engine.progress.progression import Change, Decision, Level

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine
    from tui.services.store.progress import Inputs
    from tui.engine.routine.session import Session

#: Changes named one by one on the first screen; more are summed up in a count, so the
#: news fits two lines at 60 columns beside the first exercise's cue.
NAMED = 1


class DosingStore(Protocol):
    """What dosing needs of the history store (tui.services.store.Store does it all)."""

    def progress_inputs(self, routine_key: str) -> Inputs: ...
    def set_doses(self, routine_key: str, session_id: int | None,
                  doses: Iterable[tuple[str, Level, str]]) -> None: ...
    def record_answer(self, session_id: int, answer: str) -> None: ...
    def record_exercise_answer(self, session_id: int, exercise: str, answer: str) -> None: ...


@dataclass
class Dosing:
    store: DosingStore | None
    """The history store (tui.services.store.Store), or None: every routine runs as its file reads."""
    decision: Decision | None = None
    """The last routine's decision, until the next start."""
    routine_key: str = ""
    session_id: int | None = None
    kept: bool = False
    stored: dict[str, Level] = field(default_factory=dict)

    def start(self, routine: Routine, before: int | None = None) -> dict[str, Level]:
        """The levels for `routine` now (empty without a store or without ranges).

        before: the check-in just given before this routine (0..10), which the store has
        not seen yet; it counts for today's flare-up test.
        """
        self.decision, self.kept, self.session_id, self.routine_key = None, False, None, routine.key
        if self.store is None or not progression.ranged(routine):
            return {}
        found = self.store.progress_inputs(routine.key)
        self.stored = dict(found.stored)
        checkins = found.checkins + (((found.today, before),) if before is not None else ())
        self.decision = progression.decide(routine, found.stored, found.since, checkins, found.today)
        return self.decision.levels

    def begun(self, session_id: int | None) -> None:
        """The session row exists: write the rows for what changed or is new."""
        self.session_id = session_id
        d = self.decision
        if d is None or self.store is None:
            return
        rows: list[tuple[str, Level, str]] = [(c.name, c.new, c.why) for c in d.changes]
        moved = {c.name for c in d.changes}
        for name in d.fitted:
            if name not in moved:
                rows.append((name, d.levels[name], "fit" if name in self.stored else "start"))
        self.store.set_doses(self.routine_key, session_id, rows)

    @property
    def changes(self) -> tuple[Change, ...]:
        """What is new today and not yet refused."""
        if self.decision is None or self.kept:
            return ()
        return self.decision.changes

    def news(self) -> str:
        """One or two lines for the first screen; '' when nothing changed."""
        changes = self.changes
        if not changes:
            return ""
        named = "; ".join(c.text() for c in changes[:NAMED])
        rest = len(changes) - NAMED
        if rest > 0:
            way = "up" if changes[0].why == "up" else "down"
            named += f", and {rest} more {way} one step"
        return f"New today: {named}. Press k to keep the old dose."

    def keep_old(self) -> dict[str, Level]:
        """Refuse today's changes: the levels to re-plan with, written back as "kept"."""
        d = self.decision
        if d is None or self.kept or not d.changes:
            return {} if d is None else d.levels
        self.kept = True
        levels = dict(d.levels)
        for change in d.changes:
            levels[change.name] = change.old
        if self.store is not None:
            rows = [(c.name, c.old, "kept") for c in d.changes]
            self.store.set_doses(self.routine_key, self.session_id, rows)
        return levels

    def keep(self, session: Session, now: float) -> tuple[Session, tuple[()]]:
        """An app command: re-plan the routine under way at the old dose, while it is still
        on its first (prepare) step; otherwise nothing changes."""
        step = session.step
        if not self.changes or step is None or step.kind is not StepKind.PREPARE:
            return session, ()
        levels = self.keep_old()
        old = session.plan
        return replace(session, plan=make_plan(old.routine, old.easier, levels)), ()

    def answer(self, answer: str) -> None:
        """The after-routine answer for the session just ended."""
        if self.store is not None and self.session_id is not None:
            self.store.record_answer(self.session_id, answer)

    def can_mark(self) -> bool:
        """Whether single exercises of the session just ended can be marked (a store and a
        session to keep the mark with)."""
        return self.store is not None and self.session_id is not None

    def mark(self, exercise: str, answer: str) -> None:
        """One exercise of the session just ended marked "easy" or "hard": it wins over the
        routine-wide answer for that exercise when the dose is next decided."""
        if self.store is not None and self.session_id is not None:  # can_mark()
            self.store.record_exercise_answer(self.session_id, exercise, answer)


def current_levels(routine: Routine, store: DosingStore | None = None) -> dict[str, Level]:
    """Each ranged exercise's dose now, fitted to the file as it reads today: from `store`,
    or from history.db when it exists (never created here), else the bottom of each range."""
    spans = progression.ranged(routine)
    if not spans:
        return {}
    stored: dict[str, Level] = {}
    owned = None
    if store is None:
        from tui.services.paths import data_dir

        path = data_dir() / "history.db"
        if path.exists():
            try:
                from tui.services.store import open_store
            except ImportError:  # a build without the history store
                open_store = None  # type: ignore[assignment]
            if open_store is not None:
                store = owned = open_store(path)
    if store is not None:
        stored = dict(store.progress_inputs(routine.key).stored)
    if owned is not None:
        owned.close()
    return {name: progression.fit(ranges, stored.get(name)) for name, ranges in spans.items()}


def dose_lines(routine: Routine, levels: Mapping[str, Level]) -> list[str]:
    """'Pelvic tilt     7 reps          range 5-12 reps' for each ranged exercise."""
    rows: list[tuple[str, str, str]] = []
    for name, ranges in progression.ranged(routine).items():
        level = levels.get(name) or progression.bottom(ranges)
        spans = [progression.span_text(span, unit) for unit, span in
                 (("reps", ranges.reps), ("sets", ranges.sets), ("hold", ranges.hold)) if span is not None]
        rows.append((name, progression.level_text(level), ", ".join(spans)))
    if not rows:
        return []
    width = max(len(r[0]) for r in rows)
    now = max(len(r[1]) for r in rows)
    return [f"  {name:<{width}}  {dose:<{now}}  range {span}" for name, dose, span in rows]
