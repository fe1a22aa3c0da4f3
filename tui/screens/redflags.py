"""The red-flag check: seven yes/no questions, one key each, then what a "yes" leads to.

An emergency "yes" shows the emergency tier and goes on only on a deliberate key (`g`), or
closes lumbar (`q`); an urgent "yes" shows the urgent tier once (Enter goes on). "Not now"
(Esc or `l`) leaves the check unanswered. The person may always go on: lumbar records the
choice, it never decides for them. The questions and rules are tui.engine.care.redflags.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.engine.care import redflags
from tui.engine.care.signs import EMERGENCY, URGENT
from tui.engine.frozen import frozen
from tui.widgets.keys import keys
from tui.widgets.signs_view import EmergencyBox, tier_widgets
from tui.widgets.key_bar import KeyBar
from tui.widgets.touch import in_page

#: What the check says before the first question, by what started it.
WHY = {
    "first": "Before you start: a few quick safety questions.",
    "episode": "A new episode of pain: the safety questions again.",
    "flare": "That was a big rise in pain: the safety questions again.",
}
INTRO = ("A few rare signs need help fast, and people seldom mention them unless asked. "
         "Answer each with one key.")
ASKING_KEYS = "y: yes   n: no   Esc: not now"
EMERGENCY_KEYS = "g: go on with lumbar anyway   q: close lumbar"
URGENT_KEYS = "Enter: go on"


@frozen
class Answered:
    """The check's result: every answer by question key, and after an urgent or emergency
    "yes" what the person chose ("went on" or "stopped"; None when all were no)."""

    answers: dict[str, bool]
    choice: str | None = None

    @property
    def outcome(self) -> str:
        return redflags.outcome(self.answers)


class RedFlagModal(ModalScreen[Answered | None]):
    """Dismisses with Answered, or None for "not now"."""

    DEFAULT_CSS = """
    RedFlagModal { align: center middle; }
    RedFlagModal > VerticalScroll {
        width: 90%;
        max-width: 76;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    RedFlagModal #red-flag-keys { dock: bottom; background: $surface; margin-top: 0; }
    RedFlagModal #red-flag-question { margin-top: 1; text-style: bold; }
    RedFlagModal EmergencyBox { margin-top: 0; }
    """

    BINDINGS = [
        Binding(keys("y"), "answer(True)", "Yes", key_display="y", id="redflags.yes"),
        Binding(keys("n"), "answer(False)", "No", key_display="n", id="redflags.no"),
        Binding(keys("escape", "l"), "not_now", "Not now", key_display="esc", id="redflags.not_now"),
        Binding(keys("g"), "go_on", "Go on anyway", key_display="g", id="redflags.go_on"),
        Binding(keys("q"), "stop", "Close lumbar", key_display="q", id="redflags.stop"),
        Binding(keys("enter", "space"), "seen", "Go on", key_display="enter", id="redflags.seen"),
    ]

    def __init__(self, trigger: str = "first") -> None:
        """Args:
            trigger: what started the check (one of tui.engine.care.redflags.TRIGGERS).
        """
        super().__init__()
        self.trigger = trigger
        self.answers: dict[str, bool] = {}
        self.stage = "asking"
        """"asking", then "emergency" or "urgent" after such a "yes"."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(ASKING_KEYS, id="red-flag-keys", classes="hint", markup=False)
            yield Static(WHY.get(self.trigger, WHY["first"]), classes="heading", markup=False)
            yield Static(INTRO, id="red-flag-intro", markup=False)
            yield Static(self._question(), id="red-flag-question", markup=False)
            if in_page(self):
                yield KeyBar(("redflags.yes", "redflags.no", "redflags.go_on", "redflags.stop",
                              "redflags.seen"))  # buttons: a phone has no y or n

    def _question(self) -> str:
        n = len(self.answers)
        return f"{n + 1} of {len(redflags.QUESTIONS)}. {redflags.QUESTIONS[n].text}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        wanted = {"answer": "asking", "not_now": "asking", "go_on": "emergency", "stop": "emergency",
                  "seen": "urgent"}
        return wanted.get(action, self.stage) == self.stage

    def action_answer(self, yes: bool) -> None:
        self.answers[redflags.QUESTIONS[len(self.answers)].key] = yes
        if len(self.answers) < len(redflags.QUESTIONS):
            self.query_one("#red-flag-question", Static).update(self._question())
            return
        outcome = redflags.outcome(self.answers)
        if outcome == "clear":
            self.dismiss(Answered(dict(self.answers)))
            return
        self.stage = outcome
        self._show(outcome)

    def _show(self, outcome: str) -> None:
        """Replace the questions with the tier the answers lead to."""
        box = self.query_one(VerticalScroll)
        for widget in box.query("Static"):
            if widget.id != "red-flag-keys":
                widget.remove()
        yes = redflags.yes_to(self.answers, EMERGENCY if outcome == "emergency" else URGENT)
        said = "You answered yes to " + "; ".join(q.label for q in yes) + "."
        if outcome == "emergency":
            box.mount(EmergencyBox(intro=said))
            box.mount(Static("lumbar cannot judge what is behind it. Please get help now; "
                             "exercise can wait.", classes="heading", markup=False))
            also = redflags.yes_to(self.answers, URGENT)
            if also:  # shown here too: after `g` there is no second screen for it
                box.mount(Static("You also answered yes to " + "; ".join(q.label for q in also)
                                 + ".", markup=False))
                box.mount_all(tier_widgets(URGENT))
            keys_line = EMERGENCY_KEYS
        else:
            box.mount(Static(said, markup=False))
            box.mount_all(tier_widgets(URGENT))
            keys_line = URGENT_KEYS
        self.query_one("#red-flag-keys", Static).update(keys_line)
        self.refresh_bindings()

    def action_not_now(self) -> None:
        self.dismiss(None)

    def action_go_on(self) -> None:
        self.dismiss(Answered(dict(self.answers), "went on"))

    def action_stop(self) -> None:
        self.dismiss(Answered(dict(self.answers), "stopped"))

    def action_seen(self) -> None:
        self.dismiss(Answered(dict(self.answers), "went on"))

