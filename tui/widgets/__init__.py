"""Display widgets for the session screens.

Re-exported lazily (as ``textual.widgets`` does) so importing the pure
:mod:`tui.widgets.big_font` never drags in Textual.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.widgets.big_time import BigTime
    from tui.widgets.breath_pacer import BreathPacer
    from tui.widgets.rep_counter import RepCounter

__all__ = ["BigTime", "BreathPacer", "RepCounter"]

_MODULES = {
    "BigTime": "tui.widgets.big_time",
    "BreathPacer": "tui.widgets.breath_pacer",
    "RepCounter": "tui.widgets.rep_counter",
}


def __getattr__(name: str) -> object:
    """Import a widget module the first time one of its names is used."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_MODULES[name]), name)
