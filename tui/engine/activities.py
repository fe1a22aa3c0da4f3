"""Every running activity in one value: one `advance`, events in time order, one wake-up.

An activity is a frozen state plus a `Driver`, a record of the plain functions that move it
(`advance`, `deadline`, `next_change`, `view`, `finished`). A routine session, an ice or
heat application and the break schedule are activities; `Activities` holds any number of
them under names the shell chooses ("routine", "ice"...).

Two clocks. A routine counts on the workout clock, `time.monotonic` ("mono"): when the
laptop sleeps the routine simply stands still, as nobody exercises with the lid shut. Ice,
heat and breaks count on the real clock ("real", `tui.services.clocks.boottime`, suspend included):
a heat pad stays hot while the laptop sleeps. The shell reads both clocks together into one
`Now(mono, real)` and passes it to every call; each activity sees only its own clock.

Ordering across clocks. Each event keeps `at` in its own clock. To merge them, every event
is placed on the real timeline by how long before the current reading it happened, in its
own clock: `real = at + (now.real - now.mono)` for a mono event. While the machine is
awake both clocks advance together, so this is exact. Across a suspend the mono clock
stood still; placing its events by the newest offset amounts to assuming the suspend came
before them, which is right within the shell's wake-up interval (at most `SUSPEND_CHECK`,
see below), and keeps keys rising from one call to the next (real never gains less than
mono). Events are sorted by that key; the sort is stable, so equal moments keep the order
of the activities, then each activity's own order.

The wake-up and suspend. The shell's event loop arms timers on `time.monotonic`, which
does not count suspend on Linux or macOS. A timer armed for an ice pack's end ten minutes
away, followed by three hours of sleep, would fire ten minutes after waking: far too late.
So while any real-clock activity is waiting for a deadline, `wake_delay` is never longer
than `SUSPEND_CHECK` (1 s): after a resume the shell looks within a second, the real clock
has jumped, and `advance` delivers the alarm at once (one alarm, no backlog: see
thermal.py). The mono activities lose nothing: their deadlines are in mono seconds, which
is exactly what the loop's timer measures. A shell that can arm a timer on the real clock
itself (a CLOCK_BOOTTIME timerfd on Linux, tui/services/realtimer.py) asks `wake_times` instead and
needs no such check. (On Windows `time.monotonic` may count sleep;
then a routine simply finds its missed steps passed and crosses them in one advance.)

Pure: standard library only, never reads a clock. Times are seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, Literal

from tui.engine import cadence
from tui.engine.frozen import frozen
from tui.engine.routine import session as S
from tui.engine.events import Event
from tui.engine.routine.view import view as session_view

Clock = Literal["mono", "real"]
Events = tuple[Event, ...]

#: Longest wait (seconds) while a real-clock activity has a deadline: how soon after a
#: resume from suspend the shell notices that the real clock jumped.
SUSPEND_CHECK = 1.0

# The activities' names, defined once: the App routes each one's events by its name, and a
# screen names the one whose view it shows (`shows = CARE`).
#: The routine under way (on the workout clock).
ROUTINE = "routine"
#: The ice or heat application (on the real clock).
CARE = "care"
#: The desk-break schedule (on the real clock).
BREAKS = "breaks"


def _never(state: Any) -> bool:
    return False


@frozen
class Driver:
    """How the aggregate moves one kind of activity; every time is in the driver's `clock`.

    advance(state, now) -> (state, events): idempotent for equal `now`, ignores `now` going
        back, crosses any number of deadlines, stamps each event with its own moment `at`.
    deadline(state) -> float | None: the next moment at which `advance` may emit an event,
        judged from the latest `now` the state has seen; None when nothing will happen by
        itself. Early is harmless (advance is idempotent), late is a bug.
    next_change(state, now) -> float | None: seconds until the view visibly changes (the
        next whole second of a countdown), slack included; None when the view is still.
    view(state, now) -> a small frozen view for rendering.
    finished(state) -> bool: nothing more will happen by itself.
    animated(state) -> bool: the view wants smooth frames (the breath pacer), not seconds.
    """

    clock: Clock
    advance: Callable[[Any, float], tuple[Any, Events]]
    deadline: Callable[[Any], float | None]
    next_change: Callable[[Any, float], float | None]
    view: Callable[[Any, float], Any]
    finished: Callable[[Any], bool]
    animated: Callable[[Any], bool] = _never


@frozen
class Now:
    """Both clocks, read together by the shell (seconds)."""

    mono: float
    """The workout clock, `time.monotonic`."""
    real: float
    """The real clock, suspend included (`tui.services.clocks.boottime`)."""

    def of(self, clock: Clock) -> float:
        return self.mono if clock == "mono" else self.real


@frozen
class Activity:
    name: str
    driver: Driver
    state: Any


@frozen
class Happened:
    """One event from one activity, with its place on the real timeline."""

    activity: str
    event: Event
    """`event.at` is in the activity's own clock."""
    real: float
    """The same moment on the real clock: the order of events across activities."""


@frozen
class Activities:
    """Every running activity, in the order they were added."""

    items: tuple[Activity, ...] = ()


def add(agg: Activities, name: str, driver: Driver, state: Any) -> Activities:
    """Start tracking an activity. Raises ValueError if `name` is already in use."""
    if any(a.name == name for a in agg.items):
        raise ValueError(f"an activity named {name!r} is already running; remove it first")
    return replace(agg, items=agg.items + (Activity(name, driver, state),))


def put(agg: Activities, name: str, driver: Driver, state: Any) -> Activities:
    """`name` with a new state: replaced in its place if running, else added at the end."""
    if _find(agg, name) is None:
        return add(agg, name, driver, state)
    return replace(agg, items=tuple(Activity(name, driver, state) if a.name == name else a
                                    for a in agg.items))


def remove(agg: Activities, name: str) -> Activities:
    """Stop tracking `name` (no-op if absent)."""
    return replace(agg, items=tuple(a for a in agg.items if a.name != name))


def names(agg: Activities) -> tuple[str, ...]:
    return tuple(a.name for a in agg.items)


def get(agg: Activities, name: str) -> Any | None:
    """The state of `name`, or None if it is not running."""
    found = _find(agg, name)
    return None if found is None else found.state


def advance(agg: Activities, now: Now) -> tuple[Activities, tuple[Happened, ...]]:
    """Advance every activity to `now`; all their events, merged in time order."""
    items: list[Activity] = []
    happened: list[Happened] = []
    for act in agg.items:
        state, events = act.driver.advance(act.state, now.of(act.driver.clock))
        items.append(replace(act, state=state))
        happened += _tag(act, events, now)
    happened.sort(key=lambda h: h.real)
    return replace(agg, items=tuple(items)), tuple(happened)


def command(agg: Activities, name: str, fn: Callable[..., tuple[Any, Events]], now: Now,
            *args: Any) -> tuple[Activities, tuple[Happened, ...]]:
    """Advance everything to `now`, then run `fn(state, now_in_its_clock, *args)` on `name`.

    The command's events come after everything that was due by `now`. Raises KeyError if
    `name` is not running.
    """
    agg, happened = advance(agg, now)
    act = _find(agg, name)
    if act is None:
        raise KeyError(f"no running activity named {name!r}")
    state, events = fn(act.state, now.of(act.driver.clock), *args)
    items = tuple(replace(a, state=state) if a.name == name else a for a in agg.items)
    return replace(agg, items=items), happened + _tag(act, events, now)


def view(agg: Activities, name: str, now: Now) -> Any | None:
    """The view of `name` at `now`, or None if it is not running."""
    act = _find(agg, name)
    return None if act is None else act.driver.view(act.state, now.of(act.driver.clock))


def views(agg: Activities, now: Now) -> tuple[tuple[str, Any], ...]:
    """(name, view) of every activity, in order: what a status line draws."""
    return tuple((a.name, a.driver.view(a.state, now.of(a.driver.clock))) for a in agg.items)


def animated(agg: Activities, name: str) -> bool:
    act = _find(agg, name)
    return act is not None and act.driver.animated(act.state)


def wake_delay(agg: Activities, now: Now, visible: Iterable[str] = ()) -> float | None:
    """Seconds until the shell must next call `advance`; None when nothing will happen.

    The earliest of: every activity's next deadline; the next visible change of the
    activities in `visible` (those on screen or in the status line); and `SUSPEND_CHECK`
    while a real-clock activity has a deadline (see the module docstring). Being relative,
    it can be armed on the event loop's monotonic clock as it is.
    """
    shown = set(visible)
    waits: list[float] = []
    for act in agg.items:
        t = now.of(act.driver.clock)
        due = act.driver.deadline(act.state)
        if due is not None:
            waits.append(max(0.0, due - t))
            if act.driver.clock == "real":
                waits.append(SUSPEND_CHECK)
        if act.name in shown:
            change = act.driver.next_change(act.state, t)
            if change is not None:
                waits.append(change)
    return min(waits) if waits else None


def wake_times(agg: Activities, now: Now,
               visible: Iterable[str] = ()) -> tuple[float | None, float | None]:
    """`wake_delay` split by clock, with no `SUSPEND_CHECK`: for a shell that can arm a
    timer on the real clock itself (a CLOCK_BOOTTIME timerfd fires on time across a
    suspend, so nothing has to look every second).

    Returns (seconds until the next deadline or visible change of the workout-clock
    activities, to arm on the event loop; the real-clock moment of the next deadline or
    visible change of the real-clock ones, to arm on the real clock). Either is None when
    nothing of that clock will happen.
    """
    shown = set(visible)
    mono: list[float] = []
    real: list[float] = []
    for act in agg.items:
        t = now.of(act.driver.clock)
        waits = mono if act.driver.clock == "mono" else real
        due = act.driver.deadline(act.state)
        if due is not None:
            waits.append(max(0.0, due - t))
        if act.name in shown:
            change = act.driver.next_change(act.state, t)
            if change is not None:
                waits.append(change)
    return (min(mono) if mono else None), (now.real + min(real) if real else None)


def next_deadline(agg: Activities, now: Now, visible: Iterable[str] = ()) -> float | None:
    """`wake_delay` as a moment on the workout clock (`now.mono + delay`), or None."""
    delay = wake_delay(agg, now, visible)
    return None if delay is None else now.mono + delay


def _find(agg: Activities, name: str) -> Activity | None:
    return next((a for a in agg.items if a.name == name), None)


def _tag(act: Activity, events: Events, now: Now) -> tuple[Happened, ...]:
    offset = now.real - now.of(act.driver.clock)
    return tuple(Happened(act.name, e, e.at + offset) for e in events)


# A routine session as an activity. Its events (countdown seconds, phase changes, step
# ends) all fall on a whole second of some countdown the screen shows, so the next visible
# change (tui.engine.cadence) is also its next deadline.

def _session_deadline(s: S.Session) -> float | None:
    delay = cadence.next_delay(s, s.clock)
    return None if delay is None else s.clock + delay


SESSION = Driver(
    clock="mono", advance=S.advance, deadline=_session_deadline,
    next_change=cadence.next_delay, view=session_view, finished=lambda s: s.finished,
    animated=cadence.animated,
)
