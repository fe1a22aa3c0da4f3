"""What many App tests share: a tiny routine, its run to the end, the text of a widget,
and a ranged routine with a history store at a given wall time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from tui.engine.routine.model import Dose, Exercise, Kind, Ranges, Routine, Span
from tui.services.store import open_store


SIZE = (80, 24)


# Steps: 0 prepare 2 s | 1 Pelvic tilt 5 s | 2 rest 3 s | 3 Knee hug 5 s (easier: 2 s)
TINY = Routine(
    name="Tiny",
    key="tiny",
    prepare=2,
    rest=3,
    stop_if=("Pain runs down a leg.",),
    exercises=(
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=5), stop_if=("Sharp pain in the back.",)),
        Exercise("Knee hug", Kind.HOLD, Dose(hold_seconds=5), easier=Dose(hold_seconds=2)),
    ),
)


def text(widget: Static) -> str:
    visual = widget.visual
    assert isinstance(visual, Content)
    return visual.plain


async def run_to_end(app, pilot, fake_clock) -> None:
    fake_clock.advance(60)
    app.tick()
    await pilot.pause()


# Steps: 0 prepare 2 s | 1 Wall stand (5 s, ranged 5-15 s) | 2 Pelvic tilt 4 s
RANGED = Routine(
    name="Ranged",
    key="ranged",
    prepare=2,
    exercises=(
        Exercise("Wall stand", Kind.HOLD, Dose(hold_seconds=5), ranges=Ranges(hold=Span(5, 15, 5))),
        Exercise("Pelvic tilt", Kind.HOLD, Dose(hold_seconds=4)),
    ),
)


class Wall:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 18, 0, tzinfo=timezone(timedelta(hours=1)))

    def __call__(self) -> datetime:
        return self.now


def store_at(tmp_path: Path, wall: Wall):
    return open_store(tmp_path / "history.db", wall=wall)


def kinds(store, kind: str) -> list[dict]:
    return [r for r in store.rows() if r["kind"] == kind]
