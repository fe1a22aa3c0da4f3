"""Shared fixtures: a fake clock, the shipped routines, and an app that ticks only when told."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine.clock import FakeClock

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "sessions"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user's config, data or cache."""
    monkeypatch.setenv("LUMBAR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LUMBAR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LUMBAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LUMBAR_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def shipped():
    from tui.services.loader import load_routine

    return {p.stem: load_routine(p) for p in sorted(SESSIONS.glob("*.yaml"))}


@pytest.fixture
def make_app(fake_clock: FakeClock, shipped):
    """LumbarApp on the fake clock, with no automatic heartbeat and no sound; keywords as
    tests/app_values.py takes them."""
    from tests.app_values import lumbar_app

    def build(routines=None, **kwargs):
        kwargs.setdefault("clock", fake_clock)
        kwargs.setdefault("heartbeat", None)
        return lumbar_app(routines if routines is not None else shipped, **kwargs)

    return build


@pytest.fixture
def red_flags_answered(private_dirs: None) -> None:
    """The red-flag check answered in the test's data dir, as `lumbar red-flags --none`
    records it, so a real `lumbar` started by the test opens on what it tests, not on the
    first-start check (tests/app/test_red_flags.py tests the check itself)."""
    from tui.services.paths import data_dir
    from tui.services.store import open_store

    store = open_store(data_dir() / "history.db")
    store.record_red_flags("none", {})
    store.close()
