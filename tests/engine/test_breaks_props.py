"""Random days for the break schedule: whatever the user does and however often the shell
looks, nothing fires outside working hours, events come in time order, and the events do
not depend on how time was stepped."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.breaks import schedule as B
from tui.engine.events import BreakDue, BreakHeadsUp, BreakTaken, Event
from tui.engine.breaks.workhours import span_at, under_way

from .breakcase import BERLIN, NEW_YORK, Act, drive, schedule
from .factories import signatures

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Days around the 2026 daylight-saving changes, so random runs cross them often.
DAYS = [(BERLIN, date(2026, 3, 28)), (BERLIN, date(2026, 10, 24)),
        (NEW_YORK, date(2026, 3, 7)), (NEW_YORK, date(2026, 10, 31)),
        (BERLIN, date(2026, 6, 15))]
COMMANDS = ["snooze", "skip", "start_break", "end_break", "natural", "manual", "pause",
            "resume", "meeting", "suspend"]
SPAN = 3 * 86400.0


@st.composite
def days(draw: st.DrawFn) -> tuple[B.Schedule, float, list[Act]]:
    zone, day = draw(st.sampled_from(DAYS))
    start_h = draw(st.integers(0, 23))
    end_h = draw(st.integers(0, 23))
    weekdays = frozenset(draw(st.sets(st.integers(0, 6), min_size=1)))
    sch = schedule(zone, start=time(start_h), end=time(end_h), days=weekdays,
                   every=draw(st.sampled_from([60.0, 600.0, 1200.0])),
                   heads_up=draw(st.sampled_from([0.0, 30.0, 90.0])),
                   max_snoozes=draw(st.integers(0, 3)))
    t0 = datetime.combine(day, time(0), tzinfo=zone).timestamp()
    acts: list[Act] = []
    moments = sorted(draw(st.lists(st.floats(0, SPAN), max_size=40)))
    for i, dt in enumerate(moments):
        name = draw(st.sampled_from(COMMANDS))
        t = t0 + dt
        if name == "meeting":
            acts.append(Act(t, B.meeting, (t + draw(st.sampled_from([1800.0, 3600.0, 5400.0])),)))
        elif name == "suspend":
            # A sleep ends before the next command, as a sleeping machine takes none.
            room = (t0 + moments[i + 1] if i + 1 < len(moments) else t0 + SPAN) - t
            length = draw(st.floats(0, max(0.0, room)))
            acts.append(Act(t, B.suspended, (t + length,), asleep_until=t + length))
        elif name in ("natural", "manual"):
            acts.append(Act(t, B.break_taken, (name == "natural",)))
        else:
            acts.append(Act(t, getattr(B, name)))
    return sch, t0, acts


def _steps(t0: float, draw_gaps: list[float]) -> list[float]:
    out, t = [], t0
    for gap in draw_gaps:
        t += gap
        out.append(t)
    return out + [t0 + SPAN]


@FAST
@given(days(), st.lists(st.floats(0.01, 4000.0), max_size=200))
def test_nothing_fires_outside_working_hours_and_events_are_in_order(
        case: tuple[B.Schedule, float, list[Act]], gaps: list[float]) -> None:
    sch, t0, acts = case
    s, events = drive(B.start(sch, t0)[0], _steps(t0, gaps), acts)
    stamps = [e.at for e in events]
    assert stamps == sorted(stamps)
    for e in events:
        if isinstance(e, (BreakDue, BreakHeadsUp)):
            assert under_way(span_at(sch.hours, e.at), e.at), (type(e).__name__, e.at)
    _check_counts(events, s)


def _check_counts(events: list[Event], s: B.Breaks) -> None:
    last_day = B.view(s, s.clock).counts.day
    zone = s.schedule.hours.zone
    today = [e for e in events if datetime.fromtimestamp(e.at, zone).date() == last_day]
    c = B.view(s, s.clock).counts
    assert c.taken == sum(isinstance(e, BreakTaken) for e in today)
    assert c.natural == sum(isinstance(e, BreakTaken) and e.how in ("natural", "suspend")
                            for e in today)


@FAST
@given(days(), st.lists(st.floats(0.01, 4000.0), max_size=200))
def test_how_often_the_shell_looks_changes_nothing(
        case: tuple[B.Schedule, float, list[Act]], gaps: list[float]) -> None:
    sch, t0, acts = case
    one, big = drive(B.start(sch, t0)[0], [t0 + SPAN], acts)
    many, small = drive(B.start(sch, t0)[0], _steps(t0, gaps), acts)
    assert signatures(small) == signatures(big)
    assert many == one


@FAST
@given(days())
def test_snoozes_in_a_row_never_pass_the_limit(case: tuple[B.Schedule, float, list[Act]]) -> None:
    sch, t0, acts = case
    s = B.start(sch, t0)[0]
    for act in acts:
        s, _ = act.fn(s, act.moment, *act.args)
        assert 0 <= s.snoozes <= sch.max_snoozes
        assert s.due is None or s.due >= s.clock
    assert B.deadline(s) > s.clock


def test_the_strategy_dates_cross_a_change() -> None:
    for zone, day in DAYS[:4]:
        a = datetime.combine(day, time(12), tzinfo=zone).utcoffset()
        b = datetime.combine(day + timedelta(days=2), time(12), tzinfo=zone).utcoffset()
        assert a != b, (zone, day)


def test_zones_are_real_zoneinfo_zones() -> None:
    assert all(isinstance(z, ZoneInfo) for z, _ in DAYS)
