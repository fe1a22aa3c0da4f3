"""The safety answers in the history store: one row each time the red-flag check was
answered, and one for the ice/heat precaution asked before an episode's first application.

Rows go through the journal like every other write (tui.services.store.journal), so nothing here
raises for I/O. Red-flag answers are stored as one letter per question
(tui.engine.care.redflags.encode).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from tui.engine.care import redflags
from tui.services.store.journal import Journal
from tui.services.store.queries import iso, within

log = logging.getLogger("lumbar.store")

#: Days of at-rest check-ins that make up the person's usual level (for a flare).
USUAL_DAYS = 14


class SafetyJournal(Journal):
    """Red-flag and precaution answers; see the module docstring."""

    def record_red_flags(self, trigger: str, answers: Mapping[str, bool],
                         choice: str | None = None) -> None:
        """One answered check, stamped now. `trigger`: one of redflags.TRIGGERS; `answers`:
        yes (True) or no by question key; `choice`: "went on" or "stopped" after an urgent
        or emergency "yes", else None. Never raises: a bad trigger or choice is logged and
        the row dropped (the table's checks would refuse it and hold up the rows behind)."""
        if trigger not in redflags.TRIGGERS or choice not in (None, *redflags.CHOICES):
            log.warning("red-flag row not recorded: trigger %r, choice %r", trigger, choice)
            return
        with self._lock:
            self._write("red_flags", trigger, redflags.encode(answers), redflags.outcome(answers), choice)

    def red_flags_answered(self) -> bool:
        """Whether the check was ever answered (rows still waiting in memory count)."""
        with self._lock:
            if any(kind == "red_flags" for kind, _, _ in self._pending):
                return True
            return self._read("SELECT 1 FROM red_flags LIMIT 1", ()) is not None

    def record_precaution(self, kind: str, episode_utc: str | None, yes: bool,
                          choice: str | None = None) -> None:
        """The precaution's answer before `kind`'s ("ice" or "heat") first application of
        the episode that started at `episode_utc` (stored form, or None); `choice` after a
        "yes": "went on" or "stopped". Never raises: bad values are logged and dropped."""
        if kind not in ("ice", "heat") or choice not in (None, *redflags.CHOICES):
            log.warning("precaution row not recorded: kind %r, choice %r", kind, choice)
            return
        with self._lock:
            self._write("precaution", kind, episode_utc, "yes" if yes else "no", choice)

    def precaution_asked(self, kind: str, episode_utc: str | None) -> bool:
        """Whether the precaution was answered for `kind` in this episode (None: no episode
        known, when one answer ever counts)."""
        with self._lock:
            if any(k == "precaution" and a[0] == kind and a[1] == episode_utc for k, a, _ in self._pending):
                return True
            row = self._read("SELECT 1 FROM precautions WHERE kind = ? AND episode_utc IS ? LIMIT 1",
                             (kind, episode_utc))
        return row is not None

    def usual_level(self) -> float | None:
        """The mean at-rest score (before a routine, or a check-in on its own) of the last
        USUAL_DAYS local days, today included; None without any."""
        start = (self._today() - timedelta(days=USUAL_DAYS - 1)).isoformat()
        with self._lock:
            row = self._read("SELECT avg(score) FROM checkins WHERE day >= ? AND moment != 'after'",
                             (start,))
        return None if row is None or row[0] is None else float(row[0])


def export_rows(conn: sqlite3.Connection, span: tuple[str, str] | None = None
                ) -> list[tuple[str, int, int, dict[str, Any]]]:
    """Safety rows in the export's sort form (utc, kind order, id, row). red_flags: `trigger`,
    `outcome`, `choice` and one field per question, "yes" or "no"; precaution: `treatment`,
    `episode`, `answer` ("yes" or "no") and `choice`. span: stored days (see queries.rows)."""
    out: list[tuple[str, int, int, dict[str, Any]]] = []
    where, args = within(span)
    for r in conn.execute("SELECT id, utc, utc_offset, trigger, answers, outcome, choice FROM red_flags"
                          + where, args):
        try:
            answers = redflags.decode(r[4])
        except ValueError:
            answers = {}
        out.append((r[1], 7, r[0], {
            "kind": "red_flags", "at": iso(r[1], r[2]), "id": r[0], "trigger": r[3],
            "outcome": r[5], "choice": r[6],
            **{key: ("yes" if answers[key] else "no") if key in answers else None
               for key in redflags.KEYS}}))
    for r in conn.execute("SELECT id, utc, utc_offset, kind, episode_utc, answer, choice FROM precautions"
                          + where, args):
        out.append((r[1], 8, r[0], {
            "kind": "precaution", "at": iso(r[1], r[2]), "id": r[0], "treatment": r[3],
            "episode": iso(r[4], 0) if r[4] else None, "answer": r[5], "choice": r[6]}))
    return out
