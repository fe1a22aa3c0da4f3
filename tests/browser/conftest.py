"""Every real lumbar started here finds the red-flag check answered (tests/conftest.py);
``server`` serves lumbar on a free loopback port."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.serving import SCALE, accepts, free_port, wait_for


@pytest.fixture(autouse=True)
def _answered(red_flags_answered: None) -> None:
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here serves lumbar, most to Chromium:
    marked `browser`, which `make test-fast` leaves out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def server(tmp_path: Path):
    """`lumbar serve` on a free loopback port, its clock SCALE times faster; yields
    (url, trace path)."""
    port = free_port()
    trace = tmp_path / "trace.jsonl"
    # The desk-break schedule runs as with every `lumbar` when set so, working all day
    # every day, so a routine started in the page counts as a break whatever the hour.
    config = Path(os.environ["LUMBAR_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text(
        'breaks_on_start: true\nwork_hours: "00:00-00:00"\n'
        "work_days: [mon, tue, wed, thu, fri, sat, sun]\n")
    env = dict(os.environ, LUMBAR_TRACE=str(trace), LUMBAR_TIME_SCALE=str(SCALE))
    process = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert f"http://127.0.0.1:{port}" in line, line
        # The URL is printed just before the socket is bound.
        wait_for(lambda: accepts(port), 10, "the server to listen")
        yield f"http://127.0.0.1:{port}/", trace
    finally:
        from bench.browser import stop

        stop(process)


@pytest.fixture
def phone():
    """``open(url, ratio=3, script=None)``: a page at a phone's size (390x844, touch) in
    Debian's Chromium, ``script`` run before the page's own; returns (page, the websocket
    URLs it opened, in order). Everything is closed after the test."""
    from tests.browser.serving import ARGS, CHROMIUM, PHONE

    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"no {CHROMIUM} (apt-get install chromium)")
    playwright = sync_api.sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)

    def open_page(url: str, ratio: int = 3, script: str | None = None):
        context = browser.new_context(viewport=PHONE, device_scale_factor=ratio, is_mobile=True,
                                      has_touch=True)
        if script is not None:
            context.add_init_script(script)
        page = context.new_page()
        sockets: list[str] = []
        page.on("websocket", lambda socket: sockets.append(socket.url))
        page.goto(url)
        page.wait_for_selector("body.-first-byte", timeout=20_000)
        return page, sockets

    try:
        yield open_page
    finally:
        browser.close()
        playwright.stop()
