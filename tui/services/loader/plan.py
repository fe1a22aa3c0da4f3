"""Reads plan.yaml, the plan set with a clinician, through the routine loader's node walk,
so every problem has its file:line:column, its field and what was expected.

A plan with any problem is not used at all (half a plan would remind on the wrong days);
the routines never depend on it. No Textual.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, time
from difflib import get_close_matches
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.engine.plan.model import DAYS, Entry, Plan
from tui.services.loader import fields
from tui.services.loader.errors import Reporter, RoutineError
from tui.services.loader.source import EMPTY_FILE, compose, decode, describe, entries, plain, quote, read_file

PLAN_KEYS = ("lumbar", "start", "review", "set_by", "note", "time", "routines")
ENTRY_KEYS = ("routine", "days", "time")
FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_ENTRIES = 20
MAX_NOTE = 1000
MAX_SET_BY = 80
EXPECTED_PLAN = "expected a plan mapping with 'start' and 'routines'"
DATE_HINT = "a date like 2026-11-02 (YYYY-MM-DD)"
TIME_HINT = "a time of day like 18:00 (HH:MM, 24-hour clock)"
DAYS_HINT = "days a week (1 to 7), 'daily', or a list of days like [mon, wed, fri]"

_TIME = re.compile(r"\s*(\d{1,2}):(\d{2})\s*")
_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")
# Words a clinician may reach for instead of the keys; only steer the did-you-mean.
_HINTS = {"reviewed": "review", "review_date": "review", "next_review": "review",
          "by": "set_by", "clinician": "set_by", "physio": "set_by", "physiotherapist": "set_by",
          "notes": "note", "comment": "note", "from": "start", "starts": "start",
          "start_date": "start", "begin": "start", "at": "time", "when": "time",
          "weekdays": "days", "per_week": "days", "days_per_week": "days", "name": "routine",
          "session": "routine", "sessions": "routines", "exercises": "routines"}


def load_plan(path: Path, routines: Collection[str] | None = None) -> Plan:
    """The plan in the file at `path`; `routines` are the routine keys that exist (None:
    not checked). Raises RoutineError, and only RoutineError, listing every problem."""
    rep = Reporter(str(path))
    data = read_file(Path(path), rep)
    if data is None:
        raise rep.error()
    return plan_text(data, str(path), routines)


def plan_text(data: str | bytes, source: str, routines: Collection[str] | None = None) -> Plan:
    """The plan in `data`; `source` names it in messages. Raises RoutineError."""
    rep = Reporter(source)
    text = decode(data, rep)
    root = compose(text, rep) if text is not None else None
    if root is not None and rep.problems == []:
        plan = _plan(rep, root, routines)
        if not rep and plan is not None:
            return plan
    if [p.message for p in rep.problems] == [EMPTY_FILE]:
        rep.problems[0] = type(rep.problems[0])(source, 1, 1, "", f"{EXPECTED_PLAN}; the file is empty")
    raise rep.error()


def _plan(rep: Reporter, root: Node, routines: Collection[str] | None) -> Plan | None:
    if not isinstance(root, MappingNode):
        rep.at(root, "", f"{EXPECTED_PLAN}; found {describe(root)}")
        return None
    found = entries(root, "", PLAN_KEYS, rep)
    _hint_unknown(rep, root, PLAN_KEYS, "")
    for required in ("start", "routines"):
        if required not in found and ("", required) not in rep.meant:
            rep.at(root, "", f"missing required key '{required}'")
    if "lumbar" in found:
        node = found["lumbar"][1]
        if not (isinstance(node, ScalarNode) and type(plain(node)) is int and plain(node) == 1):
            rep.at(node, "lumbar", f"expected format version 1; found {describe(node)}")
    start = _date(rep, found["start"][1], "start") if "start" in found else None
    review = _date(rep, found["review"][1], "review") if "review" in found else None
    if start is not None and review is not None and review < start:
        rep.at(found["review"][1], "review", f"expected a date on or after the start ({start}); found {review}")
    set_by = fields.text(rep, found["set_by"][1], "set_by", 0, MAX_SET_BY) if "set_by" in found else ""
    note = fields.text(rep, found["note"][1], "note", 0, MAX_NOTE) if "note" in found else ""
    at = _time(rep, found["time"][1], "time") if "time" in found else None
    listed = _entries(rep, found["routines"][1], at, routines) if "routines" in found else None
    if rep or start is None or listed is None:
        return None
    return Plan(listed, start, review, set_by or "", note or "")


def _hint_unknown(rep: Reporter, node: MappingNode, allowed: tuple[str, ...], path: str) -> None:
    """Give the clinician's words their did-you-mean: `entries` reported the key as unknown
    with difflib's guess or the list of keys; a word from _HINTS says which key it means."""
    for key_node, _ in node.value:
        if not isinstance(key_node, ScalarNode):
            continue
        word = str(key_node.value).strip().lower().replace(" ", "_").replace("-", "_")
        meant = _HINTS.get(word)
        if meant not in allowed or str(key_node.value) in allowed:
            continue
        for n, problem in enumerate(rep.problems):
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if (problem.line, problem.column) == (line, column) and "unknown key" in problem.message:
                message = f"unknown key {quote(str(key_node.value))}; did you mean '{meant}'?"
                rep.problems[n] = type(problem)(problem.file, line, column, path, message)
                rep.meant.add((path, meant))


def _entries(rep: Reporter, node: Node, at: time | None,
             routines: Collection[str] | None) -> tuple[Entry, ...] | None:
    if not isinstance(node, SequenceNode) or not 1 <= len(node.value) <= MAX_ENTRIES:
        count = f"{len(node.value) or 'no'} items" if isinstance(node, SequenceNode) else describe(node)
        rep.at(node, "routines", f"expected a list of 1 to {MAX_ENTRIES} routines, each with "
                                 f"'routine' and 'days'; found {count}")
        return None
    built: list[Entry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node.value):
        path = f"routines[{i}]"
        entry = _entry(rep, item, path, at, routines)
        if entry is None:
            continue
        if entry.routine in seen:
            rep.at(item, f"{path}.routine",
                   f"the routine '{entry.routine}' is planned twice, first on line {seen[entry.routine]}; "
                   "give it one entry")
            continue
        seen[entry.routine] = entry.line
        built.append(entry)
    return tuple(built) if len(built) == len(node.value) else None


def _entry(rep: Reporter, node: Node, path: str, at: time | None,
           routines: Collection[str] | None) -> Entry | None:
    if not isinstance(node, MappingNode):
        rep.at(node, path, f"expected a mapping with 'routine' and 'days', like "
                           f"{{routine: core-basics, days: [mon, wed, fri]}}; found {describe(node)}")
        return None
    before = len(rep.problems)
    found = entries(node, path, ENTRY_KEYS, rep)
    _hint_unknown(rep, node, ENTRY_KEYS, path)
    for required in ("routine", "days"):
        if required not in found and (path, required) not in rep.meant:
            rep.at(node, path, f"missing required key '{required}'")
    key = _routine(rep, found["routine"][1], f"{path}.routine", routines) if "routine" in found else None
    days = _days(rep, found["days"][1], f"{path}.days") if "days" in found else None
    own = _time(rep, found["time"][1], f"{path}.time") if "time" in found else at
    if len(rep.problems) > before or key is None or days is None:
        return None
    weekdays, per_week = days
    return Entry(key, weekdays, per_week, own, node.start_mark.line + 1)


def _routine(rep: Reporter, node: Node, path: str, routines: Collection[str] | None) -> str | None:
    value = plain(node) if isinstance(node, ScalarNode) else None
    if not isinstance(value, str) or not value.strip():
        rep.at(node, path, f"expected a routine's name as `lumbar list` shows it, like core-basics; "
                           f"found {describe(node)}")
        return None
    key = str(node.value).strip()
    if routines is not None and key not in routines:
        wanted = key.casefold().replace(" ", "-")
        same = [k for k in routines if k.casefold() == wanted]
        close = same or get_close_matches(key, list(routines), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "; `lumbar list` shows them all"
        rep.at(node, path, f"expected a routine lumbar has; found {quote(key)}{hint}")
        return None
    return key


def _days(rep: Reporter, node: Node, path: str) -> tuple[frozenset[int] | None, int] | None:
    """(fixed weekdays, days a week): a list of days, 'daily', or a whole number 1-7."""
    value = plain(node) if isinstance(node, ScalarNode) else None
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= 7:
            return None, value
        rep.at(node, path, f"expected {DAYS_HINT}; found {describe(node)}")
        return None
    if isinstance(value, str) and value.strip().lower() in ("daily", "every day", "everyday"):
        return frozenset(range(7)), 7
    if isinstance(node, ScalarNode) and isinstance(value, str):
        items, paths = [node], [path]
    elif isinstance(node, SequenceNode) and 1 <= len(node.value) <= 7:
        items, paths = node.value, [f"{path}[{i}]" for i in range(len(node.value))]
    else:
        count = f"{len(node.value) or 'no'} items" if isinstance(node, SequenceNode) else describe(node)
        rep.at(node, path, f"expected {DAYS_HINT}; found {count}")
        return None
    days: set[int] = set()
    ok = True
    for item, where in zip(items, paths, strict=True):
        raw = plain(item) if isinstance(item, ScalarNode) else None
        word = raw.strip().lower() if isinstance(raw, str) else None
        day = DAYS.index(word) if word in DAYS else FULL_DAYS.index(word) if word in FULL_DAYS else None
        several = _several_days(word) if item is node else None
        if day is None and several:
            # "mon wed fri" or "mon, wed, fri": the days are right, only the brackets are missing.
            rep.at(item, where, f"expected a list of days in brackets; found {describe(item)}; "
                                f"did you mean [{', '.join(several)}]?")
            ok = False
        elif day is None:
            close = get_close_matches(word, FULL_DAYS + DAYS, n=1) if word and len(word) < 40 else []
            hint = f"; did you mean '{DAYS[(FULL_DAYS + DAYS).index(close[0]) % 7]}'?" if close else ""
            rep.at(item, where, f"expected a day: {', '.join(DAYS)}; found {describe(item)}{hint}")
            ok = False
        elif day in days:
            rep.at(item, where, f"'{DAYS[day]}' is given twice")
            ok = False
        else:
            days.add(day)
    return (frozenset(days), len(days)) if ok else None


def _several_days(word: str | None) -> list[str] | None:
    """The days of "mon wed fri" or "Monday, Friday" as short names; None unless it names
    two or more days and nothing else."""
    parts = [p for p in re.split(r"[\s,;/]+", word or "") if p]
    if len(parts) < 2 or not all(p in DAYS or p in FULL_DAYS for p in parts):
        return None
    return [DAYS[(DAYS + FULL_DAYS).index(p) % 7] for p in parts]


def _time(rep: Reporter, node: Node, path: str) -> time | None:
    # The text as written: YAML 1.1 reads an unquoted 18:00 as the number 1080.
    match = _TIME.fullmatch(str(node.value)) if isinstance(node, ScalarNode) else None
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return time(int(match.group(1)), int(match.group(2)))
    found = quote(str(node.value)) if isinstance(node, ScalarNode) and plain(node) is not None else describe(node)
    rep.at(node, path, f"expected {TIME_HINT}; found {found}")
    return None


def _date(rep: Reporter, node: Node, path: str) -> date | None:
    match = _DATE.fullmatch(str(node.value)) if isinstance(node, ScalarNode) else None
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            rep.at(node, path, f"expected {DATE_HINT}; found {quote(str(node.value))}, which is no day of the calendar")
            return None
    found = quote(str(node.value)) if isinstance(node, ScalarNode) and plain(node) is not None else describe(node)
    rep.at(node, path, f"expected {DATE_HINT}; found {found}")
    return None
