"""The report's words: the model (tui/cli/report/model.py) as a document of sections
(tui/cli/report/blocks.py), the same for Markdown and HTML.

Order: what the report is not, the warning signs, a summary, the dated session log, each
routine's dose prescribed against done, pain by week, dose by week, the measures and the
plan when this lumbar records them, every ice and heat application, desk breaks, red-flag
checks, and the two-week rule.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from tui.cli.report import breaks, care, doses
from tui.cli.report.blocks import Block, Bullets, Chart, Document, Paragraph, Section, Table
from tui.cli.report.model import Amount, Application, Report, RoutineBlock
from tui.engine.timefmt import duration_text

NOT_ADVICE = ("lumbar is an exercise timer, not medical advice. The warning signs below say "
              "when to get help, and how fast.")
NOT_RECORDED = "Not recorded in this period."
#: The global impression of change, 1..7.
IMPRESSIONS = ("very much better", "much better", "a little better", "no change",
               "a little worse", "much worse", "very much worse")


def document(r: Report) -> Document:
    sections = [care.signs_section(), _summary(r), _sessions(r), _routines(r), _pain(r),
                *doses.section(r.doses), *_goals(r), *_peg(r), *_impressions(r), *_adherence(r),
                _care(r), *breaks.section(r.breaks), care.red_flags_section(r.red_flags, r.precautions),
                care.rule_section(r.two_week)]
    return Document(f"lumbar report: {day(r.since)} to {day(r.until)}",
                    (Paragraph(NOT_ADVICE, italic=True),), tuple(sections))


def _summary(r: Report) -> Section:
    span = (r.until - r.since).days + 1
    steps = sum((t.steps for t in r.routines), Counter())
    outcomes = sum((t.outcomes for t in r.routines), Counter())
    before = [s for _, s, m in r.checkins if m != "after"]
    after = [s for _, s, m in r.checkins if m == "after"]
    items = [f"Routines: {count(sum(outcomes.values()), 'session')} ({outcome_words(outcomes)}) "
             f"on {r.active_days} of {span} days",
             f"Steps: {steps['done']} done, {steps['skipped']} skipped, {steps['easier']} made easier",
             f"Pain check-ins: {len(r.checkins)} (mean before {_mean(before)}, "
             f"after {_mean(after)}; 0 is no pain, 10 the worst imaginable)"]
    for treatment in ("ice", "heat"):
        done = Counter(a.outcome for a in r.applications if a.kind == treatment)
        if done:
            n = sum(done.values())
            items.append(f"{treatment.capitalize()}: {count(n, 'application')} ({outcome_words(done)})")
    if r.red_flags:
        items.append(f"Red-flag checks answered: {len(r.red_flags)}")
    return Section("Summary", (Bullets(tuple(items)),), key="summary")


def _sessions(r: Report) -> Section:
    if not r.sessions:
        return Section("Sessions, day by day", (Paragraph("No routine in this period."),), key="sessions")
    rows = tuple((day(s.day), s.clock, s.routine, s.outcome,
                  "-" if s.minutes is None else _minutes(s.minutes),
                  f"{s.sets_done} of {s.sets_prescribed}" if s.sets_prescribed is not None else f"{s.sets_done}",
                  _with_leg(s.before, s.leg_before), _with_leg(s.after, s.leg_after)) for s in r.sessions)
    table = Table(("date", "start", "routine", "ended", "minutes", "sets done", "pain before", "pain after"),
                  rows, numeric=(4, 5, 6, 7), caption="Every routine of the period, oldest first")
    # Said only where a leg score was given: most people are never asked it.
    legs = any(s.leg_before is not None or s.leg_after is not None for s in r.sessions)
    said = ("Pain: 0 none, 10 the worst imaginable, just before and right after"
            + ("; \"leg\" beside it is the pain down the leg, on the same scale" if legs else "")
            + "; - when not given.")
    note = Paragraph("Ended: finished, left (stopped before the end), interrupted (lumbar closed "
                     "mid-routine) or running (never closed). Sets done: of those lumbar set that "
                     "day, at the dose it had grown to. " + said)
    return Section("Sessions, day by day", (table, note), key="sessions")


def _minutes(minutes: float) -> str:
    """Whole minutes; "<1" for a session shorter than a minute (a routine left at
    once), which "0" would show as not done at all."""
    return "<1" if minutes < 1 else f"{minutes:.0f}"


def _routines(r: Report) -> Section:
    blocks: list[Block] = [Paragraph(
        "Per routine, what lumbar set against what was done, both in sets and in reps, "
        "seconds of hold or breaths, summed over the period's sessions. What was set is each "
        "session's plan at the dose lumbar had decided for that session (doses that grew are "
        "counted as grown), from the routine file as it reads now. Sides count apart; sets "
        "not reached are those of routines left or interrupted before them.")]
    blocks += [_routine(t) for t in r.routines]
    if r.idle:
        blocks.append(Paragraph("Not done in this period: " + ", ".join(r.idle) + "."))
    if not r.routines and not r.idle:
        blocks.append(Paragraph("No routine in this period."))
    return Section("Routines: prescribed and done", tuple(blocks), key="routines")


def _routine(t: RoutineBlock) -> Section:
    if t.found:
        rounds = f" ({t.rounds} rounds)" if t.rounds > 1 else ""
        first = Paragraph(f"Prescribed: {t.work_steps} work steps per session at the starting dose, "
                          f"about {duration_text(t.seconds)}{rounds}.")
    else:
        first = Paragraph("Prescribed: the routine file is no longer found, so only what was done is shown.")
    done = Paragraph(f"Done: {count(t.sessions, 'session')} ({outcome_words(t.outcomes)}); "
                     f"sets {t.steps['done']} done, {t.steps['skipped']} skipped, "
                     f"{t.steps['easier']} made easier.")
    rows: list[tuple[str, ...]] = []
    set_total, done_total = Amount(), Amount()
    easier = skipped = missing = 0
    for ex in t.exercises:
        p = ex.prescribed
        short = max(p.sets - ex.done.sets - ex.easier - ex.skipped, 0) if p is not None else 0
        rows.append((ex.name, ex.dose, "-" if p is None else str(p.sets), str(ex.done.sets),
                     "-" if p is None else amount_words(p), amount_words(ex.done),
                     _not_done(ex.easier, ex.skipped, short)))
        set_total += p or Amount()
        done_total += ex.done
        easier, skipped, missing = easier + ex.easier, skipped + ex.skipped, missing + short
    rows.append(("total", "", str(set_total.sets) if t.found else "-", str(done_total.sets),
                 amount_words(set_total) if t.found else "-", amount_words(done_total),
                 _not_done(easier, skipped, missing)))
    table = Table(("exercise", "dose lumbar set", "sets set", "sets done", "set in all", "done in all",
                   "sets not done as set"), tuple(rows),
                  numeric=(2, 3, 4, 5), total=True, caption=f"{t.name}: prescribed and done")
    return Section(f"{t.name} ({t.key})", (first, done, table), level=3)


def _pain(r: Report) -> Section:
    rows = tuple((day(w.monday), str(w.checkins), _num(w.before), _num(w.after)) for w in r.pain_weeks)
    return Section("Pain by week", (
        Chart("pain", r.pain_weeks),
        Table(("week of", "check-ins", "mean before", "mean after"), rows, numeric=(1, 2, 3),
              caption="Mean pain by week, 0 none to 10 the worst imaginable"),
        Paragraph("Before: check-ins before a routine or on their own; after: right after a routine.")),
        key="pain")


def _goals(r: Report) -> list[Section]:
    if r.goals is None:
        return []
    if not r.goals:
        return [Section("Your goals", (Paragraph(NOT_RECORDED),), key="goals")]
    rows = []
    for n, g in enumerate(r.goals, 1):
        first, last = (g.ratings[0], g.ratings[-1]) if g.ratings else (None, None)
        rows.append((f"{n}. {g.text}" + (f" (retired {g.retired_on:%-d %b})" if g.retired_on else ""),
                     f"{first.score} on {first.day:%-d %b}" if first else "-",
                     f"{last.score} on {last.day:%-d %b}" if last else "-",
                     (f"{last.score - first.score:+d}" if first and last and len(g.ratings) > 1 else "-")
                     + (" (meaningful)" if g.meaningful else "")))
    blocks: list[Block] = [
        Paragraph("Activities the person finds hard, in their own words, each rated 0 (cannot do "
                  "it) to 10 (as before the problem): the Patient-Specific Functional Scale. A "
                  "change of 2 points in the mean, or 3 in one goal, is marked meaningful.")]
    p = r.goals_progress
    if p is not None and p.first_mean is not None and p.latest_mean is not None:
        blocks.append(Paragraph(f"Mean of the goals rated more than once: {p.first_mean:.1f} at first, "
                                f"{p.latest_mean:.1f} now ({p.latest_mean - p.first_mean:+.1f}"
                                f"{', meaningful' if p.meaningful else ''})."))
    return [Section("Your goals", (
        *blocks,
        Chart("goals", r.goals),
        Table(("goal", "first rating", "latest", "change"), tuple(rows), numeric=(3,),
              caption="Goals with their first and latest ratings")), key="goals")]


def _peg(r: Report) -> list[Section]:
    if r.peg is None:
        return []
    if not r.peg:
        return [Section("Pain's weight on life (PEG)", (Paragraph(NOT_RECORDED),), key="peg")]
    rows = tuple((day(p.day), str(p.pain), str(p.enjoyment), str(p.activity), f"{p.mean:.1f}") for p in r.peg)
    return [Section("Pain's weight on life (PEG)", (
        Paragraph("Three questions, each 0 to 10: average pain in the past week, and how much "
                  "pain interfered with enjoyment of life and with general activity."),
        Table(("date", "pain", "enjoyment", "activity", "mean"), rows, numeric=(1, 2, 3, 4),
              caption="PEG answers")), key="peg")]


def _impressions(r: Report) -> list[Section]:
    if r.impressions is None:
        return []
    title = "Change since the start"
    if not r.impressions:
        return [Section(title, (Paragraph(NOT_RECORDED),), key="impression")]
    rows = tuple((day(i.day), IMPRESSIONS[i.score - 1] if 1 <= i.score <= 7 else str(i.score))
                 for i in r.impressions)
    return [Section(title, (
        Paragraph("The person's own answer to how their back is now against the start, on seven "
                  "steps from very much better to very much worse."),
        Table(("date", "answer"), rows, caption="Global impression of change")), key="impression")]


def _adherence(r: Report) -> list[Section]:
    a = r.adherence
    if a is None:
        return []
    who = f"Set by {a.set_by}" if a.set_by else "Set"
    review = f"; review on {day(a.review)}" if a.review else ""
    blocks: list[Block] = [Paragraph(f"{who}{review}:"), Bullets(a.schedule)]
    if a.note:
        blocks.append(Paragraph(f"Note: {a.note}"))
    blocks += [Paragraph(f"{a.done} of {count(a.planned, 'planned session')} done in "
                         f"{count(len(a.weeks), 'week')}; rest days are not counted as missed."),
               Chart("adherence", a.weeks),
               Table(("week of", "planned", "done"), tuple((day(w.monday), str(w.planned), str(w.done))
                                                          for w in a.weeks), numeric=(1, 2),
                     caption="Planned and done sessions by week")]
    return [Section("Plan and adherence", tuple(blocks), key="adherence")]


def _care(r: Report) -> Section:
    if not r.applications:
        return Section("Ice and heat", (Paragraph("No ice or heat in this period."),), key="care")
    rows = tuple((day(a.day), a.clock, a.kind, "-" if a.minutes is None else f"{a.minutes:.0f}",
                  f"{a.planned_minutes:.0f}", ended_words(a)) for a in r.applications)
    return Section("Ice and heat", (
        Table(("date", "start", "kind", "minutes on", "alarm after", "how it ended"), rows,
              numeric=(3, 4), caption="Every ice and heat application of the period"),), key="care")


def _not_done(easier: int, skipped: int, missing: int) -> str:
    """"2 made easier, 1 skipped, 6 not reached"; "-" for none."""
    parts = [f"{n} {what}" for n, what in ((easier, "made easier"), (skipped, "skipped"),
                                          (missing, "not reached")) if n]
    return ", ".join(parts) or "-"


def ended_words(a: Application) -> str:
    """"taken off 4 min after the alarm", "stopped early: very white or waxy", "not closed"."""
    if a.outcome == "stopped":
        return "stopped early" + (f": {a.reason}" if a.reason else "")
    if a.outcome == "finished" and a.minutes is not None:
        late = round(a.minutes - a.planned_minutes)
        return f"taken off {late} min after the alarm" if late >= 1 else "taken off at the alarm"
    return "not closed (still on, or lumbar was closed)"


def amount_words(a: Amount) -> str:
    """"84 reps", "840 s", "12 breaths", or several joined: "40 reps, 300 s"."""
    parts = [f"{a.reps} reps" if a.reps else "", f"{a.seconds:.0f} s" if a.seconds else "",
             f"{a.breaths} breaths" if a.breaths else ""]
    return ", ".join(p for p in parts if p) or "0"


def outcome_words(c: Counter) -> str:
    parts = [f"{c[k]} {k}" for k in ("finished", "left", "interrupted", "running", "stopped", "on")
             if c[k]]
    return ", ".join(parts) or "none"


def count(n: int, noun: str) -> str:
    """"1 session", "2 sessions"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def _mean(values: list[int]) -> str:
    return f"{sum(values) / len(values):.1f}" if values else "-"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def _with_leg(back: int | None, leg: int | None) -> str:
    """The back's score, and the leg's beside it in the same cell when it was given ("5, leg
    3"): two more columns would not fit the page's width when printed."""
    return _score(back) if leg is None else f"{_score(back)}, leg {leg}"
