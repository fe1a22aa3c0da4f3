"""Small files lumbar keeps between runs: read as possibly hostile, written atomically.

Reading: anything wrong with a state file (not JSON, the wrong shape, too large, nested
too deep, a directory or a pipe where the file should be, a read error) makes it
*unreadable*. An unreadable file is moved aside with the date in its name (never
overwritten, never deleted), the caller gets its defaults for this run, and a one-line
warning naming both files to show the user. Writing: a temporary file in the same folder,
renamed over the target, so a crash never leaves half a file; through a symlink to its
target, keeping the target's permission bits.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any, Callable, TypeVar, overload

T = TypeVar("T")
D = TypeVar("D")

#: State and settings files are a few hundred bytes; a larger one is not ours.
MAX_STATE_BYTES = 1024 * 1024

_blocked: set[str] = set()
"""Files that could be neither read nor moved aside: never written this run, so what
they hold is not overwritten."""


class Unreadable(Exception):
    """A file that exists but cannot be used; ``str()`` says why, in a few words."""


def read_bytes(path: Path, limit: int) -> bytes | None:
    """At most ``limit`` bytes of the regular file at ``path``; None when there is none.

    Raises Unreadable when it is larger than ``limit``, not a regular file (a directory or
    a pipe, which is opened without blocking) or cannot be read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        # Not a directory: a file stands where a folder on the way should be, so there is no
        # file to read (writing there fails, and says so).
        return None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file")
        chunks: list[bytes] = []
        size = 0
        # The first read asks for the size the file says it has (os.read allocates what it
        # is asked for); a file that grows meanwhile is read on in 64 KiB steps.
        want = info.st_size + 1
        while size <= limit:
            chunk = os.read(fd, min(want, limit + 1 - size))
            want = 65536
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise Unreadable(f"larger than {limit:,} bytes")
    return b"".join(chunks)


def parse_json(data: bytes) -> Any:
    """The JSON value in ``data``; raises Unreadable for anything that is not (deep nesting too)."""
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        # RecursionError: a few hundred thousand '[' overflow the C scanner's stack guard.
        raise Unreadable("not valid JSON" if isinstance(exc, ValueError) else "nested too deeply") from None


def move_aside(path: Path) -> Path:
    """Rename the file (or what a symlink points to) to ``NAME.damaged-YYYYMMDD-HHMMSS[-N]``.

    Never replaces an existing file: a taken name gets a counter. Returns the new path;
    raises OSError when it cannot be moved.
    """
    from tui.services import clocks

    target = Path(os.path.realpath(path))
    stamp = clocks.wall().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        aside = target.with_name(f"{target.name}.damaged-{stamp}" + (f"-{n}" if n else ""))
        if os.path.lexists(aside):
            continue
        try:
            # A hard link fails if the name was taken meanwhile, where a rename would replace it.
            os.link(target, aside, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            # Directories and some filesystems cannot be hard-linked.
            os.rename(target, aside)
            return aside
        os.unlink(target)
        return aside
    raise FileExistsError(f"no free name beside {target}")


@overload
def read_state(path: Path, default: T, check: None = None, limit: int | None = None) -> tuple[T, str | None]: ...


# With a check the value is what the check returns; the default's own type may be looser
# (an empty `{}` or `[]`), hence a second type variable.
@overload
def read_state(path: Path, default: D, check: Callable[[Any], T],
               limit: int | None = None) -> tuple[T | D, str | None]: ...


def read_state(path: Path, default: Any, check: Callable[[Any], Any] | None = None,
               limit: int | None = None) -> tuple[Any, str | None]:
    """The file's value and None, or ``default`` and a warning to show when it is unreadable.

    ``check`` turns the parsed JSON into the value (raising ValueError or TypeError for
    the wrong shape); ``limit`` caps the bytes read (default MAX_STATE_BYTES). A missing
    file is not a problem. An unreadable one is moved aside
    (see ``move_aside``); if that fails too, the file is left alone and ``write_state``
    refuses to replace it for the rest of the run. Never raises.
    """
    try:
        data = read_bytes(path, limit or MAX_STATE_BYTES)
        if data is None:
            return default, None
        value = parse_json(data)
        return (check(value) if check is not None else value), None
    except (Unreadable, ValueError, TypeError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, Unreadable) else f"unexpected content ({exc})"
    try:
        aside = move_aside(path)
    except OSError as exc:
        _blocked.add(os.path.realpath(path))
        return default, (f"Could not read {path} ({reason}) nor move it aside ({exc.strerror or exc}); "
                         "using defaults and leaving it untouched this run.")
    return default, f"Could not read {path} ({reason}); moved it to {aside.name} and using defaults."


def write_state(path: Path, data: Any) -> str | None:
    """Save ``data`` as JSON; None when saved, else why not (never raises for I/O)."""
    if os.path.realpath(path) in _blocked:
        return f"{path} could not be read, so it is left as it is"
    try:
        write_json(path, data)
    except OSError as exc:
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return None


def write_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Replace the file at ``path`` (or a symlink's target) with ``text``, all or nothing.

    The file keeps its permission bits; a new one is private to the user (0600). With
    ``mode`` the file gets those bits whatever it had (a report of health data: 0o600).
    Raises OSError when the folder cannot be made or written, or the disk is full.
    """
    import tempfile  # only on a write, which a start-up from the cache does not make

    from tui.services.private import make_folder

    target = Path(os.path.realpath(path))
    make_folder(target.parent)
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            pass
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, data: Any) -> None:
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
