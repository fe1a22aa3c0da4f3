"""The shipped poses: one movement for every exercise of the shipped routines.

Drawn from the side (the figure faces right) unless a note says otherwise, in body units:
a standing person has feet at 0, knees at 8, hips at 16, shoulders at 25 and the head's
centre at 29. :func:`tui.engine.figure.pose.fit` scales each to the figure's box.
``top`` is the peak of a rep, the position held, or the full in-breath.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Union

from tui.engine.figure.pose import Moves, Pair, Point, Pose, Segment, fit

_Joint = Union[Point, Pair]


def _pair(value: _Joint) -> Pair:
    """One point means both limbs together."""
    first, second = value
    if isinstance(first, tuple) and isinstance(second, tuple):
        return first, second
    assert isinstance(first, float | int) and isinstance(second, float | int)
    return (first, second), (first, second)


def _pose(head: Point, shoulders: Point, hips: Point, knees: _Joint, feet: _Joint, hands: _Joint,
          elbows: _Joint | None = None, props: tuple[Segment, ...] = (), floor: bool = True) -> Pose:
    return Pose(head, shoulders, hips, _pair(knees), _pair(feet), _pair(hands),
                None if elbows is None else _pair(elbows), props, floor)


# Lying on the back, head to the left, knees bent and feet flat (the crook lying start of
# most floor exercises), arms along the sides.
_CROOK = _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8), knees=(20.0, 7.5),
               feet=(25.0, 0.3), hands=(14.0, 0.8), elbows=(9.0, 0.8))
# Hands resting on the belly, elbows out on the floor: the breathing position.
_BELLY = _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8), knees=(20.0, 7.5),
               feet=(25.0, 0.3), hands=(10.0, 4.0), elbows=(6.5, 0.8))
_STAND = _pose(head=(0.0, 29.0), shoulders=(0.0, 25.0), hips=(0.0, 16.0),
               knees=((0.5, 8.0), (-0.5, 8.0)), feet=((1.0, 0.0), (-1.0, 0.0)),
               hands=((1.5, 14.5), (-1.0, 14.5)), elbows=((0.8, 19.5), (-0.5, 19.5)))
# On hands and knees (all fours), head to the right.
_FOURS = _pose(head=(13.5, 12.5), shoulders=(10.0, 11.0), hips=(0.0, 11.0), knees=(0.0, 0.5),
               feet=(-8.0, 0.3), hands=(10.0, 0.3), elbows=(10.0, 5.5))


def _moves(start: Pose, top: Pose, end: Pose | None = None) -> Moves:
    return fit(Moves(start, top, end))


def _build() -> dict[str, Moves]:
    crook, belly, stand, fours = _CROOK, _BELLY, _STAND, _FOURS
    return {
        # Breathing: the hands on the belly rise with the in-breath.
        "breathing": _moves(belly, _pose(head=(0.3, 3.0), shoulders=(4.0, 2.2), hips=(13.0, 1.8),
                                         knees=(20.0, 7.5), feet=(25.0, 0.3), hands=(10.0, 6.0),
                                         elbows=(6.5, 1.2))),
        # The vacuum: the belly (under the hands) draws in and down.
        "vacuum": _moves(belly, _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
                                      knees=(20.0, 7.5), feet=(25.0, 0.3), hands=(10.0, 2.4),
                                      elbows=(6.5, 0.8))),
        "knee-to-chest": _moves(crook, _pose(
            head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
            knees=((9.0, 9.5), (20.0, 7.5)), feet=((16.5, 12.0), (25.0, 0.3)),
            hands=((9.5, 9.0), (10.0, 9.5)), elbows=((6.0, 5.5), (6.5, 5.5)))),
        "pelvic-tilt": _moves(crook, _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 3.2),
                                           knees=(20.5, 8.0), feet=(25.0, 0.3), hands=(14.0, 0.8),
                                           elbows=(9.0, 0.8))),
        # The bridge: hips lifted until knees, hips and shoulders are one line.
        "bridge": _moves(crook, _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(12.5, 6.5),
                                      knees=(20.5, 10.0), feet=(25.0, 0.3), hands=(13.0, 0.8),
                                      elbows=(8.5, 0.8))),
        # A partial crunch: head and shoulders curl up a little, arms crossed on the chest.
        "crunch": _moves(_pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
                               knees=(20.0, 7.5), feet=(25.0, 0.3), hands=(6.5, 4.5), elbows=(8.5, 3.0)),
                         _pose(head=(1.8, 7.5), shoulders=(5.5, 5.0), hips=(13.0, 1.8),
                               knees=(20.0, 7.5), feet=(25.0, 0.3), hands=(7.5, 7.5), elbows=(10.0, 5.5))),
        # A heel slide: one heel slides out until that leg lies straight.
        "heel-slide": _moves(crook, _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
                                          knees=((21.5, 1.8), (20.0, 7.5)), feet=((30.0, 0.8), (25.0, 0.3)),
                                          hands=(14.0, 0.8), elbows=(9.0, 0.8))),
        # Hamstring stretch: one leg straight up, a towel from the hands round its foot.
        "hamstring-stretch": _moves(
            _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
                  knees=((19.0, 9.0), (20.0, 7.5)), feet=((22.0, 16.0), (25.0, 0.3)),
                  hands=(11.0, 9.0), elbows=(8.0, 6.0), props=(((11.0, 9.0), (22.5, 16.5)),)),
            _pose(head=(0.3, 3.0), shoulders=(4.0, 1.8), hips=(13.0, 1.8),
                  knees=((15.5, 10.5), (20.0, 7.5)), feet=((17.0, 19.0), (25.0, 0.3)),
                  hands=(9.5, 9.5), elbows=(7.0, 6.0), props=(((9.5, 9.5), (17.5, 19.5)),))),
        # Bird-dog: one arm reaches forward and the opposite leg back, level with the back.
        "bird-dog": _moves(fours, _pose(
            head=(13.5, 12.5), shoulders=(10.0, 11.0), hips=(0.0, 11.0),
            knees=((-8.0, 11.5), (0.0, 0.5)), feet=((-16.0, 12.0), (-8.0, 0.3)),
            hands=((21.0, 12.5), (10.0, 0.3)), elbows=((15.5, 12.0), (10.0, 5.5)))),
        # Donkey kick: one knee stays bent at a right angle and lifts, sole to the ceiling.
        "donkey-kick": _moves(fours, _pose(
            head=(13.5, 12.5), shoulders=(10.0, 11.0), hips=(0.0, 11.0),
            knees=((-8.5, 12.0), (0.0, 0.5)), feet=((-8.5, 20.0), (-8.0, 0.3)),
            hands=(10.0, 0.3), elbows=(10.0, 5.5))),
        # Wall stand: the whole back flat against a wall, heels a foot in front of it.
        "wall-stand": _moves(
            _pose(head=(0.5, 29.0), shoulders=(0.0, 25.0), hips=(-0.5, 16.0), knees=(1.5, 8.0),
                  feet=(2.5, 0.0), hands=(0.5, 14.5), elbows=(0.0, 19.5), props=(((-3.0, 0.0), (-3.0, 31.0)),)),
            _pose(head=(-1.5, 29.0), shoulders=(-2.0, 25.0), hips=(-2.0, 16.0), knees=(0.5, 8.0),
                  feet=(2.5, 0.0), hands=(-1.5, 14.5), elbows=(-2.0, 19.5), props=(((-3.0, 0.0), (-3.0, 31.0)),))),
        # Standing back bend: hands on the small of the back, leaning back (from a little
        # to a little more with each breath in).
        "back-bend": _moves(
            _pose(head=(-2.5, 28.5), shoulders=(-1.5, 24.7), hips=(0.5, 16.0), knees=(0.5, 8.0),
                  feet=(0.0, 0.0), hands=(-1.5, 17.0), elbows=(-4.0, 20.0)),
            _pose(head=(-5.5, 27.5), shoulders=(-3.5, 24.0), hips=(1.0, 16.0), knees=(0.8, 8.0),
                  feet=(0.0, 0.0), hands=(-1.5, 17.0), elbows=(-5.0, 19.5))),
        # Standing thigh stretch: one hand on a desk, the other holds that ankle behind.
        "thigh-stretch": _moves(
            _pose(head=(0.0, 29.0), shoulders=(0.0, 25.0), hips=(0.0, 16.0), knees=(0.0, 8.0),
                  feet=(0.0, 0.0), hands=((7.0, 16.0), (0.5, 14.5)), elbows=((4.0, 20.0), (0.0, 19.5)),
                  props=(((7.0, 16.0), (11.0, 16.0)), ((10.0, 16.0), (10.0, 0.0)))),
            _pose(head=(0.0, 29.0), shoulders=(0.0, 25.0), hips=(0.0, 16.0),
                  knees=((0.0, 8.0), (0.5, 8.5)), feet=((0.0, 0.0), (-6.5, 13.0)),
                  hands=((7.0, 16.0), (-5.5, 14.0)), elbows=((4.0, 20.0), (-3.0, 19.0)),
                  props=(((7.0, 16.0), (11.0, 16.0)), ((10.0, 16.0), (10.0, 0.0))))),
        # Calf stretch: hands on a wall, one foot stepped back with its heel down.
        "calf-stretch": _moves(
            _pose(head=(3.0, 28.5), shoulders=(2.0, 24.5), hips=(0.0, 16.0), knees=(0.5, 8.0),
                  feet=(0.5, 0.0), hands=(10.0, 24.0), elbows=(6.0, 23.0), props=(((11.0, 0.0), (11.0, 31.0)),)),
            _pose(head=(5.5, 27.0), shoulders=(3.5, 23.5), hips=(-2.0, 15.0),
                  knees=((4.0, 8.0), (-5.5, 7.5)), feet=((3.0, 0.0), (-10.0, 0.0)),
                  hands=(10.0, 24.0), elbows=(7.0, 21.0), props=(((11.0, 0.0), (11.0, 31.0)),))),
        # Marching on the spot: one knee up, the opposite arm swinging forward.
        "march": _moves(stand, _pose(
            head=(0.0, 29.0), shoulders=(0.0, 25.0), hips=(0.0, 16.0),
            knees=((7.0, 17.0), (0.0, 8.0)), feet=((7.0, 9.0), (0.0, 0.0)),
            hands=((-3.5, 15.0), (5.5, 18.0)), elbows=((-2.0, 20.0), (3.5, 21.5)))),
        # Standing forward bend: folded from the hips, hands sliding down the legs (lower
        # with each breath in).
        "forward-bend": _moves(
            _pose(head=(10.0, 19.5), shoulders=(7.5, 20.5), hips=(0.0, 16.0), knees=(1.0, 8.0),
                  feet=(0.0, 0.0), hands=(2.5, 9.5), elbows=(5.5, 15.0)),
            _pose(head=(7.5, 13.0), shoulders=(6.5, 17.0), hips=(-0.5, 16.0), knees=(1.0, 8.0),
                  feet=(0.0, 0.0), hands=(2.0, 4.5), elbows=(4.5, 10.5))),
        # Kneeling hip-flexor stretch: one knee down, the other foot flat in front, then a
        # slow lean forward.
        "kneeling-hip-flexor": _moves(
            _pose(head=(0.0, 21.5), shoulders=(0.0, 17.5), hips=(0.0, 8.5),
                  knees=((8.0, 8.0), (-2.0, 0.5)), feet=((8.0, 0.0), (-10.0, 0.3)),
                  hands=(4.0, 9.5), elbows=(1.0, 13.0)),
            _pose(head=(2.5, 21.0), shoulders=(2.5, 17.0), hips=(2.5, 8.0),
                  knees=((10.5, 7.5), (-2.0, 0.5)), feet=((8.0, 0.0), (-10.0, 0.3)),
                  hands=(7.5, 9.0), elbows=(4.0, 12.5))),
        # Lunge hip-flexor stretch: a long step, trunk upright, hips easing forward.
        "lunge-stretch": _moves(
            _pose(head=(0.0, 27.5), shoulders=(0.0, 23.5), hips=(0.0, 14.5),
                  knees=((6.5, 9.5), (-4.0, 7.0)), feet=((7.0, 0.0), (-10.0, 0.5)),
                  hands=(1.5, 13.5), elbows=(0.8, 18.5)),
            _pose(head=(2.0, 26.5), shoulders=(2.0, 22.5), hips=(2.0, 13.5),
                  knees=((9.5, 8.5), (-3.0, 6.0)), feet=((8.0, 0.0), (-10.0, 0.5)),
                  hands=(3.5, 12.5), elbows=(2.8, 17.5))),
        # Lying hip rotation, seen from above: arms out to the sides, one bent knee drops
        # across the body (a little further with each breath in).
        "hip-rotation": _moves(
            _pose(head=(0.0, 0.0), shoulders=(4.0, 0.0), hips=(14.0, 0.0),
                  knees=((19.0, -3.5), (22.0, 0.5)), feet=((25.0, 0.5), (30.0, 0.5)),
                  hands=((4.5, 10.0), (4.5, -10.0)), elbows=((4.2, 5.0), (4.2, -5.0)), floor=False),
            _pose(head=(0.0, 0.0), shoulders=(4.0, 0.0), hips=(14.0, 0.0),
                  knees=((20.0, -6.5), (22.0, 0.5)), feet=((25.0, -1.0), (30.0, 0.5)),
                  hands=((4.5, 10.0), (4.5, -10.0)), elbows=((4.2, 5.0), (4.2, -5.0)), floor=False)),
    }


@lru_cache(maxsize=1)
def library() -> dict[str, Moves]:
    """Every shipped pose by name (``bridge``), fitted to the figure's box; built once."""
    return _build()


def names() -> tuple[str, ...]:
    """The shipped poses' names, sorted, for messages and the docs."""
    return tuple(sorted(library()))
