"""The questions of the outcome measures after a routine: 0-10 scores asked one after
another (the goals' ratings, the PEG), the global impression of change, and the offer to set
goals. Same keys as the check-in: 0-9, t for 10, Esc or s skips; on a touch screen the
numbers and choices are tapped. When each is asked, and where the answers go, is the App's
measures part (tui/app/measures/); these are the modals.
"""

from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.engine.frozen import frozen
from tui.engine.measures.impression import CHOICES, QUESTION
from tui.screens.checkin import TEN_KEY
from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar
from tui.widgets.touch import in_page, on_touch

#: The numbers of a 0-10 scale, each under its own 4 cells from cell 2 (as the check-in's).
NUMBERS = "  0   1   2   3   4   5   6   7   8   9  10"

MODAL_CSS = """
    align: center middle;
    & > .measure {
        width: 56;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 2;
    }
    & .measure-scale { margin-top: 1; }
    & .measure-detail { text-style: bold; }
"""


def scale_text(low: str, high: str) -> str:
    """The numbers, and under them the words at 0 and at 10 at either end."""
    return NUMBERS + "\n" + low + " " * max(1, len(NUMBERS) + 1 - len(low) - len(high)) + high


def tapped_score(scale: Static, x: int, y: int) -> int | None:
    """The number a tap at screen (x, y) on the numbers' line of `scale` chose; None when
    the tap was elsewhere."""
    region = scale.content_region
    if not (region.contains(x, y) and y == region.y):
        return None
    score = round((x - region.x - 2) / 4)
    return score if 0 <= score <= 10 else None


@frozen
class Ask:
    """One 0-10 question: its words, a line of the person's own text (a goal) or "", and
    the words at 0 and at 10."""

    question: str
    detail: str
    low: str
    high: str


class ScoresModal(ModalScreen[tuple[int | None, ...] | None]):
    """Ask 0-10 questions one after another, one key each.

    Dismisses with one answer per question. Esc or s skips: with `skip_all` (the PEG, whose
    score needs all three) the whole set, dismissing None; else the rest, dismissing the
    answers so far and None for the rest (None when nothing was answered).
    """

    DEFAULT_CSS = "ScoresModal {" + MODAL_CSS + "}"

    BINDINGS = [
        *(Binding(str(n), f"score({n})", str(n), show=False) for n in range(10)),
        Binding(keys(TEN_KEY), "score(10)", "10", show=False),
        Binding(keys("escape", "s"), "skip", "Skip", key_display="esc"),
    ]

    def __init__(self, title: str, asks: Sequence[Ask], skip_all: bool = False) -> None:
        """Args:
            title: the heading, e.g. "Your goals this week"; "(1 of 3)" is added when
                there are several questions.
            asks: the questions, in order (at least one).
            skip_all: a skip drops every answer (see the class docstring).
        """
        super().__init__()
        self.title_text = title
        self.asks = tuple(asks)
        self.skip_all = skip_all
        self.answers: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="measure"):
            yield Static(classes="heading measure-title", markup=False)
            yield Static(classes="measure-question", markup=False)
            yield Static(classes="measure-detail", markup=False)
            yield Static(classes="measure-scale", markup=False)
            skip = "this question and the rest" if not self.skip_all else "all of these"
            hint = (f"Tap a number above.   Tap this line to skip {skip}." if on_touch(self) else
                    f"Press 0-9, or {TEN_KEY} for 10.   Esc or s: skip")
            yield Static(hint, classes="hint measure-hint", markup=False)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        ask = self.asks[len(self.answers)]
        count = len(self.asks)
        where = f" ({len(self.answers) + 1} of {count})" if count > 1 else ""
        self.query_one(".measure-title", Static).update(self.title_text + where)
        self.query_one(".measure-question", Static).update(ask.question)
        detail = self.query_one(".measure-detail", Static)
        detail.update(ask.detail)
        detail.display = bool(ask.detail)
        self.query_one(".measure-scale", Static).update(scale_text(ask.low, ask.high))

    def on_click(self, event: Click) -> None:
        """A tap on a number answers with it; a tap on the last line skips."""
        score = tapped_score(self.query_one(".measure-scale", Static), event.screen_x, event.screen_y)
        if score is not None:
            self.action_score(score)
        elif self.query_one(".measure-hint").content_region.contains(event.screen_x, event.screen_y):
            self.action_skip()

    def action_score(self, score: int) -> None:
        if len(self.answers) >= len(self.asks):
            return  # a second key before the dismissal lands
        self.answers.append(score)
        if len(self.answers) == len(self.asks):
            self.dismiss(tuple(self.answers))
        else:
            self._show()

    def action_skip(self) -> None:
        if self.skip_all or not self.answers:
            self.dismiss(None)
        else:
            rest = len(self.asks) - len(self.answers)
            self.dismiss((*self.answers, *(None,) * rest))


class ImpressionModal(ModalScreen[int | None]):
    """The global impression of change: seven answers, keys 1-7 (1 very much better); Esc
    or s skips. Dismisses with the code 1..7, or None."""

    DEFAULT_CSS = "ImpressionModal {" + MODAL_CSS + "}"

    BINDINGS = [
        *(Binding(str(n), f"choose({n})", str(n), show=False) for n in range(1, len(CHOICES) + 1)),
        Binding(keys("escape", "s"), "skip", "Skip", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="measure"):
            yield Static("Change since the start", classes="heading")
            yield Static(QUESTION, markup=False)
            yield Static("\n".join(f" {n}  {words}" for n, words in enumerate(CHOICES, 1)),
                         classes="measure-scale impression-choices", markup=False)
            hint = ("Tap your answer.   Tap this line to skip." if on_touch(self) else
                    f"Press 1-{len(CHOICES)}.   Esc or s: skip")
            yield Static(hint, classes="hint measure-hint", markup=False)

    def on_click(self, event: Click) -> None:
        """A tap on an answer's line chooses it; a tap on the last line skips."""
        choices = self.query_one(".impression-choices").content_region
        x, y = event.screen_x, event.screen_y
        if choices.contains(x, y):
            self.action_choose(y - choices.y + 1)
        elif self.query_one(".measure-hint").content_region.contains(x, y):
            self.action_skip()

    def action_choose(self, code: int) -> None:
        if 1 <= code <= len(CHOICES):
            self.dismiss(code)

    def action_skip(self) -> None:
        self.dismiss(None)


class GoalsOfferModal(ModalScreen[bool]):
    """The offer to set goals, after a routine while none are set: g or Enter sets them,
    Esc or s is "not now" (asked again in a week). Dismisses with True to set them."""

    DEFAULT_CSS = "GoalsOfferModal {" + MODAL_CSS + "}"

    BINDINGS = [
        Binding(keys("g", "enter"), "answer(True)", "Set goals", key_display="g", id="offer.yes"),
        Binding(keys("escape", "s"), "answer(False)", "Not now", key_display="esc", id="offer.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="measure"):
            yield Static("Your goals", classes="heading")
            yield Static(
                "What does your back make hard? Name up to three activities in your own words "
                "(lift my child, sit through a meeting) and rate each from 0 (cannot do it) to "
                "10 (as able as before). lumbar asks again once a week after a routine, so you "
                "can see them change; g on the routine list opens them any time.", markup=False)
            if in_page(self):
                yield KeyBar(("offer.yes", "offer.no"))  # buttons: a phone has no g or Esc
            else:
                yield Static("g / Enter: set goals     Esc / s: not now", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
