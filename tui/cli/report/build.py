"""The report's model (tui/cli/report/model.py) from the period's rows, in one pass over them.

`rows` are export rows (tui.services.store.Store.rows for the period: every row that can be
filed on its days, the steps and answers of its sessions, and each exercise's dose from
before it). Each row counts on the day it is filed under for the user now
(tui/services/store/filing.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any

from tui.cli.report import breaks, doses
from tui.cli.report.model import (Amount, Application, ExerciseRow, PainWeek, Precaution,
                                  RedFlagLine, Report, RoutineBlock, SessionLine)
from tui.cli.report.prescribed import Prescriber, dose_words, recorded
from tui.engine.care import pain, redflags
from tui.engine.care.pain import TwoWeekState
from tui.engine.progress.progression import Level
from tui.engine.routine.model import Routine
from tui.engine.routine.plan import plan
from tui.services.store.filing import filed_day


def build(rows: list[dict[str, Any]], since: date, until: date, catalog: Mapping[str, Routine],
          two_week: TwoWeekState | None, today: date, zone: tzinfo) -> Report:
    """The report of since..until (local dates, both included).

    today: the user's date now, which decides which rows are re-read in `zone` (the user's
    zone now); two_week: the rule's state on `until` (Store.two_week(until, quiet=False)).
    """
    sessions: dict[int, dict[str, Any]] = {}
    session_day: dict[int, date] = {}
    steps: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
    checkins: list[tuple[date, int, str]] = []
    pain_of: dict[tuple[int, str], int] = {}
    leg_of: dict[tuple[int, str], int | None] = {}
    applications: list[Application] = []
    precautions: list[Precaution] = []
    red: list[RedFlagLine] = []
    dose_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    break_rows: list[tuple[date, dict[str, Any]]] = []
    for row in rows:
        kind = row["kind"]
        if kind == "step":
            steps[row["session"]].append(row)
            continue
        if kind == "dose":
            dose_rows.append(row)  # older ones carry a dose into the period
            continue
        if kind == "answer":
            answer_rows.append(row)
            continue
        if kind == "exercise_answer" or kind == "easier":
            continue
        day = filed_day(row["at"], today, zone)
        if not since <= day <= until:
            continue
        if kind == "session":
            sessions[row["id"]] = row
            session_day[row["id"]] = day
        elif kind == "checkin":
            checkins.append((day, row["score"], row["moment"]))
            if row["session"] is not None:
                pain_of[row["session"], row["moment"]] = row["score"]  # the latest counts
                leg_of[row["session"], row["moment"]] = row.get("leg")  # with its own leg score
        elif kind == "application":
            applications.append(_application(row, day))
        elif kind == "precaution":
            if row["answer"] == "yes":
                precautions.append(Precaution(day, row["treatment"], row["choice"] == "went on"))
        elif kind == "red_flags":
            yes = tuple(q.label for q in redflags.QUESTIONS if row.get(q.key) == "yes")
            red.append(RedFlagLine(f"{day.isoformat()} {row['at'][11:16]}", row["trigger"],
                                   row["outcome"], yes, row["choice"]))
        elif kind == "break":
            break_rows.append((day, row))
    levels = _levels_by_session(sessions, dose_rows)
    prescriber = Prescriber(catalog)
    log: list[SessionLine] = []
    per_routine: dict[str, list[int]] = {}
    for sid, row in sessions.items():
        per_routine.setdefault(row["routine"], []).append(sid)
        amounts = prescriber.amounts(row["routine"], levels.get(sid, {}))
        done = sum(1 for s in steps.get(sid, ()) if s["outcome"] == "done")
        log.append(SessionLine(
            session_day[sid], row["at"][11:16], row["routine_name"], row["outcome"] or "running",
            _minutes(row["at"], row["ended"]), done,
            sum(a.sets for a in amounts.values()) if amounts is not None else None,
            pain_of.get((sid, "before")), pain_of.get((sid, "after")),
            leg_of.get((sid, "before")), leg_of.get((sid, "after"))))
    blocks = [_routine(key, ids, sessions, steps, levels, catalog, prescriber)
              for key, ids in per_routine.items()]
    blocks.sort(key=lambda b: (-b.sessions, b.key))
    idle = tuple(sorted(r.name for k, r in catalog.items() if k not in per_routine))
    means = pain.weekly_means(checkins, until, (pain.monday(until) - pain.monday(since)).days // 7 + 1)
    counts = Counter(pain.monday(d) for d, _, _ in checkins)
    return Report(
        since=since, until=until, active_days=len(set(session_day.values())),
        checkins=tuple(checkins), routines=tuple(blocks), idle=idle, sessions=tuple(log),
        pain_weeks=tuple(PainWeek(m, counts[m], b, a) for m, b, a in means),
        doses=doses.tables(dose_rows, answer_rows, sessions, checkins, since, until, catalog),
        applications=tuple(applications), precautions=tuple(precautions), red_flags=tuple(red),
        breaks=breaks.weeks(break_rows, since, until), two_week=two_week)


def _minutes(start: str, end: str | None) -> float | None:
    if end is None:
        return None
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 60


def _application(row: dict[str, Any], day: date) -> Application:
    return Application(day, row["at"][11:16], row["treatment"], row["planned_seconds"] / 60,
                       _minutes(row["at"], row["ended"]), row["outcome"] or "on", row["reason"])


def _levels_by_session(sessions: Mapping[int, dict[str, Any]], dose_rows: list[dict[str, Any]]
                       ) -> dict[int, dict[str, Level]]:
    """Each session's dose per exercise: every dose row decided for it or before it.

    A session's own rows are written just after it starts (and a "kept" row after them),
    so they are applied before its levels are read; rows of other sessions, or of none,
    count from the moment they were written."""
    events: list[tuple[str, int, int, Any]] = []
    for sid, row in sessions.items():
        events.append((row["at"], 1, sid, row))
    for n, d in enumerate(dose_rows):
        own = sessions.get(d["session"]) if d["session"] is not None else None
        events.append((own["at"] if own is not None else d["at"], 0, n, d))
    # ISO times with offsets do not sort as text across zones: sort by the instant.
    events.sort(key=lambda e: (datetime.fromisoformat(e[0]), e[1], e[2]))
    running: dict[str, dict[str, Level]] = {}
    out: dict[int, dict[str, Level]] = {}
    for _at, what, n, row in events:
        if what == 0:
            running.setdefault(row["routine"], {})[row["exercise"]] = Level(
                row["reps"], row["sets"], row["hold_seconds"])
        else:
            out[n] = dict(running.get(row["routine"], {}))
    return out


def _routine(key: str, ids: list[int], sessions: Mapping[int, dict[str, Any]],
             steps: Mapping[int, list[dict[str, Any]]], levels: Mapping[int, dict[str, Level]],
             catalog: Mapping[str, Routine], prescriber: Prescriber) -> RoutineBlock:
    routine = catalog.get(key)
    outcomes: Counter = Counter()
    totals: Counter = Counter()
    prescribed: dict[str, Amount] = {}
    done: dict[str, Amount] = {}
    marks: defaultdict[str, Counter] = defaultdict(Counter)
    for sid in ids:
        outcomes[sessions[sid]["outcome"] or "running"] += 1
        for name, amount in (prescriber.amounts(key, levels.get(sid, {})) or {}).items():
            prescribed[name] = prescribed.get(name, Amount()) + amount
        by_name: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        for s in steps.get(sid, ()):
            totals[s["outcome"]] += 1
            marks[s["exercise"]][s["outcome"]] += 1
            by_name[s["exercise"]].append(s)
        for name, rows in by_name.items():
            done[name] = done.get(name, Amount()) + recorded(rows)
    name = sessions[ids[-1]]["routine_name"]  # the latest name
    if routine is None:
        names = sorted(marks)
        exercises = tuple(ExerciseRow(n, "the routine file is no longer found", None,
                                      done.get(n, Amount()), marks[n]["easier"], marks[n]["skipped"])
                          for n in names)
        return RoutineBlock(key, name, False, 0, 0.0, 1, outcomes, totals, exercises)
    first, last = levels.get(ids[0], {}), levels.get(ids[-1], {})
    names = list(dict.fromkeys(e.name for e in routine.exercises if e.name in prescribed))
    names += sorted(n for n in marks if n not in prescribed)
    exercises = tuple(ExerciseRow(n, dose_words(routine, n, first, last) if n in prescribed
                                  else "not in the file now", prescribed.get(n),
                                  done.get(n, Amount()), marks[n]["easier"], marks[n]["skipped"])
                      for n in names)
    timeline = plan(routine)
    work = sum(1 for s in timeline.steps if s.kind.is_work)
    return RoutineBlock(key, name, True, work, timeline.total, routine.rounds, outcomes, totals, exercises)
