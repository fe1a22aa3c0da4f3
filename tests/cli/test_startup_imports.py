"""What `lumbar run` loads at start: the break and ice/heat code waits until it is used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What `lumbar run` and the routine list never use until a pack goes on or the break
# scheduler starts: importing them at start cost the first frame and the resident memory.
LATER_MODULES = (
    "tui.engine.breaks.schedule", "tui.engine.breaks.state", "tui.engine.breaks.view", "tui.engine.breaks.workhours",
    "tui.engine.breaks.events", "tui.engine.care.thermal", "tui.engine.care.thermal_state",
    "tui.engine.care.thermal_view", "tui.engine.care.episode", "tui.engine.care.events", "tui.services.realtimer",
    "zoneinfo", "ctypes",
    # The figure: drawn only where a step with a pose shows on a screen wide enough for it.
    "tui.engine.figure.draw", "tui.engine.figure.library", "tui.engine.figure.canvas", "tui.widgets.figure_view",
)


def test_importing_the_app_leaves_breaks_and_ice_heat_for_later() -> None:
    code = (
        "import sys\n"
        "import tui.app.app\n"
        f"print(repr(sorted(m for m in {LATER_MODULES!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_lines_that_open_the_app_do_not_import_argparse(tmp_path: Path) -> None:
    # `lumbar run NAME` up to the app (here a name that is not there, so it stops before).
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        "status = main(['run', 'no-such-routine'])\n"
        "print(status, 'argparse' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60,
                            env={**os.environ, "LUMBAR_CONFIG_DIR": str(tmp_path / "config"),
                                 "LUMBAR_CACHE_DIR": str(tmp_path / "cache")})
    assert result.stdout.split() == ["2", "False"], result.stderr
