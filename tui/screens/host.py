"""What the screens need from the App and its parts, as Protocols: the screens never
import the App's package (tests/test_import_hygiene.py). A screen is handed its activity's part
(`RoutinePart`, `CarePart`, `BreaksPart`, `MeasuresPart`) when made; what only the App does (the routine
list, a fresh tick) it reaches through `shell(screen)`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping, Protocol, cast

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.engine.measures.goals import Goal
    from tui.engine.routine.model import Routine
    from tui.engine.routine.session import Result, Session
    from tui.services.plan_file import PlanFile


class Shell(Protocol):
    """The App itself, as a screen may use it."""

    def go_home(self) -> None:
        """Show the routine list."""
        ...

    def tick(self) -> None:
        """Read the clocks and give every screen its view now."""
        ...

    def open_care(self, kind: str | None = None, minutes: float | None = None,
                  since: datetime | None = None) -> None:
        """The ice/heat entry (asks what it must first)."""
        ...

    def wall(self) -> datetime:
        """The aware local time now."""
        ...

    def open_goals(self) -> None:
        """The goals screen."""
        ...

    def goals_on(self) -> bool:
        """Whether goals are kept (their setting is on and there is a history)."""
        ...


def shell(screen: Screen[Any]) -> Shell:
    """The App of `screen`, as a `Shell`."""
    return cast("Shell", screen.app)


class RoutinePart(Protocol):
    """The routine's part of the App (its routine controller), as screens use it."""

    routines: Mapping[str, Routine]
    store: Any
    recorder: Any
    dosing: Any
    broken: Mapping[str, list[str]]

    @property
    def session(self) -> Session | None: ...

    def command(self, fn: Callable[..., Result], *args: object) -> None: ...

    def pause_for(self, screen: Any, answered: Callable[[object], bool] | None = None) -> None: ...

    def leave(self) -> None: ...

    def start_routine(self, key: str) -> None: ...

    def remembered_easier(self, routine: Routine) -> frozenset[int]: ...

    def forget_easier(self, routine: Routine) -> None: ...

    def check_in_alone(self, then: Callable[[], None] | None = None) -> None: ...

    def plan_file(self) -> PlanFile | None:
        """The plan file as it reads now (tui.services.plan_file), None without one."""
        ...


class CarePart(Protocol):
    """The ice and heat part of the App (its care controller), as screens use it."""

    def advice(self, choice: str | None = None) -> tuple[str, str] | None: ...

    def applications_today(self) -> int | None: ...

    def command(self, fn: Callable[..., Any], *args: Any) -> None: ...

    def start(self, kind: str, minutes: float | None = None) -> None: ...

    def end(self) -> None: ...

    def again(self, kind: str) -> None: ...

    def rest_left(self, asked: str | None = None) -> str: ...

    def heat_used_up(self) -> str: ...

    def set_episode(self, started: datetime) -> None: ...

    def after_new_episode(self, then: Callable[[], None]) -> None: ...


class MeasuresPart(Protocol):
    """The outcome measures' part of the App (its measures controller), as screens use it:
    the goals, and where a change to them goes (each says "saved" or "waits" itself)."""

    def goals(self) -> tuple[Goal, ...]: ...

    def add_goal(self, text: str, rating: int | None) -> None: ...

    def change_goal(self, key: str, text: str, rating: int | None) -> None: ...

    def retire_goal(self, key: str) -> None: ...

    def rate_goals(self, ratings: Mapping[str, int]) -> None: ...


class BreaksPart(Protocol):
    """The desk-break part of the App (its breaks controller), as screens use it."""

    def take_break(self) -> None: ...

    def snooze(self) -> None: ...

    def skip(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def meeting(self) -> None: ...

    def rule(self) -> str: ...
