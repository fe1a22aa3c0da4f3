"""The outcome measures in the App: after a routine, the questions that are due, one after
another (the goals offered or re-rated, the PEG, the global impression), each skippable;
and the goals screen's part, which writes goal changes to the store.

When each is due is pure (tui.engine.measures.due) on the days the store gives
(`measures_last`), rows still waiting included. A skip is recorded, so the question waits
for its next period. The modals are tui.screens.measures' and tui.screens.goals'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from tui.engine.measures import due, peg
from tui.engine.measures import goals as psfs

if TYPE_CHECKING:
    from tui.app.host import Host
    from tui.engine.measures.goals import Goal

Step = Callable[[Callable[[], None]], None]
"""One question of the chain: asks, records, then calls what comes next."""


class MeasuresController:
    """The measures activity (see the module docstring).

    Args:
        host: the App (tui.app.host.Host).
    """

    def __init__(self, host: Host) -> None:
        self.host = host
        self.on = host.config.measures
        self.store = host.services.store

    # -- after a routine -------------------------------------------------------------------

    def due_steps(self) -> list[Step]:
        """The questions due now, in the order asked: goals, PEG, global impression."""
        store, on = self.store, self.on
        if store is None or not (on.goals or on.peg or on.impression):
            return []
        today = self.host.services.clocks.wall().date()
        last = store.measures.measures_last()
        steps: list[Step] = []
        goals = due.goals_due(today, last.goals, last.goals_day) if on.goals else None
        if goals == "offer":
            steps.append(self._offer)
        elif goals == "rate":
            steps.append(self._rate)
        if on.peg and due.peg_due(today, last.peg_day):
            steps.append(self._peg)
        if on.impression and due.impression_due(today, last.start, last.impression_day):
            steps.append(self._impression)
        return steps

    def after_routine(self, then: Callable[[], None] | None = None) -> None:
        """Ask every question due now, one after another; then `then`."""
        steps = self.due_steps()

        def run(index: int) -> None:
            if index < len(steps):
                steps[index](lambda: run(index + 1))
            elif then is not None:
                then()

        run(0)

    def _offer(self, then: Callable[[], None]) -> None:
        from tui.screens.measures import GoalsOfferModal

        def closed() -> None:
            if not self.goals():  # the screen left without a goal: as "not now"
                self.store.measures.skip_measure("goals")
            then()

        def answered(yes: bool | None) -> None:
            if yes:
                self.open_goals(first=True, then=closed)
            else:
                closed()

        self.host.push_screen(GoalsOfferModal(), answered)

    def _rate(self, then: Callable[[], None]) -> None:
        from tui.screens.goals import rating_ask
        from tui.screens.measures import ScoresModal

        goals = self.goals()

        def answered(answers: tuple[int | None, ...] | None) -> None:
            given = {g.key: a for g, a in zip(goals, answers or ()) if a is not None}
            if given:
                self.rate_goals(given)
            else:
                self.store.measures.skip_measure("goals")
            then()

        self.host.push_screen(ScoresModal("Your goals this week", [rating_ask(g.text) for g in goals]),
                              answered)

    def _peg(self, then: Callable[[], None]) -> None:
        from tui.screens.measures import Ask, ScoresModal

        asks = [Ask(item.text, "", item.low, item.high) for item in peg.ITEMS]

        def answered(answers: tuple[int | None, ...] | None) -> None:
            if answers is None or None in answers:
                self.store.measures.skip_measure("peg")
            else:
                pain, enjoyment, activity = (int(a or 0) for a in answers)
                self.store.measures.record_peg(pain, enjoyment, activity)
                self._said(f"Saved: pain's weight this week, {peg.score(pain, enjoyment, activity):.1f} of 10.")
            then()

        self.host.push_screen(ScoresModal("Pain's weight on your week", asks, skip_all=True), answered)

    def _impression(self, then: Callable[[], None]) -> None:
        from tui.engine.measures.impression import words
        from tui.screens.measures import ImpressionModal

        def answered(code: int | None) -> None:
            if code is None:
                self.store.measures.skip_measure("impression")
            else:
                self.store.measures.record_impression(code)
                self._said(f"Saved: {words(code)} since the start.")
            then()

        self.host.push_screen(ImpressionModal(), answered)

    # -- the goals screen's part (tui.screens.host.MeasuresPart) ------------------------------

    def open_goals(self, first: bool = False, then: Callable[[], None] | None = None) -> None:
        """The goals screen; `first`: offered after a routine, asks the first goal at once."""
        if self.store is None:
            self.host.notify("No history is kept, so goals cannot be saved.", severity="warning")
            return
        from tui.screens.goals import GoalsScreen

        self.host.push_screen(GoalsScreen(self, first), lambda _: then() if then is not None else None)

    def goals(self) -> tuple[Goal, ...]:
        """The current goals with their ratings (none without a store)."""
        return tuple(self.store.measures.goals()) if self.store is not None else ()

    def add_goal(self, text: str, rating: int | None) -> None:
        if len(self.goals()) >= psfs.MAX_GOALS:
            return
        self.store.measures.set_goal(text, rating)
        self._said("Saved: your goal" + (f", {rating} of 10 now." if rating is not None else "."))

    def change_goal(self, key: str, text: str, rating: int | None) -> None:
        self.store.measures.change_goal(key, text, rating)
        self._said("Saved: the goal changed; its ratings start again.")

    def retire_goal(self, key: str) -> None:
        self.store.measures.retire_goal(key)
        self._said("Saved: the goal is retired.")

    def rate_goals(self, ratings: Mapping[str, int]) -> None:
        self.store.measures.rate_goals(ratings)
        count = len(ratings)
        self._said(f"Saved: {count} goal rating{'s' if count != 1 else ''}.")

    def _said(self, saved: str) -> None:
        """`saved` once the rows are in the file; else that they wait, and why."""
        store = self.store
        if getattr(store, "pending", 0):
            why = getattr(store, "problem", None) or "history.db cannot be written"
            self.host.notify(f"Not saved yet: your answer waits ({why}); lumbar keeps trying.",
                             severity="warning", timeout=8)
        else:
            self.host.notify(saved, timeout=3)
