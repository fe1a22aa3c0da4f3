"""Broken routine documents and the exact messages they produce."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from tui.services.loader import Problem, RoutineError, load_text, source

HEAD = "name: Walk\nexercises:\n"
EX = "  - name: Plank\n    position: on-front\n"
"""An exercise's first lines; the line after these is line 5 of a HEAD + EX document."""

CASES: list[tuple[str, str | bytes, str]] = [
    ("empty", "", "walk.yaml:1:1: expected a routine mapping with 'name' and 'exercises'; the file is empty"),
    ("only a comment", "# nothing yet\n", "walk.yaml:1:1: expected a routine mapping with 'name' and 'exercises'; the file is empty"),
    ("top level list", "- name: Walk\n", "walk.yaml:1:1: expected a routine mapping with 'name' and 'exercises'; found a list"),
    ("top level text", "just words\n", "walk.yaml:1:1: expected a routine mapping with 'name' and 'exercises'; found 'just words'"),
    ("not utf-8", b"name: Walk\nexercises:\n  - name: Caf\xe9\n", "walk.yaml:3:14: expected UTF-8 text; found the byte 0xe9"),
    ("control character", "name: Walk\x00\n", "walk.yaml:1:11: expected plain text; found the control character U+0000"),
    ("right-to-left override", "name: Walk\n# ok\nexercises: [{rest: 5, name: \"Pl\u202eank\"}]\n",
     "walk.yaml:3:32: expected plain text; found the bidirectional control character U+202E"),
    ("left-to-right embedding", "name: \u202aWalk\nexercises: [{rest: 5}]\n",
     "walk.yaml:1:7: expected plain text; found the bidirectional control character U+202A"),
    ("first strong isolate", "name: Walk\nexercises: [{rest: 5}]\n# \u2068note\u2069\n",
     "walk.yaml:3:3: expected plain text; found the bidirectional control character U+2068"),
    ("pop directional isolate", "name: Walk \u2069\nexercises: [{rest: 5}]\n",
     "walk.yaml:1:12: expected plain text; found the bidirectional control character U+2069"),
    # Written as YAML escapes, they pass the file's own check and are caught in the value.
    ("escaped override", "name: \"Safe\\u202eevil\"\nexercises: [{rest: 5}]\n",
     "walk.yaml:1:7: name: expected plain text; found the bidirectional control character "
     "U+202E (written as an escape)"),
    ("escaped terminal sequence", HEAD + EX + "    hold: 10s\n    cue: \"\\e]0;pwned\\ahi\"\n",
     "walk.yaml:6:10: exercise 1 (exercises[0].cue): expected plain text; found the control "
     "character U+001B (written as an escape)"),
    ("two documents", HEAD + "  - rest: 5\n---\nname: Other\n", "walk.yaml:4:1: found a second YAML document; a routine file holds exactly one"),
    ("alias", "name: &n Walk\nexercises: [{rest: 5, name: *n}]\n", "walk.yaml:1:7: found the anchor '&n'; routines don't use anchors or aliases, write the value out"),
    ("tag", "name: !!python/name:os.system Walk\n", "walk.yaml:1:7: found the tag '!!python/name:os.system'; routines don't use YAML tags, quote the value instead"),
    ("missing name", "exercises: [{rest: 5}]\n", "walk.yaml:1:1: missing required key 'name'"),
    ("unknown routine key", "name: Walk\nround: 2\nexercises: [{rest: 5}]\n", "walk.yaml:2:1: unknown key 'round'; did you mean 'rounds'?"),
    ("unknown key synonym", HEAD + EX + "    reps: 5\n    repetitions: 5\n", "walk.yaml:6:5: exercise 1 (exercises[0]): unknown key 'repetitions'; did you mean 'reps'?"),
    ("unknown key no hint", "name: Walk\nzzz: 2\nexercises: [{rest: 5}]\n",
     "walk.yaml:2:1: unknown key 'zzz'; expected one of lumbar, name, description, prepare, rest, rounds, round_rest, breath, switch_sides, transition, stop_if, tags, exercises"),
    ("unknown exercise key", HEAD + EX + "    reps: 5\n    hodl: 10s\n", "walk.yaml:6:5: exercise 1 (exercises[0]): unknown key 'hodl'; did you mean 'hold'?"),
    ("duplicate key", HEAD + EX + "    hold: 10s\n    hold: 20s\n", "walk.yaml:6:5: exercise 1 (exercises[0]): duplicate key 'hold', first given on line 5"),
    ("wrong version", "lumbar: 2\n" + HEAD + "  - rest: 5\n", "walk.yaml:1:9: lumbar: expected format version 1; found 2"),
    ("name too long", "name: " + "x" * 81 + "\nexercises: [{rest: 5}]\n", "walk.yaml:1:7: name: expected text of 1 to 80 characters; found 81 characters"),
    ("name a list", "name: [a]\nexercises: [{rest: 5}]\n", "walk.yaml:1:7: name: expected text of 1 to 80 characters; found a list"),
    ("exercises empty", "name: Walk\nexercises: []\n", "walk.yaml:2:12: exercises: expected 1 to 100 exercises; found none"),
    ("exercises mapping", "name: Walk\nexercises: {a: 1}\n", "walk.yaml:2:12: exercises: expected a list of exercises; found a mapping"),
    ("exercise text", HEAD + "  - plank\n", "walk.yaml:3:5: exercise 1 (exercises[0]): expected an exercise mapping with a name and one of hold, reps or rest; found 'plank'"),
    ("hold not a duration", HEAD + EX + "    hold: ten\n",
     "walk.yaml:5:11: exercise 1 (exercises[0].hold): expected a duration like 10s or 1m30s, or a breath count like '5 breaths'; found 'ten'"),
    ("hold too long", HEAD + EX + "    hold: 12m\n", "walk.yaml:5:11: exercise 1 (exercises[0].hold): expected a duration from 1s to 10m; found '12m'"),
    ("too many breaths", HEAD + EX + "    hold: 61 breaths\n", "walk.yaml:5:11: exercise 1 (exercises[0].hold): expected from 1 to 60 breaths; found '61 breaths'"),
    ("reps too many", HEAD + EX + "    reps: 10000\n", "walk.yaml:5:11: exercise 1 (exercises[0].reps): expected a whole number from 1 to 100; found 10000"),
    ("reps a bool", HEAD + EX + "    reps: yes\n", "walk.yaml:5:11: exercise 1 (exercises[0].reps): expected a whole number from 1 to 100; found the true/false value yes"),
    ("reps a fraction", HEAD + EX + "    reps: 2.5\n", "walk.yaml:5:11: exercise 1 (exercises[0].reps): expected a whole number from 1 to 100; found 2.5"),
    ("nan duration", "name: Walk\nprepare: .nan\nexercises: [{rest: 5}]\n", "walk.yaml:2:10: prepare: expected a duration like 10s or 1m30s; found .nan"),
    ("inf duration", "name: Walk\nrest: .inf\nexercises: [{rest: 5}]\n", "walk.yaml:2:7: rest: expected a duration like 10s or 1m30s; found .inf"),
    ("negative duration", "name: Walk\ntransition: -5\nexercises: [{rest: 5}]\n", "walk.yaml:2:13: transition: expected a duration from 0s to 2m; found -5"),
    ("unit missing", "name: Walk\nswitch_sides: 1m30\nexercises: [{rest: 5}]\n", "walk.yaml:2:15: switch_sides: expected a duration like 10s or 1m30s; found '1m30'"),
    ("no kind", HEAD + EX, "walk.yaml:3:5: exercise 1 (exercises[0]): expected exactly one of hold, reps or rest; found none"),
    ("two kinds", HEAD + EX + "    hold: 10s\n    reps: 5\n", "walk.yaml:6:5: exercise 1 (exercises[0]): expected exactly one of hold, reps or rest; found hold and reps"),
    ("missing position", HEAD + "  - name: Plank\n    hold: 10s\n", "walk.yaml:3:5: exercise 1 (exercises[0]): missing required key 'position'"),
    ("misspelt position", HEAD + "  - name: Plank\n    position: on-bakc\n    hold: 10s\n",
     "walk.yaml:4:15: exercise 1 (exercises[0].position): expected one of standing, seated, kneeling, on-back, on-front, hands-and-knees, side-lying; found 'on-bakc'; did you mean 'on-back'?"),
    ("position synonym", HEAD + "  - name: Plank\n    position: supine\n    hold: 10s\n",
     "walk.yaml:4:15: exercise 1 (exercises[0].position): expected one of standing, seated, kneeling, on-back, on-front, hands-and-knees, side-lying; found 'supine'; did you mean 'on-back'?"),
    ("tempo on a hold", HEAD + EX + "    hold: 10s\n    tempo: 2-1-2\n", "walk.yaml:6:5: exercise 1 (exercises[0].tempo): tempo is only for reps; this exercise is a hold"),
    ("bad tempo", HEAD + EX + "    reps: 5\n    tempo: slow\n",
     "walk.yaml:6:12: exercise 1 (exercises[0].tempo): expected a tempo of three or four numbers like '2-1-2' (lift-hold-lower) or '2-1-2-1' (then a pause), or a mapping with lift and lower; found 'slow'"),
    ("tempo of two numbers", HEAD + EX + "    reps: 5\n    tempo: 2-1\n",
     "walk.yaml:6:12: exercise 1 (exercises[0].tempo): expected a tempo of three or four numbers like '2-1-2' (lift-hold-lower) or '2-1-2-1' (then a pause), or a mapping with lift and lower; found '2-1', 2 numbers"),
    ("phases without a tempo", HEAD + EX + "    reps: 5\n    phases: [in, hold, out]\n",
     "walk.yaml:6:5: exercise 1 (exercises[0].phases): phases name the parts of a tempo; this exercise has no tempo"),
    ("two phases", HEAD + EX + "    reps: 5\n    tempo: 2-1-2\n    phases: [in, out]\n",
     "walk.yaml:7:5: exercise 1 (exercises[0].phases): expected three or four words (lift, hold, lower, and pause); found 2"),
    ("tab indent", HEAD + "\t- rest: 5\n", "walk.yaml:3:1: YAML indents with spaces; this line is indented with a tab"),
    ("tab under spaces", HEAD + "  - name: Plank\n  \tposition: on-front\n    hold: 5s\n",
     "walk.yaml:4:3: YAML indents with spaces; this line is indented with a tab"),
    ("one typo in a kind, one problem", HEAD + EX + "    hodl: 10s\n",
     "walk.yaml:5:5: exercise 1 (exercises[0]): unknown key 'hodl'; did you mean 'hold'?"),
    ("one typo in a required key, one problem", HEAD + "  - name: Plank\n    postion: on-front\n    hold: 5s\n",
     "walk.yaml:4:5: exercise 1 (exercises[0]): unknown key 'postion'; did you mean 'position'?"),
    ("one typo in the name key, one problem", "nmae: Walk\nexercises: [{rest: 5}]\n",
     "walk.yaml:1:1: unknown key 'nmae'; did you mean 'name'?"),
    ("tempo too fast", HEAD + EX + "    reps: 5\n    tempo: {lift: 0.1, lower: 2}\n", "walk.yaml:6:19: exercise 1 (exercises[0].tempo.lift): expected a duration from 0.5s to 20s; found 0.1"),
    ("unknown preset", "name: Walk\nbreath: relax\nexercises: [{rest: 5}]\n",
     "walk.yaml:2:9: breath: expected a preset (box, 4-7-8, relaxing, resonance), a pattern like '4-7-8', or a mapping with inhale and exhale; found 'relax'; did you mean 'relaxing'?"),
    ("breath out of range", "name: Walk\nbreath: 30-7-8\nexercises: [{rest: 5}]\n", "walk.yaml:2:9: breath.inhale: expected a duration from 1s to 20s; found 30"),
    ("breath missing exhale", "name: Walk\nbreath: {inhale: 4}\nexercises: [{rest: 5}]\n", "walk.yaml:2:9: breath: missing required key 'exhale'"),
    ("rest with position", HEAD + "  - rest: 30s\n    position: seated\n", "walk.yaml:4:5: exercise 1 (exercises[0]): a rest takes only name, cue and rest; found 'position'"),
    ("rest of zero", HEAD + "  - rest: 0\n", "walk.yaml:3:11: exercise 1 (exercises[0].rest): expected a duration from 1s to 10m; found 0"),
    ("easier reps on a hold", HEAD + EX + "    hold: 10s\n    easier: {reps: 3}\n", "walk.yaml:6:14: exercise 1 (exercises[0].easier.reps): 'reps' only applies to reps; this exercise is a hold"),
    ("easier not a mapping", HEAD + EX + "    reps: 5\n    easier: 3\n", "walk.yaml:6:13: exercise 1 (exercises[0].easier): expected a mapping of hold, reps, sets or set_rest; found 3"),
    ("too many stop_if", "name: Walk\nstop_if: [" + ", ".join(["x"] * 21) + "]\nexercises: [{rest: 5}]\n", "walk.yaml:2:10: stop_if: expected up to 20 items; found 21"),
    ("empty stop_if item", "name: Walk\nstop_if: [ok, '']\nexercises: [{rest: 5}]\n", "walk.yaml:2:15: stop_if[1]: expected text of 1 to 300 characters; found ''"),
    ("sides not a bool", HEAD + EX + "    hold: 10s\n    sides: left\n", "walk.yaml:6:12: exercise 1 (exercises[0].sides): expected true or false; found 'left'"),
    ("null value", HEAD + EX + "    hold:\n", "walk.yaml:5:10: exercise 1 (exercises[0].hold): expected a duration like 10s or 1m30s, or a breath count like '5 breaths'; found nothing"),
]


@pytest.mark.parametrize(("label", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_broken_document(label: str, text: str | bytes, expected: str) -> None:
    with pytest.raises(RoutineError) as info:
        load_text(text, "walk.yaml")
    assert str(info.value) == expected


@pytest.mark.parametrize("loader", ["C", "pure"])
def test_yaml_syntax_error_names_the_place(monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    # The parser's own words after "invalid YAML" belong to PyYAML and may change.
    if loader == "pure":
        monkeypatch.setattr(source, "LOADER", yaml.SafeLoader)
    with pytest.raises(RoutineError) as info:
        load_text('name: "Walk\n', "walk.yaml")
    assert str(info.value).startswith("walk.yaml:2:1: invalid YAML: ")


def test_all_problems_are_reported_in_order() -> None:
    text = textwrap.dedent("""\
        name: Walk
        exercises:
          - name: Plank
            position: on-front
            hold: ten
          - name: Bridge
            posture: on-back
            reps: 500
        """)
    with pytest.raises(RoutineError) as info:
        load_text(text, "walk.yaml")
    assert [str(p) for p in info.value.problems] == [
        "walk.yaml:5:11: exercise 1 (exercises[0].hold): expected a duration like 10s or 1m30s, or a breath count like '5 breaths'; found 'ten'",
        "walk.yaml:7:5: exercise 2 (exercises[1]): unknown key 'posture'; did you mean 'position'?",
        "walk.yaml:8:11: exercise 2 (exercises[1].reps): expected a whole number from 1 to 100; found 500",
    ]
    assert str(info.value) == "\n".join(str(p) for p in info.value.problems)


def test_three_problems_three_lines() -> None:
    text = "name: ''\nrounds: 0\nexercises: [{rest: 5}, {rest: 1h}]\n"
    with pytest.raises(RoutineError) as info:
        load_text(text, "walk.yaml")
    assert str(info.value).splitlines() == [
        "walk.yaml:1:7: name: expected text of 1 to 80 characters; found ''",
        "walk.yaml:2:9: rounds: expected a whole number from 1 to 20; found 0",
        "walk.yaml:3:31: exercise 2 (exercises[1].rest): expected a duration from 1s to 10m; found '1h'",
    ]


def test_problem_format() -> None:
    problem = Problem("a.yaml", 7, 11, "exercises[2].hold", "bad")
    assert str(problem) == "a.yaml:7:11: exercise 3 (exercises[2].hold): bad"
    assert str(Problem("a.yaml", 1, 1, "", "empty")) == "a.yaml:1:1: empty"
    assert str(Problem("a.yaml", 0, 0, "", "cannot read: gone")) == "a.yaml: cannot read: gone"


def test_problem_flood_is_capped() -> None:
    text = "name: Walk\nexercises: [{rest: 5}]\n" + "".join(f"k{i}: 1\n" for i in range(150))
    with pytest.raises(RoutineError) as info:
        load_text(text, "walk.yaml")
    assert len(info.value.problems) == 101
    assert str(info.value.problems[-1]) == "walk.yaml: ... and 50 more problems"


@pytest.mark.parametrize(("label", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_same_messages_with_the_pure_python_loader(
    monkeypatch: pytest.MonkeyPatch, label: str, text: str | bytes, expected: str
) -> None:
    # Machines without libyaml fall back to SafeLoader; positions must not change.
    monkeypatch.setattr(source, "LOADER", yaml.SafeLoader)
    with pytest.raises(RoutineError) as info:
        load_text(text, "walk.yaml")
    assert str(info.value) == expected
