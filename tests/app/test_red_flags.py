"""The red-flag check as a person meets it, under NO_COLOR: on the first start before any
routine, after a flare, at a new episode of pain; the emergency tier after an emergency yes,
which goes on only on a deliberate key; "not now"; and what is recorded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from tests.fakes import NOON, FakeCheckin, FakeStore
from tests.app.routines import SIZE, TINY, run_to_end, text
from tui.engine.care import redflags
from tui.screens.checkin import CheckinModal, PainRoseModal
from tui.screens.home import HomeScreen
from tui.screens.redflags import RedFlagModal
from tui.screens.session import SessionScreen
from tui.widgets.signs_view import EmergencyBox

ALL_NO = "nnnnnnn"


@pytest.fixture(autouse=True)
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


def shown(screen) -> str:
    return "\n".join(text(s) for s in screen.query(Static))


async def answer(pilot, letters: str) -> None:
    for letter in letters:
        await pilot.press(letter)
    await pilot.pause()


def first_start(make_app, store, **kwargs):
    # red_flags_due: what the launcher sets when the check was never answered.
    return make_app({"tiny": TINY}, store=store, checkins=False, red_flags_due=True, **kwargs)


async def test_the_first_start_asks_before_the_routine_list_and_records_the_answers(make_app):
    store = FakeStore()
    app = first_start(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RedFlagModal)
        assert "1 of 7" in shown(app.screen) and "genitals" in shown(app.screen)
        await answer(pilot, ALL_NO)
        assert isinstance(app.screen, HomeScreen)
    assert store.red_flags == [("first", dict.fromkeys(redflags.KEYS, False), None)]
    assert app.routine.red_flags_due is False


async def test_yes_to_new_bladder_trouble_shows_the_emergency_tier_before_the_routine(make_app, fake_clock):
    store = FakeStore()
    app = first_start(make_app, store, start="tiny")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RedFlagModal)
        assert app.session is not None and app.session.paused  # the routine waits under it
        await answer(pilot, "ny" + "n" * 5)
        box = app.screen.query_one(EmergencyBox)
        words = text(box)
        assert "GO TO AN EMERGENCY DEPARTMENT NOW" in words and "999" in words and "112" in words
        assert "bladder or bowel trouble" in words
        # No stray key goes on: only g does, as the key line says.
        await pilot.press("enter", "space", "escape", "n", "y")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagModal)
        assert "g: go on with lumbar anyway" in shown(app.screen)
        fake_clock.advance(30)
        app.tick()
        assert app.session.paused
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and not app.session.paused
    (trigger, answers, choice), = store.red_flags
    assert (trigger, choice) == ("first", "went on")
    assert answers["bladder"] and not any(v for k, v in answers.items() if k != "bladder")


async def test_q_after_an_emergency_yes_closes_lumbar_and_says_so_in_the_history(make_app):
    store = FakeStore()
    app = first_start(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "nnny" + "nnn")
        await pilot.press("q")
        await pilot.pause()
    assert store.red_flags[0][2] == "stopped"
    assert store.red_flags[0][1]["injury"]


async def test_an_emergency_and_an_urgent_yes_show_both_tiers_on_one_screen(make_app):
    store = FakeStore()
    app = first_start(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "nny" + "n" + "y" + "nn")  # weak legs, and a temperature
        words = shown(app.screen)
        assert "GO TO AN EMERGENCY DEPARTMENT NOW" in words
        assert "See a doctor within a day or two" in words and "a temperature or feeling ill" in words
        assert words.index("EMERGENCY") < words.index("See a doctor within a day or two")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_urgent_yes_shows_the_urgent_tier_once_and_enter_goes_on(make_app):
    store = FakeStore()
    app = first_start(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "nnnn" + "y" + "nn")
        words = shown(app.screen)
        assert "See a doctor within a day or two" in words and "a temperature or feeling ill" in words
        assert "EMERGENCY" not in words
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.red_flags[0][0::2] == ("first", "went on")


async def test_not_now_records_nothing_and_the_next_start_asks_again(make_app):
    store = FakeStore()
    app = first_start(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.red_flags == [] and app.routine.red_flags_due is True


async def test_a_flare_after_a_routine_asks_the_check_before_the_advice(make_app, fake_clock):
    store = FakeStore()
    store.checkins.append(FakeCheckin(3, "alone", None, NOON - timedelta(days=2)))
    app = make_app({"tiny": TINY}, start="tiny", store=store, red_flag_check=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        assert isinstance(app.screen, CheckinModal)
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagModal)
        assert "big rise in pain" in shown(app.screen)
        await answer(pilot, ALL_NO)
        assert isinstance(app.screen, PainRoseModal)
        assert "GO TO AN EMERGENCY DEPARTMENT NOW" in shown(app.screen)
    assert [r[0] for r in store.red_flags] == ["flare"]


async def test_with_the_setting_off_a_flare_shows_only_the_advice(make_app, fake_clock):
    store = FakeStore()
    app = make_app({"tiny": TINY}, start="tiny", store=store, red_flag_check=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_to_end(app, pilot, fake_clock)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, PainRoseModal)
    assert store.red_flags == []


async def test_help_shows_the_emergency_tier_first_in_a_frame(make_app):
    app = make_app({"tiny": TINY}, store=FakeStore())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        words = shown(app.screen)
        assert words.index("GO TO AN EMERGENCY DEPARTMENT NOW") < words.index("See a doctor within a day")
        assert words.index("See a doctor within a day") < words.index("See a doctor or physiotherapist soon")
        box = app.screen.query_one(EmergencyBox)
        assert box.styles.border_top[0] == "heavy"


@pytest.fixture
def ice_app(make_app, tmp_path):
    """`lumbar ice --since 2h` on a real store in tmp_path: (make the app with these
    keywords more, store); the store is closed after."""
    from tests.fakes import wall_in_step
    from tui.engine.clock import FakeClock
    from tui.services.store import open_store

    real = FakeClock(50_000.0)
    wall = wall_in_step(real, NOON)
    store = open_store(tmp_path / "history.db", wall=wall)

    def make(**more):
        return make_app(real_clock=real, wall=wall, store=store, remember=False, checkins=False,
                        opens_care=("ice", 1, wall() - timedelta(hours=2)), **more)

    yield make, store
    store.close()


async def test_a_new_episode_of_pain_asks_the_check_before_ice_or_heat(ice_app):
    """`lumbar ice --since 2h` starts a new episode: the check comes first, then the ice."""
    from tui.screens.care import CareScreen

    make, store = ice_app
    app = make(red_flag_check=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RedFlagModal)
        assert "new episode" in shown(app.screen)
        await answer(pilot, ALL_NO)
        assert isinstance(app.screen, CareScreen)
    assert [(r["kind"], r["trigger"]) for r in store.rows() if r["kind"] == "red_flags"] == [
        ("red_flags", "episode")]


async def test_before_an_episodes_first_ice_one_question_and_a_yes_advises_asking_first(ice_app):
    from tui.screens.care import CareScreen
    from tui.screens.care_ask import PrecautionModal
    from tui.services.store.writes import stamp

    make, store = ice_app
    app = make(asks_precaution=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PrecautionModal)
        assert "Raynaud" in shown(app.screen)
        await pilot.press("y")
        await pilot.pause()
        assert "ask a doctor, nurse or physiotherapist" in shown(app.screen)
        await pilot.press("enter", "n")  # neither goes on: only g or q
        await pilot.pause()
        assert isinstance(app.screen, PrecautionModal)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, CareScreen) and app.care.application is not None
        assert "never on skin that is already numb" in shown(app.screen)
    rows = [r for r in store.rows() if r["kind"] == "precaution"]
    assert [(r["treatment"], r["answer"], r["choice"]) for r in rows] == [("ice", "yes", "went on")]
    episode = stamp(app.care.episode())[0]
    assert store.precaution_asked("ice", episode)  # asked once per episode and kind
    assert not store.precaution_asked("heat", episode)


async def test_a_first_start_on_a_new_episode_asks_once_as_the_first_check(ice_app):
    """`lumbar ice --since 2h` on the very first start: one check, said as the first one."""
    make, store = ice_app
    app = make(red_flags_due=True, red_flag_check=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Before you start" in shown(app.screen)
        await answer(pilot, ALL_NO)
        assert not isinstance(app.screen, RedFlagModal)
    assert [r["trigger"] for r in store.rows() if r["kind"] == "red_flags"] == ["first"]
