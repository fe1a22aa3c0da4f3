"""The headless scheduler's doors: other lumbars on its socket, and its notification's buttons.

Part of the headless Runner (tui/cli/headless/runner.py), which owns one. A door's request
(tui/services/breaks/requests.py) is carried out at once and every door is told; a door whose
routine was the break and that vanishes ends it. The Start button with no lumbar open
counts the break as taken once its length has passed (`break_ends`), unless answered
otherwise first, and runs `break_command` when the setting has one. No Textual here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

from tui.cli.headless import lines as headless_lines


class HeadlessDoors:
    """Args:
        runner: the Runner (its state, clock, log and timer).
        path: the socket (tui.services.breaks.door.socket_path); None: no doors.
        break_command: what the Start button runs, without a shell; () for nothing.
        spawn: runs it (tests pass a recorder); default a detached process.
    """

    def __init__(self, runner: Any, path: Path | None, break_command: tuple[str, ...] = (),
                 spawn: Callable[[tuple[str, ...]], Any] | None = None) -> None:
        self.runner = runner
        self.path = path
        self.break_command = break_command
        self._spawn = spawn or _spawn
        self.server: Any = None
        self.break_ends: float | None = None
        """A break started from the notification with no routine here: it counts as taken
        at this moment (real clock) unless answered otherwise first."""
        self.break_door: object | None = None
        """The door whose routine is the break under way (ended if that door goes)."""
        self.break_worked = False
        """That door said something of its routine was done (else its loss is a skip)."""

    def changed(self) -> None:
        if self.server is not None:
            self.server.changed()

    def say(self, message: dict[str, Any]) -> None:
        """News for every door (the plan's reminder opened or answered)."""
        if self.server is not None:
            self.server.say(message)

    def greet(self) -> dict[str, Any] | None:
        """A door that connects while a reminder of today is open shows it too."""
        news = self.runner.plan_news()
        return news if news["reminder"] is not None else None

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    async def open(self) -> None:
        """Listen for doors and hear the notification's buttons."""
        listen = getattr(self.runner.keeper.notifier, "listen", None)
        if listen is not None:
            listen(self.pressed)
        if self.path is None:
            return
        from tui.services.breaks.door import DoorServer

        server = DoorServer(self.path, self.request, self.gone, self.greet)
        try:
            await server.start()
        except OSError as error:
            self.runner._say(f"other lumbars cannot answer the breaks here: cannot listen on "
                             f"{self.path}: {error.strerror or error}", self.runner.err)
            return
        self.server = server

    def request(self, do: str, args: dict[str, Any], door: object | None = None) -> dict[str, Any]:
        """A door's request (tui/services/breaks/requests.py), carried out now; its answer."""
        from tui.services.breaks.requests import apply

        assert self.runner.state is not None
        from tui.services import plan_doors

        if do == plan_doors.REQUEST:  # the plan's reminder, answered in a door's prompt
            return self.plan(args)
        if do == "worked":  # not the schedule's news: what the door's routine did so far
            self.break_worked = self.break_worked or door is self.break_door
            return {"ok": True, "say": ""}
        now = self.runner.real()
        state, events, answer = apply(self.runner.state, now, do, args)
        if answer.ok and do == "start":
            self.break_door, self.break_ends = door, None  # the door's routine is the break
            self.break_worked = False
        elif do == "end" or not state.in_break:
            self.break_door = self.break_ends = None
        self.runner._after(state, events, tell=True)
        at = headless_lines.clock_time(now, state.offset, state.schedule.hours.zone)
        if not answer.ok:
            self.runner._say(f"{at} refused {do}: {answer.say}")
        elif do == "start":
            self.runner._say(f"{at} stretch break under way" + (" (in lumbar)" if door else ""))
        elif do in ("pause", "resume"):
            self.runner._say(f"{at} reminders {'paused' if do == 'pause' else 'resumed'}")
        return answer.to_json()

    def plan(self, args: dict[str, Any]) -> dict[str, Any]:
        """A door's answer to the plan's reminder: kept as the prompt's (how "prompt"), the
        notification closed and every door told; a refusal is a line in the log."""
        from tui.services import plan_doors

        now = self.runner.real()
        state, events, answer = plan_doors.apply(self.runner.plan, now, args)
        if state is not None:
            self.runner.plan_answered(state, events, "prompt")
        if not answer.ok:
            self.runner._say(f"{self.runner._clock(now)} refused the plan's reminder "
                             f"{args.get('what')}: {answer.say}")
        return answer.to_json()

    def pressed(self, key: str, action: str) -> None:
        """A button on the break's notification: the request of the same name."""
        from tui.services.breaks.keeper import KEY
        from tui.services.plan_reminders import KEY as PLAN_KEY

        if key == PLAN_KEY and self.runner.plan is not None and action in ("snooze", "skip"):
            from tui.engine.plan import schedule as plan_schedule

            state, events = plan_schedule.answer(self.runner.plan, self.runner.real(), f"{action}ped"
                                                 if action == "skip" else "snoozed")
            self.runner.plan_answered(state, events, "notification")
            return
        if key != KEY or self.runner.state is None:
            return
        answer = self.request(action, {})
        if action == "start" and answer["ok"]:
            self.break_ends = self.runner.real() + self.runner.state.schedule.break_length
            self.runner._arm()
            if self.break_command:
                self._spawn(self.break_command)

    def gone(self, door: object) -> None:
        """A door went: a break its routine was is over, taken if it said it did something."""
        if door is not None and door is self.break_door and self.runner.state is not None:
            self.request("end", {"skipped": not self.break_worked})


def _spawn(command: tuple[str, ...]) -> None:
    """Run `break_command` (a terminal with the desk break) on its own, without a shell; a
    program that cannot start is said on stderr and the break counts as usual."""
    import subprocess

    try:
        subprocess.Popen(list(command), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError as error:
        print(f"lumbar: break_command {command[0]!r} did not start: {error.strerror or error}",
              file=sys.stderr, flush=True)
