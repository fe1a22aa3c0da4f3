"""When the user was away from the desk: the machine asleep, or the session idle or locked.

Shared by the headless scheduler and the App, which both turn it into the schedule's
commands (`breaks.suspended`, `breaks.break_taken(natural=True)`).

Asleep: the real clock (CLOCK_BOOTTIME) keeps counting in a suspend and the monotonic
clock does not, so the real clock's gain over the monotonic one since the last look is
the time asleep, exactly; only its start is unknown (somewhere since the last look), unless
logind said when (`sleep(True, at)`, from PrepareForSleep). Idle or locked: logind's news
(tui/services/logind.py). No Textual; reads the two clocks it is given.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.services.clocks import boottime, monotonic

#: A gain of the real clock over the monotonic one at least this large is a suspend
#: (seconds). Both clocks tick from the same source while awake; only sleep parts them.
SLEPT = 1.0


class Away:
    """Keeps what is known of the user's absences until the shell asks.

    Args:
        real: the real clock (suspend included); every moment here is on it.
        mono: the monotonic clock (stands still in a suspend).
    """

    def __init__(self, real: Callable[[], float] = boottime,
                 mono: Callable[[], float] = monotonic) -> None:
        self.real, self.mono = real, mono
        self._skew = real() - mono()
        self.asleep_since: float | None = None
        """logind said the machine was going to sleep then; None once the sleep is known."""
        self.idle_since: float | None = None
        """The session is idle or locked since then (logind); None while the user is here."""

    def slept(self) -> tuple[float, float] | None:
        """The suspend since the last call, as (start, until) on the real clock, or None.

        `until - start` is the time asleep, exactly; `start` is logind's moment when it
        told, else taken as late as it can be (`until` = now: the wake came just now).
        """
        now = self.real()
        gain = (now - self.mono()) - self._skew
        if gain < SLEPT:
            return None
        self._skew += gain
        asleep, self.asleep_since = self.asleep_since, None
        start = asleep if asleep is not None else now - gain
        return start, start + gain

    def sleep(self, going: bool, at: float) -> None:
        """logind's PrepareForSleep: going to sleep at `at` (True), or awake again (False)."""
        if going:
            self.asleep_since = at

    def idle(self, away: bool, since: float) -> float | None:
        """logind's news of the session: away (idle or locked) since `since`, or back.

        Returns, when the user is back, how long they were away (seconds); else None.
        """
        if away:
            if self.idle_since is None:
                self.idle_since = since
            return None
        was, self.idle_since = self.idle_since, None
        return None if was is None else self.real() - was
