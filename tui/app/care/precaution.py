"""Before the first ice or heat of an episode: one yes/no about who should ask a health
professional first (tui.screens.care_ask.PrecautionModal), recorded with the choice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from tui.app.care.controller import CareController


def ask_first(care: CareController, kind: str, go: Callable[[], None], cancelled: Callable[[], None]) -> None:
    """Run `go` once the precaution for `kind` is answered for this episode (at once when it
    was, when the app does not ask, or without a store); `cancelled` on "not now" or when
    the person chose to ask first."""
    store = care.store
    if store is None or not care.limits.asks_precaution:
        go()
        return
    from tui.screens.care_ask import PrecautionModal
    from tui.services.store.writes import stamp

    started = care.episode()
    episode = stamp(started)[0] if started else None
    if store.precaution_asked(kind, episode):
        go()
        return

    def answered(result: tuple[bool, str | None] | None) -> None:
        if result is None:
            cancelled()
            return
        yes, choice = result
        store.record_precaution(kind, episode, yes, choice)
        if choice == "stopped":
            cancelled()
        else:
            go()

    care.host.push_screen(PrecautionModal(kind), answered)
