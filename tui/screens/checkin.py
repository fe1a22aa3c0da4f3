"""Pain check-ins: "How is your back right now?" on the 0-10 scale, and the advice they lead to.

One key answers (0-9, t for 10), Esc or s skips. After a routine that left the back hurting a
lot, or worse by a rise that ends above a low level (`engine.pain.worse_after`), that
routine's stop-if advice and the warning signs are shown once; a small rise that ends low
gets a note that some soreness is common. A flare asks the red-flag check first
(the App's routine part). After any check-in, the two-week rule may show its advice; the
App decides when each is asked (its routine part), these are the modals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.touch import on_touch
from tui.widgets.keys import keys
from tui.engine.care.pain import RISE, Worse
from tui.widgets.signs_view import EmergencyBox, after_emergency, signs_widgets
from tui.screens.advice import _Advice, _bullets

if TYPE_CHECKING:
    from tui.engine.routine.model import Routine

#: The key for 10, the one score a single digit cannot give.
TEN_KEY = "t"

SCALE = (
    "  0   1   2   3   4   5   6   7   8   9  10\n"
    "none                       worst imaginable"
)


class CheckinModal(ModalScreen[int | None]):
    """Ask for one score; dismisses with 0..10, or None when skipped."""

    DEFAULT_CSS = """
    CheckinModal { align: center middle; }
    .checkin {
        width: 52;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 2;
    }
    .checkin #checkin-scale { margin-top: 1; }
    """
    """A framed question in the middle; parsed when first asked."""

    BINDINGS = [
        *(Binding(str(n), f"score({n})", str(n), show=False) for n in range(10)),
        Binding(keys(TEN_KEY), "score(10)", "10", show=False),
        Binding(keys("escape", "s"), "skip", "Skip", key_display="esc"),
    ]
    """Digits answer at once; t is ten; Esc or s skips."""

    def __init__(self, when: str, leg: bool = False) -> None:
        """Args:
            when: a line under the question, e.g. "Before Core basics" (user text, no markup).
            leg: after the back's score, also ask the leg's (setting `leg_score`); Esc or s
                then skips only the leg.
        """
        super().__init__()
        self.when = when
        self.leg = leg
        self.back: int | None = None
        """The back's score, once given, while the leg's is asked."""
        self.leg_score: int | None = None
        """The leg's score, when asked and given (read once the modal is dismissed)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="checkin"):
            yield Static("How is your back right now?", classes="heading", id="checkin-question")
            yield Static(self.when, id="checkin-when", markup=False)
            yield Static(SCALE, id="checkin-scale", markup=False)
            hint = ("Tap a number above.   Tap this line to skip." if on_touch(self) else
                    f"Press 0-9, or {TEN_KEY} for 10.   Esc or s: skip")
            yield Static(hint, classes="hint")

    def on_click(self, event: Click) -> None:
        """A tap on a number of the scale answers with it, a tap on the last line skips:
        in a browser page (`lumbar serve`) a phone has no keys."""
        scale = self.query_one("#checkin-scale").content_region
        x, y = event.screen_x, event.screen_y
        if scale.contains(x, y) and y == scale.y:
            # The numbers stand every 4 cells from cell 2 (SCALE): the nearest one.
            score = round((x - scale.x - 2) / 4)
            if 0 <= score <= 10:
                self.dismiss(score)
        elif self.query_one(".hint").content_region.contains(x, y):
            self.dismiss(None)

    def action_score(self, score: int) -> None:
        if self.back is not None:
            self.leg_score = score
            self.dismiss(self.back)
        elif self.leg:
            # The leg's question next, in the same frame: sciatica and back pain move
            # differently (docs/sources.md#leg-pain-beside-back-pain).
            self.back = score
            self.query_one("#checkin-question", Static).update(
                f"Back: {score}.   And the pain down your leg right now?")
        else:
            self.dismiss(score)

    def action_skip(self) -> None:
        self.dismiss(self.back)  # on the leg's question, the back's score stands


class PainRoseModal(_Advice):
    """After a routine that left the back worse, or hurting a lot: its stop-if advice and the
    doctor signs."""

    def __init__(self, routine: Routine, worse: Worse) -> None:
        super().__init__()
        self.routine = routine
        self.worse = worse

    def body(self) -> Iterable[Static]:
        r, w = self.routine, self.worse
        if w.compared is None or w.after - w.compared < RISE:
            line = f"Your back hurts a lot after {r.name}: {w.after} of 10."
        elif w.earlier:
            line = (f"Your back feels worse after {r.name}: {w.compared} at your last check-in, "
                    f"{w.after} now.")
        else:
            line = f"Your back feels worse after {r.name}: {w.compared} before, {w.after} now."
        yield Static(line, classes="heading", markup=False)
        yield EmergencyBox()  # right under what happened, above the routine's own list
        own: list[str] = []
        for item in (*r.stop_if, *(s for ex in r.exercises for s in ex.stop_if)):
            if item not in own:
                own.append(item)
        yield Static("Stop an exercise if", classes="heading")
        yield Static(_bullets(own or ("It hurts, or your pain gets worse.",)), markup=False)
        yield from after_emergency()


class SorenessNote(_Advice):
    """A small rise after a routine that ends at a low level: a note, not the doctor list."""

    def __init__(self, routine: Routine, worse: Worse) -> None:
        super().__init__()
        self.routine = routine
        self.worse = worse

    def body(self) -> Iterable[Static]:
        w = self.worse
        yield Static(f"A little sorer after {self.routine.name}: {w.compared} before, {w.after} now.",
                     classes="heading", markup=False)
        yield Static("Some soreness after exercise is common and usually settles within a day. "
                     "If it has not settled by tomorrow, ease off: use the easier versions (e) "
                     "or take a day's rest from this routine.", markup=False)


class TwoWeekModal(_Advice):
    """Two weeks of check-ins without a meaningful improvement: see a doctor, with the numbers."""

    def __init__(self, days: int, first_mean: float, last_mean: float,
                 impression: str | None = None) -> None:
        """Args:
            days: days since the start.
            first_mean, last_mean: the at-rest means of the first and the last week, 0..10.
            impression: the global impression the rule heard ("much worse"...), or None.
        """
        super().__init__()
        self.days = days
        self.first_mean = first_mean
        self.last_mean = last_mean
        self.impression = impression

    def body(self) -> Iterable[Static]:
        yield Static("Two weeks without a clear improvement", classes="heading")
        said = (f" You also said your back is {self.impression} than at the start."
                if self.impression is not None and self.impression.endswith("worse") else "")
        yield Static(
            f"Over {self.days} days of regular exercise, your back at rest averaged "
            f"{self.first_mean:.1f} in the first week and {self.last_mean:.1f} in the last 7 days "
            f"(0 none, 10 worst imaginable).{said} A change people notice is a drop of about 2 points "
            "or 30 %. Please see a doctor or physiotherapist about it.", markup=False)
        yield from signs_widgets()
        yield Static("lumbar will not show this again for 14 days.", classes="hint")
