"""Your goals (the Patient-Specific Functional Scale): up to three activities in your own
words, each rated 0 (cannot do it) to 10 (as able as before the problem).

`g` on the routine list (and the command palette) opens it; it is also offered after the
first routine. Here goals are added, rated, changed or retired at any time; the App's
measures part (tui/app/measures/) writes them. Goal text is the person's: shown with markup
off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.engine.measures import goals as psfs
from tui.screens.measures import Ask, ScoresModal
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import keys
from tui.widgets.touch import in_page, on_touch

if TYPE_CHECKING:
    from tui.engine.measures.goals import Goal
    from tui.screens.host import MeasuresPart

ABOUT = ("Up to three activities your back makes hard, in your own words, each rated from "
         "0 (cannot do it) to 10 (as able as before the problem).")


def rating_ask(text: str) -> Ask:
    """The 0-10 question for one goal (its text shown as the person wrote it)."""
    return Ask("How able are you to do this now?", text, psfs.LOW_WORDS, psfs.HIGH_WORDS)


def change_words(goal: Goal) -> str:
    """"6 now (3 at first: +3, meaningful)", "6 now (first rating)", or "not rated yet"."""
    latest = goal.latest
    if latest is None:
        return "not rated yet"
    change = goal.change
    if change is None:
        return f"{latest.score} now (first rating)"
    first = goal.first
    assert first is not None
    mark = ", meaningful" if goal.meaningful else ""
    return f"{latest.score} now ({first.score} at first: {change:+d}{mark})"


def summary_words(goals: tuple[Goal, ...]) -> str:
    """The mean and its change: "Mean 5.0 · +2.0 since 2 Mar: a meaningful change"."""
    p = psfs.progress(goals)
    if p.mean is None:
        return "No goal rated yet."
    line = f"Mean {p.mean:.1f} of 10"
    if p.change is not None and p.since is not None:
        line += f" · {p.change:+.1f} since {p.since:%-d %b}"
        if p.meaningful:
            line += ": a meaningful change"
    return line


class GoalTextModal(ModalScreen[str | None]):
    """Type a goal in your own words; Enter keeps it, Esc cancels. Dismisses with the text
    (one line, at most MAX_TEXT characters) or None."""

    DEFAULT_CSS = """
    GoalTextModal { align: center middle; }
    GoalTextModal > .goal-text {
        width: 64;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 2;
    }
    GoalTextModal #goal-problem { color: $warning; display: none; }
    GoalTextModal #goal-problem.-said { display: block; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="esc", id="goal_text.cancel")]

    def __init__(self, heading: str, text: str = "") -> None:
        """Args:
            heading: "A new goal" or "Change this goal".
            text: the words to start from (a goal being changed).
        """
        super().__init__()
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="goal-text"):
            yield Static(self.heading, classes="heading", markup=False)
            # The box stops taking letters at the limit without a word: say it beforehand.
            yield Static("An activity your back makes hard, in a few words: "
                         f"\"lift my child\", \"sit through a meeting\" ({psfs.MAX_TEXT} "
                         "characters at most).", markup=False)
            yield Input(self.text, placeholder="what you would like to do again",
                        max_length=psfs.MAX_TEXT, id="goal-input")
            yield Static("", id="goal-problem", markup=False)
            yield Static("Tap the box to type; send it when done." if on_touch(self) else
                         "Enter: keep it     Esc: cancel", classes="hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            text = psfs.check_text(event.value)
        except ValueError as problem:
            said = self.query_one("#goal-problem", Static)
            said.update(str(problem).capitalize() + ".")
            said.add_class("-said")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class GoalsScreen(Screen[None]):
    """The goals, each with its latest rating and change, and the keys to manage them."""

    DEFAULT_CSS = """
    GoalsScreen #goals { padding: 0 1; height: 1fr; }
    GoalsScreen #goals-title { text-style: bold; height: 1; }
    GoalsScreen #goals-about { margin-bottom: 1; color: $text-muted; }
    GoalsScreen #goal-list { height: auto; max-height: 10; }
    GoalsScreen #goals-summary { margin-top: 1; }
    """

    BINDINGS = [
        Binding(keys("a"), "add", "Add", key_display="a", id="goals.add", tooltip="A new goal (up to three)"),
        Binding(keys("r"), "rate", "Rate", key_display="r", id="goals.rate", tooltip="Rate every goal now"),
        Binding(keys("e"), "change", "Change", key_display="e", id="goals.change",
                tooltip="New words for the highlighted goal (its ratings start again)"),
        Binding(keys("x"), "retire", "Retire", key_display="x", id="goals.retire",
                tooltip="Retire the highlighted goal (its ratings stay in the history)"),
        Binding(keys("escape", "g"), "back", "Back", key_display="esc", id="goals.back"),
    ]

    def __init__(self, part: MeasuresPart, first: bool = False) -> None:
        """Args:
            part: the App's measures part: the goals, and where changes go.
            first: offered after a routine with no goals: the first goal is asked at once.
        """
        super().__init__()
        self.part = part
        self.first = first
        self.current: tuple[Goal, ...] = part.goals()

    def compose(self) -> ComposeResult:
        with Vertical(id="goals"):
            yield Static("lumbar · your goals", id="goals-title")
            yield Static(ABOUT, id="goals-about", markup=False)
            yield OptionList(*self._options(), id="goal-list")
            yield Static(self._summary(), id="goals-summary", markup=False)
        yield KeyBar(("goals.add", "goals.rate", "goals.back"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current:
            options.highlighted = 0
        if self.first and not self.current:
            self.call_after_refresh(self.action_add)

    def _options(self) -> list[Option]:
        if not self.current:
            tip = "Tap Add to set one." if in_page(self) else "Press a to add one."
            return [Option(Content(f"No goals yet. {tip}"), disabled=True)]
        return [Option(Content.assemble((goal.text, "bold"), "\n", (change_words(goal), "dim")),
                       id=goal.key) for goal in self.current]

    def _summary(self) -> str:
        left = psfs.MAX_GOALS - len(self.current)
        room = f"Room for {left} more." if left else "Three goals: retire one to add another."
        return summary_words(self.current) + "\n" + room if self.current else ""

    def reload(self) -> None:
        """Read the goals again and redraw the list and the summary."""
        self.current = self.part.goals()
        options = self.query_one(OptionList)
        was = options.highlighted or 0
        options.clear_options()
        options.add_options(self._options())
        if self.current:
            options.highlighted = min(was, len(self.current) - 1)
        self.query_one("#goals-summary", Static).update(self._summary())
        self.refresh_bindings()

    def _highlighted(self) -> Goal | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.current:
            return None
        key = options.get_option_at_index(options.highlighted).id
        return next((g for g in self.current if g.key == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys that cannot apply now leave the bar, help and palette.
        if action == "add" and len(self.current) >= psfs.MAX_GOALS:
            return False
        if action == "rate" and not self.current:
            return False
        if action in ("change", "retire") and (not self.is_mounted or self._highlighted() is None):
            return False
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_add(self) -> None:
        if len(self.current) >= psfs.MAX_GOALS:
            return

        def typed(text: str | None) -> None:
            if text is not None:
                self._rate_new(text, lambda rating: self.part.add_goal(text, rating))

        self.app.push_screen(GoalTextModal("A new goal"), typed)

    def action_change(self) -> None:
        goal = self._highlighted()
        if goal is None:
            return

        def typed(text: str | None) -> None:
            if text is not None and text != goal.text:
                self._rate_new(text, lambda rating: self.part.change_goal(goal.key, text, rating))

        self.app.push_screen(GoalTextModal("Change this goal", goal.text), typed)

    def _rate_new(self, text: str, keep: Callable[[int | None], object]) -> None:
        """Ask the first rating of a new goal (skippable), then `keep(rating)`."""
        def rated(answers: tuple[int | None, ...] | None) -> None:
            keep(answers[0] if answers else None)
            self.reload()

        self.app.push_screen(ScoresModal("Your goal", [rating_ask(text)]), rated)

    def action_rate(self) -> None:
        if not self.current:
            return
        goals = self.current

        def rated(answers: tuple[int | None, ...] | None) -> None:
            given = {g.key: a for g, a in zip(goals, answers or ()) if a is not None}
            if given:
                self.part.rate_goals(given)
                self.reload()

        self.app.push_screen(ScoresModal("Your goals now", [rating_ask(g.text) for g in goals]), rated)

    def action_retire(self) -> None:
        goal = self._highlighted()
        if goal is None:
            return
        from tui.screens.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self.part.retire_goal(goal.key)
                self.reload()

        self.app.push_screen(ConfirmModal(f"Retire \"{goal.text}\"? Its ratings stay in your "
                                          "history and in the report."), answered)

    def action_back(self) -> None:
        self.dismiss(None)
