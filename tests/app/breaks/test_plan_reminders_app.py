"""The plan's reminders in a `lumbar breaks` App: the prompt at the planned time, none on a
rest day, snooze and skip recorded, Enter starts the routine."""

from __future__ import annotations

from tests.app.breaks.steps import SIZE, START, step
from tui.screens.plan_reminder import PlanReminderPrompt
from tui.services.plan_file import plan_path
from tui.services.store import open_store

HOUR = 3600.0
PLAN = f"""\
start: {START.date()}
time: "10:30"
note: Ease off if the leg pain comes back.
routines:
  - routine: core-basics
    days: [mon, wed]
"""


def write_plan() -> None:
    plan_path().parent.mkdir(parents=True, exist_ok=True)
    plan_path().write_text(PLAN)


def reminders(store) -> list[tuple[str, str, str | None]]:
    return [(r["routine"], r["what"], r["how"]) for r in store.rows() if r["kind"] == "reminder"]


async def test_the_prompt_comes_at_the_planned_time_and_snooze_and_skip_are_rows(
        breaks_app, real, fake_clock, wall, tmp_path):
    write_plan()
    store = open_store(tmp_path / "history.db", wall=wall)
    app = breaks_app(HOUR, store=store)  # Monday 10:00; the first desk break at 11:00
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await step(app, pilot, 29 * 60, real, fake_clock)
        assert not isinstance(app.screen, PlanReminderPrompt)
        await step(app, pilot, 60, real, fake_clock)
        assert isinstance(app.screen, PlanReminderPrompt)
        notice = app.services.notifier.sent[-1]
        assert (notice.title, notice.key) == ("Time for Core basics", "plan")
        assert notice.actions == (("snooze", "Snooze 5 min"), ("skip", "Skip today"))
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, PlanReminderPrompt)
        assert app.services.notifier.withdrawn[-1] == "plan"
        # The prompt closing is not the only sign: a toast says when it comes back.
        said = [str(n.message) for n in app._notifications]
        assert "Core basics: reminded again at 10:35." in said
        await step(app, pilot, 5 * 60, real, fake_clock)
        assert isinstance(app.screen, PlanReminderPrompt)
        await pilot.press("k")
        await pilot.pause()
        assert "Core basics skipped for today." in [str(n.message) for n in app._notifications]
        assert reminders(store) == [("core-basics", "sent", None), ("core-basics", "snoozed", "prompt"),
                                    ("core-basics", "sent", None), ("core-basics", "skipped", "prompt")]
        # Tuesday is a rest day: no prompt all day.
        await step(app, pilot, 13 * HOUR, real, fake_clock)  # past midnight
        await step(app, pilot, 11 * HOUR, real, fake_clock)  # Tuesday 11:35
        assert not isinstance(app.screen, PlanReminderPrompt)
        assert [n.title for n in app.services.notifier.sent].count("Time for Core basics") == 2
    store.close()


async def test_enter_starts_the_planned_routine(breaks_app, real, fake_clock, wall, tmp_path):
    write_plan()
    store = open_store(tmp_path / "history.db", wall=wall)
    app = breaks_app(HOUR, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # mounted: the schedule and the reminders begin at 10:00
        await step(app, pilot, 30 * 60, real, fake_clock)
        assert isinstance(app.screen, PlanReminderPrompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not None and app.session.plan.routine.key == "core-basics"
        assert reminders(store)[-1] == ("core-basics", "started", "prompt")
    store.close()
