"""The desk-break prompt, the breaks panel (key b) and the meeting question (key m).

All three follow the schedule's view (`shows = "breaks"`): the prompt closes by itself
once the break is no longer due (answered, withdrawn at the end of working hours), and
the panel's counts and status stay current while it is open.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.engine.activities import BREAKS
from tui.engine.breaks.words import (PROMPT_TITLE, WHY, counts_text, prompt_offer, prompt_refused,
                                     status_text)
from tui.engine.breaks.view import BreaksView
from tui.screens.host import BreaksPart, shell
from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar

_BOX = """
    align: center middle;
    & > Vertical {
        width: 66; max-width: 95%; height: auto;
        border: heavy $warning; background: $surface; padding: 0 2;
    }
    & .title { text-style: bold; margin-top: 1; }
    & .line { margin-top: 1; }
    & .muted { color: $text-muted; }
    & .refused { color: $text-error; text-style: bold; margin-top: 1; display: none; }
    & KeyBar { dock: none; margin-top: 1; background: $surface; }
"""


class _BreaksModal(ModalScreen[None]):
    shows = BREAKS
    """Receives the break schedule's view."""

    _ready = False
    _gone = False
    """Dismissed already (not `_closed`: that name is Textual's own, on every message pump)."""
    view: BreaksView | None = None

    def __init__(self, part: BreaksPart) -> None:
        """Args:
            part: the App's desk-break part, which the keys call.
        """
        super().__init__()
        self.part = part

    def on_mount(self) -> None:
        self._ready = True
        shell(self).tick()  # the view it missed while mounting

    def show(self, v: BreaksView) -> None:
        self.view = v
        if self._ready:
            self.shown(v)

    def shown(self, v: BreaksView) -> None:
        """Draw `v`; the screen is mounted."""

    def close(self) -> None:
        if not self._gone:
            self._gone = True
            self.dismiss()


class BreakPrompt(_BreaksModal):
    """Time for a break: start the desk break, snooze, or skip."""

    DEFAULT_CSS = "BreakPrompt {" + _BOX + "}"
    BINDINGS = [
        Binding(keys("enter", "t"), "start", "Start the break", key_display="⏎", id="breaks.start",
                tooltip="Start the desk-break routine now"),
        Binding(keys("s"), "snooze", "Snooze", key_display="s", id="breaks.snooze",
                tooltip="Put the break off for a few minutes"),
        Binding(keys("k"), "skip", "Skip", key_display="k", id="breaks.skip",
                tooltip="Skip this break (counted); the next one comes one interval from now"),
        # The break often comes as a meeting starts: m works here as on every other screen.
        Binding(keys("m"), "meeting", "Meeting", key_display="m", id="breaks.meeting",
                tooltip="A meeting: no reminders for 30, 60, 90 minutes or until a time"),
    ]

    def __init__(self, part: BreaksPart, routine: str, snooze_minutes: float, max_snoozes: int = 2) -> None:
        """Args:
            part: the App's desk-break part, which the keys call.
            routine: the name of the routine a break starts ("Desk break").
            snooze_minutes: how long a snooze puts the break off.
            max_snoozes: snoozes allowed in a row (setting `max_snoozes`).
        """
        super().__init__(part)
        self.routine = routine
        self.snooze_minutes = snooze_minutes
        self.max_snoozes = max_snoozes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(PROMPT_TITLE, classes="title", markup=False)
            yield Static(WHY, classes="line", markup=False)
            yield Static("", id="prompt-offer", classes="line muted", markup=False)
            yield Static("", id="prompt-refused", classes="refused", markup=False)
            yield KeyBar(("breaks.start", "breaks.skip"))

    def shown(self, v: BreaksView) -> None:
        if v.status != "due":
            self.close()  # answered, taken, or withdrawn at the end of working hours
            return
        offer = prompt_offer(self.routine, v.snoozes_left, self.snooze_minutes)
        self.query_one("#prompt-offer", Static).update(offer)
        self.refresh_bindings()

    def key_waits(self, action: str) -> bool:
        """The snooze key runs after the limit too, to say why not: drawn grey then."""
        return action == "snooze" and self.view is not None and self.view.snoozes_left == 0

    def refused(self) -> None:
        """The snooze was refused: say so plainly and stay."""
        refused = self.query_one("#prompt-refused", Static)
        refused.update(prompt_refused(self.max_snoozes))
        refused.display = True

    def action_start(self) -> None:
        self.close()
        self.part.take_break()

    def action_snooze(self) -> None:
        self.part.snooze()

    def action_skip(self) -> None:
        self.part.skip()

    def action_meeting(self) -> None:
        self.part.meeting()  # the prompt closes once the meeting holds the break


class BreaksPanel(_BreaksModal):
    """Today's breaks, what the schedule is doing, and what can be done with it."""

    DEFAULT_CSS = "BreaksPanel {" + _BOX.replace("$warning", "$primary") + "}"
    BINDINGS = [
        Binding(keys("t"), "take", "Break now", key_display="t", id="panel.take",
                tooltip="Take a break now: start the desk-break routine"),
        Binding(keys("p"), "pause", "Pause", key_display="p", id="panel.pause",
                tooltip="Pause or resume the reminders (the time worked is kept)"),
        # While paused, p resumes (r Resume is what the bar shows then, not "p Pause").
        Binding(keys("p"), "unpause", "Resume", show=False, id="panel.unpause"),
        Binding(keys("m"), "meeting", "Meeting", key_display="m", id="panel.meeting",
                tooltip="A meeting: no reminders for 30, 60, 90 minutes or until a time"),
        Binding(keys("r"), "resume", "Resume", key_display="r", id="panel.resume",
                tooltip="End the meeting or the pause now: reminders come back"),
        Binding(keys("escape", "b", "q"), "close", "Close", key_display="esc", id="panel.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Stretch breaks", classes="title", markup=False)
            yield Static("", id="panel-status", classes="line", markup=False)
            yield Static("", id="panel-today", classes="line", markup=False)
            yield Static("", id="panel-every", classes="line muted", markup=False)
            yield KeyBar(("panel.close", "panel.take"))

    def shown(self, v: BreaksView) -> None:
        # "Next stretch break: in 14 min", but "Now: meeting until 14:30", not "Next
        # stretch break: on a break".
        label = "Next stretch break" if v.status in ("working", "heads-up", "due", "off") else "Now"
        self.query_one("#panel-status", Static).update(f"{label}: {status_text(v, shell(self).wall())}")
        self.query_one("#panel-today", Static).update(f"Today: {counts_text(v)}")
        self.query_one("#panel-every", Static).update(self.part.rule())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        status = self.view.status if self.view is not None else None
        if action == "resume":
            return status in ("paused", "meeting")
        if action == "pause":
            return status != "paused"
        if action == "unpause":
            return status == "paused"
        if action == "take":
            return True if status != "in-break" else None
        return True

    def action_take(self) -> None:
        self.close()
        self.part.take_break()

    def action_pause(self) -> None:
        self.part.pause()

    def action_resume(self) -> None:
        self.part.resume()

    def action_unpause(self) -> None:
        self.part.pause()  # p toggles; its notice says the reminders are back

    def action_meeting(self) -> None:
        self.part.meeting()

    def action_close(self) -> None:
        self.close()


#: A time typed for "until": 14:30, 9:05, 1430.
_UNTIL = re.compile(r"^\s*(\d{1,2})[:.h]?(\d{2})\s*$")


def parse_until(text: str) -> time:
    """The wall time typed for "until" ("14:30"). Raises ValueError naming what was expected."""
    match = _UNTIL.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
        raise ValueError(f"There is no {hour:02d}:{minute:02d} on a 24-hour clock: type HH:MM "
                         "from 00:00 to 23:59, such as 14:30.")
    raise ValueError(f"Cannot read {text.strip()!r} as a time: type it as HH:MM, such as 14:30.")


#: A meeting "until" a time further off than this (minutes) is a slip for one that has
#: passed: the next 09:00 seen at 09:36 is tomorrow's, after a whole working day.
_FURTHEST = 12 * 60


def check_ahead(at: time, now: datetime) -> None:
    """Raise ValueError, saying why, unless `at` comes within 12 hours after `now` (aware
    local time; across midnight too, for late working hours)."""
    minutes = (at.hour * 60 + at.minute - now.hour * 60 - now.minute) % (24 * 60)
    if 0 < minutes <= _FURTHEST:
        return
    if at <= now.time():
        raise ValueError(f"{at:%H:%M} has passed already: type when the meeting ends, "
                         "such as 14:30.")
    raise ValueError(f"{at:%H:%M} is more than 12 hours away: type when the meeting ends, "
                     "such as 14:30.")


class MeetingModal(ModalScreen["float | time | None"]):
    """How long a meeting lasts: 30, 60 or 90 minutes, or until a time; None to cancel."""

    DEFAULT_CSS = "MeetingModal {" + _BOX.replace("$warning", "$primary") + """
        & Input { margin-top: 1; width: 24; }
    }"""
    BINDINGS = [
        Binding("3", "minutes(30)", "30 min", id="meeting.30"),
        Binding("6", "minutes(60)", "60 min", id="meeting.60"),
        Binding("9", "minutes(90)", "90 min", id="meeting.90"),
        Binding(keys("u"), "until", "Until…", key_display="u", id="meeting.until",
                tooltip="Until a time you type, such as 14:30"),
        Binding(keys("escape"), "cancel", "Cancel", key_display="esc", id="meeting.cancel"),
    ]

    def __init__(self, wall: Callable[[], datetime]) -> None:
        """Args:
            wall: the aware local time now (a typed time must lie ahead of it).
        """
        super().__init__()
        self.wall = wall

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Meeting: no reminders until it ends", classes="title", markup=False)
            yield Static("3, 6 or 9: for 30, 60 or 90 minutes. u: until a time you type. "
                         "The time worked so far still counts; reminders come back by "
                         "themselves.", classes="line muted", markup=False)
            yield Static("", id="meeting-problem", classes="refused", markup=False)
            yield KeyBar(("meeting.cancel", "meeting.30"))

    def action_minutes(self, minutes: int) -> None:
        self.dismiss(minutes * 60.0)

    def action_until(self) -> None:
        # Only now: while it is there it takes the digits that choose a length.
        if not self.query(Input):
            field = Input(placeholder="until HH:MM, then Enter", id="meeting-until")
            self.query_one(Vertical).mount(field, before="#meeting-problem")
            field.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            at = parse_until(event.value)
            check_ahead(at, self.wall())
            self.dismiss(at)
        except ValueError as error:
            problem = self.query_one("#meeting-problem", Static)
            problem.update(str(error))
            problem.display = True
