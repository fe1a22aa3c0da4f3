"""A bout of pain or an injury, and whether ice or heat suits it now.

docs/sources.md, "Ice and heat": cold can calm the first two days after a knock or a
strain (the seeds: 24-48 hours); heat is the option with the better evidence for back pain
(a Cochrane review and the American College of Physicians' guideline). The user's choice
always wins; the advice only says what is usual, and why, in one line.
"""

from __future__ import annotations

import math

from tui.engine.care.thermal import LABELS, Kind, check_kind
from tui.engine.frozen import frozen

#: Ice is suggested this long after the pain or injury started: the upper end of the seeds'
#: "first 24-48 hours" (docs/sources.md, "Ice and heat"); heat after that.
ICE_WINDOW = 48 * 3600.0


@frozen
class Episode:
    """When the pain or injury started."""

    started_at: float
    """Wall-clock seconds since the epoch (the store keeps it across reboots); `advice`
    takes `now` on the same clock."""


def advice(episode: Episode, now: float, choice: str | None = None) -> tuple[Kind, str]:
    """Ice or heat, and one line saying why. The user's `choice` wins when given.

    `now` is on the episode's clock (seconds). A start in the future (a clock changed
    since) counts as just started. Raises ValueError for a choice other than ice or heat.
    """
    if choice is not None:
        check_kind(choice)
    age = max(0.0, now - episode.started_at)
    usual: Kind = "ice" if age < ICE_WINDOW else "heat"
    when = _age_text(age)
    if choice is None or choice == usual:
        if usual == "ice":
            return usual, (f"Ice: it started {when}; cold can calm the first 48 hours after a knock "
                           "or strain. Heat has the better evidence for back pain: your choice.")
        return usual, (f"Heat: it started {when}; past the first 48 hours, and heat has the better "
                       "evidence for back pain.")
    window = "in the first 48 hours" if usual == "ice" else "after the first 48 hours"
    return choice, (f"{LABELS[choice]}, your choice (it started {when}; "  # type: ignore[return-value]
                    f"{usual} is the usual advice {window}).")


def _age_text(seconds: float) -> str:
    hours = seconds / 3600
    if hours < 1:
        return "less than an hour ago"
    if hours < 48:
        return f"{math.floor(hours)} h ago"
    return f"{math.floor(hours / 24)} days ago"
