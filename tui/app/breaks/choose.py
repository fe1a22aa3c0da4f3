"""Who runs the desk-break schedule, chosen when it starts: this process schedules when it
takes the scheduler lock (tui/services/breaks/lock.py), else it follows the holder, and
takes over when the holder ends (tui/app/breaks/modes.py says what each mode does)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui.engine import activities as act
from tui.engine.activities import BREAKS, Happened

if TYPE_CHECKING:
    from tui.app.breaks.controller import BreaksController
    from tui.services.breaks.lock import SchedulerLock


def start(part: BreaksController, every: float | None = None) -> None:
    """Schedule here if no other process does (settings' schedule; `every` seconds
    overrides the interval for this run); else follow it until it ends."""
    if part.state is not None:
        return
    host = part.host
    lock = part.lock = part.lock or lock_beside(host.services.store)
    took = lock is None or lock.acquire()
    if lock is not None and lock.problem:
        host.notify(lock.problem, severity="warning", timeout=10)
    if took:
        schedule(part, every)
        return
    assert lock is not None  # without a lock, this process always takes the schedule
    from tui.app.breaks.modes import Following
    from tui.services.breaks.follow import BreakFollower
    from tui.services.breaks.keeper import BreakKeeper

    keeper = BreakKeeper(_schedule_for(part, every), store=host.services.store,
                         wall=host.services.clocks.wall)
    mode = part.mode = Following(part, BreakFollower(keeper, lock.holder()))
    now = host.now()
    part.seen = now
    mode.show(mode.follower.state(now.real))
    host.refresh_bindings()
    host.heartbeat.show_views()
    host.heartbeat.arm()
    part.doors.follow(part.scheduler_changed)

    def free() -> None:  # on the lock's thread
        try:
            host.call_from_thread(take_over, part, every)
        except RuntimeError:  # the App is gone already
            pass

    lock.wait(free)


def _schedule_for(part: BreaksController, every: float | None) -> Any:
    schedule = part.settings().schedule()
    return schedule if every is None else replace(schedule, every=float(every))


def schedule(part: BreaksController, every: float | None) -> None:
    """Schedule here, restored from the store when it kept a schedule."""
    from tui.app.breaks.logind import listen
    from tui.app.breaks.modes import Scheduling
    from tui.engine.breaks import schedule as breaks
    from tui.services.breaks.keeper import BreakKeeper

    host = part.host
    services = host.services
    keeper = BreakKeeper(_schedule_for(part, every), store=services.store, notifier=services.notifier,
                         wall=services.clocks.wall)
    part.mode = Scheduling(part, keeper)
    now = host.now()
    part.seen = now
    state, events = keeper.begin(now.real)
    host.activities = act.put(host.activities, BREAKS, breaks.DRIVER, state)
    from tui.app.breaks.plan import begin as begin_plan

    begin_plan(part, keeper.schedule)  # the plan's reminders, on the same timer and notifier
    host.refresh_bindings()
    host.route(tuple(Happened(BREAKS, e, e.at) for e in events))
    listen(part)
    part.doors.serve()


def take_over(part: BreaksController, every: float | None) -> None:
    """The holder ended: schedule here, from what the store kept."""
    if part.follower is None:
        return
    host = part.host
    part.mode = None
    host.activities = act.remove(host.activities, BREAKS)
    part.doors.drop_client()
    if not part.asked:
        # Only a door onto another's schedule (breaks were not asked for here): it
        # does not start one nobody asked for, and follows the next one that starts.
        if part.lock is not None:
            part.lock.release()
        host.refresh_bindings()
        host.heartbeat.show_views()
        part.doors.watch()
        return
    schedule(part, every)
    if host.routine.session is not None:  # the routine under way here is the break
        from tui.engine.breaks import schedule as breaks

        part.command(breaks.start_break)
    host.notify("The other lumbar that scheduled desk breaks has stopped: this one "
                "schedules them now.", timeout=8)


def lock_beside(store: Any) -> SchedulerLock | None:
    """The lock in the history file's folder: one scheduler per history. None for a store
    with no file (tests' fakes), where this App schedules alone."""
    path = getattr(store, "path", None)
    if path is None or not hasattr(path, "parent"):
        return None
    from tui.services.breaks.lock import NAME, SchedulerLock

    return SchedulerLock(path.parent / NAME)
