"""Waiting for `lumbar serve`: a free port, the socket listening, a condition polled."""

from __future__ import annotations

import json
import socket
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, driven by Playwright (never a downloaded browser)."""
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
#: Clock seconds per real second in a served lumbar: the first step (Get ready, 10 s) takes 2.5 s.
SCALE = 4

#: Straight to the server, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def listening(port: int, timeout: float = 10.0) -> None:
    """Wait for the port to accept: the URL is printed just before the socket is bound."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def wait_for(predicate, timeout: float = 20.0, what: str = "it"):
    """``predicate()``'s first true answer, polled every 50 ms; AssertionError after ``timeout`` s."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def accepts(port: int) -> bool:
    """True once something listens on 127.0.0.1:``port``."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def events(trace: Path) -> list[dict]:
    """The engine events a served lumbar traced (LUMBAR_TRACE), oldest first."""
    if not trace.exists():
        return []
    return [json.loads(line) for line in trace.read_text().splitlines() if line.strip()]


#: The page's terminal as text, a line a row (the page exposes its terminal as lumbarPage).
TEXT = """() => { const t = window.lumbarPage.terminal; const out = [];
    for (let y = 0; y < t.rows; y++) out.push(t.buffer.active.getLine(y).translateToString(true));
    return out.join('\\n'); }"""


def page_text(page) -> str:
    """What the page's terminal shows now, as text."""
    return page.evaluate(TEXT)
