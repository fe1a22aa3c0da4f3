"""The ``pose`` of an exercise: a shipped pose's name, or key poses of the file's own."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.engine.figure.names import POSE_NAMES
from tui.services.loader.errors import Reporter
from tui.services.loader.source import describe, entries, join, plain, suggest

if TYPE_CHECKING:
    from tui.engine.figure.pose import Moves, Pair, Point, Pose

KEY_POSES = ("start", "top", "end")
POSE_JOINTS = ("head", "shoulders", "hips", "knees", "feet", "hands", "elbows", "floor")
#: Joints every key pose gives; elbows are optional (straight arms without them).
REQUIRED_JOINTS = ("head", "shoulders", "hips", "knees", "feet", "hands")
PAIRED = ("knees", "feet", "hands", "elbows")
#: Coordinates are in any units (the figure is scaled to fit); this only keeps out typos.
LIMIT = 1000.0
POINT_HINT = f"a point [x, y] of two numbers from {-LIMIT:g} to {LIMIT:g}"


def pose(rep: Reporter, node: Node, path: str, tempo: bool) -> str | Moves | None:
    """A shipped pose's name, or a mapping of key poses (``start``, ``top``, ``end``); a
    tempo exercise's own poses must give its ``top``."""
    if isinstance(node, MappingNode):
        return _own(rep, node, path, tempo)
    value = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(value, str) and value.strip() in POSE_NAMES:
        return value.strip()
    hint = suggest(value.strip().lower(), POSE_NAMES) if isinstance(value, str) else ""
    rep.at(node, path, f"expected a shipped pose ({', '.join(POSE_NAMES)}) or a mapping of "
                       f"start, top and end; found {describe(node)}{hint}")
    return None


def _own(rep: Reporter, node: MappingNode, path: str, tempo: bool) -> Moves | None:
    from tui.engine.figure.pose import Moves, fit

    before = len(rep.problems)
    found = entries(node, path, KEY_POSES, rep)
    if "start" not in found and (path, "start") not in rep.meant:
        rep.at(node, path, "missing required key 'start' (where the movement begins)")
    if tempo and "top" not in found and (path, "top") not in rep.meant:
        rep.at(node, path, "missing required key 'top': a tempo exercise moves from its start to its top and back")
    built = {key: _key_pose(rep, value, join(path, key)) for key, (_, value) in found.items()}
    if len(rep.problems) > before or built.get("start") is None:
        return None
    start = built["start"]
    end = built.get("end")
    top = built.get("top") or end or start
    assert start is not None and top is not None  # checked above
    return fit(Moves(start, top, end))


def _key_pose(rep: Reporter, node: Node, path: str) -> Pose | None:
    from tui.engine.figure.pose import Pose

    if not isinstance(node, MappingNode):
        rep.at(node, path, f"expected a mapping of joints ({', '.join(POSE_JOINTS)}); found {describe(node)}")
        return None
    before = len(rep.problems)
    found = entries(node, path, POSE_JOINTS, rep)
    for key in REQUIRED_JOINTS:
        if key not in found and (path, key) not in rep.meant:
            rep.at(node, path, f"missing required key '{key}'")
    points: dict[str, object] = {}
    for key, (_, value) in found.items():
        sub = join(path, key)
        if key == "floor":
            flag = plain(value) if isinstance(value, ScalarNode) else None
            if isinstance(flag, bool):
                points[key] = flag
            else:
                rep.at(value, sub, f"expected true or false; found {describe(value)}")
        elif key in PAIRED:
            points[key] = _pair(rep, value, sub)
        else:
            points[key] = _point(rep, value, sub)
    if len(rep.problems) > before:
        return None
    return Pose(
        head=points["head"], shoulders=points["shoulders"], hips=points["hips"],  # type: ignore[arg-type]
        knees=points["knees"], feet=points["feet"], hands=points["hands"],  # type: ignore[arg-type]
        elbows=points.get("elbows"), floor=points.get("floor", True),  # type: ignore[arg-type]
    )


def _number(node: Node) -> float | None:
    value = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and -LIMIT <= number <= LIMIT else None


def _point(rep: Reporter, node: Node, path: str) -> Point | None:
    if isinstance(node, SequenceNode) and len(node.value) == 2:
        x, y = (_number(item) for item in node.value)
        if x is not None and y is not None:
            return x, y
    rep.at(node, path, f"expected {POINT_HINT}; found {describe(node)}")
    return None


def _pair(rep: Reporter, node: Node, path: str) -> Pair | None:
    """One point for both limbs together, or two points [[x, y], [x, y]]: near, then far."""
    if isinstance(node, SequenceNode) and node.value and isinstance(node.value[0], SequenceNode):
        if len(node.value) != 2:
            rep.at(node, path, f"expected one point, or two (near, far); found {len(node.value)} points")
            return None
        near, far = (_point(rep, item, f"{path}[{i}]") for i, item in enumerate(node.value))
        return None if near is None or far is None else (near, far)
    point = _point(rep, node, path)
    return None if point is None else (point, point)
