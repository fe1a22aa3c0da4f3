"""The figure in the browser: a wide page at pixel ratio 3 draws the exercise's braille
figure beside the big digits (the served font has the braille block, tests/browser/test_serve.py),
and its cells are ink on the canvas, not blanks or boxes. The screenshot is kept under the
test's tmp dir (its path is printed) to look at.

Skipped when /usr/bin/chromium or Playwright is missing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser.serving import ARGS, CHROMIUM, events, page_text, wait_for

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

#: A tablet on its side: wide enough for the figure (80 columns and more).
TABLET = {"width": 1280, "height": 800}
#: Where the terminal's canvas sits, and its size in cells.
BOX = """() => { const t = window.lumbarPage.terminal; const r = t.element.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height, t.cols, t.rows]; }"""


def braille_cells(text: str) -> list[tuple[int, int]]:
    return [(x, y) for y, line in enumerate(text.splitlines()) for x, ch in enumerate(line)
            if 0x2801 <= ord(ch) <= 0x28FF]


def test_the_figure_is_drawn_at_pixel_ratio_3(server, tmp_path: Path) -> None:
    from PIL import Image

    url, trace = server
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_context(viewport=TABLET, device_scale_factor=3).new_page()
            page.goto(url)
            page.wait_for_selector("body.-first-byte", timeout=20_000)
            page.keyboard.press("Enter")  # Breathing: its figure lies with the hands on the belly
            page.keyboard.press("s")  # no check-in
            wait_for(lambda: any(e["type"] == "StepStarted" for e in events(trace)), 20, "the routine")
            wait_for(lambda: len(braille_cells(page_text(page))) > 20, 10, "the figure")
            page.keyboard.press(" ")  # paused: the figure holds still for the screenshot
            page.wait_for_timeout(500)
            cells = braille_cells(page_text(page))
            shot = tmp_path / "figure.png"
            png = page.screenshot(path=str(shot))
            print(f"\nscreenshot: {shot}")
            left, top, width, height, cols, rows = page.evaluate(BOX)
        finally:
            browser.close()
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.width == TABLET["width"] * 3  # drawn at the ratio, not scaled up
    assert cols >= 80, "the page is wide enough for the figure"
    cell_w, cell_h = width / cols * 3, height / rows * 3
    background = image.getpixel((int(left * 3) + 2, int(top * 3) + 2))
    inked = 0
    for x, y in cells:
        box = (int((left * 3) + x * cell_w), int((top * 3) + y * cell_h),
               int((left * 3) + (x + 1) * cell_w), int((top * 3) + (y + 1) * cell_h))
        low, high = image.crop(box).getextrema()
        inked += max(abs(low - background), abs(high - background)) > 60
    # Every braille cell with dots shows ink where it stands.
    assert inked >= 0.9 * len(cells), f"{inked} of {len(cells)} braille cells drawn"
