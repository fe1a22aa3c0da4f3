"""The channel between the break scheduler and its doors: a Unix socket beside breaks.lock.

Why a socket rather than a requests table in history.db: the scheduler sleeps until its
next deadline (one timer, no polling), and a table would have to be polled to answer
within a second; a socket wakes it only when a door speaks, and lets it tell every door
at once that the schedule changed. It is a file in the data folder, mode 0600 (and the
peer's uid is checked where the kernel says it), so only this user reaches it; there is
no network port.

Protocol: one JSON object per line. A door sends `{"do": NAME, ...}` (see
tui/services/breaks/requests.py; "plan" answers the plan's reminder,
tui/services/plan_doors.py) and gets `{"ok": bool, "say": str}` back in order. The
scheduler sends `{"changed": true}` to every door whenever the schedule or today's counts
change; the door then reads them again from the store. News of the plan's reminder is
`{"changed": true, "reminder": {...} or null}`: the reminder that opened, or null once it
was answered anywhere, also sent to a door as it connects while one is open. It keeps
"changed" so that a door older than the reminders takes it for the schedule's news (it
reads the schedule again) rather than for the answer to its next request. No Textual here.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The socket's name beside breaks.lock.
NAME = "breaks.sock"
#: sun_path holds 108 bytes on Linux, 104 on macOS; a longer data path uses a short one.
MAX_PATH = 100
#: Longest line either side accepts (bytes): requests and answers are a few dozen.
LINE = 4096


def runtime_folder() -> Path:
    """A private folder of this user's for sockets and locks that cannot live beside the
    history: `$XDG_RUNTIME_DIR/lumbar`, else `lumbar-UID` in the temporary folder. Made
    0700; raises OSError if it exists and is not this user's own private folder."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    name = "lumbar" if os.environ.get("XDG_RUNTIME_DIR") else f"lumbar-{os.getuid()}"
    folder = Path(base) / name
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = folder.lstat()
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid() \
            or info.st_mode & 0o077:
        raise OSError(f"{folder} is not a private folder of this user's")
    return folder


def socket_path(lock_path: Path) -> Path:
    """Where the scheduler for the history beside `lock_path` listens."""
    beside = lock_path.parent / NAME
    if len(os.fsencode(str(beside))) <= MAX_PATH:
        return beside
    # A short, stable name for this data folder, not a secret (the folder is private):
    # two zlib checksums rather than hashlib, which loads OpenSSL (about 0.6 MiB in every
    # lumbar that opens a door) for a name needed only when the path is too long.
    import zlib

    folder = os.fsencode(str(lock_path.parent.resolve()))
    digest = f"{zlib.crc32(folder):08x}{zlib.adler32(folder):08x}"
    return runtime_folder() / f"{digest}.sock"


def _same_user(writer: asyncio.StreamWriter) -> bool:
    """The peer runs as this user (Linux's SO_PEERCRED); True where it cannot be asked,
    as the socket's mode already keeps others out."""
    sock = writer.get_extra_info("socket")
    peercred = getattr(socket, "SO_PEERCRED", None)
    if sock is None or peercred is None:
        return True
    try:
        _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, peercred,
                                                              struct.calcsize("3i")))
    except OSError:
        return True
    return uid == os.getuid()


Handler = Callable[[str, dict[str, Any], object], dict[str, Any]]


class DoorServer:
    """The scheduler's end: answers requests on its own loop and tells doors of changes.

    Args:
        path: the socket file (`socket_path`). A file left there by a scheduler that
            died is replaced: only the lock holder starts a server.
        handle: `handle(do, args, door) -> {"ok": ..., "say": ...}`, called on the loop;
            `door` stands for the connection it came on. It should not raise (a request
            that cannot apply is an answer, not an error).
        gone: called with a door's connection (its writer) when it goes, so the scheduler
            can end a break that the vanished door had started.
        greet: called as a door connects: a message for it alone (the plan's reminder
            open now), or None.
    """

    def __init__(self, path: Path, handle: Handler,
                 gone: Callable[[object], None] | None = None,
                 greet: Callable[[], dict[str, Any] | None] | None = None) -> None:
        self.path = path
        self.handle = handle
        self.gone = gone
        self.greet = greet
        self.doors: set[asyncio.StreamWriter] = set()
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        """Listen; raises OSError when the socket cannot be made (the caller says so)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        old = os.umask(0o177)  # the socket is born 0600: no moment when others may connect
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(self.path),
                                                           limit=LINE)
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)

    def changed(self) -> None:
        """Tell every door the schedule changed (they read it again from the store)."""
        self.say({"changed": True})

    def say(self, message: dict[str, Any]) -> None:
        """Send `message` (news, never an answer: it has no "ok") to every door."""
        for writer in list(self.doors):
            self._send(writer, message)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                self.path.unlink()
        for writer in list(self.doors):
            writer.close()
        self.doors.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not _same_user(writer):
            writer.close()
            return
        self.doors.add(writer)
        if self.greet is not None:
            try:
                hello = self.greet()
            except Exception:  # noqa: BLE001 - a bug here must not stop the scheduler
                hello = None
            if hello is not None:
                self._send(writer, hello)
        try:
            while True:
                try:
                    line = await reader.readline()
                except (ValueError, OSError):  # a line over LINE, or the door vanished
                    break
                if not line:
                    break
                self._send(writer, self._answer(line, writer))
        finally:
            self.doors.discard(writer)
            writer.close()
            if self.gone is not None:
                self.gone(writer)

    def _answer(self, line: bytes, door: object) -> dict[str, Any]:
        try:
            request = json.loads(line)
        except ValueError:
            return {"ok": False, "say": "Not a request lumbar understands."}
        if not isinstance(request, dict) or not isinstance(request.get("do"), str):
            return {"ok": False, "say": "Not a request lumbar understands."}
        args = {k: v for k, v in request.items() if k != "do"}
        try:
            return self.handle(request["do"], args, door)
        except Exception as exc:  # noqa: BLE001 - a bug here must not stop the scheduler
            return {"ok": False, "say": f"The scheduler could not do it: {exc}"}

    @staticmethod
    def _send(writer: asyncio.StreamWriter, message: dict[str, Any]) -> None:
        if writer.is_closing():
            return
        with contextlib.suppress(OSError, RuntimeError):
            writer.write(json.dumps(message).encode() + b"\n")


class DoorClient:
    """A door's end: requests to the scheduler, and news that its schedule changed.

    Args:
        path: the scheduler's socket (`socket_path`).
        changed: called on the loop when the scheduler says its schedule changed.
        lost: called on the loop when the connection ends (the scheduler stopped).
        reminder: called on the loop with the plan's reminder the scheduler opened (a
            dict, tui/services/plan_doors.py), or None once it was answered; without it,
            that news counts as the schedule's.
    """

    def __init__(self, path: Path, changed: Callable[[], None],
                 lost: Callable[[], None] | None = None,
                 reminder: Callable[[dict[str, Any] | None], None] | None = None) -> None:
        self.path = path
        self._changed = changed
        self._lost = lost
        self._reminder = reminder
        self._writer: asyncio.StreamWriter | None = None
        self._answers: asyncio.Queue[dict[str, Any]] | None = None
        self._reading: asyncio.Task[None] | None = None
        self._serial = asyncio.Lock()

    @property
    def connected(self) -> bool:
        return self._writer is not None and not self._writer.is_closing()

    async def connect(self) -> bool:
        """Connect; False when no scheduler listens there."""
        if self.connected:
            return True
        try:
            reader, writer = await asyncio.open_unix_connection(str(self.path), limit=LINE)
        except OSError:
            return False
        self._writer, self._answers = writer, asyncio.Queue()
        self._reading = asyncio.ensure_future(self._read(reader))
        return True

    async def request(self, do: str, timeout: float = 2.0, **args: Any) -> dict[str, Any]:
        """Send one request and wait for its answer: `{"ok": bool, "say": str}`. A lost
        or silent scheduler is an answer too (ok False, and why)."""
        async with self._serial:
            if not await self.connect():
                return {"ok": False, "say": "The lumbar that schedules the breaks is not answering."}
            assert self._writer is not None and self._answers is not None
            try:
                self._writer.write(json.dumps({"do": do, **args}).encode() + b"\n")
                await self._writer.drain()
                return await asyncio.wait_for(self._answers.get(), timeout)
            except (OSError, asyncio.TimeoutError):
                return {"ok": False, "say": "The lumbar that schedules the breaks did not answer."}

    def close(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                try:
                    line = await reader.readline()
                except (ValueError, OSError):
                    break
                if not line:
                    break
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(message, dict):
                    continue
                if "reminder" in message and self._reminder is not None:
                    shown = message["reminder"]
                    self._reminder(shown if isinstance(shown, dict) else None)
                elif message.get("changed"):
                    self._changed()
                elif self._answers is not None:
                    self._answers.put_nowait(message)
        finally:
            if self._writer is not None:
                self._writer.close()
            self._writer = None
            if self._lost is not None:
                self._lost()


async def ask(path: Path, do: str, timeout: float = 2.0, **args: Any) -> dict[str, Any] | None:
    """One request from a short-lived process (a test, a script); None when nobody listens."""
    client = DoorClient(path, lambda: None)
    if not await client.connect():
        return None
    try:
        return await client.request(do, timeout, **args)
    finally:
        client.close()


def supported() -> bool:
    """Unix sockets exist here (not on Windows, where every lumbar schedules anyway)."""
    return hasattr(socket, "AF_UNIX") and sys.platform != "win32"


__all__ = ["DoorClient", "DoorServer", "ask", "runtime_folder", "socket_path", "supported"]
