"""The history screen with a plan: adherence instead of the streak, so rest days are not failures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from textual.widgets import Static

from tui.screens.history import HistoryScreen
from tui.services.plan_file import plan_path
from tui.services.store import open_store

SIZE = (80, 24)
ZONE = timezone(timedelta(hours=1))
PLAN = """\
start: 2026-11-16
review: 2026-12-14
set_by: Sam Okafor
time: "18:00"
routines:
  - routine: core-basics
    days: [mon, wed, fri]
"""


class Wall:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def write_plan(text: str) -> None:
    plan_path().parent.mkdir(parents=True, exist_ok=True)
    plan_path().write_text(text)


def store_with(tmp_path, days: list[int]):
    """Core basics finished at 18:00 on each of `days` of November 2026; today is Wed 25 Nov."""
    wall = Wall(datetime(2026, 11, 1, 18, 0, tzinfo=ZONE))
    store = open_store(tmp_path / "history.db", wall=wall)
    for d in days:
        wall.now = datetime(2026, 11, d, 18, 0, tzinfo=ZONE)
        store.end_session(store.begin_session("core-basics", "Core basics", 9), "finished")
    wall.now = datetime(2026, 11, 25, 9, 0, tzinfo=ZONE)
    return store


def shown(app, widget: str) -> str:
    return app.screen.query_one(widget, Static).visual.plain


async def test_adherence_replaces_the_streak_and_rest_days_do_not_count(make_app, tmp_path):
    write_plan(PLAN)
    # Mon, Wed, Fri, then Monday: a streak of 1 with rest days between, but nothing missed.
    store = store_with(tmp_path, [16, 18, 20, 23])
    app = make_app(store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert not app.screen.query("#streak")
        assert shown(app, "#plan").splitlines() == [
            "Plan: 4 of 4 planned sessions",
            "      since 16 Nov",
            "Planned today: Core basics at 18:00",
            "Review: Mon 14 Dec (in 19 days)",
            "  with Sam Okafor",
            "Check-ins: 0",
        ]
    store.close()


async def test_a_missed_planned_day_shows_and_a_bad_plan_is_said_not_used(make_app, tmp_path):
    write_plan(PLAN)
    store = store_with(tmp_path, [16, 20, 23])  # Wednesday 18 missed
    app = make_app(store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#plan").splitlines()[0] == "Plan: 3 of 4 planned sessions"
        write_plan(PLAN.replace("[mon, wed, fri]", "[mon, wed, fry]"))
        app.screen.reload()
        await pilot.pause()
        assert shown(app, "#plan").splitlines()[:2] == [
            "Plan: not used, 1 problem in plan.yaml", "(lumbar check --plan says which)"]
    store.close()


async def test_without_a_plan_the_streak_stays(make_app, tmp_path):
    store = store_with(tmp_path, [23, 24])
    app = make_app(store=store, opens_history=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#plan")
        assert shown(app, "#streak").startswith("Streak: 2 days in a row")
    store.close()
