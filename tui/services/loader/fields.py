"""Parsers for single values (durations, counts, breath patterns, tempos) from YAML nodes."""

from __future__ import annotations

import math
from typing import Any, Callable
import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.engine.frozen import frozen
from tui.engine.routine.model import BREATH_PRESETS, BreathPattern, Position, Tempo
from tui.services.loader.errors import Reporter
from tui.services.loader.source import describe, entries, join, plain, suggest, unsafe_character

BREATH_KEYS = ("inhale", "hold", "exhale", "hold_out")
TEMPO_KEYS = ("lift", "hold", "lower", "pause")
POSITIONS = tuple(p.value for p in Position)
PRESETS = tuple(BREATH_PRESETS)

MAX_HOLD_BREATHS = 60
DURATION_HINT = "a duration like 10s or 1m30s"

_NUMBER = r"\d+(?:\.\d+)?"
_DURATION = re.compile(rf"(?:({_NUMBER})\s*h)?\s*(?:({_NUMBER})\s*m)?\s*(?:({_NUMBER})\s*s)?")
_LONE_NUMBER = re.compile(_NUMBER)
_BREATHS = re.compile(r"(\d+)\s*breaths?")
_DASHED = re.compile(rf"{_NUMBER}(?:-{_NUMBER}){{1,3}}")

# Words people reach for; only the listed values are accepted, these only steer the hint.
_POSITION_HINTS = {
    "supine": "on-back", "back": "on-back", "lying-on-back": "on-back",
    "prone": "on-front", "front": "on-front", "stomach": "on-front", "on-stomach": "on-front",
    "on-belly": "on-front", "lying-on-front": "on-front", "sitting": "seated", "sit": "seated",
    "stand": "standing", "kneel": "kneeling", "all-fours": "hands-and-knees",
    "on-all-fours": "hands-and-knees", "quadruped": "hands-and-knees", "side": "side-lying",
    "on-side": "side-lying", "lying-on-side": "side-lying",
}


def parse_duration(value: str | int | float) -> float:
    """Seconds in a duration: a number, or text like ``10s``, ``1m30s``, ``1.5s``, ``"45"``.

    Raises ValueError for anything else, including negatives, NaN and infinity.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected {DURATION_HINT}; found {value}")
    if isinstance(value, (int, float)):
        try:
            seconds = float(value)
        except OverflowError:
            raise ValueError(f"expected {DURATION_HINT}; found a number too large") from None
    elif isinstance(value, str):
        text = value.strip()
        if _LONE_NUMBER.fullmatch(text):
            seconds = float(text)
        else:
            match = _DURATION.fullmatch(text)
            if not text or match is None:
                raise ValueError(f"expected {DURATION_HINT}; found {value!r}")
            hours, minutes, secs = (float(g) if g else 0.0 for g in match.groups())
            seconds = hours * 3600 + minutes * 60 + secs
    else:
        raise ValueError(f"expected {DURATION_HINT}; found {type(value).__name__}")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"expected {DURATION_HINT}; found {value!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """The short form a routine file would use: 0s, 0.5s, 2m, 1m30s, 1h."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{int(hours)}h" if hours else "", f"{int(minutes)}m" if minutes else ""]
    parts.append(f"{secs:g}s" if secs or not (hours or minutes) else "")
    return "".join(parts)


def _scalar(node: Node) -> object:
    """The plain value, or a marker object for collections so type checks fail cleanly."""
    return plain(node) if isinstance(node, ScalarNode) else node


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def text(rep: Reporter, node: Node, path: str, low: int, high: int) -> str | None:
    value = _scalar(node)
    span = f"{low} to {high}" if low else f"up to {high}"
    expected = f"expected text of {span} characters"
    if value is None or not isinstance(node, ScalarNode):
        rep.at(node, path, f"{expected}; found {describe(node)}")
        return None
    # The text as written, so `name: 1984` or `cue: yes` stay what the user typed.
    result = str(node.value).strip()
    if not low <= len(result) <= high:
        found = f"{len(result)} characters" if result else "''"
        rep.at(node, path, f"{expected}; found {found}")
        return None
    unsafe = unsafe_character(result)
    if unsafe is not None:  # written as an escape, so the file's own check did not see it
        rep.at(node, path, f"expected plain text; found {unsafe} (written as an escape)")
        return None
    return result


def text_list(rep: Reporter, node: Node, path: str, items: int, length: int) -> tuple[str, ...] | None:
    """A list of texts; a single text is a list of one."""
    if isinstance(node, ScalarNode) and plain(node) is not None:
        one = text(rep, node, path, 1, length)
        return None if one is None else (one,)
    if not isinstance(node, SequenceNode):
        rep.at(node, path, f"expected a list of text; found {describe(node)}")
        return None
    if len(node.value) > items:
        rep.at(node, path, f"expected up to {items} items; found {len(node.value)}")
        return None
    results = [text(rep, item, f"{path}[{i}]", 1, length) for i, item in enumerate(node.value)]
    return None if any(r is None for r in results) else tuple(r for r in results if r is not None)


def whole(rep: Reporter, node: Node, path: str, low: int, high: int) -> int | None:
    value = _scalar(node)
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    rep.at(node, path, f"expected a whole number from {low} to {high}; found {describe(node)}")
    return None


def flag(rep: Reporter, node: Node, path: str) -> bool | None:
    value = _scalar(node)
    if isinstance(value, bool):
        return value
    rep.at(node, path, f"expected true or false; found {describe(node)}")
    return None


def _seconds(node: Node) -> float | None:
    value = _scalar(node)
    if not (_number(value) or isinstance(value, str)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and value < 0:
            return float(value)  # a well-formed number; the range check explains it
    try:
        return parse_duration(value)  # type: ignore[arg-type]  # str or number, checked above
    except ValueError:
        return None


def _in_range(rep: Reporter, node: Node, path: str, seconds: float, low: float, high: float) -> bool:
    if low <= seconds <= high:
        return True
    span = f"from {format_duration(low)} to {format_duration(high)}"
    rep.at(node, path, f"expected a duration {span}; found {describe(node)}")
    return False


def duration(rep: Reporter, node: Node, path: str, low: float, high: float) -> float | None:
    seconds = _seconds(node)
    if seconds is None:
        rep.at(node, path, f"expected {DURATION_HINT}; found {describe(node)}")
        return None
    return seconds if _in_range(rep, node, path, seconds, low, high) else None


def hold(rep: Reporter, node: Node, path: str) -> tuple[float | None, int | None] | None:
    """(seconds, None) for a timed hold, (None, breaths) for a breath-counted one."""
    value = _scalar(node)
    if isinstance(value, str):
        match = _BREATHS.fullmatch(value.strip())
        if match:
            count = int(match.group(1)) if len(match.group(1)) < 10 else 10**9
            if 1 <= count <= MAX_HOLD_BREATHS:
                return None, count
            rep.at(node, path, f"expected from 1 to {MAX_HOLD_BREATHS} breaths; found {describe(node)}")
            return None
    seconds = _seconds(node)
    if seconds is None:
        hint = f"expected {DURATION_HINT}, or a breath count like '5 breaths'"
        rep.at(node, path, f"{hint}; found {describe(node)}")
        return None
    return (seconds, None) if _in_range(rep, node, path, seconds, 1, 600) else None


def position(rep: Reporter, node: Node, path: str) -> Position | None:
    value = _scalar(node)
    if isinstance(value, str) and value in POSITIONS:
        return Position(value)
    hint = ""
    if isinstance(value, str):
        normal = re.sub(r"[\s_]+", "-", value.strip().lower())
        if normal in POSITIONS or normal in _POSITION_HINTS:
            hint = f"; did you mean '{_POSITION_HINTS.get(normal, normal)}'?"
        else:
            hint = suggest(normal, POSITIONS)
    rep.at(node, path, f"expected one of {', '.join(POSITIONS)}; found {describe(node)}{hint}")
    return None


def _parts(
    rep: Reporter, node: Node, path: str, values: dict[str, Node | float],
    bounds: dict[str, tuple[float, float]],
) -> dict[str, float] | None:
    """Checks each named part against its bounds; parts from a dashed string share its node."""
    result: dict[str, float] = {}
    for key, given in values.items():
        low, high = bounds[key]
        sub = join(path, key)
        if isinstance(given, Node):
            seconds = duration(rep, given, sub, low, high)
        elif low <= given <= high:
            seconds = given
        else:
            span = f"from {format_duration(low)} to {format_duration(high)}"
            rep.at(node, sub, f"expected a duration {span}; found {given:g}")
            seconds = None
        if seconds is not None:
            result[key] = seconds
    return result if len(result) == len(values) else None


def _mapping_parts(
    rep: Reporter, node: MappingNode, path: str, keys: tuple[str, ...], required: tuple[str, ...]
) -> tuple[dict[str, Node | float], bool]:
    """The parts a mapping gives, and whether it gives all the required ones."""
    found = entries(node, path, keys, rep)
    missing = [k for k in required if k not in found]
    for key in missing:
        rep.at(node, path, f"missing required key '{key}'")
    given: dict[str, Node | float] = {k: v for k, (_, v) in found.items()}
    return given, not missing


@frozen
class _Cycle:
    """How to read one kind of phase cycle: breaths and tempo reps share the grammar."""

    keys: tuple[str, ...]
    required: tuple[str, str]
    bounds: dict[str, tuple[float, float]]
    orders: dict[int, tuple[str, ...]]
    """Which phases a dashed string of 2, 3 or 4 numbers names."""
    build: Callable[..., Any]
    expected: str


_BREATH = _Cycle(
    BREATH_KEYS, ("inhale", "exhale"),
    {"inhale": (1.0, 20.0), "hold": (0.0, 20.0), "exhale": (1.0, 20.0), "hold_out": (0.0, 20.0)},
    {2: ("inhale", "exhale"), 3: ("inhale", "hold", "exhale"), 4: BREATH_KEYS},
    BreathPattern,
    f"a preset ({', '.join(PRESETS)}), a pattern like '4-7-8', or a mapping with inhale and exhale",
)
_TEMPO = _Cycle(
    TEMPO_KEYS, ("lift", "lower"),
    {"lift": (0.5, 20.0), "hold": (0.0, 20.0), "lower": (0.5, 20.0), "pause": (0.0, 20.0)},
    # Three or four numbers, as the format defines: '2-1' could mean lift-lower or lift-hold.
    {3: ("lift", "hold", "lower"), 4: TEMPO_KEYS},
    Tempo,
    "a tempo of three or four numbers like '2-1-2' (lift-hold-lower) or '2-1-2-1' "
    "(then a pause), or a mapping with lift and lower",
)


def _cycle(rep: Reporter, node: Node, path: str, kind: _Cycle, hint: str = "") -> Any:
    if isinstance(node, MappingNode):
        given, complete = _mapping_parts(rep, node, path, kind.keys, kind.required)
        parts = _parts(rep, node, path, given, kind.bounds)
        return _build(kind, parts) if complete and parts is not None else None
    value = _scalar(node)
    if not (isinstance(value, str) and _DASHED.fullmatch(value.strip())):
        rep.at(node, path, f"expected {kind.expected}; found {describe(node)}{hint}")
        return None
    numbers = [float(n) for n in value.strip().split("-")]
    if len(numbers) not in kind.orders:
        rep.at(node, path, f"expected {kind.expected}; found {describe(node)}, {len(numbers)} numbers")
        return None
    dashed: dict[str, Node | float] = dict(zip(kind.orders[len(numbers)], numbers, strict=True))
    parts = _parts(rep, node, path, dashed, kind.bounds)
    return None if parts is None else _build(kind, parts)


def _build(kind: _Cycle, parts: dict[str, float]) -> Any:
    return kind.build(*(parts.get(key, 0.0) for key in kind.keys))


def breath(rep: Reporter, node: Node, path: str) -> BreathPattern | None:
    """A preset name, a dashed string like 4-7-8, or an {inhale, hold, exhale, hold_out} mapping."""
    value = _scalar(node)
    if not isinstance(node, MappingNode) and isinstance(value, str) and value.strip() in BREATH_PRESETS:
        return BREATH_PRESETS[value.strip()]
    hint = suggest(value, PRESETS) if isinstance(value, str) and not _DASHED.fullmatch(value.strip()) else ""
    return _cycle(rep, node, path, _BREATH, hint)


def tempo(rep: Reporter, node: Node, path: str) -> Tempo | None:
    """A dashed string like 2-1-2 (lift-hold-lower[-pause]) or a {lift, hold, lower, pause} mapping."""
    return _cycle(rep, node, path, _TEMPO)
