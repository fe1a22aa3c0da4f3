"""The doors onto the break schedule: a part of the breaks controller (`app.breaks.doors`).

One schedule, many doors. The lumbar that holds the scheduler lock serves the socket
(tui/services/breaks/door.py): requests from other lumbars and its own notification's buttons are
carried out here within a second, and every door hears when the schedule changed. A
lumbar that follows another scheduler (tui/app/breaks/modes.py) is a door: its keys, its
prompt and its routines become requests to the scheduler, and it reads the schedule
again as soon as the scheduler says it changed.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Callable

from tui.services.breaks.lock import NAME as LOCK_NAME

if TYPE_CHECKING:
    from pathlib import Path

    from tui.app.breaks.controller import BreaksController
    from tui.services.breaks.door import DoorClient, DoorServer

#: Seconds between attempts to reach a scheduler that went away (the lock's waiter takes
#: over sooner when this lumbar schedules after it).
RECONNECT = 5.0


def door_path(store: Any) -> Path | None:
    """The scheduler's socket for the history `store` keeps, or None (no file, no sockets)."""
    from tui.services.breaks.door import socket_path, supported

    path = getattr(store, "path", None)
    if path is None or not hasattr(path, "parent") or not supported():
        return None
    try:
        return socket_path(path.parent / LOCK_NAME)
    except OSError:
        return None


class BreakDoors:
    """Serve requests while this App schedules; send them while it follows another.

    Args:
        part: the breaks controller (its commands; through it, the App's notices and routine).
    """

    def __init__(self, part: BreaksController) -> None:
        self.part = part
        self.host = part.host
        self.server: DoorServer | None = None
        self.client: DoorClient | None = None
        self.break_door: object | None = None
        """The door whose routine is the break under way (ended if that door goes)."""
        self.break_worked = False
        """That door said something of its routine was done (else its loss is a skip)."""
        self._told_worked = False
        """This door told the scheduler its routine did something."""
        self._tasks: set[asyncio.Task[Any]] = set()

    # --- while this App schedules ------------------------------------------------------------

    def serve(self) -> None:
        """Open the socket (in the background) and hear the notification's buttons."""
        notifier = self.host.services.notifier
        listen = getattr(notifier, "listen", None)
        if listen is not None:
            listen(self.pressed)
        path = door_path(self.host.services.store)
        if path is None or self.server is not None:
            return
        from tui.services.breaks.door import DoorServer

        from tui.app.breaks import plan_doors

        self.server = DoorServer(path, self.request, self.gone, lambda: plan_doors.greet(self.part))
        self._spawn(self._open(self.server))

    async def _open(self, server: DoorServer) -> None:
        try:
            await server.start()
        except OSError as error:
            self.server = None
            self.host.notify(f"Other lumbars cannot answer the breaks here: {error.strerror or error}.",
                            severity="warning", timeout=8)

    def tell(self) -> None:
        """The schedule changed: every door reads it again."""
        if self.server is not None:
            self.server.changed()

    def say(self, message: dict[str, Any]) -> None:
        """News for every door (the plan's reminder opened or answered)."""
        if self.server is not None:
            self.server.say(message)

    def request(self, do: str, args: dict[str, Any], door: object | None = None) -> dict[str, Any]:
        """A door's request, carried out as a break command here; its answer."""
        from tui.services.breaks.requests import Answer, apply

        if do == "worked":  # not the schedule's news: what the door's routine did so far
            self.break_worked = self.break_worked or door is self.break_door
            return Answer(True).to_json()
        if do == "plan":  # the plan's reminder, answered in a door's prompt
            from tui.app.breaks import plan_doors

            return plan_doors.request(self.part, args)
        answers: list[Answer] = []

        def run(state: Any, now: float) -> Any:
            new, events, answer = apply(state, now, do, args)
            answers.append(answer)
            return new, events

        if self.part.state is None:
            return Answer(False, "The desk-break schedule is not running.").to_json()
        self.part.command(run)
        answer = answers[0]
        if answer.ok and do == "start":
            self.break_door, self.break_worked = door, False
        elif do == "end":
            self.break_door = None
        self.tell()
        return answer.to_json()

    def gone(self, door: object) -> None:
        """A door went: a break its routine was is over, taken if it said it did something."""
        if door is not None and door is self.break_door:
            self.break_door = None
            self.request("end", {"skipped": not self.break_worked})

    def pressed(self, key: str, action: str) -> None:
        """A button on the break's notification: what the prompt's key does."""
        from tui.services.breaks.keeper import KEY
        from tui.services.plan_reminders import KEY as PLAN_KEY

        if key == PLAN_KEY and action in ("snooze", "skip"):
            from tui.app.breaks.plan import answer

            answer(self.part, "snoozed" if action == "snooze" else "skipped", "notification")
            return
        if key != KEY or self.part.state is None:
            return
        if action == "start":
            self.part.take_break()
        elif action == "snooze":
            self.part.snooze()
        elif action == "skip":
            self.part.skip()

    # --- while this App follows another ----------------------------------------------------

    def probe(self) -> None:
        """Follow a scheduler if one runs for this history (a plain `lumbar` is a door)."""
        part = self.part
        store = self.host.services.store
        path = door_path(store)
        if path is None or not path.exists() or part.state is not None:
            return
        from tui.app.breaks.choose import lock_beside

        lock = part.lock = part.lock or lock_beside(store)
        if lock is not None and lock.holder() is not None:
            part.start(None)

    def follow(self, changed: Callable[[], None]) -> None:
        """Connect to the scheduler (in the background); `changed` on each change it tells."""
        path = door_path(self.host.services.store)
        if path is None or self.client is not None:
            return
        from tui.services.breaks.door import DoorClient

        from tui.app.breaks import plan_doors

        self.client = DoorClient(path, changed, self._lost,
                                 lambda shown: plan_doors.heard(self.part, shown))
        self._spawn(self._join(self.client))

    async def _join(self, client: DoorClient) -> None:
        """Connect, and tell a scheduler that starts after this door's routine began (one
        restarted, say) that this routine is the break, and whether it did something."""
        if await client.connect():
            await self._tell_routine(client)

    async def _tell_routine(self, client: DoorClient) -> None:
        routine = self.host.routine
        if routine.session is not None:
            await client.request("start")
            if routine.recorder.worked:
                await client.request("worked")

    def routine_worked(self) -> None:
        """This door's routine did something: say so once, so that losing this door
        counts the break taken, not skipped."""
        if not self._told_worked:
            self._told_worked = True
            self.ask("worked")

    def routine_started(self) -> None:
        self._told_worked = False

    def watch(self) -> None:
        """No scheduler now (a door whose scheduler stopped): follow the next one that
        starts, looking every RECONNECT seconds (one stat each time)."""
        async def look() -> None:
            while self.part.state is None and self.client is None:
                await asyncio.sleep(RECONNECT)
                self.probe()

        self._spawn(look())

    def ask(self, do: str, then: Callable[[], None] | None = None, **args: Any) -> None:
        """Send a request; say in one line why when it was not done, else run `then`."""
        client = self.client
        if client is None:
            self.host.notify("The lumbar that schedules the breaks cannot be reached from here.",
                            timeout=8)
            return

        async def send() -> None:
            answer = await client.request(do, **args)
            if not answer.get("ok"):
                self.host.notify(str(answer.get("say") or "Not done."), timeout=8)
            elif then is not None:
                then()

        self._spawn(send())

    def _lost(self) -> None:
        """The scheduler went: try again in a while (or the lock's waiter takes over)."""
        client = self.client
        if client is None:
            return

        async def again() -> None:
            # Another lumbar may take the schedule over and listen on the same path.
            while self.client is client and not client.connected:
                await asyncio.sleep(RECONNECT)
                if self.client is client and await client.connect():
                    await self._tell_routine(client)  # the new one learns of this break
                    self.host.call_next(client._changed)  # read what the new one keeps

        self._spawn(again())

    def drop_client(self) -> None:
        """Stop following: the scheduler this door followed has ended."""
        if self.client is not None:
            self.client.close()
            self.client = None

    # --- both ------------------------------------------------------------------------------

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.client is not None:
            self.client.close()
            self.client = None
        for task in list(self._tasks):
            task.cancel()

    def _spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def as_request(fn: Callable[..., Any], args: tuple[Any, ...], state: Any,
               ) -> tuple[str, dict[str, Any], str | None] | None:
    """A break command of this App as a door's request: (name, arguments, what to say
    once done, or None); None for what the scheduler learns by itself (logind's natural
    breaks, which it hears too)."""
    from tui.engine.breaks import schedule as breaks

    if fn is breaks.start_break:
        return "start", {}, None
    if fn is breaks.end_break:
        return "end", {"skipped": bool(args[0]) if args else False}, None
    if fn is breaks.break_taken:
        return None if args and args[0] else ("taken", {}, None)
    if fn is breaks.meeting and state is not None:
        return "meeting", {"until": float(args[0]) + state.offset}, "meeting"
    for name in ("snooze", "skip", "pause", "resume"):
        if fn is getattr(breaks, name):
            return name, {}, name
    return None
