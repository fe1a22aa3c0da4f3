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
    from tui.app.routine.controller import RoutineController
    from tui.engine.activities import Activities, Happened, Now
    from tui.engine.events import Event


class Host(Protocol):
    """The App as every controller sees it: its values, its clocks, its routing, its screens.

    The other parts are named here for the few calls between them; each controller's
    own Protocol below says which it uses."""

    config: Config
    services: Services
    activities: Activities
    """Everything running (tui.engine.activities): each controller replaces its own entry."""
    routine: RoutineController
    care: CareController
    breaks: BreaksController
    heartbeat: Heartbeat

    def now(self) -> Now:
        """Both clocks, read together."""
        ...

    def route(self, happened: Iterable[Happened]) -> None:
        """Send each event to its activity's controller, then refresh every view."""
        ...

    def after(self, events: Iterable[Event], activity: str = ...) -> None:
        """Route events one activity's command returned (not yet tagged)."""
        ...

    def tick(self) -> None:
        """Read both clocks, advance every activity, show the result."""
        ...

    def go_home(self) -> None:
        """Show the routine list."""
        ...

    # Textual's App, as used by the controllers.
    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def pop_screen(self) -> Any: ...

    def switch_screen(self, screen: Any) -> Any: ...

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def call_next(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def set_interval(self, interval: float, callback: Any = None, *, name: str | None = None) -> Any: ...

    def run_worker(self, work: Any, *, exit_on_error: bool = True) -> Any: ...

    def refresh_bindings(self) -> None: ...

    def exit(self, result: Any = None, return_code: int = 0) -> None: ...

    @property
    def animation_level(self) -> str: ...


class RoutineHost(Host, Protocol):
    """The routine controller's App: a routine's start and end are told to `breaks`
    (`routine_changed`), and the `heartbeat` re-armed when it ends."""


class CareHost(Host, Protocol):
    """The ice and heat controller's App: the alarm pauses the `routine` under it; a new
    episode asks the routine's red-flag check."""


class BreaksHost(Host, Protocol):
    """The breaks controller's App: the `routine` under way is the break; the
    `heartbeat` shows a followed schedule at once."""


class HeartbeatHost(Host, Protocol):
    """The heartbeat's App: `breaks` words the schedule for the status line."""
