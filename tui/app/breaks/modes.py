"""Who schedules the desk breaks, chosen once when they start: this process (`Scheduling`)
or another one that this process only shows (`Following`).

One scheduler per user (tui/services/breaks/lock.py, the lock beside the history file).
When another process holds it (a second lumbar, or `lumbar breaks --headless`), this App
follows (tui/services/breaks/follow.py): it shows the holder's countdown and today's
counts, read again from the store whenever its view changes, and never prompts, notifies
or writes; its commands become requests to the scheduler (tui/app/breaks/doors.py). When
the holder ends, the lock's waiter hands the schedule over and the controller starts
`Scheduling` from what the store kept.

Suspend, while scheduling: each tick compares how far the real clock and the monotonic
one moved since the last tick; a gain of more than SLEPT seconds is a sleep, reported
before advancing (tui.engine.breaks.schedule.suspended), so a long sleep counts as a break
taken. logind's PrepareForSleep, when heard, places its start exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act
from tui.engine.activities import BREAKS, Happened, Now

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController
    from tui.services.breaks.follow import BreakFollower
    from tui.services.breaks.keeper import BreakKeeper

#: Seconds the real clock must gain on the monotonic one between two ticks to count as a
#: sleep: well above a late tick or a busy machine, far below any break's length.
SLEPT = 2.0


class Scheduling:
    """This process schedules: commands run here, the keeper writes rows, notifications
    and the saved state, and the doors serve other lumbars.

    Args:
        part: the breaks controller.
        keeper: the schedule's keeper (tui/services/breaks/keeper.py).
    """

    def __init__(self, part: BreaksController, keeper: BreakKeeper) -> None:
        self.part = part
        self.keeper = keeper

    def command(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a break command (`breaks.snooze`...) at the current time."""
        part = self.part
        host = part.host
        if part.state is None:
            return
        host.activities, happened = act.command(host.activities, BREAKS, fn, host.now(), *args)
        host.route(happened)
        part.doors.tell()  # a routine's start changes the schedule without an event

    def slept(self, now: Now) -> tuple[Happened, ...]:
        """A sleep since the last tick, reported to the schedule: its events (BreakTaken)."""
        part = self.part
        seen, away = part.seen, part.away
        asleep = away.asleep_since if away is not None else None
        if seen is not None and asleep is not None and seen.real <= asleep <= now.real:
            # Awake from the last tick until `asleep`: both clocks moved alike till then.
            seen = Now(seen.mono + (asleep - seen.real), asleep)
        part.seen = now
        if seen is None or part.state is None:
            return ()
        gain = (now.real - seen.real) - (now.mono - seen.mono)
        if gain <= SLEPT:
            return ()
        from tui.engine.breaks import schedule as breaks

        host = part.host
        host.activities, happened = act.command(host.activities, BREAKS, breaks.suspended, seen,
                                                seen.real + gain)
        if away is not None and happened:
            away.asleep_since = None
        return happened

    def keep(self, happened: tuple[Happened, ...]) -> None:
        """The keeper's rows, notifications and saved state for what just happened."""
        state = self.part.state
        if state is not None:
            events = [h.event for h in happened if h.activity == BREAKS]
            self.keeper.handle(state, events)
            if events:
                self.part.doors.tell()
        if self.part.plan_keeper is not None:
            from tui.app.breaks.plan import PLAN, keep

            keep(self.part, [h.event for h in happened if h.activity == PLAN])

    def tick(self) -> None:
        """The schedule is here; the plan's days done are read again when a reminder is due."""
        if self.part.plan_keeper is not None:
            from tui.app.breaks.plan import before_tick

            before_tick(self.part)


class Following:
    """Another process schedules: show its schedule, ask it to do what is pressed here.

    Args:
        part: the breaks controller.
        follower: reads the holder's schedule from the store (tui/services/breaks/follow.py).
    """

    def __init__(self, part: BreaksController, follower: BreakFollower) -> None:
        self.part = part
        self.follower = follower

    def command(self, fn: Callable[..., Any], *args: Any) -> None:
        """A break command as a request to the scheduler (nothing for what it hears itself)."""
        from tui.app.breaks.doors import as_request

        part = self.part
        found = as_request(fn, args, part.state)
        if found is None:
            return  # nothing the scheduler needs (it hears logind itself)
        do, extra, done = found
        then = None if done is None else (lambda: part.door_done(done))
        part.doors.ask(do, then, **extra)

    def slept(self, now: Now) -> tuple[Happened, ...]:
        self.part.seen = now  # the holder counts its own sleeps
        return ()

    def keep(self, happened: tuple[Happened, ...]) -> None:
        """Tell the scheduler, once, that the routine here did something."""
        routine = self.part.host.routine
        if routine.session is not None and routine.recorder.worked:
            self.part.doors.routine_worked()

    def tick(self) -> None:
        """Read the holder's schedule again when the copy here is stale."""
        part = self.part
        state, now = part.state, part.host.now()
        if state is None or self.follower.stale(state, now.real):
            self.show(self.follower.state(now.real))

    def show(self, new: Any) -> None:
        """The scheduler's schedule, read again: shown here, with its prompt when it opened."""
        from tui.services.breaks.follow import FOLLOW

        part = self.part
        host = part.host
        host.activities = act.put(host.activities, BREAKS, FOLLOW, new)
        # Not "newly due": this lumbar's own copy may have reached the due moment first.
        if new.prompt and host.routine.session is None and part.prompt() is None:
            # The same prompt as in the scheduler; its answer goes there.
            part.open_prompt()
            cues = host.services.cues
            if cues is not None:
                cues.bell()
