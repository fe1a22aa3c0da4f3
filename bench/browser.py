"""First frame in Chromium: page load until the app's first frame reaches the page.

`lumbar serve` against the bare Textual app served the same way (the same server, page
and font), so the ratio measures what lumbar adds, not textual-serve or the browser. The
clock runs from asking Chromium to load the page until the page has the first frame
(textual-serve's page marks its body ``-first-byte`` when the first screen's bytes
arrive) and has painted it: for lumbar that frame is the routine list. Rounds interleave
the two, after one untimed warm-up, as bench/frame.py does in tmux.
"""

from __future__ import annotations

import os
import shlex
import socket
import statistics
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

from .targets import BENCH, LUMBAR_ENV, PYTHON

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 390, "height": 844}
"""A phone held upright, the size the browser mode is for."""
SERVE = ("import sys; from tui.cli.serve.main import make_server; "
         "make_server('127.0.0.1', int(sys.argv[1]), [], command=sys.argv[2] or None).serve()")


def missing() -> str | None:
    """Why this part cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"no {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright not installed"
    return None


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _served(command: str, pids: dict[str, int] | None = None) -> Iterator[str]:
    """Serve ``command`` ("" for lumbar) on a free loopback port; yields the page URL.
    ``pids``, if given, gets the server's process id under ``command``."""
    port = _port()
    process = subprocess.Popen([PYTHON, "-c", SERVE, str(port), command],
                               env={**os.environ, **LUMBAR_ENV}, cwd=BENCH.parent,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if pids is not None:
        pids[command] = process.pid
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"server for {command or 'lumbar'!r} did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """End a server process: politely, then for sure after 10 s (the browser test uses it too)."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _once(context, url: str) -> float:
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("body.-first-byte", timeout=30_000)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
        return time.perf_counter() - started
    finally:
        page.close()  # the websocket closes, and with it that page's app process


#: The page's terminal as text (the page exposes its terminal for tests and this bench).
TEXT = """() => { const t = window.lumbarPage.terminal; const out = [];
    for (let y = 0; y < t.rows; y++) out.push(t.buffer.active.getLine(y).translateToString(true));
    return out.join('\\n'); }"""


def _reconnect(context, url: str, server: int) -> float:
    """Seconds from a page's lumbar killed mid-routine (its connection gone, no goodbye)
    to the page showing the routine taken up again, paused."""
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector("body.-first-byte", timeout=30_000)
        page.wait_for_timeout(500)
        if "Resume " in page.evaluate(TEXT):
            page.keyboard.press("n")  # the last run's routine, offered: not this time
        page.keyboard.press("Enter")  # the first routine
        page.keyboard.press("s")  # no check-in
        page.keyboard.press("n")
        page.keyboard.press("n")  # one exercise recorded (skipped): something to take up
        page.wait_for_timeout(1000)
        if "taken up" in page.evaluate(TEXT):
            raise RuntimeError("the page says 'taken up' before its connection dropped")
        children = subprocess.run(["pgrep", "-P", str(server)], capture_output=True, text=True).stdout.split()
        started = time.perf_counter()
        for pid in children:
            os.kill(int(pid), 9)
        page.wait_for_function(f"({TEXT})().includes('taken up')", timeout=30_000)
        return time.perf_counter() - started
    finally:
        page.close()


def bench_browser(runs: int, profile: Path, log=print) -> dict[str, dict[str, object]]:
    """Median first-frame time in ms for lumbar and the bare app, every run kept."""
    from playwright.sync_api import sync_playwright

    bare = shlex.join([PYTHON, str(BENCH / "bare_app.py"), "idle"])
    targets = {"lumbar": ("lumbar serve (routine list)", ""),
               "bare": ("bare Textual app, served the same way", bare)}
    times: dict[str, list[float]] = {key: [] for key in targets}
    pids: dict[str, int] = {}
    with ExitStack() as stack:
        urls = {key: stack.enter_context(_served(command, pids)) for key, (_, command) in targets.items()}
        playwright = stack.enter_context(sync_playwright())
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport=VIEWPORT, has_touch=True, is_mobile=True)
        stack.callback(context.close)
        first = 0 if runs > 1 else 1
        for round_no in range(first, runs + 1):
            for key in targets:
                seconds = _once(context, urls[key])
                if round_no > 0:
                    times[key].append(seconds * 1000)
            if round_no > 0:
                log(f"  browser first frame round {round_no}/{runs}: "
                    + ", ".join(f"{k} {v[-1]:.0f} ms" for k, v in times.items()))
        back = [_reconnect(context, urls["lumbar"], pids[""]) * 1000 for _ in range(3)]
        log("  browser reconnect, routine taken up: " + ", ".join(f"{ms:.0f} ms" for ms in back))
    result: dict[str, dict[str, object]] = {
        key: {"label": targets[key][0], "median_ms": statistics.median(ms), "runs_ms": ms}
        for key, ms in times.items()}
    result["reconnect"] = {"label": "reconnect: the routine taken up", "median_ms": statistics.median(back),
                           "runs_ms": back}
    return result
