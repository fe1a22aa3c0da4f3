"""lumbar names the keys it binds itself, as Textual would (tui.widgets.key_hints.key_display).

Textual's ``format_key`` looks most names up in Python's Unicode name table, which brought
about half a MiB of that table into every lumbar's memory for the key bar. If a Textual
release names a key differently, these fail rather than the bar quietly differing.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil

import pytest
from textual.app import App
from textual.binding import Binding

import tui.screens
from tui.widgets.key_hints import _TEXTUAL, key_display, key_name, _read
from tui.widgets.keys import KEYPAD, LAYOUTS


def _bound_keys() -> set[str]:
    import tui.app.app  # noqa: F401 - the App's own bindings

    for module in pkgutil.walk_packages(tui.screens.__path__, "tui.screens."):
        importlib.import_module(module.name)
    keys: set[str] = set()
    for cls in [c for c in gc.get_objects() if isinstance(c, type)
                and isinstance(vars(c).get("__module__"), str) and c.__module__.startswith("tui.")]:
        for binding in vars(cls).get("BINDINGS", None) or ():
            if isinstance(binding, Binding):
                keys.update(k.strip() for k in binding.key.split(","))
    return keys


KEYS = sorted(_bound_keys() | set(_TEXTUAL) | set(KEYPAD) | {k for ks in KEYPAD.values() for k in ks}
              | {k for ks in LAYOUTS.values() for k in ks} | {"ctrl+q", "ctrl+p", "shift+tab", "+", "x+"})


def test_every_bound_key_is_found() -> None:
    assert {"space", "question_mark", "escape", "n", "т", "ctrl+j"} <= set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_named_as_textual_names_it(key: str) -> None:
    app = App()
    binding = Binding(key, "act", "Act")
    assert key_display(app, binding) == app.get_key_display(binding)
    assert _read(app, binding) == key_name(app.get_key_display(binding), key)
