"""Which lumbar schedules the breaks, and what logind tells the one that does.

A mixin for LumbarApp, in front of BreaksMixin (tui/app/breaks/mixin.py), whose `start_breaks`,
`breaks_command` and `slept` it wraps:

- One scheduler per user (tui/services/breaks/lock.py, the lock beside the history file). When
  another process holds it (a second lumbar, or `lumbar breaks --headless`), this App
  follows (tui/services/breaks/follow.py): it shows the holder's countdown and today's counts,
  read again from the store whenever its view changes, and never prompts, notifies or
  writes; its commands say who schedules instead. When the holder ends, the lock's waiter
  hands the schedule to this App, which goes on from what the store kept.
- logind (tui/services/logind.py, Linux): a session idle or locked for at least a break's length
  is a natural break when the user is back; PrepareForSleep gives the moment a suspend
  began, so the sleep BreaksMixin measures is placed exactly. Without logind, nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act
from tui.engine.activities import Happened, Now

# The break engine (tui.engine.breaks.schedule) is imported where it is used, not here: `lumbar run`
# without the scheduler never needs it, and importing it cost the first frame.
if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.services.away import Away
    from tui.app.breaks.doors import BreakDoors
    from tui.services.breaks.follow import BreakFollower
    from tui.services.breaks.lock import SchedulerLock
    from tui.services.logind import Logind

#: The break schedule's name among the running activities (tui/app/breaks/mixin.py).
BREAKS = "breaks"


class BreaksOwner:
    """The one-scheduler rule and logind's news for LumbarApp (see the module docstring)."""

    break_lock: SchedulerLock | None = None
    follower: BreakFollower | None = None
    """Set while another process schedules and this App only shows its schedule."""
    _logind: Logind | None = None
    _away: Away | None = None

    # -- starting ---------------------------------------------------------------------------

    def start_breaks(self: LumbarApp, every: float | None = None) -> None:
        """Schedule here if no other process does; else follow it until it ends."""
        if self.breaks_state is not None:
            return
        lock = self.break_lock = self.break_lock or _lock_beside(self.store)
        took = lock is None or lock.acquire()
        if lock is not None and lock.problem:
            self.notify(lock.problem, severity="warning", timeout=10)
        if took:
            super().start_breaks(every)  # type: ignore[misc]
            self._listen_to_logind()
            self.doors.serve()
            return
        from tui.services.breaks.follow import BreakFollower
        from tui.services.breaks.keeper import BreakKeeper
        from tui.services.settings.current import Settings

        schedule = (self.break_settings or Settings()).schedule()
        if every is not None:
            schedule = replace(schedule, every=float(every))
        self.follower = BreakFollower(BreakKeeper(schedule, store=self.store, wall=self.wall),
                                      lock.holder())
        now = self.now()
        self._seen = now
        self._followed(self.follower.state(now.real))
        self.refresh_bindings()
        self.show_views()
        self._arm()
        self.doors.follow(self._scheduler_changed)

        def free() -> None:  # on the lock's thread
            try:
                self.call_from_thread(self._take_over, every)
            except RuntimeError:  # the App is gone already
                pass

        lock.wait(free)

    def _take_over(self: LumbarApp, every: float | None) -> None:
        """The holder ended: schedule here, from what the store kept."""
        if self.follower is None:
            return
        self.follower = None
        self.activities = act.remove(self.activities, BREAKS)
        if self.doors.client is not None:
            self.doors.client.close()
            self.doors.client = None
        if not self.breaks_asked:
            # Only a door onto another's schedule (breaks were not asked for here): it
            # does not start one nobody asked for, and follows the next one that starts.
            if self.break_lock is not None:
                self.break_lock.release()
            self.refresh_bindings()
            self.show_views()
            self.doors.watch()
            return
        super().start_breaks(every)  # type: ignore[misc]
        self._listen_to_logind()
        self.doors.serve()
        if self.session is not None:  # the routine under way here is the break
            super().breaks_command(breaks_engine().start_break)  # type: ignore[misc]
        self.notify("The other lumbar that scheduled desk breaks has stopped: this one "
                    "schedules them now.", timeout=8)

    @property
    def doors(self: LumbarApp) -> BreakDoors:
        """The doors onto the schedule (tui/app/breaks/doors.py), made on first use."""
        doors = self.__dict__.get("_doors")
        if doors is None:
            from tui.app.breaks.doors import BreakDoors

            doors = self.__dict__["_doors"] = BreakDoors(self)
        return doors

    def keep_breaks(self: LumbarApp, happened: tuple[Happened, ...]) -> None:
        super().keep_breaks(happened)  # type: ignore[misc]
        if self.follower is not None and self.session is not None and self.recorder.worked:
            self.doors.routine_worked()

    def routine_changed(self: LumbarApp, running: bool, worked: bool = True) -> None:
        if running and "_doors" in self.__dict__:
            self.doors.routine_started()
        super().routine_changed(running, worked)  # type: ignore[misc]

    def _scheduler_changed(self: LumbarApp) -> None:
        """The scheduler says its schedule changed: read it again now."""
        if self.follower is not None:
            self.follower.read_at = None
            self.tick()

    def stop_breaks_owner(self: LumbarApp) -> None:
        """Let another lumbar take over (on exit)."""
        if "_doors" in self.__dict__:
            self.doors.close()
        if self._logind is not None:
            self._logind.close()
            self._logind = None
        if self.break_lock is not None:
            self.break_lock.release()

    # -- following ----------------------------------------------------------------------------

    def tick(self: LumbarApp) -> None:
        follower = self.follower
        if follower is not None:
            state = self.breaks_state
            now = self.now()
            if state is None or follower.stale(state, now.real):
                self._followed(follower.state(now.real))
        super().tick()  # type: ignore[misc]

    def _followed(self: LumbarApp, new: Any) -> None:
        """The scheduler's schedule, read again: shown here, with its prompt when it opened."""
        from tui.services.breaks.follow import FOLLOW

        self.activities = act.put(self.activities, BREAKS, FOLLOW, new)
        # Not "newly due": this lumbar's own copy may have reached the due moment first.
        if new.prompt and self.session is None and self._prompt() is None:
            # The same prompt as in the scheduler; its answer goes there.
            self.open_break_prompt()
            if self.cues is not None:
                self.cues.bell()

    def breaks_command(self: LumbarApp, fn: Callable[..., Any], *args: Any) -> None:
        if self.follower is None:
            super().breaks_command(fn, *args)  # type: ignore[misc]
            return
        from tui.app.breaks.doors import as_request

        found = as_request(fn, args, self.breaks_state)
        if found is None:
            return  # nothing the scheduler needs (it hears logind itself)
        do, extra, done = found
        then = None if done is None else (lambda: self._door_done(done))
        self.doors.ask(do, then, **extra)

    def _door_done(self: LumbarApp, what: str) -> None:
        """The scheduler did it: say so as it would, from the schedule read again."""
        self._scheduler_changed()
        from tui.engine.breaks.words import door_done

        text = door_done(what, self.breaks_state, self.wall())
        if text:
            self.notify(text, timeout=6)

    # -- sleep and idle -------------------------------------------------------------------------

    def slept(self: LumbarApp, now: Now) -> tuple[Happened, ...]:
        """BreaksMixin's measure of a sleep, placed at logind's moment when it told one."""
        if self.follower is not None:
            self._seen = now  # the holder counts its own sleeps
            return ()
        seen, away = self._seen, self._away
        asleep = away.asleep_since if away is not None else None
        if seen is not None and asleep is not None and seen.real <= asleep <= now.real:
            # Awake from the last tick until `asleep`: both clocks moved alike till then.
            self._seen = Now(seen.mono + (asleep - seen.real), asleep)
        happened = super().slept(now)  # type: ignore[misc]
        if away is not None and happened:
            away.asleep_since = None
        return happened

    def _listen_to_logind(self: LumbarApp) -> None:
        if self._logind is not None or self.real_clock is not _boottime():
            return  # fake clocks (tests) have no logind moments to match
        try:
            from tui.services.away import Away
            from tui.services.logind import Logind
        except ImportError:
            return
        self._away = Away(self.real_clock, self.clock)
        self._logind = Logind()
        self.run_worker(self._logind.start(self._heard_idle, self._heard_sleep), exit_on_error=False)

    def _heard_idle(self: LumbarApp, idle: bool, since: float) -> None:
        state, away = self.breaks_state, self._away
        if away is None:
            return
        gone = away.idle(idle, since)
        if state is not None and gone is not None and gone >= state.schedule.break_length:
            from tui.engine.breaks import schedule as breaks

            # As a Textual callback, as the heartbeat's own wake-ups run.
            self.call_next(self.breaks_command, breaks.break_taken, True)

    def _heard_sleep(self: LumbarApp, going: bool, at: float) -> None:
        if self._away is not None:
            self._away.sleep(going, at)
        if not going:
            self.call_next(self.tick)


def _lock_beside(store: Any) -> SchedulerLock | None:
    """The lock in the history file's folder: one scheduler per history. None for a store
    with no file (tests' fakes), where this App schedules alone."""
    path = getattr(store, "path", None)
    if path is None or not hasattr(path, "parent"):
        return None
    from tui.services.breaks.lock import NAME, SchedulerLock

    return SchedulerLock(path.parent / NAME)


def _boottime() -> Callable[[], float]:
    from tui.services.clocks import boottime

    return boottime


def breaks_engine() -> Any:
    from tui.engine.breaks import schedule as breaks

    return breaks
