"""Ice and heat in the App: start, restore, commands, and what each event does.

A part the App owns (`app.care`). The application itself is pure (tui.engine.care.thermal),
runs as the activity CARE on the real clock, and is kept in the store from the moment the
pack goes on: a restarted lumbar rebuilds it with `thermal.restore` from the stored wall
times, as it stands now (time left, or the alarm).

Effects go out through the App's services: the notifier (desktop, terminal, bell), the
cues (one more bell a level), Textual's own toasts.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act
from tui.engine.activities import CARE

# The ice/heat engine, the episode rules and their events are imported where they are used,
# not here: a start without a pack on never needs them, and importing them cost the first frame.
if TYPE_CHECKING:
    from tui.app.host import CareHost
    from tui.engine.care import thermal
    from tui.engine.events import Event


class CareController:
    """The ice and heat activity (see the module docstring).

    Args:
        host: the App (tui.app.host.CareHost); the limits are its config's `care`.
    """

    def __init__(self, host: CareHost) -> None:
        self.host = host
        self.limits = host.config.care
        self.store = host.services.store
        self.care_row: int | None = None
        """The store row of the application under way."""
        self._restored = False
        """The stored application was looked for already (restore once, before any new one)."""
        self.episode_changed = False
        """A new episode of pain was just set: the red-flag check is asked before going on."""
        self._episode: datetime | None = None
        """When the pain started, without a store to keep it."""

    def wall(self) -> datetime:
        """The aware local time now (the services' wall clock)."""
        return self.host.services.clocks.wall()

    # -- the episode ------------------------------------------------------------------------

    def episode(self) -> datetime | None:
        return self.store.episode() if self.store is not None else self._episode

    def set_episode(self, started: datetime) -> None:
        self._episode = started
        self.episode_changed = True  # the red-flag check follows (tui/app/routine/red_flags.py)
        if self.store is not None:
            self.store.set_episode(started)

    def advice(self, choice: str | None = None) -> tuple[str, str] | None:
        """(kind, one line why) for the current episode, or None when it is not known."""
        started = self.episode()
        if started is None:
            return None
        from tui.engine.care import episode as episodes

        ep = episodes.Episode(started.timestamp())
        return episodes.advice(ep, self.wall().timestamp(), choice)

    # -- running ----------------------------------------------------------------------------

    @property
    def application(self) -> thermal.Application | None:
        return act.get(self.host.activities, CARE)

    def start(self, kind: str, minutes: float | None = None) -> None:
        """Put a pack on now, for `minutes` (default: the setting)."""
        from tui.engine.care import thermal

        length = float(minutes if minutes is not None else self.limits.minutes) * 60
        rest = thermal.round_rest(kind, length, float(self.limits.rest_minutes) * 60, self.limits.ice_every_minutes * 60.0)
        now = self.host.now()
        app = thermal.start(kind, now.real, length, rest)
        self.host.activities = act.put(self.host.activities, CARE, thermal.DRIVER, app)
        if self.store is not None:
            started = self.episode()
            from tui.services.store.writes import stamp

            self.care_row = self.store.begin_application(
                kind, length, rest, stamp(started)[0] if started else None)
        self.host.route(())

    def command(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a thermal command (`acknowledge`, `stop_early`) on the application."""
        if self.application is None:
            return
        self.host.activities, happened = act.command(self.host.activities, CARE, fn, self.host.now(), *args)
        self.host.route(happened)

    def end(self) -> None:
        """Forget a finished or resting application (the store already has its row)."""
        self.host.activities = act.remove(self.host.activities, CARE)
        self.care_row = None
        self.host.route(())

    def restore(self) -> None:
        """Rebuild the stored application, if one is on or its skin rest is not over."""
        if self.store is None or self._restored:
            return
        self._restored = True
        last = self.store.last_application()
        if last is None:
            return
        from tui.engine.care import thermal

        wall, now = self.wall(), self.host.now()

        def real(moment: datetime) -> float:
            return now.real - (wall - moment).total_seconds()

        started = real(last["start"])
        off_at = real(last["ended"]) if last["ended"] is not None else None
        if off_at is not None and now.real >= off_at + last["rest"]:
            return  # rested long ago: nothing is running
        try:
            app, events = thermal.restore(
                last["kind"], started, last["planned"], now.real, rest=last["rest"],
                off_at=max(off_at, started) if off_at is not None else None,
                reason=last["reason"] if last["outcome"] == "stopped" else None)
        except ValueError:
            return  # a row this lumbar cannot use (bounds changed): leave it in the history
        self.host.activities = act.put(self.host.activities, CARE, thermal.DRIVER, app)
        self.care_row = last["id"] if last["outcome"] is None else None
        self.host.route(tuple(act.Happened(CARE, e, e.at) for e in events))

    def applications_today(self) -> int | None:
        """Applications begun today, this one included; None when no history is kept."""
        return self.store.applications_today() if self.store is not None else None

    # -- events -----------------------------------------------------------------------------

    def on_event(self, event: Event, seen: float) -> None:
        """What an ice or heat event does: a row, a notification, the alarm screen."""
        from tui.engine.care import thermal
        from tui.engine.care.events import AlarmRang, ApplicationEnded, RoundOffered, SkinCheckDue

        label = thermal.LABELS.get(getattr(event, "kind", ""), "")
        if isinstance(event, SkinCheckDue):
            self._send(f"{label}: skin check",
                       f"Halfway. Look at the skin: take it off now if it is "
                       f"{', '.join(thermal.SKIN_SIGNS)}.")
        elif isinstance(event, AlarmRang):
            kind = self.application.kind if self.application else ""
            self._send(f"{thermal.LABELS.get(kind, 'Ice or heat')}: take it off now",
                       "The time is up. Take the pack off to rest the skin.", "critical")
            cues = self.host.services.cues
            if cues is not None:
                for _ in range(event.level - 1):  # louder as it goes on: one more bell a level
                    cues.bell()
            from tui.app.care.entry import open_alarm

            open_alarm(self)
        elif isinstance(event, ApplicationEnded):
            notifier = self.host.services.notifier
            if notifier is not None:
                notifier.withdraw(CARE)  # the alarm was answered: off the desktop too
            if self.store is not None and self.care_row is not None:
                self.store.end_application(self.care_row, event.outcome, event.reason)
            self.care_row = None
        elif isinstance(event, RoundOffered):
            self._send(f"{label}: skin rested", f"Another round of {label.lower()} is fine now, if you want one.")

    def _send(self, title: str, body: str, urgency: str = "normal") -> None:
        notifier = self.host.services.notifier
        if notifier is not None:
            from tui.services.notify import Notice

            # One notification for the pack: the skin check, then each alarm, replace the
            # one before (a new alarm every 30 s would otherwise stack up).
            notifier.send(Notice(title, body, urgency, key=CARE))  # type: ignore[arg-type]

    def open(self, kind: str | None = None, minutes: float | None = None,
             since: datetime | None = None) -> None:
        """The ice/heat entry (tui/app/care/entry.py)."""
        from tui.app.care.entry import open_care

        open_care(self, kind, minutes, since)

    def again(self, kind: str) -> None:
        """Another round of `kind` from the ice/heat screen: the precaution first when owed."""
        from tui.app.care.precaution import ask_first

        ask_first(self, kind, lambda: self.start(kind), lambda: None)

    def rest_left(self, asked: str | None = None) -> str:
        """What a new round waits for during the skin rest, in words (tui/app/care/rounds.py)."""
        from tui.app.care.rounds import rest_left

        return rest_left(self, asked)

    def heat_used_up(self) -> str:
        """A line when heat was used its times today already, else "" (tui/app/care/rounds.py)."""
        from tui.app.care.rounds import heat_used_up

        return heat_used_up(self)

    def after_new_episode(self, then: Callable[[], None]) -> None:
        """The red-flag check after a new episode was set, then `then`."""
        from tui.app.routine.red_flags import after_new_episode

        after_new_episode(self.host.routine, then)
