"""A routine interrupted by lumbar ending (a closed terminal, a browser page gone) is
offered by the next start, taken up at the next step, paused, on the same history row;
a page that connected again takes it up without asking."""

from __future__ import annotations

from tests.app.routines import RANGED, SIZE, Wall, kinds, store_at
from tui.screens.confirm import ConfirmModal
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen


async def interrupted_at_the_second_exercise(make_app, fake_clock, store) -> None:
    """Steps: 0 get ready 2 s | 1 Wall stand 5 s | 2 Pelvic tilt 4 s. Ended in step 2."""
    app = make_app({"ranged": RANGED}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        fake_clock.advance(8)
        app.tick()
        await pilot.pause()
        assert app.session is not None and app.session.index == 2
    # The app ended without the routine being left: kept to be taken up.
    assert [s["outcome"] for s in kinds(store, "session")] == ["interrupted"]


async def test_the_next_start_offers_it_and_yes_goes_on_at_the_next_step_paused(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    await interrupted_at_the_second_exercise(make_app, fake_clock, store)
    app = make_app({"ranged": RANGED}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith("Resume Ranged at exercise 2 of 2?")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and app.session.index == 2 and app.session.paused
        await pilot.press("space")
        fake_clock.advance(5)
        app.tick()
        await pilot.pause()
    sessions = kinds(store, "session")
    assert len(sessions) == 1 and sessions[0]["outcome"] == "finished", "one session, not two"
    assert sorted(s["index"] for s in kinds(store, "step")) == [1, 2]
    store.close()


async def test_no_is_kept_and_not_asked_again(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    await interrupted_at_the_second_exercise(make_app, fake_clock, store)
    for asked in (True, False):
        app = make_app({"ranged": RANGED}, store=store, checkins=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal) is asked
            if asked:
                await pilot.press("n")
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    store.close()


async def test_a_page_that_connected_again_takes_it_up_without_asking(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    await interrupted_at_the_second_exercise(make_app, fake_clock, store)
    app = make_app({"ranged": RANGED}, store=store, checkins=False, resume=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and app.session.index == 2 and app.session.paused
    store.close()


async def test_taken_up_it_is_not_also_reported_as_stopped(make_app, fake_clock, tmp_path):
    """The next process finds the row cut short ("stopped in step 3 of 3"); once the page
    takes it up, the "taken up at" toast is the one line that says where it stopped."""
    store = store_at(tmp_path, Wall())
    await interrupted_at_the_second_exercise(make_app, fake_clock, store)
    store.close()
    for resume in (False, True):
        store = store_at(tmp_path, Wall())
        # As a killed process leaves it: the next open closes the row and says so.
        store._recovered.append("Ranged: stopped in step 3 of 3")
        app = make_app({"ranged": RANGED}, store=store, checkins=False, resume=resume)
        said: list[str] = []
        notify = app.notify
        app.notify = lambda message, *a, **k: (said.append(str(message)), notify(message, *a, **k))[1]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        store.close()
        stopped = [line for line in said if "stopped in step" in line]
        taken = [line for line in said if "taken up at" in line]
        assert (len(stopped), len(taken)) == ((0, 1) if resume else (1, 0)), said


async def test_quitting_with_q_leaves_the_routine_and_nothing_is_offered(make_app, fake_clock, tmp_path):
    store = store_at(tmp_path, Wall())
    app = make_app({"ranged": RANGED}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        fake_clock.advance(8)
        app.tick()
        await pilot.pause()
        await app.action_quit()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert [s["outcome"] for s in kinds(store, "session")] == ["left"]
    app = make_app({"ranged": RANGED}, store=store, checkins=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store.close()
