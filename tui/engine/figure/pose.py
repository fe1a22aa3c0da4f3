"""A pose: where the joints of a stick figure are, seen from the side, and how poses blend.

Coordinates are in a box :data:`WIDTH` x :data:`HEIGHT` units, x to the right and y up
from the floor (0). The figure faces right; :func:`mirror` turns it to face left, for the
other side of a two-sided exercise. One unit is one braille dot at 32 x 8 cells.
"""

from __future__ import annotations

import math
from dataclasses import field

from tui.engine.frozen import frozen

#: The box every pose is drawn in, in units: twice as wide as tall, as 32 x 8 cells are.
WIDTH, HEIGHT = 64.0, 32.0
#: The head's radius as a share of its distance from the shoulders: the neck is the rest.
HEAD_SHARE = 0.75

Point = tuple[float, float]
"""(x, y) in units."""
Pair = tuple[Point, Point]
"""A limb joint on both sides: (near, far)."""
Segment = tuple[Point, Point]
"""A line of a prop (a towel, a wall), from one point to another."""

#: The joints a pose names, in the order a routine file may give them.
SINGLE_JOINTS = ("head", "shoulders", "hips")
PAIRED_JOINTS = ("knees", "feet", "hands", "elbows")
JOINTS = SINGLE_JOINTS + PAIRED_JOINTS


@frozen
class Pose:
    """Joint points of one moment (units, see the module). ``elbows`` may be None: each
    arm is then drawn straight from the shoulders to its hand. ``props`` are extra lines
    drawn with the figure (a wall, a towel); ``floor`` draws the floor under it."""

    head: Point
    shoulders: Point
    hips: Point
    knees: Pair
    feet: Pair
    hands: Pair
    elbows: Pair | None = None
    props: tuple[Segment, ...] = field(default_factory=tuple)
    floor: bool = True

    @property
    def head_radius(self) -> float:
        """The head's radius, in the pose's units (:data:`HEAD_SHARE`)."""
        return HEAD_SHARE * math.dist(self.head, self.shoulders)

    def points(self) -> tuple[Point, ...]:
        """Every joint and prop end, for measuring the figure."""
        joints = (self.head, self.shoulders, self.hips, *self.knees, *self.feet, *self.hands, *self.arms())
        return joints + tuple(p for segment in self.props for p in segment)

    def arms(self) -> Pair:
        """The elbows, or the midpoints of straight arms when the pose gives none."""
        if self.elbows is not None:
            return self.elbows
        near, far = self.hands
        return _mid(self.shoulders, near), _mid(self.shoulders, far)


def _mid(a: Point, b: Point) -> Point:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _flip(p: Point) -> Point:
    return WIDTH - p[0], p[1]


def _flip_pair(pair: Pair) -> Pair:
    return _flip(pair[0]), _flip(pair[1])


def mirror(pose: Pose) -> Pose:
    """The same pose facing the other way (left-right flipped in its box)."""
    return Pose(
        head=_flip(pose.head), shoulders=_flip(pose.shoulders), hips=_flip(pose.hips),
        knees=_flip_pair(pose.knees), feet=_flip_pair(pose.feet), hands=_flip_pair(pose.hands),
        elbows=None if pose.elbows is None else _flip_pair(pose.elbows),
        props=tuple((_flip(a), _flip(b)) for a, b in pose.props), floor=pose.floor,
    )


def ease(t: float) -> float:
    """Ease in and out (a half cosine): ``t`` 0..1 (clamped) to 0..1, slow at both ends
    as a body starts and stops a movement."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _lerp_pair(a: Pair, b: Pair, t: float) -> Pair:
    return _lerp(a[0], b[0], t), _lerp(a[1], b[1], t)


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` (0..1, clamped, not eased) of the way from ``a`` to ``b``, joint by
    joint. Props blend when both poses have as many; otherwise the nearer pose's are kept."""
    t = min(1.0, max(0.0, t))
    if len(a.props) == len(b.props):
        props = tuple((_lerp(pa[0], pb[0], t), _lerp(pa[1], pb[1], t)) for pa, pb in zip(a.props, b.props))
    else:
        props = a.props if t < 0.5 else b.props
    return Pose(
        head=_lerp(a.head, b.head, t), shoulders=_lerp(a.shoulders, b.shoulders, t),
        hips=_lerp(a.hips, b.hips, t), knees=_lerp_pair(a.knees, b.knees, t),
        feet=_lerp_pair(a.feet, b.feet, t), hands=_lerp_pair(a.hands, b.hands, t),
        elbows=None if a.elbows is None and b.elbows is None else _lerp_pair(a.arms(), b.arms(), t),
        props=props, floor=a.floor if t < 0.5 else b.floor,
    )


@frozen
class Moves:
    """The key poses of one exercise: where it starts, its ``top`` (the peak of a rep, the
    position held, the full in-breath), and where it ends (None: back at the start)."""

    start: Pose
    top: Pose
    end: Pose | None = None

    @property
    def finish(self) -> Pose:
        """Where a rep ends: ``end``, or the start when it gives none."""
        return self.start if self.end is None else self.end

    def mirrored(self) -> Moves:
        """The same movement facing the other way."""
        return Moves(mirror(self.start), mirror(self.top), None if self.end is None else mirror(self.end))


def fit(moves: Moves) -> Moves:
    """``moves`` scaled and moved, all key poses alike, to fill the :data:`WIDTH` x
    :data:`HEIGHT` box: centred across, standing on its floor (y = 0) when a pose draws one,
    else centred down. A pose may be written in any units; the figure keeps its shape.
    """
    poses = [moves.start, moves.top] + ([moves.end] if moves.end is not None else [])
    xs = [x for pose in poses for x, _ in pose.points()]
    ys = [y for pose in poses for _, y in pose.points()]
    for pose in poses:
        r = pose.head_radius
        xs += [pose.head[0] - r, pose.head[0] + r]
        ys += [pose.head[1] - r, pose.head[1] + r]
    floor = any(pose.floor for pose in poses)
    left, right = min(xs), max(xs)
    bottom = min(0.0, min(ys)) if floor else min(ys)
    top = max(ys)
    scale = min(WIDTH / max(right - left, 1e-9), HEIGHT / max(top - bottom, 1e-9))
    dx = (WIDTH - (right - left) * scale) / 2 - left * scale
    dy = -bottom * scale + (0.0 if floor else (HEIGHT - (top - bottom) * scale) / 2)

    def move(p: Point) -> Point:
        return p[0] * scale + dx, p[1] * scale + dy

    def pair(p: Pair) -> Pair:
        return move(p[0]), move(p[1])

    def one(pose: Pose) -> Pose:
        return Pose(
            head=move(pose.head), shoulders=move(pose.shoulders), hips=move(pose.hips),
            knees=pair(pose.knees), feet=pair(pose.feet), hands=pair(pose.hands),
            elbows=None if pose.elbows is None else pair(pose.elbows),
            props=tuple((move(a), move(b)) for a, b in pose.props), floor=pose.floor,
        )

    return Moves(one(moves.start), one(moves.top), None if moves.end is None else one(moves.end))
