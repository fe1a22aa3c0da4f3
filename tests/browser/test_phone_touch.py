"""Words for fingers: on a touch screen the page's lumbar names taps, not keys, and a
yes-or-no question has buttons.

Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import pytest

from tests.browser.serving import ARGS, CHROMIUM, PHONE, events, wait_for

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

TEXT = """() => { const t = window.lumbarPage.terminal; const out = [];
    for (let y = 0; y < t.rows; y++) out.push(t.buffer.active.getLine(y).translateToString(true));
    return out.join('\\n'); }"""


def test_a_touch_screen_gets_taps_and_buttons(server) -> None:
    url, trace = server
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
            page = context.new_page()
            sockets: list[str] = []
            page.on("websocket", lambda socket: sockets.append(socket.url))
            page.goto(url)
            page.wait_for_selector("body.-first-byte", timeout=20_000)
            assert sockets and "touch=1" in sockets[0]
            wait_for(lambda: "tap a routine" in page.evaluate(TEXT), 10, "the home screen's words")
            page.keyboard.press("Enter")
            wait_for(lambda: "Tap a number" in page.evaluate(TEXT), 10, "the check-in's words")
            assert "Press 0-9" not in page.evaluate(TEXT)
            page.keyboard.press("s")
            wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine")
            page.keyboard.press("q")  # leave? asked with buttons
            wait_for(lambda: "Yes" in page.evaluate(TEXT) and "No" in page.evaluate(TEXT), 10, "the buttons")
            assert "y / Enter" not in page.evaluate(TEXT)
            context.close()
        finally:
            browser.close()
