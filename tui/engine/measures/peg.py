"""Pain's weight on life: the PEG (Krebs et al., J Gen Intern Med 2009;
docs/sources.md#pains-weight-on-life-peg).

Three 0..10 questions about the past week: average pain (P), how much pain got in the way
of enjoying life (E) and of general activity (G). The score is their mean. The questions
are lumbar's own words, close to the published meaning (the PEG is free to use).
"""

from __future__ import annotations

from tui.engine.frozen import frozen



@frozen
class Item:
    """One question: the key its answer is stored under, the question, and the words at 0
    and at 10."""

    key: str
    text: str
    low: str
    high: str


ITEMS: tuple[Item, ...] = (
    Item("pain", "Over the past week, how bad was your pain on average?",
         "no pain", "as bad as you can imagine"),
    Item("enjoyment", "Over the past week, how much did pain get in the way of enjoying life?",
         "not at all", "completely"),
    Item("activity", "Over the past week, how much did pain get in the way of your everyday activity?",
         "not at all", "completely"),
)
KEYS = tuple(item.key for item in ITEMS)


def score(pain: int, enjoyment: int, activity: int) -> float:
    """The PEG score: the mean of the three answers, 0..10. ValueError for an answer that
    is not a whole number 0..10."""
    answers = (pain, enjoyment, activity)
    for value in answers:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValueError(f"a PEG answer is a whole number from 0 to 10, not {value!r}")
    return sum(answers) / 3
