"""Ice and heat in the App: start, restore, commands, and what each event does.

A mixin for LumbarApp, so app.py stays routing. The application itself is pure
(tui.engine.care.thermal), runs as the activity CARE on the real clock, and is kept in the
store from the moment the pack goes on: a restarted lumbar rebuilds it with
`thermal.restore` from the stored wall times, as it stands now (time left, or the alarm).

Effects go out through what the App was given: the notifier (desktop, terminal, bell),
the cues (one more bell a level), Textual's own toasts.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act

# The ice/heat engine, the episode rules and their events are imported where they are used,
# not here: a start without a pack on never needs them, and importing them cost the first frame.
if TYPE_CHECKING:
    from tui.engine.care import thermal
    from tui.engine.activities import Now
    from tui.engine.events import Event

#: The ice or heat application's name among the running activities.
CARE = "care"


class CareMixin:
    """Ice and heat for LumbarApp (see the module docstring)."""

    care_minutes: int = 15
    """Length of one application, minutes (setting `ice_heat_minutes`, 1..20)."""
    rest_minutes: int = 20
    """Skin rest after one, minutes (setting `skin_rest_minutes`, 1..120)."""
    ice_every_minutes: int = 120
    """Ice at most this often, start to start (setting `ice_every_minutes`)."""
    heat_per_day: int = 3
    """Heat at most this many times a day (setting `heat_per_day`)."""
    care_row: int | None = None
    """The store row of the application under way."""
    _care_restored = False
    """The stored application was looked for already (restore once, before any new one)."""
    asks_precaution = False
    """Ask the precaution before an episode's first pack: the launcher turns it on."""
    episode_changed = False
    """A new episode of pain was just set: the red-flag check is asked before going on."""

    # Provided by LumbarApp.
    activities: act.Activities
    store: Any
    notifier: Any
    cues: Any
    now: Callable[[], Now]
    _route: Callable[..., None]

    def wall(self) -> datetime:
        """The aware local time now; tests replace it, in step with the real clock."""
        return datetime.now().astimezone()

    # -- the episode ------------------------------------------------------------------------

    def episode(self) -> datetime | None:
        return self.store.episode() if self.store is not None else getattr(self, "_episode", None)

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
        return act.get(self.activities, CARE)

    def start_care(self, kind: str, minutes: float | None = None) -> None:
        """Put a pack on now, for `minutes` (default: the setting)."""
        from tui.engine.care import thermal

        length = float(minutes if minutes is not None else self.care_minutes) * 60
        rest = thermal.round_rest(kind, length, float(self.rest_minutes) * 60, self.ice_every_minutes * 60.0)
        now = self.now()
        app = thermal.start(kind, now.real, length, rest)
        self.activities = act.put(self.activities, CARE, thermal.DRIVER, app)
        if self.store is not None:
            started = self.episode()
            from tui.services.store.writes import stamp

            self.care_row = self.store.begin_application(
                kind, length, rest, stamp(started)[0] if started else None)
        self._route(())

    def care_command(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a thermal command (`acknowledge`, `stop_early`) on the application."""
        if self.application is None:
            return
        self.activities, happened = act.command(self.activities, CARE, fn, self.now(), *args)
        self._route(happened)

    def end_care(self) -> None:
        """Forget a finished or resting application (the store already has its row)."""
        self.activities = act.remove(self.activities, CARE)
        self.care_row = None
        self._route(())

    def restore_care(self) -> None:
        """Rebuild the stored application, if one is on or its skin rest is not over."""
        if self.store is None or self._care_restored:
            return
        self._care_restored = True
        last = self.store.last_application()
        if last is None:
            return
        from tui.engine.care import thermal

        wall, now = self.wall(), self.now()

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
        self.activities = act.put(self.activities, CARE, thermal.DRIVER, app)
        self.care_row = last["id"] if last["outcome"] is None else None
        self._route(tuple(act.Happened(CARE, e, e.at) for e in events))

    def applications_today(self) -> int | None:
        """Applications begun today, this one included; None when no history is kept."""
        return self.store.applications_today() if self.store is not None else None

    # -- events -----------------------------------------------------------------------------

    def on_activity_event(self, activity: str, event: Event) -> None:
        """What an ice or heat event does: a row, a notification, the alarm screen."""
        if activity != CARE:
            return
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
            if self.cues is not None:
                for _ in range(event.level - 1):  # louder as it goes on: one more bell a level
                    self.cues.bell()
            self.open_alarm()
        elif isinstance(event, ApplicationEnded):
            if self.notifier is not None:
                self.notifier.withdraw(CARE)  # the alarm was answered: off the desktop too
            if self.store is not None and self.care_row is not None:
                self.store.end_application(self.care_row, event.outcome, event.reason)
            self.care_row = None
        elif isinstance(event, RoundOffered):
            self._send(f"{label}: skin rested", f"Another round of {label.lower()} is fine now, if you want one.")

    def _send(self, title: str, body: str, urgency: str = "normal") -> None:
        if self.notifier is not None:
            from tui.services.notify import Notice

            # One notification for the pack: the skin check, then each alarm, replace the
            # one before (a new alarm every 30 s would otherwise stack up).
            self.notifier.send(Notice(title, body, urgency, key=CARE))  # type: ignore[arg-type]

    def open_care(self, kind: str | None = None, minutes: float | None = None,
                  since: datetime | None = None) -> None:
        """The ice/heat entry (`lumbar ice`, `lumbar care`, the home key): ask when it started
        (once per episode), then which (when `kind` is None), then start. An application
        already running is shown instead."""
        from tui.engine.care import thermal
        from tui.app.care.precaution import ask_first
        from tui.app.care.rounds import heat_used_up, rest_left, skin_rest_ends
        from tui.app.routine.red_flags import after_new_episode
        from tui.screens.care_ask import ChoiceModal, EpisodeModal

        if since is not None:
            self.set_episode(since)
        self.restore_care()  # one still on or resting from an earlier run comes first
        running = self.application
        if running is not None and running.phase is thermal.Phase.ALARM:
            return  # the alarm is on screen (restore opened it): taking it off comes first
        if (running is not None and running.phase is thermal.Phase.REST and kind not in (None, running.kind)
                and self.now().real >= skin_rest_ends(self, running)):  # type: ignore[attr-defined]
            self.end_care()  # the other kind waits only for the skin, not for the ice spacing
            running = None
        if running is not None and running.phase is not thermal.Phase.DONE:
            self.show_care()  # on or resting: the skin comes first
            if running.phase is thermal.Phase.REST:
                self.notify(rest_left(self, kind), timeout=8)  # type: ignore[attr-defined]
            return

        def begin(chosen: str | None) -> None:
            if not chosen:
                cancelled()
                return
            used_up = heat_used_up(self) if chosen == "heat" else ""
            if used_up:
                self.notify(used_up, timeout=8)  # type: ignore[attr-defined]
                cancelled()
                return

            def go() -> None:
                self.show_care()
                self.start_care(chosen, minutes)

            ask_first(self, chosen, go, cancelled)  # type: ignore[arg-type]

        def cancelled() -> None:
            # `lumbar ice` opens on an empty ice/heat screen: a cancelled question leaves it.
            if self.application is None and getattr(self.screen, "shows", None) == CARE:  # type: ignore[attr-defined]
                self.go_home()  # type: ignore[attr-defined]

        def known(ok: bool | None = True) -> None:
            if not ok:
                cancelled()
                return
            after_new_episode(self, choose)  # type: ignore[arg-type]

        def choose() -> None:
            if kind is not None:
                begin(kind)
                return
            advice = self.advice()
            assert advice is not None
            self.push_screen(ChoiceModal(*advice), begin)  # type: ignore[attr-defined]

        if self.episode() is None:
            self.push_screen(EpisodeModal(), known)  # type: ignore[attr-defined]
        else:
            known()

    def show_care(self) -> None:
        """Bring the ice/heat screen to the top: back down to it, or a new one."""
        from tui.screens.care import CareScreen

        stack = self.screen_stack  # type: ignore[attr-defined]
        if isinstance(stack[-1], CareScreen):
            return
        if any(isinstance(s, CareScreen) for s in stack):
            while not isinstance(self.screen, CareScreen):  # type: ignore[attr-defined]
                self.pop_screen()  # type: ignore[attr-defined]
        else:
            self.push_screen(CareScreen())  # type: ignore[attr-defined]

    def open_alarm(self) -> None:
        """Show the alarm over whatever is on screen, once (the routine pauses under it)."""
        from tui.screens.care import AlarmModal

        if any(isinstance(s, AlarmModal) for s in self.screen_stack):  # type: ignore[attr-defined]
            return
        session = getattr(self, "session", None)
        running = session is not None and not session.paused

        def silenced(_: object) -> bool:
            # The user is up taking the pack off: the routine waits for them, not the alarm.
            if running:
                self.notify("The routine stays paused: press space when you are back.",  # type: ignore[attr-defined]
                            timeout=8)
            return False

        self.pause_for(AlarmModal(), silenced)  # type: ignore[attr-defined]
