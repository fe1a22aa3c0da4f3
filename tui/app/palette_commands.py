"""The command palette of LumbarApp: what it lists, and the routine paused while it is open.

A part the App owns (`app.palette`), so app.py stays routing. The palette itself (its query capped) is
tui/app/palette.py; this is the App's side: the system commands (ours replace Textual's Quit
and Screenshot), the screen's keys as bound now, and pause and resume around it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

from textual.app import SystemCommand

from tui.app.host import Host
from tui.engine.routine import session as engine
from tui.screens.session import SessionScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.routine.controller import RoutineController


class PaletteHost(Host, Protocol):
    """What the palette needs of the App beyond `Host`: Textual's own palette switch and quit."""

    use_command_palette: bool
    routine: RoutineController

    def call_later(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...

    def save_screenshot(self, filename: str | None = None, path: str | None = None,
                        time_format: str | None = None) -> str: ...

    async def action_quit(self) -> None: ...


#: Palette titles where a key's short name would be unclear out of the key bar.
PALETTE_TITLES = {"session.quit": "Leave routine", "session.previous": "Back one step",
                  "session.more": "10 s more", "session.less": "10 s less", "session.stop_if": "When to stop"}


class PaletteCommands:
    """The palette's commands and pause.

    Args:
        host: the App (tui.app.host.Host), whose `get_system_commands` calls `commands`.
    """

    def __init__(self, host: PaletteHost) -> None:
        self.host = host
        self._resume = False
        """Resume the routine when the palette closes (it was running when opened)."""
        self._open = False

    def commands(self, screen: Screen, textual: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
        """Textual's system commands for `screen` (`textual`), with ours in place of some."""
        from tui.widgets.key_hints import key_hints

        for command in textual:
            # Textual's "Quit" beside the workout's read as two of the same; its
            # "Screenshot" saves to a Downloads folder that may not exist. Ours replace them.
            if command.title not in ("Quit", "Screenshot"):
                yield command
        yield SystemCommand("Quit lumbar", "Close lumbar (asks first during a routine)", self.host.action_quit)
        yield SystemCommand("Screenshot", "Save the screen as an SVG file in lumbar's data folder",
                            self._save_screenshot)
        # The screen's keys as bound now (a user keymap applied), those that do something.
        for hint in key_hints(screen):
            if hint.app_level or not hint.enabled or hint.action == "app.quit":
                continue
            title = PALETTE_TITLES.get(hint.id or "", hint.description)
            callback: Callable[[], Any] = partial(screen.run_action, hint.action)
            if hint.id == "session.pause":
                callback = partial(self._pause, callback)
            yield SystemCommand(title, f"{hint.tooltip} (key: {', '.join(hint.keys)})", callback)

    def open(self) -> None:
        """The palette (its query capped, see tui/app/palette.py), with the routine paused while
        it is open, as help and safety do."""
        from textual.command import CommandPalette

        from tui.app.palette import Palette

        host = self.host
        # As CommandPalette.is_open asks, of the screen shown.
        if not host.use_command_palette or isinstance(host.screen, CommandPalette):
            return
        session = host.routine.session
        self._resume = session is not None and not session.paused
        self._open = True
        host.routine.command(engine.pause)
        host.push_screen(Palette(id="--command-palette"), lambda _: host.call_later(self._closed))

    def _pause(self, toggle: Callable[[], object]) -> object:
        """Pause chosen in the open palette, which has paused already: stay paused, or
        resume on close if it was paused before. Once closed it is the key's action."""
        if not self._open:
            return toggle()
        self._resume = not self._resume
        return None

    def _closed(self) -> None:
        # Either side of the chosen command; one that opened a modal leaves the routine paused.
        self._open = False
        if self._resume and isinstance(self.host.screen, SessionScreen):
            self.host.routine.command(engine.resume)
        self._resume = False

    def _save_screenshot(self) -> None:
        import os

        from tui.services import paths
        from tui.services import private

        folder = paths.data_dir() / "screenshots"
        try:
            # A screenshot of the history shows pain scores: private like the rest.
            private.make_folder(folder.parent)
            private.make_folder(folder)
            saved = self.host.save_screenshot(path=str(folder))
            os.chmod(saved, private.FILE_MODE)
        except OSError as error:
            self.host.notify(f"Could not save a screenshot: {error.strerror or error}", severity="error")
            return
        self.host.notify(f"Screenshot saved: {saved}", timeout=8)
