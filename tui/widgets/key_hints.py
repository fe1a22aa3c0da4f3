"""The keys a screen answers to right now, as the key bar, help and palette show them.

Read from ``Screen.active_bindings``, not from the class ``BINDINGS``: that is where
Textual has applied a user keymap (``App.set_keymap``) and the screen's ``check_action``,
so a key the user moved shows where it went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.engine.frozen import frozen
from tui.widgets.keys import is_extra

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.screen import Screen

#: Key names as a person reads them; anything else is named by Textual.
_NAMES = {"question_mark": "?", "equals_sign": "=", "plus": "+", "minus": "-", "right": "→",
          "left": "←", "up": "↑", "down": "↓", "escape": "esc", "space": "space", "enter": "enter"}


@frozen
class KeyHint:
    """One action and every key bound to it."""

    id: str | None
    """The binding id (``"session.pause"``), the name a keymap uses."""
    action: str
    key: str
    """The key to show in a one-line bar: the binding's own ``key_display`` or the first key."""
    keys: tuple[str, ...]
    """Every key bound to the action, named for reading (``("n", "→")``)."""
    description: str
    tooltip: str
    """The longer description (help, palette); the short one when there is none."""
    enabled: bool
    """False when the action does nothing right now (``check_action`` returned None)."""
    show: bool
    """Whether the binding asks to be shown in the key bar."""
    app_level: bool
    """Bound on the App rather than on the screen."""


#: What Textual shows (``textual.keys.format_key``) for the key names lumbar binds that
#: are not one character. Textual finds most of them by looking the name up in Python's
#: Unicode name table, which costs no time but brings ~0.5 MiB of that table into memory
#: for a key bar; a key missing here is still asked of Textual.
_TEXTUAL = {"asterisk": "*", "full_stop": ".", "semicolon": ";", "slash": "/", "question_mark": "?",
            "plus": "+", "equals_sign": "=", "minus": "-", "up": "↑", "down": "↓", "left": "←",
            "right": "→", "escape": "esc", "enter": "⏎", "space": "space", "delete": "del",
            "backspace": "⌫", "tab": "tab", "f1": "f1", "add": "add", "subtract": "subtract",
            "multiply": "multiply", "divide": "divide", "decimal": "decimal", "insert": "insert",
            "kp_begin": "kp_begin"}


def key_display(app: App[object], binding: Binding) -> str:
    """``app.get_key_display(binding)`` (Textual 8's rules: the key's display, "^" for
    ctrl, other modifiers joined with "+"), named here for the keys lumbar binds."""
    if binding.key_display:
        return binding.key_display
    modifiers, key = binding.parse_key()
    name = key if len(key) == 1 else _TEXTUAL.get(key)
    if name is None or not key:
        return app.get_key_display(binding)
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        name = f"^{name}"
    return "+".join([*modifiers, name])


def key_name(app_key_display: str, key: str) -> str:
    """``key`` (a Textual key name) as a person reads it; ``app_key_display`` is Textual's
    own display of it, used when lumbar has no better name."""
    if "+" in key.rstrip("+"):
        return key  # "ctrl+p" reads better than Textual's "^p"
    return _NAMES.get(key, app_key_display)


def key_hints(screen: Screen) -> list[KeyHint]:
    """Every action bound on ``screen`` and the App right now, screen first, each in the
    order its class declares it (a keymap does not reorder them). Bindings without an id
    or a description (Textual's focus and copy keys) are left out, except the command
    palette's.
    """
    app = screen.app
    groups: dict[tuple[int, str], list[Binding]] = {}
    nodes: dict[int, DOMNode] = {}
    enabled: dict[tuple[int, str], bool] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        palette = key == app.COMMAND_PALETTE_BINDING and binding.action == "command_palette"
        if not (binding.description and (binding.id or palette)):
            continue
        nodes[id(active.node)] = active.node
        groups.setdefault((id(active.node), binding.action), []).append(binding)
        enabled.setdefault((id(active.node), binding.action), active.enabled)
    hints: list[tuple[tuple[int, int], KeyHint]] = []
    for (node_id, action), bindings in groups.items():
        node = nodes[node_id]
        # The keypad and other layouts' twins of a key (tui/widgets/keys.py) work, but are not shown:
        # one key per action, as the person reads it on their own keyboard.
        bindings = [b for b in bindings if not is_extra(b.key)] or bindings
        first = bindings[0]
        keys = tuple(_read(app, b) for b in bindings)
        palette = action == "command_palette"
        hints.append(((node is app, _declared(node, action)), KeyHint(
            id=first.id, action=action, key=key_display(app, first), keys=keys,
            description="Command palette" if palette else first.description,
            tooltip="Command palette" if palette else (first.tooltip or first.description),
            enabled=enabled[node_id, action], show=first.show, app_level=node is app,
        )))
    return [hint for _, hint in sorted(hints, key=lambda pair: pair[0])]


def _read(app: App[object], binding: Binding) -> str:
    """``key_name`` of the binding's key, asking Textual only for a key lumbar does not name."""
    key = binding.key
    if "+" in key.rstrip("+"):
        return key
    name = _NAMES.get(key)
    if name is None and len(key) == 1 and key != "+":
        name = key
    if name is None:
        name = _TEXTUAL.get(key)
    if name is None:
        name = app.get_key_display(binding.with_key(key, key_display=None))
    return name


def _declared(node: DOMNode, action: str) -> int:
    """Where ``node``'s classes declare ``action`` (for order only); unknown ones last."""
    index = 0
    for cls in type(node).__mro__:
        for binding in getattr(cls, "BINDINGS", None) or ():
            if getattr(binding, "action", None) == action:
                return index
            index += 1
    return 10_000
