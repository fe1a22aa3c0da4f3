"""Problems found in a routine file, and the one exception that carries them."""

from __future__ import annotations

import re
from typing import Protocol

from yaml.nodes import Node

from tui.engine.frozen import frozen

#: A file with more problems than this is almost certainly not a routine at all.
MAX_PROBLEMS = 100


@frozen
class Problem:
    """One thing wrong with a routine file, located for an editor to jump to."""

    file: str
    line: int
    """1-based; 0 when the problem is with the file as a whole (it can't be read)."""
    column: int
    """1-based."""
    path: str
    """Field path such as ``exercises[2].hold``; empty for the document itself."""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        path = _for_people(self.path)
        return f"{where}: {path}: {self.message}" if path else f"{where}: {self.message}"


_EXERCISE = re.compile(r"exercises\[(\d+)\]")


def _for_people(path: str) -> str:
    """``exercises[0].hold`` as "exercise 1 (exercises[0].hold)": people count from 1,
    and the field path stays beside it for editors and the schema."""
    found = _EXERCISE.match(path)
    return f"exercise {int(found.group(1)) + 1} ({path})" if found else path


class RoutineError(Exception):
    """A routine file could not be loaded; ``problems`` says every reason why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class Mark(Protocol):
    """A 0-based position; PyYAML and its libyaml binding each have their own Mark class."""

    line: int
    column: int


class Reporter:
    """Collects problems for one file so the whole file is checked in one go."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.meant: set[tuple[str, str]] = set()
        """(path, key) pairs a did-you-mean already pointed at: that key is not also
        reported missing, so one typo gives one problem."""

    def at(self, where: Node | Mark | None, path: str, message: str) -> None:
        """Record a problem at a node's start (or a mark); None means the top of the file."""
        mark = where.start_mark if isinstance(where, Node) else where
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.problems.append(Problem(self.file, line, column, path, message))

    def at_line(self, line: int, column: int, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, column, path, message))

    def whole_file(self, message: str) -> None:
        self.problems.append(Problem(self.file, 0, 0, "", message))

    @property
    def flooded(self) -> bool:
        """Past the cap: further detail (like did-you-mean searches) would never be shown."""
        return len(self.problems) >= MAX_PROBLEMS

    def __bool__(self) -> bool:
        return bool(self.problems)

    def error(self) -> RoutineError:
        """The problems in reading order, capped so a binary blob can't flood the screen."""
        found = sorted(dict.fromkeys(self.problems), key=lambda p: (p.line, p.column))
        if len(found) > MAX_PROBLEMS:
            extra = len(found) - MAX_PROBLEMS
            found = found[:MAX_PROBLEMS]
            found.append(Problem(self.file, 0, 0, "", f"... and {extra} more problems"))
        return RoutineError(found)
