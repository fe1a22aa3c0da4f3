"""A fixed four weeks of use, on a moved wall clock, for the report's golden files.

    .venv/bin/python -m tests.fourweeks [DATA_DIR] [--html]

Monday 2 to Sunday 29 March 2026, at UTC+1 all month (a fixed offset, so no clock change):
core basics four evenings a week at the dose lumbar decides (it grows on "too easy"), a
check-in before and after each with the pain easing from 6 to 3, one routine left half-way
with a step skipped and one made easier, desk breaks on weekday mornings (one routine
interrupted), three ice and heat applications (one stopped early, one taken off late), the
red-flag check at the start and again after a flare (a yes, and the person went on), and
the precaution before heat answered yes. Three goals set after the first routine and
re-rated each week, a point better each time (one reworded in week three), a PEG each
week, the global impression skipped in week three and "much better" in week four, and a plan set on the
first day (core basics Monday, Wednesday and Friday, the desk break any two days). Everything goes through the
store's own calls, as
the app makes them. Then the report of the four weeks, printed (Markdown, or HTML).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tui.engine.routine.plan import plan
from tui.services.loader import load_routine
from tui.services.store import StepRecord, open_store
from tui.services.store.dosing import Dosing
from tui.services.store.writes import stamp

ROOT = Path(__file__).resolve().parent.parent
ZONE = timezone(timedelta(hours=1))
FIRST_DAY = date(2026, 3, 2)
TODAY = date(2026, 3, 29)
#: Days (0 = Monday 2 March) with core basics in the evening.
CORE_DAYS = (0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 18, 19, 21, 23, 25, 26)
LEFT_DAY = 9
HARD_DAY = 16
FLARE_DAY = 15


class Wall:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, day: int, hour: int, minute: int = 0) -> None:
        self.now = datetime.combine(FIRST_DAY + timedelta(days=day), datetime.min.time(),
                                    tzinfo=ZONE) + timedelta(hours=hour, minutes=minute)


def catalog() -> dict:
    """The two routines the four weeks use, as their files read (the report's prescribed
    doses come from them)."""
    return {r.key: r for r in (load_routine(ROOT / "sessions" / "core-basics.yaml"),
                               load_routine(ROOT / "sessions" / "desk-break.yaml"))}


def pain_on(day: int) -> int:
    """Before-routine pain: 6 in the first week, easing to 3 by the last; 7 on the flare."""
    return 7 if day == FLARE_DAY else 6 - day // 7


def fill(data: Path):
    """Write the four weeks into data/history.db; returns the open store (its wall at the
    evening of the last day)."""
    routines = catalog()
    core, desk = routines["core-basics"], routines["desk-break"]
    wall = Wall(datetime(2026, 3, 2, 7, 30, tzinfo=ZONE))
    store = open_store(data / "history.db", wall=wall)
    dosing = Dosing(store)
    store.record_red_flags("first", {})
    wall.at(0, 8, 0)
    store.set_episode(datetime(2026, 2, 27, 9, 0, tzinfo=ZONE))
    episode = stamp(datetime(2026, 2, 27, 9, 0, tzinfo=ZONE))[0]
    for day in range(28):
        weekday = (FIRST_DAY + timedelta(days=day)).weekday()
        if weekday < 5:
            _breaks(store, wall, day)
        if weekday < 5 and day % 3 == 0:
            _desk(store, wall, desk, day)
        if day == FLARE_DAY:
            wall.at(day, 12, 5)
            store.add_checkin(7, "alone")
            store.record_red_flags("flare", {"night": True}, "went on")
        if day in (1, 5, 12):
            _care(store, wall, day, episode)
        if day in CORE_DAYS:
            _core(store, wall, dosing, core, day)
        if day in CORE_DAYS and day != LEFT_DAY:
            _measures(store, wall, day)
        if day % 7 == 6 and day not in CORE_DAYS:
            wall.at(day, 10, 0)
            store.add_checkin(max(pain_on(day) - 1, 0), "alone")
    wall.at(27, 21, 0)
    return store


def _core(store, wall: Wall, dosing: Dosing, routine, day: int) -> None:
    wall.at(day, 18, 30)
    before = pain_on(day)
    levels = dosing.start(routine, before)
    timeline = plan(routine, levels=levels)
    work = [(i, s) for i, s in enumerate(timeline.steps) if s.kind.is_work]
    sid = store.begin_session(routine.key, routine.name, len(work))
    dosing.begun(sid)
    store.add_checkin(before, "before", sid)
    stop = len(work) // 2 if day == LEFT_DAY else len(work)
    for n, (index, step) in enumerate(work[:stop]):
        wall.now += timedelta(seconds=step.planned + 20)
        outcome = "skipped" if (day == LEFT_DAY and n == 3) else "easier" if (day == LEFT_DAY and n == 5) else "done"
        unit = "breaths" if step.breaths is not None else "reps" if step.reps is not None else "seconds"
        count = step.breaths if step.breaths is not None else step.reps
        store.record_step(sid, StepRecord(index, step.title, step.side, step.set_no, step.round_no,
                                          step.planned, 0.0 if outcome == "skipped" else step.planned,
                                          unit, count, count, outcome))
    store.end_session(sid, "left" if day == LEFT_DAY else "finished")
    if day != LEFT_DAY:
        store.add_checkin(max(before - 1, 0), "after", sid)
        dosing.answer("hard" if day == HARD_DAY else "easy")


#: (goal, first rating): each gains a point a week; the second is reworded in week three.
GOALS = (("Sit through a one-hour meeting", 3), ("Lift my son into the car seat", 2),
         ("Walk to the station without stopping", 5))


def _measures(store, wall: Wall, day: int) -> None:
    """After the first routine: three goals; then at the first routine of each week the
    ratings and the PEG; the impression skipped in week three, answered in week four."""
    wall.now += timedelta(minutes=2)
    week = day // 7
    if day == 0:
        for text, rating in GOALS:
            store.measures.set_goal(text, rating)
    elif day == min(d for d in CORE_DAYS if d // 7 == week):
        goals = store.measures.goals()
        if week == 2:
            store.measures.change_goal(goals[1].key, "Lift my son into the car seat and out", 4)
            goals = store.measures.goals()
        store.measures.rate_goals({g.key: min(10, g.ratings[-1].score + 1) for g in goals if g.ratings})
    else:
        return
    store.measures.record_peg(7 - week, 6 - week, 6 - week)
    if week == 2:
        store.measures.skip_measure("impression")
    elif week == 3:
        store.measures.record_impression(2)  # much better


def _desk(store, wall: Wall, routine, day: int) -> None:
    wall.at(day, 11, 0)
    timeline = plan(routine)
    work = [(i, s) for i, s in enumerate(timeline.steps) if s.kind.is_work]
    sid = store.begin_session(routine.key, routine.name, len(work))
    stop = 2 if day == 21 else len(work)  # lumbar closed part-way once
    for index, step in work[:stop]:
        wall.now += timedelta(seconds=step.planned + 5)
        unit = "breaths" if step.breaths is not None else "reps" if step.reps is not None else "seconds"
        count = step.breaths if step.breaths is not None else step.reps
        store.record_step(sid, StepRecord(index, step.title, step.side, step.set_no, step.round_no,
                                          step.planned, step.planned, unit, count, count, "done"))
    store.end_session(sid, "interrupted" if day == 21 else "finished")


def _breaks(store, wall: Wall, day: int) -> None:
    for k, (what, how, seconds) in enumerate((("taken", "routine", None), ("snoozed", None, None),
                                              ("taken", "natural", None), ("skipped", "prompt", None),
                                              ("meeting", None, 2700.0 if day % 2 else 1800.0))):
        wall.at(day, 9, 20 * k)
        store.record_break(what, how, seconds)


def _care(store, wall: Wall, day: int, episode: str) -> None:
    kind, planned, on, outcome, reason = {
        1: ("ice", 15, 18, "finished", None),  # taken off 3 minutes after the alarm
        5: ("heat", 15, 6, "stopped", "too hot"),
        12: ("heat", 20, 20, "finished", None),
    }[day]
    wall.at(day, 20, 15)
    if day == 5:
        store.record_precaution("heat", episode, True, "went on")
    application = store.begin_application(kind, planned * 60.0, 1200.0, episode)
    wall.now += timedelta(minutes=on)
    store.end_application(application, outcome, reason)


#: The plan set on the first day: core basics three fixed days, the desk break any two.
PLAN = """lumbar: 1
start: 2026-03-02
review: 2026-04-06
set_by: Sam Okafor, physiotherapist
note: Ease off if the leg pain comes back.
time: "18:00"
routines:
  - routine: core-basics
    days: [mon, wed, fri]
  - routine: desk-break
    days: 2
    time: "11:00"
"""


def report(data: Path, fmt: str = "markdown") -> str:
    """The four weeks' report in `fmt`, as `lumbar report --since 2026-03-02` on the 29th
    would write it with only these two routines installed."""
    from tui.cli.report import measures, plan
    from tui.cli.report.main import render

    store = fill(data)
    path = data / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    try:
        since = FIRST_DAY
        return render(store.rows(since, TODAY), store.two_week(TODAY, quiet=False), since, TODAY,
                      catalog(), TODAY, ZONE, fmt, measures.read(store, since, TODAY),
                      plan.read(store, since, TODAY, catalog(), path))
    finally:
        store.close()


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="lumbar-fourweeks-"))
    for name in ("CONFIG", "CACHE"):
        os.environ.setdefault(f"LUMBAR_{name}_DIR", str(data / name.lower()))
    sys.stdout.write(report(data, "html" if "--html" in sys.argv else "markdown"))
    print(f"history: {data / 'history.db'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
