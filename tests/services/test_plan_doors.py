"""The plan's reminder on the doors' socket: the scheduler's news, a door's answer and its
refusals, and doors older than the reminders left undisturbed."""

from __future__ import annotations

import asyncio
import sys
from datetime import date, datetime, time, timezone

import pytest

from tui.engine.plan import schedule as S
from tui.engine.plan.model import Entry, Plan
from tui.services import plan_doors
from tui.services.breaks.door import DoorClient, DoorServer

UTC = timezone.utc
MON = date(2026, 11, 30)
NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).timestamp()
CORE = Entry("core-basics", frozenset({0, 2}), 0, time(9, 30))


def due(max_snoozes: int = 2) -> S.PlanReminders:
    """Monday 09:30, the reminder open (real clock = UTC epoch, offset 0)."""
    state = S.start(Plan((CORE,), MON, note="Ease off."), NINE, 0.0, UTC, max_snoozes=max_snoozes)
    state, events = S.advance(state, NINE + 1800)
    assert [type(e).__name__ for e in events] == ["ReminderDue"]
    return state


def test_the_open_reminder_is_told_worded_and_an_earlier_days_is_not() -> None:
    state = due()
    assert plan_doors.shown(state, NINE + 1800, {"core-basics": "Core basics"}.get) == {
        "routine": "core-basics", "day": "2026-11-30", "title": "Time for Core basics",
        "body": "On your plan: mon wed at 09:30.", "note": "Ease off.", "snoozes_left": 2}
    assert plan_doors.shown(state, NINE + 15 * 3600 + 1) is None  # left open past midnight
    assert plan_doors.news(None, NINE) == {"changed": True, "reminder": None}


def test_a_doors_answer_applies_to_the_reminder_it_names_and_says_why_not() -> None:
    state = due(max_snoozes=1)
    now = NINE + 1810
    assert plan_doors.apply(None, now, {"what": "started"})[2].say == \
        "No plan is in use: there is no reminder to answer."
    assert plan_doors.apply(state, now, {"what": "done", "routine": "core-basics"})[2].say == \
        "Unknown answer 'done': expected one of started, snoozed, skipped."
    assert plan_doors.apply(state, now, {"what": "skipped", "routine": "walk"})[2].say == \
        "That reminder was answered already."
    new, events, answer = plan_doors.apply(state, now, {"what": "snoozed", "routine": "core-basics"})
    assert answer.ok and new.open is None and plan_doors.touches(events)
    new, _ = S.advance(new, now + S.SNOOZE)  # due again: no snoozes left in a row
    assert plan_doors.shown(new, now + S.SNOOZE)["snoozes_left"] == 0
    kept, events, answer = plan_doors.apply(new, now + S.SNOOZE, {"what": "snoozed", "routine": "core-basics"})
    assert answer.say == "No snoozes left in a row: start it or skip it today."
    assert kept.open is not None and not plan_doors.touches(events)


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_reminder_news_reaches_new_doors_and_old_ones_take_it_for_the_schedules(tmp_path) -> None:
    async def run() -> None:
        shown = {"routine": "core-basics", "title": "Time for Core basics"}
        server = DoorServer(tmp_path / "breaks.sock", lambda do, args, door: {"ok": True, "say": do},
                            greet=lambda: {"changed": True, "reminder": shown})
        await server.start()
        heard: list = []
        changes: list = []
        new = DoorClient(tmp_path / "breaks.sock", lambda: changes.append("new"), reminder=heard.append)
        old = DoorClient(tmp_path / "breaks.sock", lambda: changes.append("old"))  # no reminders
        assert await new.connect() and await old.connect()
        while len(server.doors) < 2:  # both accepted (and greeted) on the server's side
            await asyncio.sleep(0.01)
        server.say({"changed": True, "reminder": None})
        # The news is never taken for an answer: each request gets its own.
        assert await new.request("snooze") == {"ok": True, "say": "snooze"}
        assert await old.request("skip") == {"ok": True, "say": "skip"}
        assert heard == [shown, None]  # greeted with the open one, then it closed
        assert changes == ["old", "old"]
        new.close()
        old.close()
        server.close()

    asyncio.run(run())
