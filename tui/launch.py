"""Start the app from the command line: the routines that loaded, and what did not."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .commands import Catalog


class BadEnvironment(ValueError):
    """An environment variable lumbar reads has a value it cannot use; ``str()`` says which."""


def launch(catalog: Catalog, name: str | None, *, voice: bool = False,
           hooks: dict[str, object] | None = None, history: bool = False) -> int:
    """Run the app on ``catalog`` (starting ``name`` straight away if given); the exit status.

    ``hooks`` are ``bench_hooks()``, read from the environment when not given. Exit 2,
    before the app takes the screen, for an unknown or broken ``name`` or a bad
    LUMBAR_TIME_SCALE / LUMBAR_TRACE.
    """
    from .commands import BAD_INPUT, find

    if name is not None and find(catalog, name) is None:
        return BAD_INPUT
    if hooks is None:
        try:
            hooks = bench_hooks()
        except BadEnvironment as error:
            print(f"lumbar: {error}", file=sys.stderr)
            return BAD_INPUT
    from .app import LumbarApp
    from .cues import Cues, find_player, find_speaker
    from .settings import check_easier, read_settings

    settings, notices = read_settings()
    notices += check_easier()
    speaker = find_speaker()
    wants_voice = voice or settings.voice
    origins = {key: entry.origin for key, entry in catalog.entries.items()}
    from .store import open_store

    store = open_store()
    app = LumbarApp(catalog.routines, origins=origins, start=name, store=store,
                    checkins=settings.checkins, two_week_rule=settings.two_week_rule,
                    opens_history=history, **hooks)
    app.broken = {key: [str(p) for p in problems] for key, problems in catalog.broken.items()}
    if in_browser(app):
        # Sound players and speech would play on the machine running `lumbar serve`, not
        # on the phone: the browser gets the bell and on-screen notices only.
        app.cues = Cues(app.bell)
        if wants_voice:
            notices.append("Spoken cues are off in the browser: they would sound on the computer running lumbar.")
        wants_voice = False
    else:
        app.cues = Cues(app.bell, voice=wants_voice, speaker=speaker, player=find_player())
    app.notices += [line.removeprefix("lumbar: ") for line in catalog.warnings] + notices
    if catalog.broken:
        names = ", ".join(catalog.broken)
        app.notices.append(f"Routines with problems, left out: {names}. The routine list shows why.")
    if wants_voice and speaker is None:
        app.notices.append("No speech tool found (install espeak-ng or speech-dispatcher); using the bell only.")
    try:
        app.run()
    finally:
        if store is not None:
            store.close()
    return 0


def in_browser(app: object) -> bool:
    """True when ``app`` will draw into a browser page (textual-serve's web driver), where
    ``App.is_web`` will hold once it runs; known before it runs, so effects that would act
    on the server (sound players, speech, desktop notifications) are never made."""
    driver = getattr(app, "driver_class", None)
    if driver is None or "web" not in driver.__module__:
        return False  # the terminal drivers: no need to import the web one
    from textual.drivers.web_driver import WebDriver

    return issubclass(driver, WebDriver)


def bench_hooks() -> dict[str, object]:
    """LUMBAR_TRACE=FILE records every event with the moment it was seen (JSON lines);
    LUMBAR_TIME_SCALE=N runs the clock N times faster, to simulate long runs.
    Both exist for `make bench`.

    Raises BadEnvironment when the scale is not a finite number above 0, or the trace
    file cannot be opened for appending.
    """
    import math
    import os
    import time

    hooks: dict[str, object] = {}
    text = os.environ.get("LUMBAR_TIME_SCALE", "")
    try:
        scale = float(text) if text.strip() else 1.0
    except ValueError:
        scale = math.nan
    if not (math.isfinite(scale) and scale > 0):
        raise BadEnvironment(f"LUMBAR_TIME_SCALE must be a number above 0 (clock seconds per real second), not {text!r}")
    if scale != 1:
        origin = time.monotonic()
        hooks["clock"] = lambda: origin + (time.monotonic() - origin) * scale
        hooks["time_scale"] = scale
    path = os.environ.get("LUMBAR_TRACE")
    if path:
        import json

        try:
            out = open(path, "a", buffering=1, encoding="utf-8")
        except OSError as exc:
            raise BadEnvironment(f"LUMBAR_TRACE: cannot write {path} ({exc.strerror or exc})") from None

        def trace(event: object, seen: float) -> None:
            fields = {k: v for k, v in vars(event).items() if isinstance(v, (int, float, str))}
            out.write(json.dumps({"type": type(event).__name__, "seen": seen, **fields}) + "\n")

        hooks["trace"] = trace
    return hooks
