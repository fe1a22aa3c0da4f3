"""One lumbar process per browser page, kept within bounds.

textual-serve's AppService starts the program through a shell, passes on whatever terminal
size the page asks for, and on close asks the program to quit and waits for as long as that
takes. A page asking for 20000x20000 cells made a lumbar grow past 3 GiB and live on after
its socket closed. Here the size is clamped, the program runs without a shell, once the
socket has closed the program is ended within a few seconds whatever it was doing, and
when the program ends by itself (or is ended) its page is told at once.
"""

from __future__ import annotations

import asyncio
import json
import re
import shlex

from textual_serve.app_service import AppService

#: The largest terminal a page gets, in cells: a 4K screen at 8 px type is about 480x135.
MAX_COLUMNS = 500
MAX_ROWS = 200
#: Seconds a lumbar has to quit by itself once its page is gone, then to obey SIGTERM,
#: before SIGKILL.
QUIT_GRACE = 2.0
TERM_GRACE = 2.0


def bounded(width: object, height: object) -> tuple[int, int]:
    """A terminal size the server will start: whole cells, 1..MAX_COLUMNS by 1..MAX_ROWS.

    Anything not a number (text, None, a float that is not finite) counts as 80x24.
    """
    def whole(value: object, default: int, high: int) -> int:
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            number = default
        return max(1, min(high, number))

    return whole(width, 80, MAX_COLUMNS), whole(height, 24, MAX_ROWS)


#: The cues a page plays (tui/cli/serve/web/static/js/cues.js), as lumbar names them.
CUES = frozenset({"step", "switch", "round", "end", "countdown", "lift", "lower"})
#: Yes-or-no news for the page: its sound on or off, the screen kept awake or not.
SWITCHES = ("sound", "awake")
#: How a page names itself (tui/cli/serve/web/static/js/lumbar.js): 24 hex digits.
PAGE_ID = re.compile(r"[0-9a-f]{24}")


def page_news(meta: dict[str, object]) -> dict[str, object]:
    """What a page may hear of a "lumbar" meta packet: a known cue, and the switches as
    booleans; anything else is dropped."""
    news: dict[str, object] = {}
    cue = meta.get("cue")
    if isinstance(cue, str) and cue in CUES:
        news["cue"] = cue
    for key in SWITCHES:
        if isinstance(meta.get(key), bool):
            news[key] = meta[key]
    return news


class PageProcess(AppService):
    """An AppService whose process is bounded and always ends after its page (see module).

    ``environment``: more variables for the process (LUMBAR_TOUCH, LUMBAR_RESUME: see
    tui/cli/serve/main.py).
    """

    environment: dict[str, str] = {}

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return {**super()._build_environment(width=width, height=height), **self.environment}

    async def on_meta(self, data: bytes) -> None:
        """lumbar's own news goes to its page; its goodbye too, so the page knows lumbar
        ended by itself and does not connect again."""
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if not isinstance(meta, dict):
            return
        if meta.get("type") == "lumbar":
            news = page_news(meta)
            if news:
                await self.remote_write_str(json.dumps(["lumbar", news]))
            return
        if meta.get("type") == "exit":
            await self.remote_write_str(json.dumps(["lumbar", {"bye": True}]))
        await super().on_meta(data)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        width, height = bounded(width, height)
        environment = self._build_environment(width=width, height=height)
        # No shell: the command is ours (tui.cli.serve.main.app_command quotes it), and the pid is
        # lumbar's own, so a signal reaches it. It stays in the server's process group: a
        # Ctrl+C in the server's terminal reaches every page's lumbar too.
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=environment)
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def set_terminal_size(self, width: int, height: int) -> None:
        width, height = bounded(width, height)
        await super().set_terminal_size(width, height)

    async def run(self) -> None:
        """Relay the program's output until it ends, then close the page's socket (textual-
        serve's closes it only when the program says goodbye, not when it dies)."""
        try:
            await super().run()
        finally:
            try:
                await self.remote_close()
            except Exception:  # noqa: BLE001 - the socket is gone already
                pass

    async def stop(self) -> None:
        """End the process: ask it to quit, then SIGTERM, then SIGKILL; at most about 4 s."""
        process = self._process
        if self._task is None or process is None:
            return
        task, self._task = self._task, None
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        try:
            # A lumbar too busy to read its stdin would block the write for ever.
            await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE)
            await asyncio.wait_for(process.wait(), QUIT_GRACE)
        except (asyncio.TimeoutError, OSError):
            # lumbar ends its own children (sound players) on SIGTERM.
            for end, grace in ((process.terminate, TERM_GRACE), (process.kill, None)):
                try:
                    end()
                except ProcessLookupError:
                    break
                try:
                    await asyncio.wait_for(process.wait(), grace)
                    break
                except asyncio.TimeoutError:
                    continue
        if process.returncode is None:
            await process.wait()
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
