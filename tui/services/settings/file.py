"""Reads settings.yaml through the routine loader's node walk, so every problem has its place.

Each key is read on its own: a bad value is a Problem (``file:line:column: key: what was
expected; found what``) and that key keeps its default while the rest of the file
applies. A file that cannot be read or parsed at all gives only problems. Nothing here
writes or moves the file: it is the user's own.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.services.loader import Problem
from tui.services.loader import fields as F
from tui.services.loader.errors import Reporter
from tui.services.loader.source import EMPTY_FILE, compose, decode, describe, entries, plain, quote
from tui.services.settings.spec import (
    BY_NAME, DAYS, FULL_DAYS, KEYS, MAX_COMMAND_WORD, MAX_COMMAND_WORDS, MAX_ROUTINE_KEY, Spec,
)

_HOURS = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")
_UNIT_SECONDS = {"minutes": 60, "seconds": 1}
HOURS_HINT = "working hours like 09:00-17:00 (HH:MM-HH:MM, 24-hour clock)"


@dataclass
class FileSettings:
    """What a settings.yaml gave: values by setting name, where each was, and every problem."""

    values: dict[str, Any] = field(default_factory=dict)
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Line and column (1-based) of each value given."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each key given (a list value may start on the next)."""
    problems: list[Problem] = field(default_factory=list)
    parsed: bool = True
    """False when the file could not be read as YAML at all (every setting is a default)."""


def read_text(data: bytes, source: str) -> FileSettings:
    """The settings in ``data`` (the bytes of the file named ``source``). Never raises."""
    rep = Reporter(source)
    text = decode(data, rep)
    root = compose(text, rep) if text is not None else None
    if root is None:
        empty = [p.message for p in rep.problems] == [EMPTY_FILE]
        # A file of comments only (as `lumbar config --init` writes one) sets nothing.
        return FileSettings(parsed=empty, problems=[] if empty else rep.error().problems)
    found = FileSettings()
    if isinstance(root, ScalarNode) and plain(root) is None:
        return found
    if not isinstance(root, MappingNode):
        rep.at(root, "", f"expected a mapping of settings, like 'voice: true'; found {describe(root)}")
        found.parsed = False
        found.problems = rep.error().problems
        return found
    for key, (key_node, node) in entries(root, "", KEYS, rep).items():
        value = _read(rep, node, BY_NAME[key])
        if value is not None:
            found.values[key] = value
            found.lines[key] = key_node.start_mark.line + 1
            found.places[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    found.problems = rep.error().problems if rep else []
    return found


def _read(rep: Reporter, node: Node, spec: Spec) -> Any:
    if spec.kind == "flag":
        return F.flag(rep, node, spec.name)
    if spec.kind == "count":
        return F.whole(rep, node, spec.name, spec.low, spec.high)
    if spec.kind in _UNIT_SECONDS:
        return _amount(rep, node, spec)
    if spec.kind == "hours":
        return _hours(rep, node, spec.name)
    if spec.kind == "days":
        return _days(rep, node, spec.name)
    if spec.kind == "command":
        return _command(rep, node, spec.name)
    return F.text(rep, node, spec.name, 1, MAX_ROUTINE_KEY)


def _amount(rep: Reporter, node: Node, spec: Spec) -> int | None:
    """A whole number of the key's unit: a bare number, or duration text like 20m or 90s."""
    unit = spec.kind[:-1]
    per = _UNIT_SECONDS[spec.kind]
    value = plain(node) if isinstance(node, ScalarNode) else None
    amount: float | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str) and not value.strip().isdigit():
        try:
            amount = F.parse_duration(value) / per
        except ValueError:
            amount = None
    if amount is not None and amount == int(amount) and spec.low <= amount <= spec.high:
        return int(amount)
    example = "20m" if unit == "minute" else "30s"
    rep.at(node, spec.name, f"expected a whole number of {unit}s from {spec.low} to {spec.high}, "
                            f"or a duration like {example}; found {describe(node)}")
    return None


def _hours(rep: Reporter, node: Node, path: str) -> str | None:
    match = _HOURS.fullmatch(str(node.value)) if isinstance(node, ScalarNode) else None
    if match:
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60:
            return f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"
    # The text as written: YAML 1.1 would read an unquoted 9:00 as the number 540.
    found = quote(str(node.value)) if isinstance(node, ScalarNode) and plain(node) is not None else describe(node)
    rep.at(node, path, f"expected {HOURS_HINT}; found {found}")
    return None


def _command(rep: Reporter, node: Node, path: str) -> tuple[str, ...] | None:
    """A program and its arguments: a list of words, or one line split as a shell would
    split it (quotes group words; nothing else of a shell applies, as none runs it)."""
    import shlex

    example = "like [foot, lumbar, run, desk-break]"
    text = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(text, str):
        try:
            words = shlex.split(text)
        except ValueError as error:
            rep.at(node, path, f"expected a command {example}; {error}")
            return None
    elif isinstance(node, SequenceNode) and len(node.value) <= MAX_COMMAND_WORDS \
            and all(isinstance(item, ScalarNode) and isinstance(plain(item), str) for item in node.value):
        words = [str(plain(item)) for item in node.value]  # each a str, checked just above
    else:
        rep.at(node, path, f"expected a list of up to {MAX_COMMAND_WORDS} words {example}; "
                           f"found {describe(node)}")
        return None
    if any(not word or len(word) > MAX_COMMAND_WORD or "\0" in word for word in words):
        rep.at(node, path, f"expected words of 1 to {MAX_COMMAND_WORD} characters {example}")
        return None
    return tuple(words)


def _days(rep: Reporter, node: Node, path: str) -> tuple[str, ...] | None:
    """A list of day names (mon or monday, any case); a single name is a list of one."""
    if isinstance(node, ScalarNode) and isinstance(plain(node), str):
        items, paths = [node], [path]
    elif isinstance(node, SequenceNode) and 1 <= len(node.value) <= 7:
        items, paths = node.value, [f"{path}[{i}]" for i in range(len(node.value))]
    else:
        count = f"{len(node.value) or 'no'} items" if isinstance(node, SequenceNode) else describe(node)
        rep.at(node, path, f"expected a list of 1 to 7 days, like [mon, tue, wed, thu, fri]; found {count}")
        return None
    days: list[str] = []
    for item, where in zip(items, paths, strict=True):
        value = plain(item) if isinstance(item, ScalarNode) else None
        word = value.strip().lower() if isinstance(value, str) else None
        day = word if word in DAYS else DAYS[FULL_DAYS.index(word)] if word in FULL_DAYS else None
        if day is None:
            # The hint names the short form the docs use, whichever form it matched.
            close = get_close_matches(word, FULL_DAYS + DAYS, n=1) if word and len(word) < 40 else []
            hint = f"; did you mean '{DAYS[(FULL_DAYS + DAYS).index(close[0]) % 7]}'?" if close else ""
            rep.at(item, where, f"expected a day: {', '.join(DAYS)}; found {describe(item)}{hint}")
        elif day in days:
            rep.at(item, where, f"'{day}' is given twice")
        else:
            days.append(day)
    if len(days) < len(items):
        return None
    return tuple(sorted(days, key=DAYS.index))
