"""Words for fingers: on a touch screen the page's lumbar names taps, not keys, and a
yes-or-no question has buttons.

Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

from tests.browser.serving import events, page_text, wait_for


def test_a_touch_screen_gets_taps_and_buttons(server, phone) -> None:
    url, trace = server
    page, sockets = phone(url, ratio=2)
    assert sockets and "touch=1" in sockets[0]
    wait_for(lambda: "tap a routine" in page_text(page), 10, "the home screen's words")
    page.keyboard.press("Enter")
    wait_for(lambda: "Tap a number" in page_text(page), 10, "the check-in's words")
    assert "Press 0-9" not in page_text(page)
    page.keyboard.press("s")
    wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine")
    page.keyboard.press("q")  # leave? asked with buttons
    wait_for(lambda: "Yes" in page_text(page) and "No" in page_text(page), 10, "the buttons")
    assert "y / Enter" not in page_text(page)
