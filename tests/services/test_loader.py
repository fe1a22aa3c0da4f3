"""Good routine documents build the right model; hostile ones are refused quickly."""

from __future__ import annotations

import re
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from tui.engine.routine.model import BREATH_PRESETS, BreathPattern, Dose, Kind, Position, Routine, Tempo
from tui.engine.care.signs import SHARED_STOP_IF
from tui.services.loader import LOADER, RoutineError, load_routine, load_text, parse_duration

DOCS = Path(__file__).resolve().parents[2] / "docs" / "routine-format.md"


def load(text: str, source: str = "test.yaml") -> Routine:
    return load_text(textwrap.dedent(text), source)


def one(exercise: str, routine: str = "") -> Routine:
    """A routine with the given routine-level lines and a single exercise (indented YAML)."""
    body = textwrap.indent(textwrap.dedent(exercise).strip(), "    ")
    body = "  - " + body[4:]
    return load_text(f"name: T\n{textwrap.dedent(routine)}exercises:\n{body}\n", "t.yaml")


def test_uses_a_safe_loader() -> None:
    assert LOADER in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader)


def test_spec_example_loads() -> None:
    match = re.search(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert match, "docs/routine-format.md lost its yaml example"
    routine = load_text(match.group(1), "sessions/core-basics.yaml")
    assert routine.name == "Core basics"
    assert routine.key == "core-basics"
    assert routine.source == "sessions/core-basics.yaml"
    assert (routine.prepare, routine.rest, routine.rounds, routine.round_rest) == (10, 10, 3, 30)
    assert routine.breath is BREATH_PRESETS["relaxing"]
    assert routine.stop_if == ("Pain, numbness or tingling runs down a leg.", *SHARED_STOP_IF)
    tilt, bridge, knee, rest, wall = routine.exercises
    assert tilt.kind is Kind.REPS and tilt.position is Position.ON_BACK
    assert tilt.dose == Dose(reps=5, sets=2, set_rest=10)
    assert tilt.easier == Dose(reps=3, sets=2, set_rest=10)
    assert tilt.tempo is None and tilt.line == 14
    assert bridge.tempo == Tempo(2, 1, 2, 0)
    assert knee.sides and knee.dose == Dose(hold_breaths=4) and knee.breath is None
    assert rest.kind is Kind.REST and rest.name == "Rest" and rest.rest_seconds == 30
    assert rest.dose == Dose()
    assert wall.dose.hold_seconds == 90
    assert wall.breath == BreathPattern(4, 2, 6, 0)
    assert wall.stop_if == ("You feel a sharp pain in the lower back.",)


def test_defaults_from_the_spec_table() -> None:
    routine = one("name: Plank\nposition: on-front\nhold: 20s")
    assert routine.description == "" and routine.prepare == 10 and routine.rest == 0
    assert routine.rounds == 1 and routine.round_rest == 0 and routine.breath is None
    assert routine.switch_sides == 5 and routine.transition == 10
    assert routine.stop_if == SHARED_STOP_IF and routine.tags == ()
    (ex,) = routine.exercises
    assert ex.cue == "" and not ex.sides and ex.breath is None and ex.tempo is None
    assert ex.stop_if == () and ex.easier is None
    assert ex.dose == Dose(hold_seconds=20, sets=1, set_rest=0)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10s", 10), ("1m30s", 90), ("2m", 120), ("1.5s", 1.5), ("45", 45), ("7.5", 7.5),
     ("1h", 3600), ("1m 30s", 90), (" 10s ", 10), (3, 3), (2.5, 2.5), ("0", 0)],
)
def test_parse_duration(text: str | float, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "ten", "1m30", "10 sec", "-5s", "s", "1s1m", True, -1, float("nan"), float("inf")])
def test_parse_duration_rejects(text: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "dose"),
    [("10", Dose(hold_seconds=10)), ("7.5", Dose(hold_seconds=7.5)), ("1m30s", Dose(hold_seconds=90)),
     ('"45"', Dose(hold_seconds=45)), ("5 breaths", Dose(hold_breaths=5)), ("1 breath", Dose(hold_breaths=1)),
     ("10m", Dose(hold_seconds=600)), ("60 breaths", Dose(hold_breaths=60))],
)
def test_hold_forms(value: str, dose: Dose) -> None:
    (ex,) = one(f"name: H\nposition: standing\nhold: {value}").exercises
    assert ex.kind is Kind.HOLD and ex.dose == dose


@pytest.mark.parametrize("name", list(BREATH_PRESETS))
def test_breath_presets(name: str) -> None:
    routine = one("name: H\nposition: seated\nhold: 3 breaths", f"breath: '{name}'\n")
    assert routine.breath is BREATH_PRESETS[name]


@pytest.mark.parametrize(
    ("value", "pattern"),
    [("4-6", BreathPattern(4, 0, 6, 0)), ("4-2-6", BreathPattern(4, 2, 6, 0)),
     ("'4-4-4-4'", BreathPattern(4, 4, 4, 4)), ("3.5-1.5-5", BreathPattern(3.5, 1.5, 5, 0)),
     ("{inhale: 4, exhale: 6}", BreathPattern(4, 0, 6, 0)),
     ("{inhale: 4s, hold: 1, exhale: 8, hold_out: 2}", BreathPattern(4, 1, 8, 2)),
     ("4-7-8", BREATH_PRESETS["4-7-8"])],
)
def test_breath_patterns(value: str, pattern: BreathPattern) -> None:
    (ex,) = one(f"name: H\nposition: seated\nhold: 3 breaths\nbreath: {value}").exercises
    assert ex.breath == pattern


@pytest.mark.parametrize(
    ("value", "tempo"),
    [("2-1-2", Tempo(2, 1, 2, 0)), ("2-0-2", Tempo(2, 0, 2, 0)), ("'1-0-3-1'", Tempo(1, 0, 3, 1)),
     ("1.5-0.5-1.5", Tempo(1.5, 0.5, 1.5, 0)), ("{lift: 2, lower: 3}", Tempo(2, 0, 3, 0)),
     ("{lift: 2, hold: 1, lower: 3, pause: 1s}", Tempo(2, 1, 3, 1))],
)
def test_tempo_forms(value: str, tempo: Tempo) -> None:
    (ex,) = one(f"name: R\nposition: on-back\nreps: 8\ntempo: {value}").exercises
    assert ex.kind is Kind.REPS and ex.tempo == tempo and ex.dose.reps == 8


def test_sides_sets_and_rounds() -> None:
    routine = one(
        "name: Bird dog\nposition: hands-and-knees\nreps: 6\nsides: yes\nsets: 3\nset_rest: 45",
        "rounds: 2\nround_rest: 1m\nrest: 15s\nswitch_sides: 3\ntransition: 0\n",
    )
    assert (routine.rounds, routine.round_rest, routine.rest) == (2, 60, 15)
    assert (routine.switch_sides, routine.transition) == (3, 0)
    (ex,) = routine.exercises
    assert ex.sides is True and ex.dose == Dose(reps=6, sets=3, set_rest=45)


def test_easier_inherits_what_it_does_not_name() -> None:
    (ex,) = one("name: Plank\nposition: on-front\nhold: 30s\nsets: 3\nset_rest: 20s\neasier: {hold: 4 breaths}").exercises
    assert ex.easier == Dose(hold_breaths=4, sets=3, set_rest=20)
    assert ex.with_easier().dose == ex.easier
    (ex,) = one("name: Bridge\nposition: on-back\nreps: 10\nsets: 2\neasier: {sets: 1, set_rest: 5}").exercises
    assert ex.easier == Dose(reps=10, sets=1, set_rest=5)


def test_text_fields_are_stripped_and_single_stop_if_is_a_list() -> None:
    routine = one(
        "name: '  Cat cow  '\nposition: hands-and-knees\nreps: 5\ncue: |\n  Round, then arch.\nstop_if: Sharp pain.",
        "description: '  Gentle.  '\ntags: [mobility, morning]\nstop_if: Numbness.\nlumbar: 1\n",
    )
    assert routine.description == "Gentle." and routine.tags == ("mobility", "morning")
    assert routine.stop_if == ("Numbness.", *SHARED_STOP_IF)
    (ex,) = routine.exercises
    assert ex.name == "Cat cow" and ex.cue == "Round, then arch." and ex.stop_if == ("Sharp pain.",)


def test_rest_exercise_with_name_and_cue() -> None:
    (ex,) = one("rest: 1m\nname: Water break\ncue: Sip some water.").exercises
    assert ex == ex.__class__("Water break", Kind.REST, Dose(), cue="Sip some water.", rest_seconds=60, line=3)


def test_scalar_text_kept_as_written() -> None:
    (ex,) = one("name: 1984\nposition: standing\nhold: 10\ncue: yes").exercises
    assert ex.name == "1984" and ex.cue == "yes"


def test_exercise_lines_are_one_based() -> None:
    routine = load("""\
        name: Lines
        exercises:
          - name: A
            position: standing
            hold: 5
          - {name: B, position: seated, reps: 2}
        """)
    assert [ex.line for ex in routine.exercises] == [3, 6]


def test_load_routine_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "walking-posture.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Walk\nexercises: [{rest: 5}]\n")
    routine = load_routine(path)
    assert routine.key == "walking-posture" and routine.source == str(path)
    assert routine.name == "Walk"


def test_missing_file_is_a_routine_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    assert str(info.value) == f"{path}: cannot read: No such file or directory"
    assert info.value.problems[0].line == 0


def test_a_hundred_exercises_load() -> None:
    item = "  - {name: Sway, position: standing, hold: 10, breath: {inhale: 4, exhale: 5}, stop_if: [Pain.]}\n"
    routine = load_text("name: Long\nexercises:\n" + item * 100, "long.yaml")
    assert len(routine.exercises) == 100 and routine.exercises[-1].line == 102


def test_billion_laughs_is_refused_fast() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines += ["name: *a9", "exercises: *a9"]
    start = time.perf_counter()
    with pytest.raises(RoutineError) as info:
        load_text("\n".join(lines), "lol.yaml")
    assert time.perf_counter() - start < 1.0
    assert str(info.value) == "lol.yaml:1:5: found the anchor '&a0'; routines don't use anchors or aliases, write the value out"


@pytest.mark.parametrize("depth", [33, 200, 10_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    # What lumbar promises: refused, with the file and a position. Which parser layer
    # notices first (lumbar's own depth limit, or libyaml's, which newer PyYAML builds
    # enforce earlier) and how it words the problem are not ours to pin.
    with pytest.raises(RoutineError) as info:
        load_text("[" * depth, "deep.yaml")
    assert re.fullmatch(r"deep\.yaml:1:\d+: .+", str(info.value))


def test_nesting_over_our_limit_is_refused_by_lumbar() -> None:
    # Just past our own limit and far below any parser's: the message is lumbar's.
    with pytest.raises(RoutineError) as info:
        load_text("[" * 33 + "]" * 33, "deep.yaml")
    assert str(info.value) == "deep.yaml:1:33: expected at most 32 levels of nesting; found more"


def test_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    text = "name: Big\nexercises: [{rest: 5}]\n" + "# padding\n" * 115_500
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 1.1 * 1024 * 1024
    expected = "the file is larger than 1 MiB (1,048,576 bytes), the limit for a routine"
    with pytest.raises(RoutineError) as info:
        load_routine(path)
    assert str(info.value) == f"{path}:1:1: {expected}"
    with pytest.raises(RoutineError) as info:
        load_text(text, "big.yaml")
    assert str(info.value) == f"big.yaml:1:1: {expected}"
