"""`lumbar serve` in a real browser: Debian's Chromium, driven by Playwright, headless.

One page load at a phone's size, with the desk-break schedule on: the routine list comes
up, a routine starts from the keyboard (and counts as a desk break in the history store), a tap on the key bar's Pause button holds the clock and a second tap lets it
run on. The terminal is drawn on a canvas, so the app is read through LUMBAR_TRACE (every
engine event, as the server-side process handled it). A screenshot of the paused workout
is kept under the test's tmp dir (its path is printed), and every request the page made
must have gone to 127.0.0.1.

Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.serving import ARGS, CHROMIUM, PHONE, events, page_text, wait_for  # noqa: E402

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def break_under_way() -> bool:
    """The served lumbar's break schedule has a break under way (a routine), as it saved it."""
    from tui.services.store import open_store

    store = open_store()
    try:
        return bool((store.break_state() or {}).get("in_break"))
    finally:
        store.close()


def breaks_counted() -> int:
    """Desk breaks counted today (taken or skipped), as the served lumbar recorded them."""
    from tui.services.store import open_store

    store = open_store()
    try:
        today = store.breaks_today()
        return int(today["taken"] + today["skipped"])
    finally:
        store.close()


def pause_button(page) -> tuple[float, float]:
    """The cell (column, row) in the middle of the workout's Pause button, where the page's
    terminal shows it (once the workout is drawn)."""
    wait_for(lambda: "space Pause" in page_text(page), 10, "the workout's key bar")
    lines = page_text(page).splitlines()
    for row, line in enumerate(lines):
        at = line.find("space Pause")
        if at >= 0:
            return at + len("space Pause") / 2, row + 0.5
    raise AssertionError("no Pause button in the key bar:\n" + "\n".join(lines))


def test_phone_page_runs_a_routine_by_keyboard_and_touch(server, tmp_path: Path) -> None:
    url, trace = server
    requests: list[str] = []
    shot = tmp_path / "phone-paused.png"
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport=PHONE, has_touch=True, is_mobile=True)
        try:
            context.on("request", lambda request: requests.append(request.url))
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("body.-first-byte", timeout=20_000)
            # The cell grid, as the page's terminal has fitted it to this screen.
            grid = page.evaluate("""() => {
                const terminal = window.lumbarPage.terminal;
                const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
                return {x: screen.x, y: screen.y, width: screen.width, height: screen.height,
                        columns: terminal.cols, rows: terminal.rows};
            }""")
            columns, rows = grid["columns"], grid["rows"]
            cell_w, cell_h = grid["width"] / columns, grid["height"] / rows

            page.keyboard.press("Enter")  # the first routine, Breathing
            page.keyboard.press("s")  # skip the check-in
            wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine to start")
            # The page's lumbar runs the break schedule: the routine is the break under way.
            wait_for(break_under_way, 10, "the routine to be the desk break under way")

            column, row = pause_button(page)
            page.touchscreen.tap(grid["x"] + column * cell_w, grid["y"] + row * cell_h)
            # Paused: Get ready (10 clock seconds, 2.5 real) must not end for 4 real seconds.
            time.sleep(4)
            steps = [e for e in events(trace) if e["type"] == "StepStarted"]
            page.screenshot(path=str(shot))
            print(f"\nscreenshot: {shot}")
            assert len(steps) == 1, steps

            page.touchscreen.tap(grid["x"] + column * cell_w, grid["y"] + row * cell_h)
            wait_for(lambda: sum(e["type"] == "StepStarted" for e in events(trace)) >= 2, 10,
                     "the routine to run on after a second tap")
            page.keyboard.press("q")
            page.keyboard.press("y")  # left: the break is counted once, when it ends
            wait_for(lambda: breaks_counted() == 1, 10, "the routine to count as a desk break")
        finally:
            context.close()
    hosts = {urlsplit(request).hostname for request in requests}
    assert hosts == {"127.0.0.1"}, sorted(set(requests))
    assert any("/lumbar/fonts/" in request for request in requests), "the bundled font was not loaded"
