"""The desk-break part of the history store: a row per break event, and the scheduler's state.

Rows go through the journal like every other write (tui.services.store.journal): written at once in
one short transaction, kept in memory while the file is busy or unusable, so nothing here
raises for I/O. The state the scheduler needs after a restart (the next break, snoozes in a
row, a meeting's end...) is one JSON value in `meta`, replaced whole in one write.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from tui.services.store.journal import Journal

BREAK_WHATS: tuple[str, ...] = ("taken", "snoozed", "skipped", "meeting")
"""What a break row records."""
NATURAL: tuple[str, ...] = ("natural", "suspend")
"""`how` of a taken break that came by itself: idle, locked or asleep long enough."""
STATE_KEY = "breaks.state"

log = logging.getLogger("lumbar.store")


class BreakJournal(Journal):
    """Break rows and the break scheduler's saved state; see the module docstring."""

    _state_reported = False

    def record_break(self, what: str, how: str | None = None, seconds: float | None = None) -> None:
        """One break event, stamped now. `what`: "taken", "snoozed", "skipped" or "meeting";
        `how`: for "taken" how it came ("routine", "natural", "suspend", "manual"), for
        "skipped" "prompt" or "unanswered", else None; `seconds`: a meeting's length.

        Never raises: a `what` outside the four is logged and dropped (a row the table's
        check would refuse would hold up every row waiting behind it)."""
        if what not in BREAK_WHATS:
            log.warning("break row not recorded: what must be one of %s, not %r",
                        ", ".join(BREAK_WHATS), what)
            return
        try:
            length = None if seconds is None else float(seconds)
        except (TypeError, ValueError):
            length = None
        with self._lock:
            self._write("break", what, None if how is None else str(how), length)

    def breaks_today(self, today: date | None = None) -> dict[str, float]:
        """The local day's breaks: {"taken", "natural" (of the taken, those that came by
        themselves), "snoozed", "skipped", "through" (of the skipped, desk breaks left with
        every exercise skipped): counts; "meeting": seconds in meeting pauses}."""
        day = (today or self._today()).isoformat()
        with self._lock:
            rows = self._query(lambda conn: conn.execute(
                "SELECT what, how, count(*), total(seconds) FROM breaks WHERE day = ? "
                "GROUP BY what, how", (day,)).fetchall())
        return counts(rows)

    def save_break_state(self, state: dict[str, Any]) -> None:
        """Replace the saved scheduler state (a JSON object: "next_break", "snoozes", "in_break",
        "paused_left", "meeting_ends", "every", "pid", "saved"; see BREAKS-API). Never raises:
        a value JSON cannot hold is logged and the old state kept."""
        try:
            text = json.dumps(dict(state), sort_keys=True)
        except (TypeError, ValueError) as error:
            log.warning("break state not saved: %s", error)
            return
        with self._lock:
            self._write("meta", STATE_KEY, text)

    def break_state(self) -> dict[str, Any] | None:
        """The state last saved, or None: never saved, or unreadable (said once in
        `warning`, and the schedule starts afresh)."""
        with self._lock:
            row = self._read("SELECT value FROM meta WHERE key = ?", (STATE_KEY,))
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            value = None
        if isinstance(value, dict):
            return value
        if not self._state_reported:
            self._state_reported = True
            self._warn("The saved break schedule could not be read; breaks start afresh.")
        return None


def counts(rows: list[tuple[str, str | None, int, float]]) -> dict[str, float]:
    """breaks_today's answer from (what, how, count, total seconds) groups."""
    out: dict[str, float] = {"taken": 0, "natural": 0, "snoozed": 0, "skipped": 0, "through": 0,
                             "meeting": 0.0}
    for what, how, n, seconds in rows:
        if what == "meeting":
            out["meeting"] += float(seconds or 0.0)
            continue
        out[what] = out.get(what, 0) + n
        if what == "taken" and how in NATURAL:
            out["natural"] += n
        if what == "skipped" and how == "through":
            out["through"] += n
    return out
