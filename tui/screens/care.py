"""The ice or heat screen, and the alarm that only a deliberate answer silences.

Ice and heat each have their own colour AND their own word ("ICE", "HEAT") in the
heading, so the two read apart in monochrome (NO_COLOR) too.
"""

from __future__ import annotations



from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tui.engine.care import thermal
from tui.engine.care.thermal import Phase, ThermalView
from tui.engine.activities import CARE
from tui.screens.host import CarePart, shell
from tui.engine.timefmt import clock_text
from tui.widgets.big_time import BigTime
from tui.widgets.key_bar import KeyBar
from tui.widgets.touch import on_touch

#: Always on screen (docs/sources.md, "Ice and heat"): who should ask first, and the cloth.
CAUTION = ("Numb or broken skin where the pack goes, poor circulation or diabetes (for cold "
           "also Raynaud's): ask a health professional first. Always a thin cloth between "
           "pack and skin; never on skin that is already numb.")
#: For heat only (docs/sources.md, "Ice and heat").
HEAT_SAFETY = "Heat: warm, not hot. Never lie on the pack or fall asleep on a pad, nor use it over a heat rub."
SAFETY = CAUTION
SKIN = ("Skin check: look under the pack now. Take it off at once if the skin is "
        + ", ".join(thermal.SKIN_SIGNS) + ".")
PHASE_WORDS = {Phase.ON: "on the skin", Phase.ALARM: "time is up",
               Phase.REST: "off: the skin rests", Phase.DONE: "rested"}
#: The word that silences the alarm: typed, so a stray key press never does.
ACK_WORD = "off"


class CareScreen(Screen[None]):
    DEFAULT_CSS = """
    CareScreen { layout: vertical; }
    #care-head { height: 1; padding: 0 1; text-style: bold; }
    CareScreen.-ice #care-head { color: $primary; }
    CareScreen.-heat #care-head { color: $error; }
    #care-time { height: 1fr; min-height: 5; padding: 0 1; }
    CareScreen.-ice #care-time { color: $primary; }
    CareScreen.-heat #care-time { color: $error; }
    #care-line { height: 1; padding: 0 1; text-align: center; }
    #care-skin { height: auto; padding: 0 1; color: $warning; text-style: bold; display: none; }
    #care-advice, #care-today, #care-safety { height: auto; padding: 0 1; color: $text-muted; }
    """
    """The heading in the kind's colour, big digits, the skin check, the safety lines."""

    BINDINGS = [
        Binding("x", "off", "Take it off now", id="care.off"),
        Binding("a", "again", "Another round", id="care.again"),
        Binding("n", "new_episode", "New episode", id="care.episode",
                tooltip="The pain or injury started again: ask when"),
        Binding("q,escape", "back", "Back", key_display="q", id="care.back",
                tooltip="To the routine list; the timer keeps running"),
    ]

    shows = CARE
    """The activity whose view the App pushes to `show`."""

    def __init__(self, part: CarePart) -> None:
        """Args:
            part: the App's ice and heat part: advice, counts, and what the keys do.
        """
        super().__init__()
        self.part = part
        self._view: ThermalView | None = None
        self._ready = False
        self._texts_for: tuple[object, ...] | None = None
        self._shown: tuple[object, ...] | None = None


    def compose(self) -> ComposeResult:
        yield Static("Ice or heat", id="care-head", markup=False)
        yield BigTime(id="care-time")
        yield Static("", id="care-line", markup=False)
        yield Static(SKIN, id="care-skin", markup=False)
        yield Static("", id="care-advice", markup=False)
        yield Static("", id="care-today", markup=False)
        yield Static(SAFETY, id="care-safety", markup=False)
        yield KeyBar(("care.back",))  # the way out stays, however narrow

    def on_mount(self) -> None:
        self._ready = True
        self._texts()
        shell(self).tick()

    def _texts(self) -> None:
        advice = self.part.advice(self._view.kind if self._view else None)
        self.query_one("#care-advice", Static).update(advice[1] if advice else "")
        n = self.part.applications_today()
        # No history kept (no store): no count to give.
        self.query_one("#care-today", Static).update(
            "" if n is None else f"Today: {n} application{'' if n == 1 else 's'}.")

    def show(self, v: ThermalView) -> None:
        """The application as it stands: the App calls this whenever it changes."""
        self._view = v
        if not self._ready:
            return  # on_mount shows it
        # Under a workout this is called at frame rate: redraw only when the second changes.
        key = (v.kind, v.phase, None if v.remaining is None else clock_text(v.remaining),
               v.skin_check, v.stopped, v.line)
        if key == self._shown:
            return
        self._shown = key
        self.set_class(v.kind == "ice", "-ice")
        self.set_class(v.kind == "heat", "-heat")
        head = f"{v.label.upper()} · {PHASE_WORDS[v.phase]}"
        if v.stopped:
            head += f" · {v.stopped}"  # the reason says it: "taken off early", "... at the skin check"
        self.query_one("#care-head", Static).update(head)
        self.query_one("#care-safety", Static).update(
            CAUTION + (" " + HEAT_SAFETY if v.kind == "heat" else ""))
        big = self.query_one(BigTime)
        if v.remaining is not None:
            big.text = clock_text(v.remaining)
        else:
            big.text = "OFF" if v.phase is Phase.ALARM else "0:00"
        # On a touch screen the same choices are the buttons below (tui/widgets/touch.py).
        finger = on_touch(self)
        line = {Phase.ON: f"{v.line} · " + ("tap Take it off now to end early" if finger else
                                            "press x to take it off early"),
                Phase.ALARM: v.line, Phase.REST: v.line,
                Phase.DONE: ("Rested. Tap Another round, or Back for the list." if finger else
                             "Rested. Press a for another round, q for the list.") if v.rested else
                "Taken off within its first minute, so the skin needs no rest. " +
                ("Tap Another round to start again, or Back for the list." if finger else
                 "Press a to start again, q for the list.")}[v.phase]
        if v.phase is Phase.DONE and v.kind == "heat":
            line = self.part.heat_used_up() or line
        self.query_one("#care-line", Static).update(line)
        self.query_one("#care-skin").display = v.skin_check and v.phase is Phase.ON
        if self._texts_for != (v.phase, v.kind):
            self._texts_for = (v.phase, v.kind)
            self._texts()
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self._view.phase if self._view else None
        if action == "off":
            # Off the skin there is nothing to take off: not even a grey key (NO_COLOR has no grey).
            return True if phase is Phase.ON else False
        if action == "again":
            # During the skin rest `a` is drawn grey (key_waits) but still says how long.
            return True if phase in (Phase.DONE, Phase.REST) else None
        return True

    def key_waits(self, action: str) -> bool:
        """True for a key that runs but has to wait: the key bar draws it grey."""
        return action == "again" and self._view is not None and self._view.phase is Phase.REST

    def action_off(self) -> None:
        v = self._view
        why = "taken off at the skin check" if v is not None and v.skin_check else "taken off early"
        self.part.command(thermal.stop_early, why)
        after = self._view
        if after is not None and after.phase is Phase.DONE:  # off within its first minute
            self.notify("Taken off in its first minute: no skin rest needed. Recorded as stopped early.",
                        timeout=5)
        else:
            self.notify("Taken off; the skin rest starts now. Recorded as stopped early.", timeout=5)

    def action_again(self) -> None:
        if self._view is None:
            return
        if self._view.phase is Phase.REST:
            self.notify(self.part.rest_left(), timeout=5)
            return
        kind = self._view.kind
        used_up = self.part.heat_used_up() if kind == "heat" else ""
        if used_up:
            self.notify(used_up, timeout=5)
            return
        self.part.again(kind)

    def action_new_episode(self) -> None:
        from tui.screens.care_ask import EpisodeModal

        def set(ok: bool | None) -> None:
            self._texts()
            if ok:
                self.part.after_new_episode(lambda: None)

        self.app.push_screen(EpisodeModal(self.part, shell(self).wall), set)

    def action_back(self) -> None:
        if self._view is not None and self._view.phase is Phase.DONE:
            self.part.end()
        shell(self).go_home()


class AlarmModal(ModalScreen[None]):
    DEFAULT_CSS = """
    AlarmModal { align: center middle; }
    #alarm {
        width: 64; max-width: 95%; height: auto;
        border: heavy $warning; background: $surface; padding: 0 2;
    }
    AlarmModal.-loud #alarm { border: heavy $error; background: $error 25%; }
    #alarm-title { text-style: bold; margin-top: 1; }
    #alarm-line { margin-bottom: 1; }
    #alarm-hint { color: $text-muted; margin-bottom: 1; }
    """
    """A heavy frame that turns red as the alarm grows."""

    shows = CARE
    """Receives the application's view, to say how long ago it ended."""

    def __init__(self, part: CarePart) -> None:
        """Args:
            part: the App's ice and heat part, told when the pack is off.
        """
        super().__init__()
        self.part = part

    def compose(self) -> ComposeResult:
        with Vertical(id="alarm"):
            yield Static("Time is up: take it off now", id="alarm-title", markup=False)
            yield Static("", id="alarm-line", markup=False)
            # On a phone the word is typed on its own keyboard, which a tap on the box opens.
            enter = ("tap the box, type {word} and send it" if on_touch(self) else
                     "type {word} and press Enter").format(word=ACK_WORD)
            yield Input(placeholder=enter, id="alarm-word")
            yield Static(enter[0].upper() + enter[1:] + " once the pack is off; the alarm "
                         "repeats until then.", id="alarm-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._ready = True
        shell(self).tick()  # show the view it missed while mounting

    _dismissed = False
    """Dismissed already (not `_closed`: Textual's message pump has that name and stops
    reading messages when it is true)."""
    _ready = False

    def show(self, v: ThermalView) -> None:
        if not self._ready:
            return
        if v.phase is not Phase.ALARM:
            self._close()  # acknowledged, or the application is gone
            return
        self.query_one("#alarm-title", Static).update(f"{v.label.upper()}: time is up, take it off now")
        self.query_one("#alarm-line", Static).update(f"{v.label} {v.line} (alarm {v.level} of {thermal.MAX_LEVEL}).")
        self.set_class(v.level >= 3, "-loud")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip().lower() == ACK_WORD:
            self.part.command(thermal.acknowledge)
            self._close()
        else:
            event.input.value = ""
            self.query_one("#alarm-hint", Static).update(
                f"Only the word {ACK_WORD} stops the alarm. Take the pack off, then type it.")

    def _close(self) -> None:
        if not self._dismissed:
            self._dismissed = True
            self.dismiss()
