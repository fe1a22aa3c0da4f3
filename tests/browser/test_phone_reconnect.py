"""A phone's connection drops mid-routine: the page connects again by itself, and the
new lumbar takes the routine up at the same step, paused, on the same history row.

The drop is the page's lumbar killed outright (as a crash, or a process ended while its
socket was gone): no goodbye reaches the page, so it reconnects with ``resume=1``.
Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests.browser.serving import events, page_text, wait_for


def page_lumbars() -> list[int]:
    """Process ids of the lumbars `lumbar serve` started for pages (`python -m tui`)."""
    found = subprocess.run(["pgrep", "-f", "--", " -m tui$"], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def sessions() -> list[dict]:
    from tui.services.store import open_store

    store = open_store()
    try:
        return [row for row in store.rows() if row["kind"] == "session"]
    finally:
        store.close()


def test_a_dropped_connection_takes_the_routine_up_at_the_same_step(server, phone, tmp_path: Path) -> None:
    url, trace = server
    page, sockets = phone(url)
    page.keyboard.press("Enter")  # Breathing
    page.keyboard.press("s")  # no check-in
    wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine")
    page.keyboard.press("n")  # past getting ready
    page.keyboard.press("n")  # the first exercise, recorded as skipped
    at = wait_for(lambda: max((e["index"] for e in events(trace) if e["type"] == "StepStarted"),
                              default=0) >= 2 and page_lumbars(), 10, "the third step")
    index = max(e["index"] for e in events(trace) if e["type"] == "StepStarted")
    seen = len(events(trace))
    for pid in at:
        os.kill(pid, signal.SIGKILL)

    # page.evaluate lets Playwright deliver the page's events (a plain sleep does not).
    wait_for(lambda: page.evaluate("1") and len(sockets) >= 2, 20, "the page to connect again")
    assert "resume=1" in sockets[-1]
    # The new lumbar starts the same step again, paused.
    wait_for(lambda: any(e["type"] == "StepStarted" and e["index"] == index
                         for e in events(trace)[seen:]), 20, "the same step again")
    wait_for(lambda: "taken up" in page_text(page), 10, "the note")
    page.screenshot(path=str(tmp_path / "taken-up.png"))
    assert "PAUSED" in page_text(page).upper(), page_text(page)
    rows = sessions()
    assert len(rows) == 1 and rows[0]["outcome"] is None, rows
