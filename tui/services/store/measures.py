"""The outcome measures in the history store: goals and their ratings, PEG answers, global
impressions and skipped questions (tui.engine.measures scores them).

Rows go through the journal like every other write (tui.services.store.journal): written at
once, kept in memory and spilled at quit while the file cannot be used, so nothing here
raises for I/O. It is a part of the store (`store.measures`), made when first asked for, so
a routine started from the command line loads none of this. A goal has a stable key made when it is set, so a rating or a retirement
written while the goal's own row still waits points at it all the same. The reads that
decide what to ask (`measures_last`, `goals`) also count the rows still waiting, so a
question answered while the file is busy is not asked again. The reads themselves are in
tui/services/store/measures_read.py.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import date

from tui.engine.measures import goals as psfs
from tui.engine.measures import impression as gic
from tui.engine.measures import peg
from tui.engine.measures.goals import Goal
from tui.services.store import spill
from tui.services.store.journal import Journal
from tui.services.store.measures_read import (MEASURE_KINDS, ImpressionRow, MeasuresLast, PegRow,
                                               goal_rows, impression_rows, last_days, overlay_goals,
                                               overlay_last, peg_rows)
from tui.services.store.writes import Op

log = logging.getLogger("lumbar.store")

#: What a skip row may name.
SKIPPABLE = ("goals", "peg", "impression")


class MeasuresJournal:
    """Goals, PEG, impressions and skips; see the module docstring.

    Args:
        journal: the store whose file, waiting rows and lock these rows share.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- writing -------------------------------------------------------------------------
    def set_goal(self, text: str, rating: int | None = None) -> str:
        """A new goal in the person's words, with its first rating (0..10) or none yet;
        returns its key. ValueError for empty or too long text or a bad rating (checked by
        tui.engine.measures.goals), before anything is written."""
        line = psfs.check_text(text)
        if rating is not None:
            psfs.check_score(rating)
        key = uuid.uuid4().hex
        with self._journal._lock:
            self._journal._pending.append(("goal", (key, line), self._journal._stamp()))
            if rating is not None:
                self._journal._pending.append(("goal_rating", (key, rating), self._journal._stamp()))
            self._journal._flush()
            self._journal._tell()
        return key

    def retire_goal(self, key: str) -> None:
        """The goal `key` is done with: kept in the history, no longer rated or shown."""
        with self._journal._lock:
            self._journal._write("goal_retired", key)

    def change_goal(self, key: str, text: str, rating: int | None = None) -> str:
        """Replace goal `key` by a new one: a different activity is a different measure, so
        the old goal is retired with its ratings and the new one starts afresh; returns the
        new key. ValueError as for `set_goal`, before anything is written."""
        line = psfs.check_text(text)
        if rating is not None:
            psfs.check_score(rating)
        with self._journal._lock:
            self._journal._pending.append(("goal_retired", (key,), self._journal._stamp()))
            return self.set_goal(line, rating)

    def rate_goals(self, ratings: Mapping[str, int]) -> None:
        """Ratings now, 0..10, by goal key, all in one transaction. ValueError for a rating
        outside 0..10, before anything is written."""
        for score in ratings.values():
            psfs.check_score(score)
        if not ratings:
            return
        with self._journal._lock:
            stamp = self._journal._stamp()
            self._journal._pending += [("goal_rating", (key, score), stamp) for key, score in ratings.items()]
            self._journal._flush()
            self._journal._tell()

    def record_peg(self, pain: int, enjoyment: int, activity: int) -> None:
        """The PEG's three answers, 0..10 each (ValueError otherwise)."""
        peg.score(pain, enjoyment, activity)
        with self._journal._lock:
            self._journal._write("peg", pain, enjoyment, activity)

    def record_impression(self, code: int) -> None:
        """The global impression of change, 1 (very much better) .. 7 (very much worse)
        (ValueError otherwise)."""
        gic.words(code)
        with self._journal._lock:
            self._journal._write("impression", code)

    def skip_measure(self, what: str) -> None:
        """A question skipped: "goals" (the offer or the re-rating), "peg" or "impression";
        it counts as answered for its period (tui.engine.measures.due). Never raises: another
        name is logged and dropped."""
        if what not in SKIPPABLE:
            log.warning("skip not recorded: %r is not one of %s", what, ", ".join(SKIPPABLE))
            return
        with self._journal._lock:
            self._journal._write("measure_skip", what)

    # -- reading -------------------------------------------------------------------------
    def goals(self, retired: bool = False) -> tuple[Goal, ...]:
        """The current goals (with `retired`, every goal ever set), oldest first, each with
        its ratings oldest first (tui.engine.measures.goals.Goal; dates are local). Rows
        still waiting to be written are included."""
        with self._journal._lock:
            found = self._journal._query(goal_rows)
            found = overlay_goals(found, self._waiting())
        return tuple(g for g in found if retired or g.retired_on is None)

    def peg_rows(self, since: date | None = None) -> list[PegRow]:
        """Every PEG answered from local day `since` on (all without it), oldest first."""
        with self._journal._lock:
            return self._journal._query(lambda conn: peg_rows(conn, since))

    def impressions(self, since: date | None = None) -> list[ImpressionRow]:
        """Every global impression from local day `since` on (all without it), oldest first."""
        with self._journal._lock:
            return self._journal._query(lambda conn: impression_rows(conn, since))

    def measures_last(self) -> MeasuresLast:
        """What the due rules need (see MeasuresLast), rows still waiting included."""
        with self._journal._lock:
            last = self._journal._query(last_days)
            return overlay_last(last, self._waiting(), len(self.goals()))

    def _waiting(self) -> list[Op]:
        """The measure rows still waiting in memory (each spill opened up)."""
        return [op for op in spill.flat(self._journal._pending) if op[0] in MEASURE_KINDS]


__all__ = ["MeasuresJournal", "PegRow", "ImpressionRow", "MeasuresLast", "SKIPPABLE"]
