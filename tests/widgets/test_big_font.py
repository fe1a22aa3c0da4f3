"""The block font: glyph shapes, scaling and sizing (pure, no Textual)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.widgets.big_font import GLYPH_HEIGHT, GLYPHS, SUPPORTED, big_size, render_big

DIGITS = "0123456789"


@pytest.mark.parametrize("char", sorted(SUPPORTED))
def test_every_glyph_is_five_rows_of_equal_width(char: str) -> None:
    lines = render_big(char, 1)
    assert len(lines) == 5 == GLYPH_HEIGHT
    assert len({len(line) for line in lines}) == 1
    assert set("".join(lines)) <= {"█", " "}


def test_supported_set_is_the_documented_one() -> None:
    assert SUPPORTED == set(DIGITS + ":.-+ ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_o_and_s_never_read_as_zero_and_five() -> None:
    assert GLYPHS["O"] != GLYPHS["0"] and GLYPHS["S"] != GLYPHS["5"]


def test_half_height_packs_two_glyph_rows_a_cell_row() -> None:
    from tui.widgets.big_font import render_half

    rows = render_half("REP 3 OF 8")
    assert len(rows) == 3 and {len(r) for r in rows} == {big_size("REP 3 OF 8")[0]}
    assert set("".join(rows)) <= set(" ▀▄█")
    assert render_half("1")[0] == "▀▀██  " and render_half("1")[2] == "▀▀▀▀▀▀"


def test_digits_share_one_width_so_a_countdown_does_not_jitter() -> None:
    assert {len(GLYPHS[d][0]) for d in DIGITS} == {6}


def test_digits_are_all_distinct_and_inked() -> None:
    shapes = [GLYPHS[d] for d in DIGITS]
    assert len(set(shapes)) == len(shapes)
    assert all("█" in "".join(shape) for shape in shapes)


@pytest.mark.parametrize("text", ["1:30", "0:05", "12", "-3.5", "+10", " 9 "])
def test_lines_have_equal_width_and_match_big_size(text: str) -> None:
    for scale in (1, 2, 3):
        lines = render_big(text, scale)
        assert len({len(line) for line in lines}) == 1
        assert big_size(text, scale) == (len(lines[0]), len(lines))


def test_glyphs_are_separated_by_a_blank_column() -> None:
    lines = render_big("88", 1)
    assert {line[6] for line in lines} == {" "}
    assert lines[0] == "██████ ██████"


def test_scale_two_doubles_every_cell_across_and_down() -> None:
    one = render_big("1:30", 1)
    two = render_big("1:30", 2)
    assert len(two) == 2 * len(one) == 10
    assert len(two[0]) == 2 * len(one[0])
    for row, line in enumerate(one):
        doubled = "".join(cell * 2 for cell in line)
        assert two[2 * row] == two[2 * row + 1] == doubled


def test_scale_three_is_fifteen_rows() -> None:
    assert big_size("0:05", 3) == (3 * big_size("0:05", 1)[0], 15)
    assert len(render_big("0:05", 3)) == 15


@pytest.mark.parametrize("text", ["1:3o", "ab", "1/2", "½", "É"])
def test_unsupported_characters_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="cannot draw"):
        render_big(text, 1)
    with pytest.raises(ValueError, match="cannot draw"):
        big_size(text, 1)


@pytest.mark.parametrize("scale", [0, -1])
def test_scale_below_one_raises(scale: int) -> None:
    with pytest.raises(ValueError, match="scale"):
        render_big("1", scale)
    with pytest.raises(ValueError, match="scale"):
        big_size("1", scale)


def test_empty_text_is_blank_rows() -> None:
    assert render_big("", 2) == [""] * 10
    assert big_size("", 2) == (0, 10)


def test_returned_list_is_a_copy_not_the_cache() -> None:
    lines = render_big("7", 1)
    lines[0] = "scribbled"
    assert render_big("7", 1)[0] != "scribbled"


def test_big_font_imports_without_textual() -> None:
    code = "import sys, tui.widgets.big_font; print('textual' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_countdown_does_not_keep_every_second_it_drew():
    """A clock draws each text once: the renders kept stay few however long it runs (held
    64 deep, the past seconds of a workout's first minute were all kept, ~5 kB each)."""
    from tui.widgets import big_font

    for seconds in range(600, 0, -1):
        render_big(f"{seconds // 60}:{seconds % 60:02d}", 2)
    assert big_font._render.cache_info().currsize <= 8
    assert render_big("9:59", 2) == render_big("9:59", 2)
