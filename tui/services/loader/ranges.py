"""Ranges for reps, sets and holds: `reps: 5-12`, `hold: 5s-15s`, or `{from, to, step}`.

The short dashed form reads as a physiotherapist writes a dose ("5-12 reps") and covers
the usual case, the default step (one rep, one set, five seconds). The mapping form names
its parts, so a step other than the default is never a puzzle of dashes. A plain number
is read exactly as before a range existed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from yaml.nodes import MappingNode, Node, ScalarNode

from tui.engine.routine.model import Span
from tui.services.loader import fields
from tui.services.loader.errors import Reporter
from tui.services.loader.source import describe, entries, join, plain

RANGE_KEYS = ("from", "to", "step")
#: Default steps: one rep, one set, five seconds of hold.
DEFAULT_STEP = {"reps": 1, "sets": 1, "hold": 5.0}
_COUNT_RANGE = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")


def count(rep: Reporter, node: Node, path: str, low: int, high: int, unit: str) -> int | Span | None:
    """A whole number, or a range of them: '5-12' or {from: 5, to: 12, step: 1}."""
    if isinstance(node, MappingNode):
        return _mapping(rep, node, path, unit, lambda n, p: fields.whole(rep, n, p, low, high))
    value = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(value, str):
        match = _COUNT_RANGE.fullmatch(value)
        if match:
            ends = int(match.group(1)), int(match.group(2))
            for end in ends:
                if not low <= end <= high:
                    rep.at(node, path, f"expected {unit} from {low} to {high}; found {end} in {value.strip()!r}")
                    return None
            return _span(rep, node, path, unit, ends[0], ends[1], DEFAULT_STEP[unit], default=True)
    return fields.whole(rep, node, path, low, high)


def hold(rep: Reporter, node: Node, path: str) -> tuple[float | None, int | None] | Span | None:
    """What `fields.hold` reads, or a range of timed holds: '5s-15s' or {from, to, step}."""
    if isinstance(node, MappingNode):
        return _mapping(rep, node, path, "hold", lambda n, p: fields.duration(rep, n, p, 1, 600))
    value = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(value, str) and value.count("-") == 1:
        first, last = (part.strip() for part in value.split("-"))
        if "breath" in value:
            rep.at(node, path, "expected one breath count; ranges are for timed holds; "
                               f"found {describe(node)}")
            return None
        if first and last:
            try:
                ends = fields.parse_duration(first), fields.parse_duration(last)
            except ValueError:
                ends = None
            if ends is not None:
                for end in ends:
                    if not 1 <= end <= 600:
                        rep.at(node, path, f"expected holds from 1s to 10m; found {fields.format_duration(end)} "
                                           f"in {value.strip()!r}")
                        return None
                return _span(rep, node, path, "hold", ends[0], ends[1], DEFAULT_STEP["hold"], default=True)
    return fields.hold(rep, node, path)


def _mapping(rep: Reporter, node: MappingNode, path: str, unit: str,
             parse: Callable[[Node, str], float | None]) -> Span | None:
    found = entries(node, path, RANGE_KEYS, rep)
    missing = [key for key in ("from", "to") if key not in found]
    for key in missing:
        rep.at(node, path, f"missing required key '{key}' (a range is {{from, to, step}})")
    values: dict[str, float] = {}
    for key, (_, value) in found.items():
        parsed = parse(value, join(path, key))  # each reports its own problem
        if parsed is not None:
            values[key] = parsed
    if missing or len(values) < len(found):
        return None
    step = values.get("step", DEFAULT_STEP[unit])
    where = found["step"][1] if "step" in found else node
    return _span(rep, where, path, unit, values["from"], values["to"], step, default="step" not in found)


def _span(rep: Reporter, node: Node, path: str, unit: str, low: float, high: float, step: float,
          *, default: bool) -> Span | None:
    show = fields.format_duration if unit == "hold" else (lambda v: f"{v:g}")
    if low > high:
        rep.at(node, path, f"expected a range from low to high; found from {show(low)} to {show(high)}")
        return None
    steps = (high - low) / step if step > 0 else 0.5
    if abs(steps - round(steps)) > 1e-9:
        given = f"{show(step)} (the default)" if default else show(step)
        rep.at(node, path, f"expected a step that goes evenly from {show(low)} to {show(high)}; "
                           f"found step {given}")
        return None
    return Span(float(low), float(high), float(step))
