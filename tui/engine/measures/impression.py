"""The global impression of change: seven answers from "very much better" to "very much
worse" (the form of the Clinical Global Impression of Improvement, Guy 1976, and of the
patient's global impression of change; Hurst & Bolton 2004;
docs/sources.md#change-since-the-start-global-impression).

Stored as its code, 1 (very much better) to 7 (very much worse). Farrar et al. (Pain 2001)
anchored the 2-point, 30 % change of the pain score on "much better" or more, which is why
"much better" is the line lumbar treats as a clear improvement.
"""

from __future__ import annotations

QUESTION = "Compared with when you started with lumbar, how is your back overall?"

#: The answers by code, 1..7.
CHOICES: tuple[str, ...] = (
    "very much better", "much better", "a little better", "no change",
    "a little worse", "much worse", "very much worse",
)
#: Codes that mean a clear improvement (the PGIC anchor of Farrar et al. 2001).
BETTER = (1, 2)
#: Codes that mean clearly worse: lumbar's own choice, the mirror of BETTER.
WORSE = (6, 7)


def words(code: int) -> str:
    """The answer for `code` (1..7); ValueError outside it."""
    if isinstance(code, bool) or not isinstance(code, int) or not 1 <= code <= len(CHOICES):
        raise ValueError(f"an impression is a whole number from 1 to {len(CHOICES)}, not {code!r}")
    return CHOICES[code - 1]
