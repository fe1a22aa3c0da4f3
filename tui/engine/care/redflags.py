"""The red-flag check: its yes/no questions, what the answers lead to, and when to ask.

Pure: callers pass the answers, scores and what the store knows; nothing here reads a clock
or a file. Each question's tier is the tier of tui.engine.care.signs its "yes" leads to; the
questions and tiers are sourced in docs/sources.md#the-red-flag-check.

People rarely mention the saddle or bladder signs unless they are asked, which is why lumbar
asks: on the first start, when a new episode of pain starts, and after a flare.
"""

from __future__ import annotations

from collections.abc import Mapping

from tui.engine.care.signs import EMERGENCY, URGENT, Tier
from tui.engine.frozen import frozen


@frozen
class Question:
    """One yes/no question, the key its answer is stored under, a short label for what a
    "yes" means (for the screen after it and the report), and its tier on "yes"."""

    key: str
    text: str
    label: str
    tier: Tier


QUESTIONS: tuple[Question, ...] = (
    Question("saddle", "Do you feel numb or tingly around your genitals, your bottom or "
                       "the inside of your thighs?", "numbness around the genitals or bottom", EMERGENCY),
    Question("bladder", "Is passing urine newly hard, or have you lost control of your "
                        "bladder or bowels?", "bladder or bowel trouble", EMERGENCY),
    Question("legs", "Are both your legs weak or numb, or is one leg getting weaker?",
             "weak or numb legs", EMERGENCY),
    Question("injury", "Did this pain begin with a serious fall or an accident?",
             "a serious fall or accident", EMERGENCY),
    Question("fever", "Do you have a high temperature, or feel ill in yourself?",
             "a temperature or feeling ill", URGENT),
    Question("cancer", "Have you lost weight without trying, or had cancer at any time?",
             "weight loss or cancer", URGENT),
    Question("night", "Is the pain there all the time and worse at night, even when you "
                      "lie still?", "constant pain, worse at night", URGENT),
)
KEYS: tuple[str, ...] = tuple(q.key for q in QUESTIONS)

#: What started the check: the first start, a new episode of pain (ice/heat `n` or
#: `--since`), a flare after a routine, `lumbar red-flags` at the terminal, and
#: `lumbar red-flags --none` (all "no", recorded without asking).
TRIGGERS: tuple[str, ...] = ("first", "episode", "flare", "command", "none")
#: The outcomes, least urgent first.
OUTCOMES: tuple[str, ...] = ("clear", "urgent", "emergency")
#: What the person did after an emergency or urgent "yes": went on with lumbar, or stopped.
CHOICES: tuple[str, ...] = ("went on", "stopped")

#: A flare: an after-routine score this high (0..10 scale), whatever came before
#: (the project's own choice: docs/sources.md#check-in-thresholds).
FLARE_SCORE = 8
#: ... or this many points above the person's usual at-rest level (about the change people
#: notice: docs/sources.md#check-in-thresholds).
FLARE_RISE = 2


def outcome(answers: Mapping[str, bool]) -> str:
    """"emergency" when any emergency question was answered yes, else "urgent" when any
    urgent one was, else "clear". Keys not in KEYS are ignored."""
    yes = {q.tier.key for q in QUESTIONS if answers.get(q.key)}
    if EMERGENCY.key in yes:
        return "emergency"
    return "urgent" if URGENT.key in yes else "clear"


def yes_to(answers: Mapping[str, bool], tier: Tier) -> tuple[Question, ...]:
    """The questions of `tier` answered yes, in asking order."""
    return tuple(q for q in QUESTIONS if q.tier is tier and answers.get(q.key))


def encode(answers: Mapping[str, bool]) -> str:
    """Answers as stored: one letter per question in QUESTIONS order, "y" or "n"."""
    return "".join("y" if answers.get(key) else "n" for key in KEYS)


def decode(text: str) -> dict[str, bool]:
    """`encode`'s inverse; ValueError for a string of the wrong length or letters."""
    if len(text) != len(KEYS) or set(text) - {"y", "n"}:
        raise ValueError(f"expected {len(KEYS)} letters y or n; found {text!r}")
    return {key: letter == "y" for key, letter in zip(KEYS, text)}


def is_flare(after: int, usual: float | None) -> bool:
    """True when an after-routine score of `after` (0..10) is a flare: `FLARE_SCORE` or
    more, or `FLARE_RISE` or more above `usual` (None: no usual level known yet)."""
    if after >= FLARE_SCORE:
        return True
    return usual is not None and after - usual >= FLARE_RISE - 1e-9


def due(trigger: str, answered_before: bool, recurring: bool) -> bool:
    """Whether to ask now. The first start asks until the check was answered once ("not
    now" answers nothing, so the next start asks again); a new episode or a flare asks
    when `recurring` (the setting red_flag_check) is on."""
    if trigger == "first":
        return not answered_before
    return recurring
