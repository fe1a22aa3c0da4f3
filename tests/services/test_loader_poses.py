"""`pose:` in a routine file: a shipped pose's name or key poses of its own, and the
messages for each way to get it wrong (file:line:column, the field, what was expected)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.engine.figure.pose import HEIGHT, WIDTH
from tui.services.loader import RoutineError, load_text

STAND = "{head: [0, 29], shoulders: [0, 25], hips: [0, 16], knees: [0, 8], feet: [0, 0], hands: [1, 15]}"
SQUAT = "{head: [2, 21], shoulders: [1, 17], hips: [-4, 9], knees: [[3, 9], [2, 9]], feet: [0, 0], hands: [8, 17]}"


def routine(exercise: str) -> str:
    body = textwrap.indent(textwrap.dedent(exercise).strip(), "    ")
    return "name: T\nexercises:\n  - " + body[4:] + "\n"


def problems(exercise: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load_text(routine(exercise), "t.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_shipped_pose_is_kept_by_name() -> None:
    loaded = load_text(routine("name: A\nposition: on-back\npose: bridge\nreps: 5\ntempo: 2-1-2"), "t.yaml")
    assert loaded.exercises[0].pose == "bridge"


def test_own_key_poses_are_fitted_to_the_figure_box() -> None:
    loaded = load_text(routine(f"""
        name: Squat
        position: standing
        reps: 5
        tempo: 2-0-2
        pose:
          start: {STAND}
          top: {SQUAT}
        """), "t.yaml")
    moves = loaded.exercises[0].pose
    assert not isinstance(moves, str) and moves is not None
    for pose in (moves.start, moves.top):
        assert all(-0.01 <= x <= WIDTH + 0.01 and -0.01 <= y <= HEIGHT + 0.01 for x, y in pose.points())
    assert moves.end is None and moves.finish is moves.start
    # Both limbs from one point, and the elbows left out: straight arms.
    assert moves.start.knees[0] == moves.start.knees[1] and moves.start.elbows is None


def test_an_unknown_name_says_where_what_and_did_you_mean() -> None:
    found = problems("name: A\nposition: on-back\npose: brigde\nhold: 10s")
    assert len(found) == 1
    assert found[0].startswith("t.yaml:5:11: exercise 1 (exercises[0].pose): expected a shipped pose (")
    assert found[0].endswith("found 'brigde'; did you mean 'bridge'?")


def test_a_tempo_exercise_must_give_its_top() -> None:
    found = problems(f"name: A\nposition: standing\nreps: 5\ntempo: 2-1-2\npose:\n  start: {STAND}")
    assert found == ["t.yaml:8:7: exercise 1 (exercises[0].pose): missing required key 'top': a tempo "
                     "exercise moves from its start to its top and back"]


def test_a_hold_needs_only_its_start() -> None:
    loaded = load_text(routine(f"name: A\nposition: standing\nhold: 10s\npose:\n  start: {STAND}"), "t.yaml")
    moves = loaded.exercises[0].pose
    assert moves is not None and not isinstance(moves, str) and moves.top == moves.start


@pytest.mark.parametrize(("pose", "expected"), [
    ("{start: {head: [0, 29]}}", "exercise 1 (exercises[0].pose.start): missing required key 'shoulders'"),
    ("{start: " + STAND.replace("[1, 15]", "[x, 15]") + "}",
     "exercise 1 (exercises[0].pose.start.hands): expected a point [x, y] of two numbers from -1000 to 1000"),
    ("{start: " + STAND.replace("knees: [0, 8]", "knees: [[0, 8], [1, 8], [2, 8]]") + "}",
     "exercise 1 (exercises[0].pose.start.knees): expected one point, or two (near, far); found 3 points"),
    ("{start: " + STAND.replace("hands:", "hand:") + "}",
     "exercise 1 (exercises[0].pose.start): unknown key 'hand'; did you mean 'hands'?"),
    ("{begin: " + STAND + "}", "exercise 1 (exercises[0].pose): missing required key 'start'"),
    ("{start: " + STAND.replace("}", ", floor: maybe}") + "}",
     "exercise 1 (exercises[0].pose.start.floor): expected true or false; found 'maybe'"),
    ("[bridge]", "exercise 1 (exercises[0].pose): expected a shipped pose"),
])
def test_bad_key_poses_say_which_field_and_what_was_expected(pose: str, expected: str) -> None:
    found = problems(f"name: A\nposition: standing\nhold: 10s\npose: {pose}")
    assert any(expected in line and line.startswith("t.yaml:6:") for line in found), found


def test_a_rest_takes_no_pose() -> None:
    found = problems("rest: 10s\npose: bridge")
    assert any("a rest takes only name, cue and rest; found 'pose'" in line for line in found)


def test_check_exits_2_with_the_message_and_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(routine("name: A\nposition: on-back\npose: bridgee\nhold: 10s"), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:5:11:" in err and "did you mean 'bridge'?" in err and "Traceback" not in err


def test_every_shipped_exercise_has_a_pose() -> None:
    from tui.services.loader import load_routine

    root = Path(__file__).resolve().parents[2] / "sessions"
    for path in sorted(root.glob("*.yaml")):
        for exercise in load_routine(path).exercises:
            assert exercise.kind.value == "rest" or exercise.pose is not None, (path.name, exercise.name)


def test_the_schema_knows_the_poses_and_joints() -> None:
    import json

    from tui.engine.figure.names import POSE_NAMES
    from tui.services.loader.poses import KEY_POSES, POSE_JOINTS
    from tui.services.loader.schema import schema_text

    defs = json.loads(schema_text())["$defs"]
    name, own = defs["pose"]["anyOf"]
    assert name["enum"] == list(POSE_NAMES)
    assert set(own["properties"]) == set(KEY_POSES)
    assert set(defs["keyPose"]["properties"]) == set(POSE_JOINTS)
