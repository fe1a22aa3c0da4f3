"""The served page at phone, tablet and laptop sizes, at pixel ratios 1, 2 and 3.

At each: lumbar gets at least its 60x20 cells, the terminal's canvas is backed by device
pixels (its CSS size times the ratio: a canvas one ratio too small is what drew only the
top-left half or third), the canvas ends inside the viewport, and the key bar's buttons are
both in the terminal's text and drawn (the bottom-right corner of a screenshot is not
blank). Then a phone turned from upright to sideways mid-routine: the type refits without a
reload, and the same lumbar runs the routine on.

Skipped when /usr/bin/chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser.serving import ARGS, CHROMIUM, events, wait_for

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

SIZES = [(390, 844), (844, 390), (820, 1180), (1280, 800)]
"""A phone upright and sideways, a tablet, a laptop (CSS pixels)."""

#: What the page reads of its own terminal: cells, type, and the drawing canvas's sizes.
MEASURE = """() => {
    const terminal = window.lumbarPage.terminal;
    const canvas = [...document.querySelectorAll('.xterm-screen canvas')]
        .find((c) => !c.classList.contains('xterm-link-layer'));
    const box = canvas.getBoundingClientRect();
    const lines = [];
    for (let y = 0; y < terminal.rows; y++) {
        lines.push(terminal.buffer.active.getLine(y).translateToString(true));
    }
    return {columns: terminal.cols, rows: terminal.rows, type: terminal.options.fontSize,
            device: [canvas.width, canvas.height], css: [box.width, box.height],
            right: box.right, bottom: box.bottom, lines};
}"""


def open_page(browser, url: str, width: int, height: int, ratio: int):
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=ratio, is_mobile=width < 1000, has_touch=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("body.-first-byte", timeout=20_000)
    # Until the key bar is in the terminal's text, the first screen is still being drawn.
    wait_for(lambda: "Quit" in "".join(page.evaluate(MEASURE)["lines"]), 10, "the key bar")
    return context, page


def not_blank(png: bytes) -> bool:
    """True when the picture has more than one colour: something is drawn in it."""
    from PIL import Image

    picture = Image.open(io.BytesIO(png)).convert("RGB")
    return picture.getcolors(maxcolors=1) is None  # None: more than one colour


def drawn_whole(page, width: int, height: int, ratio: int) -> dict:
    seen = page.evaluate(MEASURE)
    assert seen["columns"] >= 60 and seen["rows"] >= 20, seen
    # Backed by device pixels: within a device pixel or so of CSS size times the ratio.
    for device, css in zip(seen["device"], seen["css"]):
        assert abs(device - css * ratio) <= ratio + 1, seen
    assert seen["right"] <= width and seen["bottom"] <= height, seen
    assert any("Quit" in line for line in seen["lines"][-8:]), "\n".join(seen["lines"])
    # Painted out to the last column and the bottom rows: the rightmost cell lumbar wrote
    # (the routine list's border reaches the last columns) shows in a screenshot strip, and
    # the key bar's bottom-right corner (where its last buttons are) is not blank.
    cell_w, cell_h = seen["css"][0] / seen["columns"], seen["css"][1] / seen["rows"]
    rightmost = max(len(line.rstrip()) for line in seen["lines"])
    assert rightmost >= seen["columns"] - 3, (rightmost, seen["columns"])
    right_strip = {"x": (rightmost - 1) * cell_w, "y": 0, "width": cell_w, "height": seen["bottom"]}
    corner = {"x": seen["right"] / 2, "y": seen["bottom"] - 8 * cell_h,
              "width": seen["right"] / 2, "height": 8 * cell_h}
    assert not_blank(page.screenshot(clip=right_strip)), "the rightmost column is blank"
    assert not_blank(page.screenshot(clip=corner)), "the key bar's corner is blank"
    return seen


def redrawn(page, width: int, height: int, ratio: int) -> dict | None:
    """``drawn_whole``'s measure once it holds, with the workout's header on the first
    rows; None while it does not yet."""
    try:
        seen = drawn_whole(page, width, height, ratio)
    except AssertionError:
        return None
    return seen if any("Breathing" in line for line in seen["lines"][:3]) else None


@pytest.mark.parametrize("ratio", [1, 2, 3])
def test_the_page_is_drawn_whole_at_every_size_and_pixel_ratio(server, ratio: int, tmp_path: Path) -> None:
    url, _ = server
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for width, height in SIZES:
                context, page = open_page(browser, url, width, height, ratio)
                try:
                    page.screenshot(path=str(tmp_path / f"home-{width}x{height}@{ratio}.png"))
                    drawn_whole(page, width, height, ratio)
                finally:
                    context.close()
        finally:
            browser.close()


def test_turning_the_phone_refits_the_type_and_the_routine_goes_on(server, tmp_path: Path) -> None:
    url, trace = server
    sockets: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context, page = open_page(browser, url, 390, 844, 3)
            page.on("websocket", lambda socket: sockets.append(socket.url))
            upright = page.evaluate(MEASURE)
            page.keyboard.press("Enter")  # the first routine, Breathing
            page.keyboard.press("s")  # skip the check-in
            wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine to start")
            started = sum(e["type"] == "StepStarted" for e in events(trace))

            page.set_viewport_size({"width": 844, "height": 390})
            wait_for(lambda: page.evaluate(MEASURE)["columns"] > upright["columns"], 5, "the type to refit")
            # Until lumbar has drawn at the new size, the terminal holds the bottom of the
            # old screen: its workout's big digits are back on top once it has.
            sideways = wait_for(lambda: redrawn(page, 844, 390, 3), 5, "lumbar to draw the new size")
            page.screenshot(path=str(tmp_path / "turned.png"))
            assert sideways["rows"] >= 20 and sideways["type"] != upright["type"]
            # The same lumbar runs on: the next step starts, and the page never connected again.
            wait_for(lambda: sum(e["type"] == "StepStarted" for e in events(trace)) > started, 20,
                     "the routine to go on after the turn")
            assert not sockets, sockets
            assert not any(e["type"] == "SessionFinished" for e in events(trace))
            context.close()
        finally:
            browser.close()
