"""LumbarApp from a few keywords, for brevity in tests: the App itself takes only
(Config, Services), built here the way tui/cli/launch.py builds them for the real run."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tui.app.config import CareLimits, Config, Services
from tui.services.clocks import Clocks

#: Keywords that name a clock (Services.clocks), and the Clocks field each fills.
CLOCKS = {"clock": "mono", "real_clock": "real", "wall": "wall"}
#: Keywords for the ice and heat limits (Config.care), and the CareLimits field each fills.
CARE = {"care_minutes": "minutes", "rest_minutes": "rest_minutes",
        "ice_every_minutes": "ice_every_minutes", "heat_per_day": "heat_per_day",
        "asks_precaution": "asks_precaution"}


def values(routines: Any, **kwargs: Any) -> tuple[Config, Services]:
    """(Config, Services) from `routines` and keywords: Config's and Services' own field
    names, plus `clock`, `real_clock`, `wall` (Clocks) and the ice and heat limits."""
    clocks = {CLOCKS[k]: kwargs.pop(k) for k in list(kwargs) if k in CLOCKS}
    care = {CARE[k]: kwargs.pop(k) for k in list(kwargs) if k in CARE}
    service_names = {f.name for f in fields(Services)}
    services = {k: kwargs.pop(k) for k in list(kwargs) if k in service_names}
    if "notices" in kwargs:
        kwargs["notices"] = tuple(kwargs["notices"])
    config = Config(routines, care=CareLimits(**care), **kwargs)
    return config, Services(clocks=Clocks(**clocks), **services)


def lumbar_app(routines: Any, **kwargs: Any) -> Any:
    """LumbarApp(config, services) from `routines` and keywords (see `values`)."""
    from tui.app.app import LumbarApp

    return LumbarApp(*values(routines, **kwargs))
