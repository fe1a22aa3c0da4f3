"""What the plan's reminders do outside the engine: the plan read, the days done, rows,
notifications and the saved state.

Kept by whichever lumbar schedules the desk breaks (the headless service, or a `lumbar
breaks` that holds the scheduler lock), beside the BreakKeeper and through the same
notifier, so there is one place that reminds, whatever is open. The engine
(tui.engine.plan.schedule) stays pure; this is the edge that reads and writes. No Textual.

The plan file is read at the start and again whenever its modification time changed,
looked at only just before a reminder falls due (no polling); so are the days done, so a
routine done in another lumbar silences its reminder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from tui.engine.events import Event
from tui.engine.plan import schedule as plan_schedule
from tui.engine.plan import words
from tui.engine.plan.days import monday
from tui.engine.plan.model import Plan
from tui.engine.plan.schedule import PlanReminders, ReminderAnswered, ReminderDue

#: The notification's key: a routine's reminder replaces the one before, and is closed
#: when answered anywhere.
KEY = "plan"
REVIEW_KEY = "plan.review"


class PlanKeeper:
    """Args:
        store: the history store (or None: nothing read or kept).
        notifier: tui.services.notify.Notifier, or None.
        wall: the aware local time now (its zone is the reminders').
        path: the plan file (None: plan.yaml in the config folder).
        routines: the routine keys that exist (a plan naming another is not used), and
            their names for the words.
        snooze, max_snoozes: the desk break's settings, shared.
        zone: the zone of the reminders' times, with its daylight-saving rules (the desk
            breaks' working hours' zone); None: the wall clock's.
    """

    def __init__(self, *, store: Any = None, notifier: Any = None,
                 wall: Callable[[], datetime], path: Path | None = None,
                 routines: Mapping[str, str] | None = None, snooze: float = plan_schedule.SNOOZE,
                 max_snoozes: int = plan_schedule.MAX_SNOOZES, zone: tzinfo | None = None) -> None:
        self.store, self.notifier, self.wall = store, notifier, wall
        self.zone = zone
        self.path = path
        self.names = dict(routines or {})
        self.snooze, self.max_snoozes = snooze, max_snoozes
        self.problems: tuple[Any, ...] = ()
        self._stamp: float | None = None
        self._last: dict[str, Any] | None = None

    # -- the plan and the days done ----------------------------------------------------------

    def _file(self) -> Path:
        if self.path is None:
            from tui.services.plan_file import plan_path

            self.path = plan_path()
        return self.path

    def _mtime(self) -> float | None:
        try:
            return self._file().stat().st_mtime
        except OSError:
            return None

    def read_plan(self) -> Plan | None:
        """The plan as the file says now; None without a file or with problems (kept in
        `problems`, for the one line that says so)."""
        from tui.services.plan_file import read_plan

        self._stamp = self._mtime()
        found = read_plan(self._file(), set(self.names) or None)
        self.problems = found.problems if found is not None else ()
        return found.plan if found is not None else None

    def done(self, plan: Plan, today: date) -> dict[str, set[date]]:
        """The days of today's week (so far) with a counted session of each planned routine."""
        read = getattr(self.store, "done_days", None)
        if read is None:
            return {}
        try:
            return dict(read(plan.routines, monday(today), today))
        except Exception:  # noqa: BLE001 - the store reports its own failures
            return {}

    # -- the reminders ------------------------------------------------------------------------

    def begin(self, real_now: float) -> PlanReminders | None:
        """The reminders at `real_now` (real clock), restored from what the store kept;
        None when there is no usable plan."""
        local = self.wall()  # first: reading the plan takes a moment
        offset = local.timestamp() - real_now
        plan = self.read_plan()
        if plan is None:
            return None
        saved = _quietly(getattr(self.store, "plan_state", None)) or {}
        handled = {k: d for k, v in _dict(saved.get("handled")).items() if (d := _date(v)) is not None}
        snoozed = {k: float(v) for k, v in _dict(saved.get("snoozed")).items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool)}
        zone = self.zone or local.tzinfo
        assert zone is not None  # the wall clock is aware
        local = local.astimezone(zone)
        state = plan_schedule.start(plan, real_now, offset, zone,
                                    done=self.done(plan, local.date()), handled=handled,
                                    snoozed=snoozed, snooze=self.snooze, max_snoozes=self.max_snoozes)
        self._last = self.saved(state)
        return state

    def before(self, state: PlanReminders, real_now: float) -> PlanReminders:
        """Read the days done (and the plan, if its file changed) again when a reminder is
        about to fall due: call before advancing to `real_now`."""
        if state.due is None or state.due > real_now:
            return state
        plan = state.plan
        if self._mtime() != self._stamp:
            plan = self.read_plan() or plan  # a plan spoilt by an edit: keep the last good one
        today = datetime.fromtimestamp(real_now + state.offset, state.zone).date()
        state, _ = plan_schedule.refresh(state, state.clock, self.done(plan, today), plan)
        return state

    def handle(self, state: PlanReminders, events: Iterable[Event], how: str = "prompt") -> None:
        """A row and a notification for each reminder, a row for each answer (`how` it
        came), the notification closed once answered; then the state saved if it changed.
        Never raises."""
        for event in events:
            try:
                self._event(state, event, how)
            except Exception:  # noqa: BLE001 - the store and notifier report their own failures
                pass
        saved = self.saved(state)
        save = getattr(self.store, "save_plan_state", None)
        if save is not None and saved != self._last:
            try:
                save(saved)
                self._last = saved
            except Exception:  # noqa: BLE001
                pass

    def name(self, key: str) -> str:
        return self.names.get(key) or key

    @staticmethod
    def saved(state: PlanReminders) -> dict[str, Any]:
        """What `save_plan_state` gets: days answered (ISO dates), snoozes' ends (UTC epoch)."""
        return {"handled": {k: v.isoformat() for k, v in sorted(state.handled.items())},
                "snoozed": dict(sorted(state.snoozed.items()))}

    def _event(self, state: PlanReminders, event: Event, how: str) -> None:
        from tui.services.notify import Notice

        record = getattr(self.store, "record_reminder", None)
        if isinstance(event, ReminderDue):
            r = event.reminder
            if record is not None:
                record("sent", r.routine)
            if self.notifier is None:
                return
            if r.kind == "review":
                text = words.review_text(state.plan, r.day) or ""
                self.notifier.send(Notice(words.REVIEW_TITLE, text, key=REVIEW_KEY))
                return
            minutes = state.snooze / 60
            self.notifier.send(Notice(
                words.reminder_title(self.name(r.routine)),
                words.reminder_body(state.plan, state.plan.entry(r.routine)), "critical", key=KEY,
                keys=words.reminder_keys(event.snoozes_left, minutes),
                actions=words.reminder_buttons(event.snoozes_left, minutes)))
        elif isinstance(event, ReminderAnswered):
            if record is not None:
                record(event.what, event.routine, how)
            withdraw = getattr(self.notifier, "withdraw", None)
            if withdraw is not None:
                withdraw(KEY)


def _quietly(fn: Callable[..., Any] | None, *args: Any) -> Any:
    if fn is None:
        return None
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001
        return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None

