"""A second lumbar follows the holder's schedule through the store, and never prompts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.fakes import FakeStore
from tests.services.keeping import MONDAY_9, Clocks, keeper
from tui.services.breaks.follow import FOLLOW, REFRESH, BreakFollower
from tui.engine import activities as A
from tui.engine.breaks import schedule as B


def pair():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    store = FakeStore(wall=clocks.wall)
    holder = keeper(clocks, store)
    state, events = holder.begin(clocks.real)
    holder.handle(state, events)
    return clocks, store, holder, state, BreakFollower(keeper(clocks, store))


def test_it_shows_the_holders_countdown_and_counts():
    clocks, store, holder, state, follower = pair()
    clocks.real += 300
    state, events = B.advance(state, clocks.real)
    mine = follower.state(clocks.real)
    assert B.view(mine, clocks.real).remaining == pytest.approx(B.view(state, clocks.real).remaining)
    # The holder snoozes at the prompt: the follower sees it once it reads the store again.
    clocks.real += 15 * 60
    state, events = B.advance(state, clocks.real)
    state, more = B.snooze(state, clocks.real)
    holder.handle(state, events + more)
    assert follower.stale(mine, clocks.real)
    mine = follower.state(clocks.real)
    view = B.view(mine, clocks.real)
    assert view.remaining == pytest.approx(5 * 60) and view.counts.snoozed == 1
    assert not follower.stale(mine, clocks.real + 30)  # "5 min" still
    assert follower.stale(mine, clocks.real + REFRESH)


def test_the_follow_driver_never_gives_an_event_even_when_a_break_is_due():
    clocks, _, _, _, follower = pair()
    agg = A.add(A.Activities(), "breaks", FOLLOW, follower.state(clocks.real))
    agg, happened = A.advance(agg, A.Now(0.0, clocks.real + 3600))
    assert happened == ()
    assert A.view(agg, "breaks", A.Now(0.0, clocks.real + 3600)).status == "due"


def test_following_writes_nothing():
    clocks, store, _, _, follower = pair()
    rows, saves = list(store.breaks), store.break_saves
    clocks.real += 3600
    follower.state(clocks.real)  # a break found due: the holder's to prompt
    assert store.breaks == rows and store.break_saves == saves


def test_it_reads_the_store_again_at_least_once_a_minute_and_every_few_seconds_while_due():
    from tui.services.breaks.follow import DUE_REFRESH

    clocks, _, _, _, follower = pair()
    mine = follower.state(clocks.real)
    assert FOLLOW.deadline(mine) == pytest.approx(clocks.real + REFRESH)
    clocks.real += 3600  # the holder's break is due (its prompt open there)
    due = follower.state(clocks.real)
    assert due.prompt and FOLLOW.deadline(due) == pytest.approx(clocks.real + DUE_REFRESH)
    assert not follower.stale(due, clocks.real + 1) and follower.stale(due, clocks.real + 5)


def test_it_counts_down_the_holders_interval_not_its_own():
    clocks = Clocks(MONDAY_9 + timedelta(minutes=5))
    store = FakeStore(wall=clocks.wall)
    holder = keeper(clocks, store)
    holder.schedule = B.Schedule(every=60.0, hours=holder.schedule.hours)  # `--every 1m` there
    state, events = holder.begin(clocks.real)
    holder.handle(state, events)
    follower = BreakFollower(keeper(clocks, store))  # 20 minutes here
    clocks.real += 10
    assert B.view(follower.state(clocks.real), clocks.real).remaining == pytest.approx(50)


def test_a_moment_a_hair_before_the_minute_reads_as_that_minute():
    from datetime import datetime, timedelta

    from tui.engine.breaks.words import at_text

    now = datetime(2026, 11, 30, 17, 20)
    assert at_text(datetime(2026, 11, 30, 17, 40) - timedelta(milliseconds=20), now) == "17:40"
    assert at_text(datetime(2026, 11, 30, 17, 39, 30), now) == "17:39"
