"""Desk breaks in the App: the schedule as an activity, its prompt, panel, keys and words.

A mixin for LumbarApp, so app.py stays routing (as tui/app/care/mixin.py is for ice and heat). The
schedule itself is pure (tui.engine.breaks.schedule) and runs as the activity BREAKS on the real
clock; tui/services/breaks/keeper.py begins it (restoring what the store kept) and writes its
rows, notifications and saved state after every advance or command. This module is what
the person sees and presses: toasts, the prompt over any screen, the bell, the panel (b),
the meeting pause (m), and a routine started counting as a break.

Suspend: each tick compares how far the real clock and the monotonic one moved since the
last tick; a gain of more than SLEPT seconds is a sleep, reported before advancing
(tui.engine.breaks.schedule.suspended), so a long sleep counts as a break taken.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING, Any, Callable

from tui.engine import activities as act
from tui.engine.activities import Happened, Now

# The break engine and its events are imported where they are used, not here: `lumbar run`
# without the scheduler never needs them, and importing them cost the first frame.
if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.engine.breaks import schedule as breaks
    from tui.engine.events import Event
    from tui.services.breaks.keeper import BreakKeeper
    from tui.services.settings.current import Settings

#: The break schedule's name among the running activities.
BREAKS = "breaks"
#: Seconds the real clock must gain on the monotonic one between two ticks to count as a
#: sleep: well above a late tick or a busy machine, far below any break's length.
SLEPT = 2.0


class BreaksMixin:
    """Desk breaks for LumbarApp (see the module docstring)."""

    break_settings: Settings | None = None
    """The settings the schedule is built from (launch sets them; None: the defaults)."""
    breaks_at_start: tuple[bool, float | None] = (False, None)
    """(start the scheduler once mounted, `--every` seconds or None): `lumbar breaks`."""
    break_keeper: BreakKeeper | None = None
    breaks_asked = False
    """Breaks were asked for here (`lumbar breaks`, breaks_on_start), not only followed."""
    quiet_session: int | None = None
    """The history row of a desk break started from the schedule: no check-in after it."""
    _seen: Now | None = None
    """Both clocks at the last tick: a sleep shows as the real clock's gain."""

    # -- starting ---------------------------------------------------------------------------

    @property
    def breaks_state(self: LumbarApp) -> breaks.Breaks | None:
        return act.get(self.activities, BREAKS)

    def _breaks_on_mount(self: LumbarApp) -> None:
        on, every = self.breaks_at_start
        if on:
            self.breaks_asked = True
            self.start_breaks(every)
        elif self.store is not None and getattr(self.store, "path", None) is not None:
            # Another lumbar schedules (the login service, say): be a door onto it, so its
            # prompt shows here and a routine here counts there. One stat, after the frame.
            self.call_after_refresh(self.doors.probe)

    def start_breaks(self: LumbarApp, every: float | None = None) -> None:
        """Start the desk-break schedule (settings' schedule; `every` seconds overrides the
        interval for this run), restored from the store when it kept one."""
        if self.breaks_state is not None:
            return
        from tui.services.breaks.keeper import BreakKeeper
        from tui.engine.breaks import schedule as breaks
        from tui.services.settings.current import Settings

        schedule = (self.break_settings or Settings()).schedule()
        if every is not None:
            schedule = replace(schedule, every=float(every))
        self.break_keeper = BreakKeeper(schedule, store=self.store, notifier=self.notifier,
                                        wall=self.wall)
        now = self.now()
        self._seen = now
        state, events = self.break_keeper.begin(now.real)
        self.activities = act.put(self.activities, BREAKS, breaks.DRIVER, state)
        self.refresh_bindings()
        self._route(tuple(Happened(BREAKS, e, e.at) for e in events))

    def breaks_command(self: LumbarApp, fn: Callable[..., Any], *args: Any) -> None:
        """Run a break command (`breaks.snooze`, `breaks.pause`...) at the current time."""
        if self.breaks_state is None:
            return
        self.activities, happened = act.command(self.activities, BREAKS, fn, self.now(), *args)
        self._route(happened)
        self.doors.tell()  # a routine's start changes the schedule without an event

    # -- what the heartbeat asks ------------------------------------------------------------

    def slept(self: LumbarApp, now: Now) -> tuple[Happened, ...]:
        """Report a sleep since the last tick to the schedule; its events (BreakTaken)."""
        seen, self._seen = self._seen, now
        if seen is None or self.breaks_state is None:
            return ()
        gain = (now.real - seen.real) - (now.mono - seen.mono)
        if gain <= SLEPT:
            return ()
        from tui.engine.breaks import schedule as breaks

        self.activities, happened = act.command(
            self.activities, BREAKS, breaks.suspended, seen, seen.real + gain)
        return happened

    def keep_breaks(self: LumbarApp, happened: tuple[Happened, ...]) -> None:
        """The keeper's rows, notifications and saved state for what just happened."""
        state = self.breaks_state
        if state is not None and self.break_keeper is not None:
            events = [h.event for h in happened if h.activity == BREAKS]
            self.break_keeper.handle(state, events)
            if events:
                self.doors.tell()

    def status_view(self: LumbarApp, name: str, view: Any) -> Any:
        """What the status line is given for an activity: the schedule in words."""
        if name != BREAKS:
            return view
        from tui.engine.breaks.words import BreakWords, status_text

        return BreakWords(view.label, status_text(view, self.wall()))

    def breaks_rule(self: LumbarApp) -> str:
        """The schedule in one line: "Every 20 min of work, 09:00-17:00 on mon tue wed thu fri."."""
        state = self.breaks_state
        if state is None:
            return ""
        from tui.engine.breaks.words import rule_text

        settings = self.break_settings
        hours = None if settings is None else (settings.work_hours, settings.work_days)
        return rule_text(state.schedule.every, hours)

    # -- events -----------------------------------------------------------------------------

    def on_activity_event(self: LumbarApp, activity: str, event: Event) -> None:
        """What a break event does on screen; other activities' events go on down the chain."""
        if activity != BREAKS:
            super().on_activity_event(activity, event)  # type: ignore[misc]
            return
        from tui.engine.breaks.words import event_toast
        from tui.engine.breaks.events import BreakDue, BreakHeadsUp, BreakRefused

        if isinstance(event, BreakHeadsUp):
            self.notify(f"Stretch break in {event.due - event.at:.0f} s: finish what you are "
                        "typing, then stand up.", title="Stretch break soon", timeout=10)
        elif isinstance(event, BreakDue):
            self.open_break_prompt()
            if self.cues is not None:
                self.cues.bell()  # without cues, the notifier's bell channel rang
        elif isinstance(event, BreakRefused) and event.reason == "limit" and self._prompt():
            self._prompt().refused()  # said on the prompt itself, where the key was pressed
        elif text := event_toast(event, self.wall()):
            self.notify(text, timeout=8 if isinstance(event, BreakRefused) else 6)
        if self.screen_stack:  # a routine's end while the App shuts down
            self.refresh_bindings()

    # -- the prompt -------------------------------------------------------------------------

    def _prompt(self: LumbarApp) -> Any:
        from tui.screens.breaks import BreakPrompt

        return next((s for s in self.screen_stack if isinstance(s, BreakPrompt)), None)

    def open_break_prompt(self: LumbarApp) -> None:
        """The break prompt over whatever is on top, once."""
        if self._prompt() is not None:
            return
        from tui.screens.breaks import BreakPrompt

        state = self.breaks_state
        if state is None:
            return
        sch = state.schedule
        self.push_screen(BreakPrompt(self._break_routine_name(), sch.snooze / 60, sch.max_snoozes))

    def _break_routine_key(self: LumbarApp) -> str | None:
        from tui.services.settings.current import Settings

        key = (self.break_settings or Settings()).break_routine
        return key if key in self.routines else None

    def _break_routine_name(self: LumbarApp) -> str:
        key = self._break_routine_key()
        return self.routines[key].name if key is not None else "a break"

    def take_break(self: LumbarApp) -> None:
        """Start the break routine now (it counts as a break: see `routine_changed`).

        No check-in before or after it: asked every 20 minutes, the question would be
        nagging, and a two-minute stretch says little about the back's trend.
        """
        key = self._break_routine_key()
        if self.session is not None:
            return  # a routine is under way: that is the break already
        if key is None:
            # No routine to offer (break_routine names none that loaded): the break still counts.
            from tui.engine.breaks import schedule as breaks

            self.breaks_command(breaks.break_taken)
            self.notify("Counted as a break. Stand up and stretch backwards for two minutes.",
                        timeout=8)
            return
        self._start(key, None)
        self.quiet_session = self.recorder.session_id

    def break_snooze(self: LumbarApp) -> None:
        from tui.engine.breaks import schedule as breaks

        self.breaks_command(breaks.snooze)

    def break_skip(self: LumbarApp) -> None:
        from tui.engine.breaks import schedule as breaks

        self.breaks_command(breaks.skip)

    def break_pause(self: LumbarApp) -> None:
        from tui.engine.breaks import schedule as breaks

        v = act.view(self.activities, BREAKS, self.now())
        was_paused = v is not None and v.status == "paused"
        self.breaks_command(breaks.resume if was_paused else breaks.pause)
        after = act.view(self.activities, BREAKS, self.now())
        if after is None or (after.status == "paused") == was_paused:
            return  # not done here (another lumbar schedules, and said so)
        from tui.engine.breaks.words import DONE

        self.notify(DONE["resume" if was_paused else "pause"], timeout=6)

    def break_resume(self: LumbarApp) -> None:
        from tui.engine.breaks import schedule as breaks

        self.breaks_command(breaks.resume)

    def routine_changed(self: LumbarApp, running: bool, worked: bool = True) -> None:
        """A routine started (no prompts meanwhile) or ended however it did: counted then,
        as a break taken, or skipped when nothing of it was done (`worked` False)."""
        if self.breaks_state is not None:
            from tui.engine.breaks import schedule as breaks

            if running:
                self.breaks_command(breaks.start_break)
            else:
                self.breaks_command(breaks.end_break, not worked)

    # -- keys -------------------------------------------------------------------------------

    def breaks_keys_on(self: LumbarApp) -> bool:
        """b and m work while the scheduler runs, on full screens (a modal answers first)."""
        from textual.screen import ModalScreen

        return self.breaks_state is not None and not isinstance(self.screen, ModalScreen)

    def action_breaks_panel(self: LumbarApp) -> None:
        from tui.screens.breaks import BreaksPanel

        if self.breaks_state is not None:
            self.pause_for(BreaksPanel())  # a routine under it waits, as under every modal

    def action_meeting(self: LumbarApp) -> None:
        """Ask how long the meeting lasts, then hold every reminder until then."""
        from tui.engine.breaks import schedule as breaks
        from tui.screens.breaks import MeetingModal

        if self.breaks_state is None:
            return

        def chosen(answer: object) -> bool:
            state = self.breaks_state
            if isinstance(answer, (int, float, time)) and state is not None:
                now = self.now().real
                until = (breaks.meeting_until(state, now, answer) if isinstance(answer, time)
                         else now + answer)
                self.breaks_command(breaks.meeting, until)
            return True

        self.pause_for(MeetingModal(), chosen)
