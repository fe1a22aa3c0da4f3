"""Builds the engine's Routine from a checked YAML node tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.engine.routine.model import Dose, Exercise, Kind, Ranges, Routine, Span, Tempo
from tui.engine.care.signs import SHARED_STOP_IF
from tui.services.loader import fields, poses, ranges
from tui.services.loader.errors import Reporter
from tui.services.loader.source import describe, entries, join, plain, quote

ROUTINE_KEYS = (
    "lumbar", "name", "description", "prepare", "rest", "rounds", "round_rest", "breath",
    "switch_sides", "transition", "stop_if", "tags", "exercises",
)
EXERCISE_KEYS = (
    "name", "position", "cue", "hold", "reps", "tempo", "phases", "rest", "sides", "sets", "set_rest",
    "breath", "stop_if", "easier", "pose",
)
REST_KEYS = ("name", "cue", "rest")
EASIER_KEYS = ("hold", "reps", "sets", "set_rest")
KINDS = ("hold", "reps", "rest")

MAX_EXERCISES = 100
MAX_LIST = 20
MAX_STOP_IF = 300
MAX_TAG = 80
MINUTE = 60.0

Parser = Callable[..., Any]


class _Fields:
    """Reads the keys of one mapping; a key that fails to parse leaves its default."""

    def __init__(self, rep: Reporter, found: dict[str, tuple[Node, Node]], path: str) -> None:
        self.rep, self.found, self.path = rep, found, path

    def get(self, key: str, parse: Parser, *args: Any, default: Any = None) -> Any:
        if key not in self.found:
            return default
        value = parse(self.rep, self.found[key][1], join(self.path, key), *args)
        return default if value is None else value

    def key_node(self, key: str) -> Node:
        return self.found[key][0]


def _version(rep: Reporter, node: Node, path: str) -> int | None:
    value = plain(node) if isinstance(node, ScalarNode) else None
    if type(value) is int and value == 1:
        return 1
    rep.at(node, path, f"expected format version 1; found {describe(node)}")
    return None


def _exercise_list(rep: Reporter, node: Node, path: str) -> tuple[Exercise, ...] | None:
    if not isinstance(node, SequenceNode):
        rep.at(node, path, f"expected a list of exercises; found {describe(node)}")
        return None
    count = len(node.value)
    if not 1 <= count <= MAX_EXERCISES:
        rep.at(node, path, f"expected 1 to {MAX_EXERCISES} exercises; found {count or 'none'}")
        return None
    built = [_exercise(rep, item, f"{path}[{i}]") for i, item in enumerate(node.value)]
    return None if any(b is None for b in built) else tuple(b for b in built if b is not None)


def build_routine(rep: Reporter, root: Node, key: str, source: str) -> Routine | None:
    """The routine, or None when anything in the tree was reported as a problem."""
    if not isinstance(root, MappingNode):
        message = "expected a routine mapping with 'name' and 'exercises'"
        rep.at(root, "", f"{message}; found {describe(root)}")
        return None
    found = entries(root, "", ROUTINE_KEYS, rep)
    for required in ("name", "exercises"):
        if required not in found and ("", required) not in rep.meant:
            rep.at(root, "", f"missing required key '{required}'")
    f = _Fields(rep, found, "")
    f.get("lumbar", _version)
    values = dict(
        name=f.get("name", fields.text, 1, 80),
        description=f.get("description", fields.text, 0, 1000, default=""),
        prepare=f.get("prepare", fields.duration, 0, 2 * MINUTE, default=10.0),
        rest=f.get("rest", fields.duration, 0, 10 * MINUTE, default=0.0),
        rounds=f.get("rounds", fields.whole, 1, 20, default=1),
        round_rest=f.get("round_rest", fields.duration, 0, 10 * MINUTE, default=0.0),
        breath=f.get("breath", fields.breath),
        switch_sides=f.get("switch_sides", fields.duration, 0, MINUTE, default=5.0),
        transition=f.get("transition", fields.duration, 0, 2 * MINUTE, default=10.0),
        stop_if=f.get("stop_if", fields.text_list, MAX_LIST, MAX_STOP_IF, default=()),
        tags=f.get("tags", fields.text_list, MAX_LIST, MAX_TAG, default=()),
        exercises=f.get("exercises", _exercise_list),
    )
    if rep:
        return None
    # Lines no author may leave out (tui.engine.care.signs.SHARED_STOP_IF), after the routine's own.
    own = tuple(values["stop_if"])
    values["stop_if"] = own + tuple(line for line in SHARED_STOP_IF if line not in own)
    return Routine(key=key, source=source, **values)


def _kinds(rep: Reporter, node: MappingNode, found: dict[str, tuple[Node, Node]], path: str) -> str | None:
    """Which of hold, reps or rest this exercise is, in the order the file gives them."""
    given = sorted((k for k in KINDS if k in found), key=lambda k: found[k][0].start_mark.index)
    if len(given) == 1:
        return given[0]
    expected = "expected exactly one of hold, reps or rest"
    if not given:
        if not any((path, k) in rep.meant for k in KINDS):  # a typo in it is reported already
            rep.at(node, path, f"{expected}; found none")
    else:
        rep.at(found[given[1]][0], path, f"{expected}; found {' and '.join(given)}")
    return None


def _exercise(rep: Reporter, node: Node, path: str) -> Exercise | None:
    if not isinstance(node, MappingNode):
        message = "expected an exercise mapping with a name and one of hold, reps or rest"
        rep.at(node, path, f"{message}; found {describe(node)}")
        return None
    before = len(rep.problems)
    found = entries(node, path, EXERCISE_KEYS, rep)
    kind = _kinds(rep, node, found, path)
    line = node.start_mark.line + 1
    if kind == "rest":
        return _rest(rep, found, path, line, before)
    f = _Fields(rep, found, path)
    for required in ("name",) + (("position",) if kind else ()):
        if required not in found and (path, required) not in rep.meant:
            rep.at(node, path, f"missing required key '{required}'")
    if kind == "hold" and "tempo" in found:
        rep.at(f.key_node("tempo"), join(path, "tempo"), "tempo is only for reps; this exercise is a hold")
    hold = f.get("hold", ranges.hold, default=(None, None))
    reps = f.get("reps", ranges.count, 1, 100, "reps")
    sets = f.get("sets", ranges.count, 1, 20, "sets", default=1)
    spans = Ranges(**{k: v for k, v in (("reps", reps), ("sets", sets), ("hold", hold)) if isinstance(v, Span)})
    # A range's dose starts at its bottom; the store carries it up from there.
    if isinstance(hold, Span):
        hold = (hold.low, None)
    dose = Dose(
        hold_seconds=hold[0],
        hold_breaths=hold[1],
        reps=int(reps.low) if isinstance(reps, Span) else reps,
        sets=int(sets.low) if isinstance(sets, Span) else sets,
        set_rest=f.get("set_rest", fields.duration, 0, 10 * MINUTE, default=0.0),
    )
    exercise = Exercise(
        name=f.get("name", fields.text, 1, 80, default=""),
        kind=Kind(kind or "hold"),
        dose=dose,
        cue=f.get("cue", fields.text, 0, 500, default=""),
        position=f.get("position", fields.position),
        sides=f.get("sides", fields.flag, default=False),
        tempo=_named(rep, f, path, f.get("tempo", fields.tempo)),
        breath=f.get("breath", fields.breath),
        stop_if=f.get("stop_if", fields.text_list, MAX_LIST, MAX_STOP_IF, default=()),
        easier=f.get("easier", _easier, kind, dose),
        line=line,
        ranges=None if spans == Ranges() else spans,
        pose=f.get("pose", poses.pose, "tempo" in found),
    )
    return None if len(rep.problems) > before else exercise


def _named(rep: Reporter, f: _Fields, path: str, tempo: Tempo | None) -> Tempo | None:
    """The tempo with the exercise's ``phases``: three or four words, one for each of
    lift, hold, lower (and pause), for a movement that is not a lift."""
    if "phases" not in f.found:
        return tempo
    names = f.get("phases", fields.text_list, 4, 20)
    where = f.key_node("phases")
    if names is None:
        return tempo
    if "tempo" not in f.found:
        rep.at(where, join(path, "phases"), "phases name the parts of a tempo; this exercise has no tempo")
        return tempo
    if len(names) not in (3, 4):
        rep.at(where, join(path, "phases"),
               f"expected three or four words (lift, hold, lower, and pause); found {len(names)}")
        return tempo
    return replace(tempo, names=names) if tempo is not None else None


def _rest(rep: Reporter, found: dict[str, tuple[Node, Node]], path: str, line: int, before: int) -> Exercise | None:
    for key, (key_node, _) in found.items():
        if key not in REST_KEYS:
            rep.at(key_node, path, f"a rest takes only name, cue and rest; found {quote(key)}")
    f = _Fields(rep, found, path)
    exercise = Exercise(
        name=f.get("name", fields.text, 1, 80, default="Rest"),
        kind=Kind.REST,
        dose=Dose(),
        cue=f.get("cue", fields.text, 0, 500, default=""),
        rest_seconds=f.get("rest", fields.duration, 1, 10 * MINUTE),
        line=line,
    )
    return None if len(rep.problems) > before else exercise


def _easier(rep: Reporter, node: Node, path: str, kind: str | None, dose: Dose) -> Dose | None:
    """The flare-up dose: what it names, and the main dose for the rest."""
    if not isinstance(node, MappingNode):
        rep.at(node, path, f"expected a mapping of hold, reps, sets or set_rest; found {describe(node)}")
        return None
    before = len(rep.problems)
    found = entries(node, path, EASIER_KEYS, rep)
    wrong = {"hold": ("reps", "'hold' only applies to a hold; this exercise counts reps"),
             "reps": ("hold", "'reps' only applies to reps; this exercise is a hold")}
    for key, (other_kind, message) in wrong.items():
        if key in found and kind == other_kind:
            rep.at(found[key][0], join(path, key), message)
    f = _Fields(rep, found, path)
    changes: dict[str, Any] = {}
    if "hold" in found:
        hold = f.get("hold", fields.hold, default=(None, None))
        changes.update(hold_seconds=hold[0], hold_breaths=hold[1])
    if "reps" in found:
        changes["reps"] = f.get("reps", fields.whole, 1, 100)
    if "sets" in found:
        changes["sets"] = f.get("sets", fields.whole, 1, 20)
    if "set_rest" in found:
        changes["set_rest"] = f.get("set_rest", fields.duration, 0, 10 * MINUTE)
    return None if len(rep.problems) > before else replace(dose, **changes)
