"""A clock the tests (and demos) move by hand."""

from __future__ import annotations


class FakeClock:
    """Callable like `time.monotonic`; time moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        """Args:
            start: the first reading, in seconds (not zero, so a forgotten offset shows).
        """
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        """Move time on by ``seconds``; returns the new time (seconds)."""
        self.now += seconds
        return self.now
