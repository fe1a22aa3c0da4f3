"""The warning signs: three tiers in order of urgency, each line sourced in docs/sources.md,
and the stop lines the loader adds to every routine, shipped or the user's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.engine.care import signs
from tui.engine.care.signs import EMERGENCY, SHARED_STOP_IF, SOON, TIERS, URGENT

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "docs" / "sources.md"


def anchors() -> set[str]:
    """The GitHub-style anchors of docs/sources.md's headings."""
    found = set()
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^a-z0-9 -]", "", title).replace(" ", "-"))
    return found


def test_the_tiers_run_from_emergency_to_soon():
    assert TIERS == (EMERGENCY, URGENT, SOON)
    assert [t.key for t in TIERS] == ["emergency", "urgent", "soon"]
    assert "emergency department" in EMERGENCY.heading.lower()
    assert all(number in EMERGENCY.detail for number in ("999", "112", "911"))


def test_the_emergency_tier_holds_the_cauda_equina_signs():
    text = " ".join(s.text.lower() for s in EMERGENCY.signs)
    for word in ("genitals", "urine", "both legs", "fall or an accident", "chest"):
        assert word in text


def test_every_sign_names_a_section_of_the_repositorys_sources_file():
    present = anchors()
    for tier in TIERS:
        assert tier.signs
        for sign in tier.signs:
            path, _, anchor = sign.source.partition("#")
            assert path == "docs/sources.md" and anchor in present, sign
    assert signs.SHARED_STOP_SOURCE.partition("#")[2] in present


def test_plain_lines_put_the_emergency_tier_first_in_capitals():
    lines = signs.plain_lines()
    assert lines[0].startswith("GO TO AN EMERGENCY DEPARTMENT NOW.")
    urgent = lines.index(next(line for line in lines if line.startswith(URGENT.heading)))
    assert all(f"- {s.text}" in lines[:urgent] for s in EMERGENCY.signs)


@pytest.mark.parametrize("key", ["breathing", "core-basics", "desk-break", "hip-flexor",
                                 "strengthening-trio", "walking-posture"])
def test_every_shipped_routine_carries_the_shared_stop_lines(shipped, key):
    stop_if = shipped[key].stop_if
    assert stop_if[-len(SHARED_STOP_IF):] == SHARED_STOP_IF


def test_a_users_routine_carries_them_too_even_when_it_lists_none(tmp_path):
    from tui.services.loader import load_routine

    path = tmp_path / "mine.yaml"
    path.write_text("name: Mine\nexercises: [{name: Tilt, position: on-back, reps: 5}]\n")
    assert load_routine(path).stop_if == SHARED_STOP_IF


def test_a_line_the_author_already_wrote_is_not_repeated():
    from tui.services.loader import load_text

    text = (f"name: Mine\nstop_if: [{SHARED_STOP_IF[1]!r}, Sharp pain.]\n"
            "exercises: [{name: Tilt, position: on-back, reps: 5}]\n")
    assert load_text(text, "mine.yaml").stop_if == (SHARED_STOP_IF[1], "Sharp pain.", SHARED_STOP_IF[0])


def test_a_cached_routine_carries_them_as_well(tmp_path):
    """`lumbar` reads routines through the cache on later starts: they keep the lines."""
    from tui.services.catalog import load_catalog

    first = load_catalog([])
    again = load_catalog([])
    for catalog in (first, again):
        for routine in catalog.routines.values():
            assert set(SHARED_STOP_IF) <= set(routine.stop_if)
