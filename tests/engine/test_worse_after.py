"""When a score after a routine calls for the stop-if advice (tui/engine/care/pain.py `worse_after`)."""

from __future__ import annotations

import pytest

from tui.engine.care.pain import Worse, worse_after


@pytest.mark.parametrize("after, before, recent, expected", [
    # This routine's "before" score is the one compared with; a recent one does not matter.
    (5, 3, None, Worse(5, 3, False)),
    (4, 3, None, None),
    (6, 4, 9, Worse(6, 4, False)),
    # 8 or more shows the advice whatever came before: 10 after a 9 is not "no change".
    (10, 9, 0, Worse(10, 9, False)),
    (8, 8, None, Worse(8, 8, False)),
    (7, 6, None, None),
    # A rise that ends at 3 or less is ordinary soreness: the mild note, not the doctor list.
    (2, 0, None, Worse(2, 0, False, mild=True)),
    (3, 1, None, Worse(3, 1, False, mild=True)),
    (4, 2, None, Worse(4, 2, False)),
    # No "before": the latest check-in of the last 24 hours stands in.
    (6, None, 4, Worse(6, 4, True)),
    (5, None, 4, None),
    (10, None, 9, Worse(10, 9, True)),
    (3, None, 0, Worse(3, 0, True, mild=True)),
    # Neither: a high score on its own.
    (8, None, None, Worse(8, None, False)),
    (10, None, None, Worse(10, None, False)),
    (7, None, None, None),
    (0, None, None, None),
])
def test_worse_after(after: int, before: int | None, recent: int | None,
                     expected: Worse | None) -> None:
    assert worse_after(after, before, recent) == expected
