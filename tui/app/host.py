"""What the controllers need from the App, as a Protocol: LumbarApp provides it.

The controllers (routine, care, breaks, the heartbeat, stops, the palette) are plain
classes the App owns, as Textual's App owns its WorkerManager; each is handed the App as
this `Host` and uses nothing else of it. The parts are reached by name (`host.routine`...)
so one activity can ask another (a routine started is a desk break taken).
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
    """The App as its controllers see it: its values, its clocks, its routing, its screens."""

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
