"""`lumbar show` writes tempos and breaths as the routine format does, and finds names in any case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.cli.routines import show
from tui.services.catalog import Catalog
from tui.services.timeline import breath_text, tempo_text
from tui.engine.routine.model import BREATH_PRESETS, BreathPattern, Tempo
from tui.services.loader import load_text

ROOT = Path(__file__).resolve().parents[2]
#: Every place a tempo is written for people: the shipped routines and the format's examples.
SOURCES = sorted(ROOT.glob("sessions/*.yaml")) + [ROOT / "docs/routine-format.md", ROOT / "README.md"]
TEMPOS = sorted({m.group(1) for path in SOURCES
                 for m in re.finditer(r"^\s*tempo: ([\d.-]+)", path.read_text(), re.M)})


def test_the_examples_were_found():
    assert "2-5-4-2" in TEMPOS and "2-1-2" in TEMPOS


@pytest.mark.parametrize("written", TEMPOS)
def test_a_tempo_is_shown_as_it_is_written(written: str):
    doc = f"name: T\nexercises:\n  - name: X\n    position: on-back\n    reps: 5\n    tempo: {written}\n"
    tempo = load_text(doc, "t.yaml").exercises[0].tempo
    assert tempo is not None
    assert tempo_text(tempo) == written


def test_the_pause_is_kept_and_a_zero_hold_written_out():
    assert tempo_text(Tempo(2, 5, 4, 2)) == "2-5-4-2"
    assert tempo_text(Tempo(2, 0, 2)) == "2-0-2"


@pytest.mark.parametrize("name", sorted(BREATH_PRESETS))
def test_a_breath_preset_is_named_once(name: str):
    text = breath_text(BREATH_PRESETS[name])
    assert text.split().count(name) == 1
    assert text.startswith(name)


def test_an_unnamed_breath_shows_its_numbers():
    assert breath_text(BreathPattern(4, 2, 6)) == "4-2-6"


def test_show_finds_a_routine_without_case(shipped, capsys):
    catalog = Catalog(routines=dict(shipped))
    from tui.cli.routines import key_for
    from tui.services.catalog import Entry

    catalog.entries = {key: Entry.__new__(Entry) for key in shipped}
    assert key_for(catalog, "DESK-BREAK") == "desk-break"
    assert key_for(catalog, "Desk Break") == "desk-break"
    assert key_for(catalog, "nothing") == "nothing"
    assert show(catalog, "DESK-BREAK") == 0
    out = capsys.readouterr().out
    assert out.startswith("Desk break:")
    trio = show(catalog, "strengthening-trio")
    assert trio == 0 and "2-5-4-2" in capsys.readouterr().out


def test_phase_names_come_from_the_routine():
    doc = ("name: T\nexercises:\n  - name: Vacuum\n    position: on-back\n    reps: 5\n"
           "    tempo: 2-5-4-2\n    phases: [draw in, hold, let go, rest]\n")
    tempo = load_text(doc, "t.yaml").exercises[0].tempo
    assert tempo.names == ("draw in", "hold", "let go", "rest")
    assert tempo.word("lift") == "draw in" and tempo.word("pause") == "rest"
    assert Tempo(2, 1, 2).word("lower") is None
