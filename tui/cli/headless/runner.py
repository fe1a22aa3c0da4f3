"""The headless break scheduler's loop: one timer at the next deadline, logind's news, the lock.

Shared by `lumbar breaks --headless` (tui/cli/headless/main.py, which builds it) and the benchmark's
simulated day (bench/breaks.py, which gives it scaled clocks). What it decides:

Nobody can answer a prompt here, so a due break stays open for `break_length` (the
length of the break itself) and is then closed as skipped "unanswered", and the next
interval starts. While logind says the session is idle or locked the prompt waits for
the user to come back instead: away for at least `break_length` is a natural break
(tui/services/logind.py; without logind this is skipped quietly).

Suspend: the real clock's gain over the monotonic one is the time asleep, measured at
every wake-up; logind's PrepareForSleep gives its start exactly where it is available.
No Textual here.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable

from tui.cli.headless import lines as headless_lines
from tui.cli.headless.doors import HeadlessDoors
from tui.services.away import Away
from tui.services.clocks import boottime, monotonic
from tui.engine.breaks import schedule as breaks
from tui.engine.events import Event

if TYPE_CHECKING:
    from tui.engine.breaks.state import Breaks
    from tui.engine.plan.schedule import PlanReminders

#: The wall clock moved against the real one by more than this (seconds): it was set.
WALL_SET = 2.0


class Runner:
    """The headless scheduler's state and its reactions; `main()` runs it until stopped.

    Args:
        keeper: a BreakKeeper (tui/services/breaks/keeper.py) holding the store and the notifier.
        lock: a SchedulerLock; None schedules without one (tests).
        out, err: where event lines and problems go.
        logind: a Logind (tui/services/logind.py), or None for none.
        real, mono: the real and the monotonic clock (tests pass fakes).
        timer: makes the wake-up timer from (loop, callback); default a RealTimer on
            `real` (the benchmark's simulated day passes a scaled one).
    """

    def __init__(self, keeper: Any, *, lock: Any = None, out: IO[str] = sys.stdout,
                 err: IO[str] = sys.stderr, logind: Any = None,
                 real: Callable[[], float] = boottime,
                 mono: Callable[[], float] = monotonic,
                 timer: Callable[[asyncio.AbstractEventLoop, Callable[[], None]], Any] | None = None,
                 door: Path | None = None, break_command: tuple[str, ...] = (),
                 spawn: Callable[[tuple[str, ...]], Any] | None = None,
                 plan: Any = None,
                 ) -> None:
        self.keeper = keeper
        self.lock = lock
        self.out, self.err = out, err
        self.logind = logind
        self.real, self.mono = real, mono
        self.state: Breaks | None = None
        self.prompt_since: float | None = None
        """When the open prompt opened (real clock), for the unanswered skip."""
        self.away = Away(real, mono)
        self._make_timer = timer
        self._timer: Any = None
        self._stop: asyncio.Event | None = None
        self.doors = HeadlessDoors(self, door, break_command, spawn)
        """Other lumbars and the notification's buttons (tui/cli/headless/doors.py)."""
        self.plan_keeper = plan
        """The plan's reminders' keeper (tui/services/plan_reminders.py), or None."""
        self.plan: PlanReminders | None = None
        """The plan's reminders, beside the breaks on the same timer; None without a plan."""

    # --- running --------------------------------------------------------------------------

    async def main(self) -> int:
        loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self._stop.set)
            except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises instead
                pass
        try:
            took = self.lock is None or self.lock.acquire()
            if self.lock is not None and getattr(self.lock, "problem", None):
                self._say(f"lumbar: {self.lock.problem}", self.err)
            if not took:
                holder = self.lock.holder()
                who = f" (pid {holder})" if holder else ""
                self._say(f"another break scheduler runs{who}; waiting to take over", self.err)
                took = asyncio.Event()
                self.lock.wait(lambda: loop.call_soon_threadsafe(took.set))
                if not await _first(took, self._stop):
                    return 0
                self._say("the other scheduler stopped; scheduling breaks here", self.err)
            if self._make_timer is not None:
                self._timer = self._make_timer(loop, self.tick)
            else:
                from tui.services.realtimer import RealTimer

                self._timer = RealTimer(loop, self.tick, self.real)
            self.begin()
            await self.doors.open()
            if self.logind is not None:
                await self.logind.start(self.on_idle, self.on_sleep)
            await self._stop.wait()
            return 0
        finally:
            self.close()

    def stop(self) -> None:
        """End `main` as SIGTERM would (from the loop's thread)."""
        if self._stop is not None:
            self._stop.set()

    def close(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                asyncio.get_running_loop().remove_signal_handler(sig)
            except (NotImplementedError, RuntimeError):
                pass
        if self._timer is not None:
            self._timer.close()
        self.doors.close()
        if self.logind is not None:
            self.logind.close()
        if self.lock is not None:
            self.lock.release()

    def begin(self) -> None:
        now = self.real()
        self.away = Away(self.real, self.mono)
        state, events = self.keeper.begin(now)
        self.state = state
        sch = state.schedule
        self._say(f"{headless_lines.clock_time(now, state.offset, sch.hours.zone)} scheduling "
                  f"stretch breaks every {_minutes(sch.every)}; next {self._next_text(now)}")
        self._begin_plan(now)
        self._after(state, events)

    # --- what wakes it ----------------------------------------------------------------------

    def tick(self) -> None:
        """The deadline came (or a signal from logind): catch up with the real clock."""
        assert self.state is not None
        now = self.real()
        state = self.state
        events: tuple[Event, ...] = ()
        slept = self.away.slept()
        if slept is not None:
            # The sleep first: it lies in the past, and the engine must hear of it before
            # anything advances past its start (a wall clock set on waking would).
            state, events = breaks.suspended(state, *slept)
        state, more = self._wall_moved(state, now)
        events += more
        state, more = breaks.advance(state, now)
        events += more
        self._plan_tick(now)
        ends = self.doors.break_ends
        if ends is not None and now >= ends and state.in_break:
            # Started from the notification, and nothing said otherwise: a break taken.
            state, more = breaks.end_break(state, now, how="manual")
            events += more
        self._after(state, events)
        self._unanswered(now)

    def on_idle(self, idle: bool, since: float) -> None:
        """logind: the session went idle or locked at `since` (real clock), or came back."""
        gone = self.away.idle(idle, since)
        if self.state is None or gone is None:
            return
        if gone >= self.state.schedule.break_length:
            state, events = breaks.break_taken(self.state, self.real(), natural=True)
            self._after(state, events)
        self.tick()

    def on_sleep(self, going: bool, at: float) -> None:
        """logind PrepareForSleep: the machine goes to sleep at `at`, or woke up."""
        self.away.sleep(going, at)
        if not going and self.state is not None:
            self.tick()

    # --- inside ------------------------------------------------------------------------------

    def _after(self, state: Breaks, events: tuple[Event, ...], tell: bool = False) -> None:
        """Keep, notify, print, tell the doors (when something happened, or `tell`); then
        arm the timer for whatever comes next."""
        self.state = state
        self.keeper.handle(state, events)
        if events or tell:
            self.doors.changed()
        for event in events:
            self._say(headless_lines.line(event, state.offset, state.schedule.hours.zone))
        if state.prompt and self.prompt_since is None:
            self.prompt_since = state.clock
        elif not state.prompt:
            self.prompt_since = None
        self._arm()

    def _unanswered(self, now: float) -> None:
        """Close a prompt nobody answered within a break's length (unless the user is away)."""
        state = self.state
        if state is None or self.prompt_since is None or self.away.idle_since is not None:
            return
        if now - self.prompt_since >= state.schedule.break_length:
            state, events = breaks.skip(state, now, "unanswered")
            self._after(state, events)

    # --- the plan's reminders -------------------------------------------------------------------

    def _begin_plan(self, now: float) -> None:
        keeper = self.plan_keeper
        if keeper is None:
            return
        self.plan = keeper.begin(now)
        if keeper.problems:
            self._say(f"lumbar: the plan has {len(keeper.problems)} problem(s) and is not used: "
                      "`lumbar check --plan` says which", self.err)
        if self.plan is not None:
            self._say(f"{self._clock(now)} reminding of the plan; next {self._plan_next()}")

    def _plan_tick(self, now: float) -> None:
        """Advance the reminders to `now`, the days done read again first when one is due."""
        from tui.engine.plan import schedule as plan_schedule

        if self.plan is None or self.plan_keeper is None:
            return
        state = self.plan_keeper.before(self.plan, now)
        state, events = plan_schedule.advance(state, now)
        self.plan_answered(state, events)

    def plan_answered(self, state: PlanReminders, events: tuple[Event, ...], how: str = "prompt") -> None:
        """Keep, notify and print what the reminders did; the timer armed again."""
        from tui.engine.plan.schedule import ReminderAnswered, ReminderDue

        from tui.services import plan_doors

        self.plan = state
        assert self.plan_keeper is not None
        self.plan_keeper.handle(state, events, how)
        if plan_doors.touches(events):  # opened, or answered anywhere: every door's prompt follows
            self.doors.say(self.plan_news())
        for event in events:
            # The plan's own offset: its moments were set with it, not with the breaks'.
            at = headless_lines.clock_time(event.at, state.offset, state.zone)
            if isinstance(event, ReminderDue) and event.reminder.kind == "review":
                review = state.plan.review
                self._say(f"{at} plan review announced" + (f" ({review:%a %-d %b})" if review else ""))
            elif isinstance(event, ReminderDue):
                self._say(f"{at} {self.plan_keeper.name(event.reminder.routine)} reminded (plan)")
            elif isinstance(event, ReminderAnswered):
                self._say(f"{at} {self.plan_keeper.name(event.routine)} reminder {event.what}")
        if events:
            self._arm()

    def plan_news(self) -> dict[str, Any]:
        """What the doors are told of the open reminder (tui/services/plan_doors.py)."""
        from tui.services import plan_doors

        name = self.plan_keeper.name if self.plan_keeper is not None else None
        return plan_doors.news(self.plan, self.real(), name)

    def _plan_next(self) -> str:
        state = self.plan
        if state is None or state.next is None:
            return "none within a week"
        name = self.plan_keeper.name(state.next.routine) if state.next.routine else "the review"
        return f"{name} {state.next.at:%a %H:%M}"

    def _clock(self, real: float) -> str:
        assert self.state is not None
        return headless_lines.clock_time(real, self.state.offset, self.state.schedule.hours.zone)

    def _arm(self) -> None:
        if self._timer is None or self.state is None:
            return
        at = breaks.deadline(self.state)
        if self.plan is not None and self.plan.due is not None:
            at = min(at, self.plan.due)
        if self.doors.break_ends is not None:
            at = min(at, self.doors.break_ends)
        if self.prompt_since is not None and self.away.idle_since is None:
            at = min(at, self.prompt_since + self.state.schedule.break_length)
        self._timer.arm(at)

    def _wall_moved(self, state: Breaks, now: float) -> tuple[Breaks, tuple[Event, ...]]:
        offset = self.keeper.wall().timestamp() - now
        if abs(offset - state.offset) <= WALL_SET:
            return state, ()
        return breaks.set_offset(state, now, offset)

    def _next_text(self, now: float) -> str:
        state = self.state
        assert state is not None
        zone = state.schedule.hours.zone
        if state.due is not None:
            return f"at {headless_lines.clock_time(state.due, state.offset, zone)}"
        if state.prompt:
            return "now"
        if not state.on_duty and state.edge is not None:
            return f"after work starts at {headless_lines.clock_time(state.edge, state.offset, zone)}"
        return "when reminders resume"

    def _say(self, text: str | None, stream: IO[str] | None = None) -> None:
        if text is None:
            return
        try:
            print(text, file=stream or self.out, flush=True)
        except (OSError, ValueError):  # a closed pipe must not stop the schedule
            pass


async def _first(a: asyncio.Event, b: asyncio.Event) -> bool:
    """Wait for either event; True when `a` came first."""
    tasks = [asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in tasks:
        task.cancel()
    return a.is_set()


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:g} min" if seconds >= 60 else f"{seconds:g} s"

