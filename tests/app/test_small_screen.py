"""Text fits, and nothing is cut without a sign: a long cue and title, a long next-step
name and the key bar, at the documented minimum (60x20), at 80x24 and on a big screen."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.app.drawn import drawn
from tests.app.drive import advance
from tests.app.terminal import truth
from tui.engine.routine.model import Dose, Exercise, Kind, Position, Routine
from tui.screens.advice import HelpModal, KeyTable, StopIfModal
from tui.screens.session import KEY_BAR_KEEP, SessionScreen
from tui.widgets.clamped_text import clamp
from tui.widgets.key_bar import MORE, KeyBar

KEY = "long-cue"
LAST = "Stop at once if you feel tingling or pain running down the leg."
CUE = ("Lie on your back with both knees bent and feet flat. Let one knee cross slowly to the "
       "other side while both shoulders stay on the floor. Breathe out as the knee lowers and "
       "keep the movement small and easy. " + LAST)
LONG_NAME = "Supine hip rotation with a name far too long for one line of the screen"
ROUTINE = Routine(
    name="Long cue", key=KEY, prepare=3,
    exercises=(
        Exercise("Hip rotation", Kind.HOLD, Dose(hold_seconds=20), cue=CUE, position=Position.ON_BACK),
        Exercise(LONG_NAME, Kind.HOLD, Dose(hold_seconds=10), cue="Short."),
    ),
)
ALL_KEYS = ["Pause", "Next", "Back", "Again", "±10s", "Rep", "Easier", "Safety", "Help", "Quit"]


def screen_text(app) -> str:
    return "\n".join(row.rstrip() for row in truth(app))


def modal_text(app) -> str:
    return " ".join(" ".join(s.render().plain for s in app.screen.query(Static)).split())


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_long_cue_is_cut_with_a_sign_and_read_whole_with_the_safety_key(make_app, fake_clock, size):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=size) as pilot:
        await advance(app, pilot, fake_clock, 3)
        shown = screen_text(app)
        assert LAST not in " ".join(shown.split())
        cue_rows = [row for row in shown.splitlines() if "Lie on your back" in row or "(s: more)" in row]
        assert cue_rows[-1].endswith("… (s: more)")
        rows = shown.splitlines()
        assert len(rows[rows.index(cue_rows[-1]) - 2:rows.index(cue_rows[-1]) + 1]) == 3
        assert all(len(row) <= size[0] for row in rows)

        await pilot.press("s")
        assert isinstance(app.screen, StopIfModal)
        assert CUE in modal_text(app)  # all of it, the last sentence too
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen) and not app.session.paused


async def test_a_cue_that_fits_has_no_sign(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(200, 50)) as pilot:
        await advance(app, pilot, fake_clock, 3)
        shown = " ".join(screen_text(app).split())
        assert CUE in shown and "more)" not in shown


async def test_a_long_next_step_name_ends_in_an_ellipsis(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(60, 20)) as pilot:
        await advance(app, pilot, fake_clock, 3)
        next_row = next(row for row in screen_text(app).splitlines() if row.startswith(" Next: "))
        assert next_row.endswith("…") and len(next_row) <= 60


async def test_a_long_title_is_cut_with_a_sign_and_shown_whole_with_the_safety_key(make_app, fake_clock):
    long = Routine(name="Long", key=KEY, prepare=0, exercises=(
        Exercise(LONG_NAME * 2, Kind.HOLD, Dose(hold_seconds=10), sides=True),))
    app = make_app({KEY: long}, start=KEY)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert rows[2].endswith("… (s: more)") and "left side" not in rows[1] + rows[2]
        await pilot.press("s")
        assert f"{LONG_NAME * 2} · left side" in modal_text(app)


async def test_the_key_bar_at_the_minimum_keeps_help_and_quit_and_marks_the_cut(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(60, 20)) as pilot:
        await advance(app, pilot, fake_clock, 3)
        bar = screen_text(app).splitlines()[-1]
        assert bar.endswith("s Safety ? Help q Quit") and MORE in bar and len(bar) <= 60
        assert "space Pause" in bar and "n Next" in bar
        dropped = [word for word in ALL_KEYS if f" {word}" not in f" {bar}"]
        assert dropped == ["Back", "Again", "Easier"]  # the least needed, by KEY_BAR_KEEP
        # A dropped key stays in help and the palette.
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Back one step", "Again"} <= commands
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        assert "p, ← Back one step (set, side)" in modal_text(app) and "r Restart this step" in modal_text(app)


async def test_the_key_bar_at_80_columns_shows_every_key(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, fake_clock, 3)
        bar = screen_text(app).splitlines()[-1]
        assert all(f" {word}" in f" {bar}" for word in ALL_KEYS) and MORE not in bar


async def test_narrowing_the_bar_drops_keys_least_needed_first(make_app, fake_clock):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(app, pilot, fake_clock, 3)
        bar = app.screen.query_one(KeyBar)
        before = None
        for width in range(90, 9, -1):
            kept = [hint.id for hint in bar.fitted(width) if hint is not None]
            assert kept[-2:] == ["session.help", "session.quit"], width
            if before is not None and kept != before:
                gone = [key for key in before if key not in kept]
                # Whatever goes is the least needed of what was there.
                assert gone == [max(before, key=KEY_BAR_KEEP.index)], width
            before = kept
        assert before == ["session.help", "session.quit"]


@pytest.mark.parametrize(("text", "width", "lines", "cut"), [
    ("", 20, [], False),
    ("one two three", 20, ["one two three"], False),
    ("aaaa bbbb cccc dddd eeee ffff", 9, ["aaaa bbbb", "cccc …"], True),
    ("x" * 30, 8, ["xxxxxxxx", "xxxxxx …"], True),
])
def test_clamp_cuts_at_a_word_and_ends_in_the_sign(text, width, lines, cut):
    shown, was_cut = clamp(text, width, 2, " …")
    assert [line.plain for line in shown] == lines and was_cut is cut
    assert all(line.cell_length <= width for line in shown)


@pytest.mark.parametrize(("size", "columns"), [((60, 20), 1), ((80, 24), 2)])
async def test_help_keys_take_two_columns_only_where_they_fit(make_app, fake_clock, size, columns):
    app = make_app({KEY: ROUTINE}, start=KEY)
    async with app.run_test(size=size) as pilot:
        await advance(app, pilot, fake_clock, 3)
        await pilot.press("question_mark")
        table = app.screen.query_one(KeyTable)
        rows = [row.rstrip() for row in drawn(table)]
        keyed = [row for row in rows if not row.startswith(" ")]
        assert len(keyed) == (len(table.cells) + columns - 1) // columns
        assert all(len(row) <= table.content_size.width for row in rows)
        # A description too long for one line goes on under itself, not under the keys.
        assert all(row.startswith(" " * KeyTable.KEYS) and row[KeyTable.KEYS] != " "
                   for row in rows if row.startswith(" "))
        # Each row starts with a key; in two columns a second key sits further along.
        second = table.cells[(len(table.cells) + 1) // 2]  # the first key of a second column
        assert rows[0].startswith("space") and (second in rows[0]) is (columns == 2)


async def test_routine_list_says_it_needs_more_room_at_40x12(make_app):
    from textual.widgets import OptionList

    from tui.screens.home import HomeScreen

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        message = app.screen.query_one("#home-too-small")
        assert message.display and message.region.height > 0
        assert "at least 60 x 20" in str(message.render())
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not app.screen.has_class("-small")
        assert app.screen.query_one(OptionList).region.height >= 4


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_help_scrolls_and_its_close_key_stays_in_view(make_app, size):
    from textual.containers import VerticalScroll

    app = make_app(start="core-basics")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        close = app.screen.query_one(".close", Static)
        box = app.screen.query_one(VerticalScroll)
        assert box.region.contains_region(close.region) and close.region.height == 1
        assert app.screen.region.contains_region(box.region)
        assert box.max_scroll_y > 0  # more than fits: it scrolls
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert box.region.contains_region(close.region)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_last_routine_shows_both_its_lines(make_app, size):
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        await pilot.press("end")
        await pilot.pause()
        assert options.highlighted == options.option_count - 1
        # Every line of the list is reachable and the last one is in view.
        assert options.max_scroll_y > 0 and options.scroll_y == options.max_scroll_y


async def test_a_long_key_description_wraps_under_itself_at_60x20(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        rows = [row.rstrip() for row in drawn(app.screen.query_one(KeyTable))]
        at = next(i for i, row in enumerate(rows) if row.startswith("t "))
        assert rows[at + 1].startswith(" " * KeyTable.KEYS) and rows[at + 1].strip()
        assert "total time" in rows[at] + rows[at + 1]
