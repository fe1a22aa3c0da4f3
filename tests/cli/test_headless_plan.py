"""The plan's reminders in the headless scheduler: through the desktop notification server at
the planned time, silent on a rest day, snooze and skip recorded as the breaks' are."""

from __future__ import annotations

import io
import time
from datetime import datetime, timezone
from typing import Iterator

import pytest

from tui.cli.headless.runner import Runner
from tui.engine.breaks.state import Schedule
from tui.engine.breaks.workhours import Hours
from tui.services.breaks.keeper import BreakKeeper
from tui.services.notify import Notifier
from tui.services.plan_file import plan_path
from tui.services.plan_reminders import PlanKeeper
from tui.services.store import open_store

UTC = timezone.utc
MONDAY_NINE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).timestamp()  # a Monday
DAY = 24 * 3600.0
PLAN = """\
start: 2026-11-30
review: 2026-12-10
set_by: Sam Okafor
time: "09:30"
routines:
  - routine: core-basics
    days: [mon, wed]
"""


class Clocks:
    """Real and monotonic clocks starting Monday 09:00 UTC."""

    def __init__(self) -> None:
        self.real_t, self.mono_t = 1000.0, 50.0

    def real(self) -> float:
        return self.real_t

    def mono(self) -> float:
        return self.mono_t

    def advance(self, seconds: float) -> None:
        self.real_t += seconds
        self.mono_t += seconds

    def wall(self) -> datetime:
        return datetime.fromtimestamp(MONDAY_NINE + self.real_t - 1000.0, UTC)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The fake freedesktop notification server of the notify tests, with buttons."""
    pytest.importorskip("dbus_fast")
    from tests.services.notify.fake_server import FakeServer, Recorder, daemon_for

    for address in daemon_for(monkeypatch, "DBUS_SESSION_BUS_ADDRESS"):
        recorder = Recorder("ok", ("body", "actions"))
        fake = FakeServer(address, recorder)
        fake.start()
        try:
            yield recorder
        finally:
            fake.stop()


def wait_for(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


class Told(Notifier):
    """The real notifier, counting the sends whose outcome came back: a button pressed
    before the server's answer reached the channel would find no notification of ours."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.answered = 0

    def send(self, notice, on_outcome=None) -> None:
        def outcome(result) -> None:
            self.answered += 1
            if on_outcome is not None:
                on_outcome(result)

        super().send(notice, outcome)


def scheduler(tmp_path, text: str = PLAN):
    from tui.services.notify.freedesktop import FreedesktopChannel

    plan_path().parent.mkdir(parents=True, exist_ok=True)
    plan_path().write_text(text)
    clocks = Clocks()
    store = open_store(tmp_path / "history.db", wall=clocks.wall)
    notifier = Told([FreedesktopChannel(timeout=2.0)])
    schedule = Schedule(hours=Hours(days=frozenset(), zone=UTC))  # no desk breaks at all
    keeper = BreakKeeper(schedule, store=store, notifier=notifier, wall=clocks.wall)
    plan = PlanKeeper(store=store, notifier=notifier, wall=clocks.wall,
                      routines={"core-basics": "Core basics"}, zone=UTC)
    out = io.StringIO()
    runner = Runner(keeper, out=out, err=io.StringIO(), real=clocks.real, mono=clocks.mono, plan=plan)
    runner.begin()
    notifier.listen(runner.doors.pressed)
    return runner, clocks, store, notifier, server, out


def reminders(store) -> list[tuple[str, str, str | None]]:
    return [(r["routine"], r["what"], r["how"]) for r in store.rows() if r["kind"] == "reminder"]


def test_the_reminder_comes_at_the_planned_time_and_never_on_a_rest_day(tmp_path, server):
    runner, clocks, store, notifier, _, out = scheduler(tmp_path)
    try:
        assert out.getvalue().splitlines()[-1] == "09:00 reminding of the plan; next Core basics Mon 09:30"
        assert runner.plan.due == clocks.real_t + 1800  # the one deadline the timer gets
        clocks.advance(1799)
        runner.tick()
        time.sleep(0.3)
        assert server.calls == []
        clocks.advance(1)
        runner.tick()
        assert wait_for(lambda: len(server.calls) == 1)
        call = server.calls[0]
        assert call.summary == "Time for Core basics"
        assert call.body == "On your plan (set by Sam Okafor): mon wed at 09:30."
        assert call.actions == ["snooze", "Snooze 5 min", "skip", "Skip today"]
        assert out.getvalue().splitlines()[-1] == "09:30 Core basics reminded (plan)"
        # Tuesday is a rest day: the whole day passes without a word; the next is Wednesday's.
        clocks.advance(DAY)
        runner.tick()
        clocks.advance(DAY - 1)
        runner.tick()
        time.sleep(0.3)
        assert len(server.calls) == 1
        assert runner.plan.due == clocks.real_t + 1
        clocks.advance(1)
        runner.tick()
        assert wait_for(lambda: len(server.calls) == 2)
        assert reminders(store) == [("core-basics", "sent", None)] * 2
    finally:
        notifier.close()
        store.close()


def test_snooze_and_skip_from_the_buttons_are_recorded(tmp_path, server):
    runner, clocks, store, notifier, _, out = scheduler(tmp_path)
    try:
        clocks.advance(1800)
        runner.tick()
        assert wait_for(lambda: len(server.calls) == 1 and notifier.answered == 1)
        server.press(server.calls[0].id, "snooze")
        assert wait_for(lambda: ("core-basics", "snoozed", "notification") in reminders(store))
        assert wait_for(lambda: server.closed == [server.calls[0].id])  # answered: closed
        clocks.advance(300)
        runner.tick()
        assert wait_for(lambda: len(server.calls) == 2 and notifier.answered == 2)
        assert server.calls[1].actions == ["snooze", "Snooze 5 min", "skip", "Skip today"]
        server.press(server.calls[1].id, "skip")
        assert wait_for(lambda: reminders(store)[-1] == ("core-basics", "skipped", "notification"))
        assert reminders(store) == [("core-basics", "sent", None), ("core-basics", "snoozed", "notification"),
                                    ("core-basics", "sent", None), ("core-basics", "skipped", "notification")]
        # Skipped for today: nothing more until Wednesday.
        assert runner.plan.due == clocks.real_t - 300 - 1800 + 2 * DAY + 1800
    finally:
        notifier.close()
        store.close()


def test_a_routine_done_already_silences_it_and_the_review_is_announced(tmp_path, server):
    runner, clocks, store, notifier, _, out = scheduler(tmp_path)
    try:
        # Done in the morning (another lumbar, say): the 09:30 reminder never comes.
        store.end_session(store.begin_session("core-basics", "Core basics", 9), "finished")
        clocks.advance(1800)
        runner.tick()
        time.sleep(0.3)
        assert server.calls == []
        # Monday 7 December, 3 days before the review: announced once that day.
        clocks.advance(7 * DAY - 1800)
        runner.tick()
        clocks.advance(1800)
        runner.tick()
        assert wait_for(lambda: any(c.summary == "Plan review soon" for c in server.calls))
        review = next(c for c in server.calls if c.summary == "Plan review soon")
        assert review.body == "Review with Sam Okafor on Thu 10 Dec (in 3 days)"
        assert "plan review announced (Thu 10 Dec)" in out.getvalue()
    finally:
        notifier.close()
        store.close()
