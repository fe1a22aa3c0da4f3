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
