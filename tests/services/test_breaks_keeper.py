"""The break keeper: begin (from nothing, from a saved state), rows, notices, the saved state.

Real clock and wall clock: the real clock starts at 1000 s, the wall clock at Monday
30 November 2026 09:00 Berlin, both moving together (`Clocks`).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.fakes import FakeStore
from tests.services.keeping import MONDAY_9, Clocks, keeper
from tui.services.breaks.keeper import BreakKeeper
from tui.engine.breaks import schedule as B
from tui.engine.events import BreakDue, BreakHeadsUp, BreakSkipped, BreakSnoozed, BreakTaken, MeetingEnded
from tui.services.notify import Notice

class Sent:
    """A notifier that keeps what it was asked to send."""

    def __init__(self, fail: bool = False) -> None:
        self.notices: list[Notice] = []
        self.withdrawn: list[str] = []
        self.fail = fail

    def withdraw(self, key: str) -> None:
        self.withdrawn.append(key)

    def send(self, notice: Notice, on_outcome=None) -> None:
        if self.fail:
            raise RuntimeError("no bus")
        self.notices.append(notice)


def test_begin_from_nothing_is_a_new_schedule_one_interval_ahead():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    k = keeper(clocks, FakeStore(wall=clocks.wall))
    state, events = k.begin(clocks.real)
    assert events == ()
    assert state.due == pytest.approx(clocks.real + 20 * 60)
    assert state.offset == pytest.approx(clocks.wall().timestamp() - clocks.real)
    assert state.counts.taken == 0


def test_begin_without_a_store_works_too():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    state, events = keeper(clocks).begin(clocks.real)
    assert state.due == pytest.approx(clocks.real + 20 * 60) and events == ()


def test_a_saved_state_brings_back_the_next_break_snoozes_and_todays_counts():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=30))
    store = FakeStore(wall=clocks.wall)
    store.record_break("taken", "routine")
    store.record_break("taken", "natural")
    store.record_break("snoozed")
    store.record_break("meeting", None, 1800.0)
    nine_40 = (MONDAY_9 + timedelta(minutes=40)).timestamp()
    store.save_break_state({"next_break": nine_40, "snoozes": 1, "paused_left": None,
                            "meeting_ends": None, "every": 1200.0, "pid": 1, "saved": 0})
    state, events = keeper(clocks, store).begin(clocks.real)
    assert events == ()
    assert state.due == pytest.approx(clocks.real + 10 * 60)
    assert state.snoozes == 1
    c = state.counts
    assert (c.taken, c.natural, c.snoozed, c.skipped, c.meeting) == (2, 1, 1, 0, 1800.0)


def test_a_break_that_came_while_lumbar_was_closed_is_due_at_once():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=50))
    store = FakeStore(wall=clocks.wall)
    store.save_break_state({"next_break": (MONDAY_9 + timedelta(minutes=40)).timestamp(),
                            "snoozes": 2})
    state, events = keeper(clocks, store).begin(clocks.real)
    assert [type(e) for e in events] == [BreakDue]
    assert events[0].snoozes_left == 0  # two in a row were already used
    assert state.prompt


def test_a_state_saved_yesterday_is_not_brought_back():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    store = FakeStore(wall=clocks.wall)
    store.save_break_state({"next_break": (MONDAY_9 - timedelta(days=1, minutes=-2)).timestamp(),
                            "snoozes": 2})
    state, events = keeper(clocks, store).begin(clocks.real)
    assert events == () and state.snoozes == 0
    assert state.due == pytest.approx(clocks.real + 20 * 60)


def test_a_pause_and_a_meeting_go_on_after_a_restart():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=30))
    store = FakeStore(wall=clocks.wall)
    store.save_break_state({"paused_left": 300.0})
    state, _ = keeper(clocks, store).begin(clocks.real)
    assert state.hold == "pause" and state.left == 300.0
    ends = (MONDAY_9 + timedelta(minutes=60)).timestamp()
    store.save_break_state({"meeting_ends": ends, "next_break": ends + 300})
    state, _ = keeper(clocks, store).begin(clocks.real)
    assert state.hold == "meeting"
    assert state.hold_until == pytest.approx(clocks.real + 30 * 60)


@pytest.mark.parametrize("broken", [{"next_break": "soon", "snoozes": None}, {"every": [1]}])
def test_a_saved_state_in_an_odd_shape_is_ignored(broken):
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    store = FakeStore(wall=clocks.wall)
    store.save_break_state(broken)
    state, events = keeper(clocks, store).begin(clocks.real)
    assert events == () and state.due == pytest.approx(clocks.real + 20 * 60)


def test_handle_writes_one_row_per_break_snooze_skip_and_meeting():
    clocks = Clocks()
    store = FakeStore(wall=clocks.wall)
    k = keeper(clocks, store)
    state, _ = k.begin(clocks.real)
    events = (BreakTaken(1.0, "routine"), BreakTaken(2.0, "suspend"), BreakSnoozed(3.0, 300.0, 1),
              BreakSkipped(4.0), MeetingEnded(5.0, 1800.0, False), BreakHeadsUp(6.0, 36.0))
    k.handle(state, events)
    assert [b[:3] for b in store.breaks] == [
        ("taken", "routine", None), ("taken", "suspend", None), ("snoozed", None, None),
        ("skipped", "prompt", None), ("meeting", None, 1800.0)]
    today = store.breaks_today()
    assert today == {"taken": 2, "natural": 1, "snoozed": 1, "skipped": 1, "through": 0,
                     "meeting": 1800.0}


def test_heads_up_and_due_notices_say_what_to_do():
    clocks = Clocks()
    sent = Sent()
    k = keeper(clocks, notifier=sent, snooze=300)
    state, _ = k.begin(clocks.real)
    k.handle(state, (BreakHeadsUp(10.0, 40.0), BreakDue(40.0, 2), BreakDue(41.0, 0)))
    heads_up, due, last = sent.notices
    assert heads_up.urgency == "normal" and "30 seconds" in heads_up.body
    assert due.urgency == "critical"
    assert "stand" in (due.title + due.body).lower() and "back" in due.body
    assert "snooze 5 min" in due.full_body and "skip" in due.full_body
    assert "snooze 5" not in last.full_body and "no more snoozes" in last.full_body
    assert heads_up.key == due.key == last.key == "break"  # the due replaces its heads-up
    assert [a for a, _ in due.actions] == ["start", "snooze", "skip"]
    assert [a for a, _ in last.actions] == ["start", "skip"]  # no snooze button when none is left


def due_and_notified() -> tuple[BreakKeeper, Sent, B.Breaks]:
    """A keeper whose break just came due and was notified."""
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    sent = Sent()
    k = keeper(clocks, FakeStore(wall=clocks.wall), sent)
    state, _ = k.begin(clocks.real)
    state, events = B.advance(state, state.due)
    k.handle(state, events)
    return k, sent, state


def test_the_notification_is_closed_once_the_break_is_answered():
    k, sent, state = due_and_notified()
    assert [n.title for n in sent.notices][-1] == "Time to stand up and stretch"
    assert sent.withdrawn == []
    k.handle(state, ())  # still due: it stays
    assert sent.withdrawn == []
    state, events = B.snooze(state, state.clock + 5)
    k.handle(state, events)
    assert sent.withdrawn == ["break"]
    k.handle(state, ())  # nothing new on the desktop: nothing more to close
    assert sent.withdrawn == ["break"]


def test_handle_never_raises_and_still_saves_when_the_notifier_fails():
    clocks = Clocks()
    store = FakeStore(wall=clocks.wall)
    k = keeper(clocks, store, Sent(fail=True))
    state, _ = k.begin(clocks.real)
    k.handle(state, (BreakDue(1.0, 2), BreakSkipped(2.0)))
    assert [b[0] for b in store.breaks] == ["skipped"]
    assert store.break_state() is not None


def test_handle_saves_only_when_the_saved_state_changes():
    clocks = Clocks()
    store = FakeStore(wall=clocks.wall)
    k = keeper(clocks, store)
    state, _ = k.begin(clocks.real)
    for step in range(1, 60):  # a countdown: the next break stays where it is
        state, events = B.advance(state, clocks.real + step)
        k.handle(state, events)
    assert store.break_saves == 1
    state, events = B.pause(state, clocks.real + 61)
    k.handle(state, events)
    assert store.break_saves == 2 and store.break_state()["paused_left"] is not None


def test_saved_shapes():
    clocks = Clocks()
    k = keeper(clocks)
    s, _ = k.begin(clocks.real)
    o = s.offset
    saved = k.saved(s)
    assert set(saved) == {"next_break", "snoozes", "in_break", "paused_left", "meeting_ends", "every", "pid",
                          "saved"}
    assert saved["next_break"] == pytest.approx(s.due + o)
    assert saved["every"] == 1200.0 and saved["snoozes"] == 0 and saved["saved"] == pytest.approx(s.clock + o)
    assert saved["paused_left"] is None and saved["meeting_ends"] is None
    # The prompt open: due now. Snoozed: the snooze's end and the row.
    due, _ = B.advance(s, s.due)
    assert k.saved(due)["next_break"] == pytest.approx(due.clock + o)
    snoozed, _ = B.snooze(due, due.clock)
    assert k.saved(snoozed)["next_break"] == pytest.approx(due.clock + 300 + o)
    assert k.saved(snoozed)["snoozes"] == 1
    # Paused: the work left, no next break.
    paused, _ = B.pause(s, s.clock + 200)
    assert k.saved(paused)["paused_left"] == pytest.approx(1000.0)
    assert k.saved(paused)["next_break"] is None
    # A meeting: its end, and the next break the work left after it.
    met, _ = B.meeting(s, s.clock + 200, s.clock + 200 + 1800)
    assert k.saved(met)["meeting_ends"] == pytest.approx(s.clock + 2000 + o)
    assert k.saved(met)["next_break"] == pytest.approx(s.clock + 2000 + 1000 + o)
    # In a routine: nothing to keep, the interval starts again after it.
    inside, _ = B.start_break(s, s.clock + 10)
    assert k.saved(inside)["next_break"] is None and k.saved(inside)["in_break"] is True


def test_a_saved_state_round_trips_through_begin():
    clocks = Clocks()
    store = FakeStore(wall=clocks.wall)
    k = keeper(clocks, store)
    state, _ = k.begin(clocks.real)
    state, events = B.advance(state, state.due)
    state, more = B.snooze(state, state.clock)
    k.handle(state, events + more)
    clocks.real = state.clock + 60  # lumbar closed and opened a minute later
    again, events = keeper(clocks, store).begin(clocks.real)
    assert events == ()
    assert again.due == pytest.approx(clocks.real + 240)
    assert again.snoozes == 1 and again.counts.snoozed == 1


def test_a_store_without_the_break_methods_still_runs_the_schedule():
    class Older:
        """A store from before the breaks table."""

    clocks = Clocks()
    k = keeper(clocks, Older(), Sent())
    state, events = k.begin(clocks.real)
    assert events == () and state.due == pytest.approx(clocks.real + 1200)
    k.handle(state, (BreakSkipped(1.0), BreakDue(2.0, 2)))
    assert len(k.notifier.notices) == 1


def test_the_end_of_working_hours_closes_the_notification():
    k, sent, state = due_and_notified()
    state, events = B.set_offset(state, state.clock + 5, state.offset + 9 * 3600.0)
    k.handle(state, events)
    assert sent.withdrawn == ["break"]
