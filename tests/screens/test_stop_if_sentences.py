"""The safety screen's heading and each shipped stop_if item read as one sentence:
"Stop or ease off Knee to chest if" + "it hurts; ask a doctor ...". An item that is itself
an order ("Skip full sit-ups", "Stop if ...") or a bare noun ("Neck strain") does not."""

from __future__ import annotations

import pytest

#: First words that make an order, not a condition, after "... if".
ORDERS = {"stop", "skip", "avoid", "do", "don't", "never", "keep", "go", "ask", "see"}
#: A bare noun phrase ("Dizziness; ...", "Neck strain; ...") has no verb before its ";".
VERBS = ("hurts", "hurt", "feel", "makes", "runs", "spreads", "strains", "sags", "arches",
         "wobble", "hold", "find", "feels")


def items(routine):
    yield from routine.stop_if
    for exercise in routine.exercises:
        yield from exercise.stop_if


@pytest.mark.parametrize("key", ["breathing", "core-basics", "desk-break", "hip-flexor",
                                 "strengthening-trio", "walking-posture"])
def test_every_shipped_stop_if_item_is_a_condition(shipped, key):
    for item in items(shipped[key]):
        condition = item.split(";")[0].split(":")[0].lower()
        assert condition.split()[0] not in ORDERS, item
        assert any(f" {verb}" in f" {condition} " for verb in VERBS), item


def test_the_heading_leads_into_the_items():
    from tui.screens.advice import StopIfModal

    modal = StopIfModal("Knee to chest", ("It hurts.",))
    texts = [str(getattr(s, "_Static__content", s.render())) for s in modal.body()]
    assert "Stop or ease off Knee to chest if" in texts
