"""The workout screen: big time, the cue, the pacer or rep counter, what comes next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.keys import format_key
from textual.events import Resize
from textual.widgets import Static

from tui.services.cells import cell_len
from tui.engine.routine.plan import StepKind
from tui.widgets.keys import is_extra, keys
from tui.widgets.key_bar import KeyBar
from tui.widgets.key_hints import key_display
from tui.engine.timefmt import clock_text, countdown_seconds
from tui.engine.routine.view import SessionView
from tui.widgets.big_time import BigTime
from tui.widgets.clamped_text import ClampedText
from tui.widgets.deferred import Deferred
from tui.widgets.group import Group
from tui.widgets.breath_pacer import BreathPacer
from tui.widgets.rep_counter import RepCounter
from tui.widgets.routine_progress import RoutineProgress
from tui.screens.session_actions import SessionActions
from tui.screens.session_figure import FigurePlace, phase_text
from tui.screens.host import shell
# Below these the layout cannot hold; a message asks for more room and timing goes on.
from tui.screens.sizes import MIN_HEIGHT, MIN_WIDTH
from tui.engine.activities import ROUTINE
from tui.widgets.touch import on_touch

if TYPE_CHECKING:
    from tui.screens.host import RoutinePart

#: From this height a tempo step's "REP 3 OF 8" is drawn in big letters (tui.widgets.rep_counter).
BIG_REP_HEIGHT = 24
#: Binding ids from most to least needed: a narrow key bar leaves out keys from the end.
KEY_BAR_KEEP = ("session.help", "session.quit", "session.pause", "session.stop_if", "session.next",
                "session.rep", "session.more", "session.previous", "session.restart", "session.easier")
KIND_CLASSES = tuple(f"-{kind.value}" for kind in StepKind)
KIND_WORDS = {
    StepKind.PREPARE: "Get ready", StepKind.REST: "Rest", StepKind.SWITCH: "Switch sides",
    StepKind.TRANSITION: "Change position", StepKind.HOLD: "Hold", StepKind.REPS: "Reps",
}


class SessionScreen(SessionActions):
    BLANK = True
    """The screen itself is plain background (see :mod:`tui.widgets.group`)."""
    shows = ROUTINE
    """The activity whose view the App pushes to `show` (tui.engine.activities)."""
    BINDINGS = [
        Binding(keys("space", pad=("0",)), "pause", "Pause", key_display="space", id="session.pause",
                tooltip="Pause or resume"),
        Binding(keys("n", "right", pad=("6",)), "next", "Next", key_display="n", id="session.next", tooltip="Next step"),
        Binding(keys("p", "left", pad=("4",)), "previous", "Back", key_display="p", id="session.previous",
                tooltip="Back one step (set, side)"),
        Binding(keys("r", pad=("5",)), "restart", "Again", key_display="r", id="session.restart",
                tooltip="Restart this step"),
        Binding(keys("plus", "equals_sign"), "more", "±10s", key_display="+/-", id="session.more",
                tooltip="10 s more (a breath or rep)"),
        Binding(keys("minus"), "less", "-10s", key_display="-", id="session.less", show=False,
                tooltip="10 s less (a breath or rep)"),
        Binding(keys("enter"), "rep", "Rep", key_display=format_key("enter"), id="session.rep", tooltip="Count a rep"),
        Binding(keys("e", pad=("2",)), "easier", "Easier", key_display="e", id="session.easier",
                tooltip="Easier on/off"),
        Binding(keys("s", pad=("asterisk",)), "stop_if", "Safety", key_display="s", id="session.stop_if",
                tooltip="When to stop"),
        # Not in the key bar (all of it must fit 80 columns): the first screen names it
        # whenever it applies.
        Binding(keys("k"), "keep_dose", "Keep the old dose", key_display="k", id="session.keep_dose",
                show=False, tooltip="Keep the old dose"),
        Binding(keys("j"), "jump", "Jump", key_display="j", id="session.jump", show=False,
                tooltip="Jump to exercise"),
        Binding(keys("question_mark", "f1", pad=("slash",)), "help", "Help", key_display="?", id="session.help",
                tooltip="This help"),
        Binding(keys("q", "escape", pad=("full_stop",)), "quit", "Quit", key_display="q", id="session.quit",
                tooltip="Leave the routine"),
    ]
    """Every key works from the floor: no mouse, no modifier keys."""

    def __init__(self, part: RoutinePart) -> None:
        """Args:
            part: the App's routine part: the session shown, and what the keys do to it.
        """
        super().__init__()
        self.part = part
        self._view: SessionView | None = None
        self._static_key: tuple[object, ...] | None = None
        self._ready = False
        self._second: tuple[object, ...] | None = None
        self._more_key: str | None = ""
        """The safety key the cut signs name ("" before the first look; None: no key)."""
        self._small = False
        """The screen is too small for the workout (the `-small` class, set by _fit)."""
        self._looks: tuple[bool, bool, bool] | None = None
        """The clock's `-final` class and whether the pacer and counter show, as last set."""
        # Made when first shown (tui/widgets/deferred.py): most routines' first frame shows
        # none of them. Their places keep the order pacer, counter, then the row below.
        self._pacer = Deferred(lambda: BreathPacer(id="pacer"), lambda w: self.mount(w, after="#big"))
        self._counter = Deferred(self._make_counter, lambda w: self.mount(w, before="#below"))
        self._too_small = Deferred(lambda: Static(_too_small(bool(self._view and self._view.paused)), id="too-small"),
                                   lambda w: self.mount(w, after="#below"))

    def compose(self) -> ComposeResult:
        # Textual repaints, whole, every widget whose container overlaps a change. The
        # labels, the progress row and the key bar sit in groups, so a frame of the clock
        # (each second) or of the pacer or rep counter (20 a second) leaves them alone;
        # the moving widgets draw from kept rows and cost little to repaint. Each widget
        # costs ~2 ms of the first frame, so there are no more groups than that needs.
        with Group(id="labels"):
            yield Static(id="status", markup=False)
            # Cut text ends in a sign naming the key that shows all of it (see _sign_cuts).
            yield ClampedText(id="title", max_lines=2)
            yield ClampedText(id="cue", max_lines=3)
        with Group(id="big"):
            # The figure (tui/screens/session_figure.py) is mounted beside the digits when shown.
            yield BigTime(id="time")
        # The pacer, the rep counter and the too-small message come when first shown (__init__).
        with Group(id="below"):
            yield Static(id="next", markup=False)
            yield RoutineProgress(id="progress")
        with Group(id="keys"):
            yield KeyBar(KEY_BAR_KEEP)

    def on_mount(self) -> None:
        # Looked up once: show() runs at frame rate and a query costs more than the update.
        self._big = self.query_one(BigTime)
        self._progress = self.query_one(RoutineProgress)
        from tui.services.figure_style import shown_style

        self._figure = FigurePlace(self.query_one("#big", Group), shown_style())
        self._ready = True
        # NO_COLOR: emphasis must not rely on colour (see app.tcss, SessionScreen.-mono).
        self.set_class(self.app.no_color, "-mono")
        self._sign_cuts()
        self.bindings_updated_signal.subscribe(self, lambda _: self._sign_cuts())
        self._fit(self.size.width, self.size.height)
        shell(self).tick()

    def _sign_cuts(self) -> None:
        """End a cut title or cue with the key that shows it whole (a keymap may move it).

        The safety key: what is cut is most often the line that says when to stop, and
        that modal is where the stop signs are; it costs no room in the key bar.
        """
        # The key the key bar shows for it (tui.widgets.key_hints): the first of its keys
        # that is not another layout's twin. It changes only with a keymap, but this runs
        # on every refresh_bindings (each step), so the signs are set only on a change.
        found = [active.binding for active in self.active_bindings.values()
                 if active.binding.id == "session.stop_if" and active.binding.description]
        first = next((b for b in found if not is_extra(b.key)), found[0] if found else None)
        key = key_display(self.app, first) if first is not None else None
        if key == self._more_key:
            return
        self._more_key = key
        for part in self.query(ClampedText):
            part.more = f" … ({key}: more)" if key else " …"

    def _make_counter(self) -> RepCounter:
        counter = RepCounter(id="reps", tap_hint="tap Rep after each rep" if on_touch(self) else "press Enter after each rep")
        counter.big_rep = self.size.height >= BIG_REP_HEIGHT
        return counter

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width, event.size.height)
        if self._view is not None and not self._view.finished and self._ready:
            # The routine's name is cut to the width (see _status).
            self.query_one("#status", Static).update(self._status(self._view))
            session = self.part.session
            self._figure.step(self._view, session.plan.routine if session else None, event.size.width, self._small)
            self._figure.frame(self._view, self.app.animation_level == "none")

    def _fit(self, width: int, height: int) -> None:
        # The count of a tempo step in big letters where the height leaves the digits room.
        if self._counter.widget is not None:
            self._counter.widget.big_rep = height >= BIG_REP_HEIGHT
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small != self.has_class("-small"):
            if small:
                self._too_small.get()  # shown by the `-small` class (app.tcss)
            self.set_class(small, "-small")
            self._small = small
            if self._view is not None:
                # The pacer and rep counter are shown from code, so they follow here.
                self._second = None
                self.show(self._view)

    def show(self, v: SessionView) -> None:
        """Push a fresh view into the widgets; each one redraws only what changed."""
        self._view = v
        if v.finished or not self._ready:
            return
        # Between whole seconds only the pacer or the tempo bar can change: a frame
        # (20 a second) touches just those, not the clock, labels and classes.
        second = (v.index, v.paused, v.rep, v.reps, None if v.remaining is None else countdown_seconds(v.remaining),
                  v.tempo_phase, countdown_seconds(v.tempo_left) if v.tempo_phase is not None else None)
        if second == self._second:
            self._show_motion(v)
            return
        self._second = second
        key = (v.index, v.title, v.side, v.set_no, v.cue, v.paused, v.easier, v.rounds, v.reps if v.tap else None)
        if key != self._static_key:
            self._static_key = key
            self._show_step(v)
        big = self._big
        if v.remaining is None:
            # The rep under way, as the counter below words it ("Rep 2 of 5").
            big.text = str(min((v.rep or 0) + 1, v.reps or 1))
        elif v.tempo_phase is not None:
            # Tempo reps: what to do now and for how long ("LIFT 2"); the rep under way
            # is the large line under it.
            big.text = phase_text(v)
        else:
            big.text = clock_text(v.remaining)
        final = v.remaining is not None and v.tempo_phase is None and countdown_seconds(v.remaining) <= 3
        room = not self._small
        looks = (final and not v.paused, room and v.breath_phase is not None, room and v.reps is not None)
        if looks != self._looks:
            # Set only on a change: most seconds change none of them.
            self._looks = looks
            big.set_class(looks[0], "-final")
            self._pacer.show(looks[1])
            self._counter.show(looks[2])
        self._show_motion(v)
        self._progress.show(v.progress, v.routine_left)

    def _show_motion(self, v: SessionView) -> None:
        self._figure.frame(v, self.app.animation_level == "none")
        if v.breath_phase is not None:
            self._pacer.get().show(v.breath_phase, v.breath_fraction, v.breath_left, v.breath_no, v.breaths)
        if v.reps is not None:
            # The counter wants reps finished; a tempo view names the rep under way.
            done = (v.rep or 0) if v.tap else max(0, (v.rep or 1) - 1)
            self._counter.get().show(done, v.reps, v.tempo_phase, v.tempo_fraction, tap=v.tap,
                               left=v.tempo_left if v.tempo_phase is not None else None, word=v.tempo_word)

    def _show_step(self, v: SessionView) -> None:
        self.query_one("#status", Static).update(self._status(v))
        title = [v.title]
        if v.kind.is_work:
            if v.side:
                title.append(f"{v.side} side")
            if v.sets > 1:
                title.append(f"set {v.set_no} of {v.sets}")
            if v.easier:
                title.append("easier")
        elif KIND_WORDS[v.kind].lower() not in v.title.lower():
            title.insert(0, KIND_WORDS[v.kind])
        if v.round_done is not None:
            title.insert(0, f"Round {v.round_done} done")
        self.query_one("#title", ClampedText).text = "  ·  ".join(title)
        cue = v.cue
        if v.kind.is_work and v.position is not None:
            cue = f"({v.position.label})  {cue}".strip()
        elif cue and v.kind is not StepKind.PREPARE:
            # A pause shows the coming exercise's cue, to read ahead; say so.
            cue = f"Next up: {cue}"
        if v.kind is StepKind.PREPARE and self.part.dosing.changes:
            cue = f"{cue}\n{self.part.dosing.news()}".strip()
        self.query_one("#cue", ClampedText).text = cue
        self.query_one("#next", Static).update(f"Next: {v.next_title}" if v.next_title else "Last step")
        session = self.part.session
        self._figure.step(v, session.plan.routine if session else None, self.size.width, self._small)
        big = self._big
        big.remove_class(*KIND_CLASSES)
        big.add_class(f"-{v.kind.value}")
        big.set_class(v.paused, "-paused")
        self.set_class(v.paused, "-paused")
        if self._too_small.widget is not None:
            self._too_small.widget.update(_too_small(v.paused))
        self.refresh_bindings()

    def _status(self, v: SessionView) -> str:
        """The routine's name, then where in it: the name gives way to the place, which
        always fits (an 80-character name is cut with an ellipsis at 60 columns)."""
        where = []
        if v.exercise_no is not None:
            where.append(f"exercise {v.exercise_no} of {v.exercises}")
        routine = self.part.session.plan.routine if self.part.session else None
        rounds = routine.rounds if routine is not None else v.rounds  # the prepare step has none
        if rounds > 1:
            where.append(f"round {v.round_no} of {rounds}")
        if v.paused:
            where.append("PAUSED (space to resume)")
        tail = "  ·  ".join(where)
        name = routine.name if routine is not None else ""
        room = self.size.width - 2 - cell_len(tail) - (5 if tail else 0)
        if cell_len(name) > room:
            name = name[:max(0, room - 1)].rstrip() + "…" if room > 1 else ""
        return "  ·  ".join(part for part in (name, tail) if part)


def _too_small(paused: bool) -> str:
    """The words over a workout that does not fit: the timer runs on unless paused."""
    state = "The routine is paused." if paused else "The timer keeps running."
    return f"Make the terminal larger: the workout needs at least {MIN_WIDTH} x {MIN_HEIGHT}.\n{state}"
