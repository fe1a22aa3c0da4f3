"""When a score after a routine calls for the stop-if advice (tui/engine/pain.py `worse_after`)."""

from __future__ import annotations

import pytest

from tui.engine.pain import Worse, worse_after


@pytest.mark.parametrize("after, before, recent, expected", [
    # This routine's "before" score is the one compared with; a recent one does not matter.
    (5, 3, None, Worse(5, 3, False)),
    (4, 3, None, None),
    (10, 9, 0, None),
    (6, 4, 9, Worse(6, 4, False)),
    # No "before": the latest check-in of the last 24 hours stands in.
    (6, None, 4, Worse(6, 4, True)),
    (5, None, 4, None),
    (10, None, 9, None),
    # Neither: a high score on its own.
    (7, None, None, Worse(7, None, False)),
    (10, None, None, Worse(10, None, False)),
    (6, None, None, None),
    (0, None, None, None),
])
def test_worse_after(after: int, before: int | None, recent: int | None,
                     expected: Worse | None) -> None:
    assert worse_after(after, before, recent) == expected
