"""Where lumbar's files live: shipped routines, the user's routines, saved data and the cache."""

from __future__ import annotations

import os
from pathlib import Path


def shipped_sessions() -> Path:
    """The routines that come with lumbar: inside the wheel, or the checkout's sessions/."""
    package = Path(__file__).resolve().parent.parent  # tui/
    packaged = package / "_sessions"
    if packaged.is_dir():
        return packaged
    return package.parent / "sessions"


def config_dir() -> Path:
    override = os.environ.get("LUMBAR_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("lumbar", appauthor=False)


def data_dir() -> Path:
    override = os.environ.get("LUMBAR_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("lumbar", appauthor=False)


def cache_dir() -> Path:
    override = os.environ.get("LUMBAR_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("lumbar", appauthor=False)


def state_dir() -> Path:
    """Where rows not yet in the history wait when the data folder cannot be written."""
    override = os.environ.get("LUMBAR_STATE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_state_path

    return user_state_path("lumbar", appauthor=False)


def user_sessions() -> Path:
    return config_dir() / "sessions"
