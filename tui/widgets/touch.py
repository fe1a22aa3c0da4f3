"""Whether lumbar is used with a finger: a browser page opened on a touch screen.

The page says so when it connects (tui/cli/serve/web/static/js/lumbar.js asks for
``touch=1`` where the pointer is coarse; the server passes LUMBAR_TOUCH=1 on and the
launcher sets the App's ``touch``). There the hints name taps, not keys, and every choice
the keyboard has is also a button (a KeyBar, drawn as buttons in a browser).
"""

from __future__ import annotations

from textual.dom import DOMNode


def on_touch(node: DOMNode) -> bool:
    """True when `node`'s App runs in a browser page on a touch screen."""
    return bool(getattr(node.app, "touch", False))


def in_page(node: DOMNode) -> bool:
    """True when `node`'s App draws into a browser page (its key bars are buttons)."""
    return bool(node.app.is_web)
