"""The user's time zone, for working hours on the local wall clock."""

from __future__ import annotations

import os
from datetime import tzinfo


def local_zone() -> tzinfo:
    """The user's time zone: $TZ, else /etc/localtime; a fixed offset when neither names one.

    A fixed offset does not follow daylight saving; it is the last resort (Windows without
    the tzdata package, say).
    """
    from zoneinfo import ZoneInfo

    key = os.environ.get("TZ", "").removeprefix(":")
    real = os.path.realpath("/etc/localtime")
    for name in (key, real.split("zoneinfo/", 1)[1] if "zoneinfo/" in real else ""):
        try:
            if name:
                return ZoneInfo(name)
        except (ValueError, OSError, KeyError):  # KeyError: ZoneInfoNotFoundError
            continue
    try:
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle)
    except (ValueError, OSError):
        from tui.services.clocks import wall

        zone = wall().tzinfo
        assert zone is not None
        return zone
