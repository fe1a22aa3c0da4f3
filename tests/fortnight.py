"""A new user's fortnight with core basics, on a moved wall clock: run it to see the dose grow.

    .venv/bin/python -m tests.fortnight [DATA_DIR]

Each evening: a check-in before, the routine at the dose lumbar decides (tui.services.store.dosing, as the
app does), every step recorded, a check-in after, and the answer. "Too easy" every day but
one "too hard"; then the report of the fortnight. The history goes to DATA_DIR (default: a
temporary folder), so `LUMBAR_DATA_DIR=DATA_DIR lumbar report` shows it again.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tui.services.store.dosing import Dosing
from tui.engine.routine.plan import plan
from tui.services.loader import load_routine
from tui.services.store import StepRecord, open_store

ROOT = Path(__file__).resolve().parent.parent
FIRST_EVENING = datetime(2026, 3, 2, 18, 0, tzinfo=timezone(timedelta(hours=1)))
#: The answer given on each of the 14 evenings.
ANSWERS = ["easy"] * 10 + ["hard"] + ["easy"] * 3


def fortnight(data: Path, answers: list[str] = ANSWERS) -> tuple[list[int], str]:
    """Pelvic tilt's reps each evening, and the Markdown report of the fortnight."""
    routine = load_routine(ROOT / "sessions" / "core-basics.yaml")
    moment = [FIRST_EVENING]
    store = open_store(data / "history.db", wall=lambda: moment[0])
    dosing = Dosing(store)
    reps: list[int] = []
    for day, answer in enumerate(answers):
        moment[0] = FIRST_EVENING + timedelta(days=day)
        levels = dosing.start(routine)
        timeline = plan(routine, levels=levels)
        sid = store.begin_session(routine.key, routine.name, len(timeline.steps))
        dosing.begun(sid)
        store.add_checkin(3, "before", sid)
        for index, step in enumerate(timeline.steps):
            if step.kind.is_work:
                unit = "reps" if step.reps is not None else "seconds"
                store.record_step(sid, StepRecord(index, step.title, step.side, step.set_no, step.round_no,
                                                  step.planned, step.planned, unit, step.reps, step.reps, "done"))
        store.end_session(sid, "finished")
        store.add_checkin(3, "after", sid)
        dosing.answer(answer)
        reps.append(levels["Pelvic tilt"].reps or 0)
    from tui.cli.report.main import run

    out = data / "report.md"
    run("2w", out, [], store=store, today=moment[0].date())  # `lumbar report --since 2w --out FILE`
    text = out.read_text(encoding="utf-8")
    return reps, text


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="lumbar-fortnight-"))
    for name in ("CONFIG", "CACHE"):  # the report reads the routines: keep its cache out of the user's
        os.environ.setdefault(f"LUMBAR_{name}_DIR", str(data / name.lower()))
    reps, text = fortnight(data)
    for day, (n, answer) in enumerate(zip(reps, ANSWERS)):
        print(f"{date(2026, 3, 2) + timedelta(days=day):%a %-d %b}: Pelvic tilt {n} reps, then '{answer}'")
    print()
    print(text)
    print(f"history: {data / 'history.db'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
