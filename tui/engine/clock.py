"""A clock the tests (and demos) move by hand."""

from __future__ import annotations


class FakeClock:
    """Callable like `time.monotonic`; time moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now
