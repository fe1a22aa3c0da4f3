"""What the controllers need from the App, as Protocols: LumbarApp provides them all.

The controllers (routine, care, breaks, the heartbeat, stops, the palette) are plain
classes the App owns, as Textual's App owns its WorkerManager; each is handed the App
typed as the Protocol below that names what it uses: `Host` (the values, the clocks,
routing, screens and toasts) and, per controller, which other parts it asks (a routine
started is a desk break taken; an alarm pauses the routine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.breaks.controller import BreaksController
    from tui.app.care.controller import CareController
    from tui.app.config import Config, Services
    from tui.app.heartbeat import Heartbeat
    from tui.app.measures.controller import MeasuresController
    from tui.app.routine.controller import RoutineController
    from tui.engine.activities import Activities, Happened, Now
    from tui.engine.events import Event


class Host(Protocol):
    """What every controller needs of the App: its values, the time now, routing events,
    and showing screens and toasts. Each controller's Protocol below adds only what that
    controller also asks."""

    config: Config
    services: Services
    activities: Activities
    """Everything running (tui.engine.activities): each controller replaces its own entry."""

    def now(self) -> Now:
        """Both clocks, read together."""
        ...

    def route(self, happened: Iterable[Happened]) -> None:
        """Send each event to its activity's controller, then refresh every view."""
        ...

    def after(self, events: Iterable[Event], activity: str = ...) -> None:
        """Route events one activity's command returned (not yet tagged)."""
        ...

    def go_home(self) -> None:
        """Show the routine list."""
        ...

    # Textual's App, as every controller uses it.
    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def pop_screen(self) -> Any: ...

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...


class RoutineHost(Host, Protocol):
    """The routine controller's App: a routine's start and end are told to `breaks`, an
    episode's red-flag check reaches `care`, the `heartbeat` is re-armed when it ends, the
    finished workout is switched for the summary, and `measures` asks what is due after."""

    heartbeat: Heartbeat
    care: CareController
    breaks: BreaksController
    @property
    def measures(self) -> MeasuresController:
        """Asks the outcome measures due after a routine's check-in."""
        ...

    def switch_screen(self, screen: Any) -> Any: ...

    def exit(self, result: Any = None, return_code: int = 0) -> None:
        """A red-flag answer that stops lumbar ends it."""
        ...


class CareHost(Host, Protocol):
    """The ice and heat controller's App: the alarm pauses the `routine` under it."""

    routine: RoutineController


class BreaksHost(Host, Protocol):
    """The breaks controller's App: the `routine` under way is the break; the `heartbeat`
    shows a followed schedule at once; the break lock and logind answer from threads."""

    routine: RoutineController
    heartbeat: Heartbeat

    def tick(self) -> None:
        """Read both clocks, advance every activity, show the result."""
        ...

    def refresh_bindings(self) -> None: ...

    def call_next(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def run_worker(self, work: Any, *, exit_on_error: bool = True) -> Any: ...


class HeartbeatHost(Protocol):
    """The heartbeat's App: the activities and the clocks, `breaks` to word the schedule
    for the status line, the screens to show views to, and Textual's timers."""

    config: Config
    services: Services
    activities: Activities
    breaks: BreaksController

    def now(self) -> Now: ...

    def tick(self) -> None: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def call_next(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...

    def set_interval(self, interval: float, callback: Any = None, *, name: str | None = None) -> Any: ...

    @property
    def animation_level(self) -> str: ...
