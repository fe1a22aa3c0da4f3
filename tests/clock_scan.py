"""Finding clock reads in Python source: the engine may read none (tests/engine/
test_import_hygiene.py), and only tui/services/clocks.py may read any (tests/test_clock_reads.py)."""

from __future__ import annotations

import ast


CLOCK_NAMES = {"time", "monotonic", "perf_counter", "time_ns", "monotonic_ns", "perf_counter_ns",
               "process_time", "thread_time", "clock_gettime", "clock_gettime_ns", "localtime", "gmtime",
               "ctime", "asctime", "strftime"}
"""Functions of the ``time`` module that read a clock."""


DATE_CLOCKS = {"now", "utcnow", "today"}
"""Class methods of ``datetime.datetime`` / ``datetime.date`` that read a clock."""


def clock_reads(tree: ast.AST) -> list[str]:
    """Every place in ``tree`` that reads a clock, as source text: calls of ``time``'s clock
    functions and of ``datetime.now()``-style methods, however the module or class was
    imported or renamed, and any import of a clock function by name."""
    time_modules, datetime_modules, date_classes = set(), set(), set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "time":
                    time_modules.add(alias.asname or "time")
                elif alias.name == "datetime":
                    datetime_modules.add(alias.asname or "datetime")
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if node.module == "time" and alias.name in CLOCK_NAMES:
                    found.append(ast.unparse(node))
                elif node.module == "datetime" and alias.name in ("datetime", "date"):
                    date_classes.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, name = node.func.value, node.func.attr
        if isinstance(owner, ast.Name):
            if (owner.id in time_modules and name in CLOCK_NAMES) or (owner.id in date_classes and name in DATE_CLOCKS):
                found.append(ast.unparse(node))
        elif (isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name)
              and owner.value.id in datetime_modules and owner.attr in ("datetime", "date")
              and name in DATE_CLOCKS):
            found.append(ast.unparse(node))
    return found
