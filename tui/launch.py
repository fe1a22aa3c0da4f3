"""Start the app from the command line: routines already loaded and valid."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .commands import Catalog


def launch(catalog: Catalog, name: str | None, *, voice: bool = False, history: bool = False) -> int:
    from .commands import BAD_INPUT, find

    if name is not None and find(catalog, name) is None:
        return BAD_INPUT
    from .app import LumbarApp
    from .cues import Cues, find_player, find_speaker
    from .settings import load_settings

    settings = load_settings()
    speaker = find_speaker()
    wants_voice = voice or settings.voice
    origins = {key: entry.origin for key, entry in catalog.entries.items()}
    store = open_history()
    if history and store is None:
        import sys

        print("lumbar: this build keeps no history (the store package is missing).", file=sys.stderr)
        return 1
    app = LumbarApp(catalog.routines, origins=origins, start=name, store=store,
                    checkins=settings.checkins, two_week_rule=settings.two_week_rule,
                    opens_history=history, progression_question=settings.progression_question,
                    **bench_hooks())
    app.cues = Cues(app.bell, voice=wants_voice, speaker=speaker, player=find_player())
    if wants_voice and speaker is None:
        app.notices.append("No speech tool found (install espeak-ng or speech-dispatcher); using the bell only.")
    try:
        app.run()
    finally:
        if store is not None:
            store.close()
    return 0


def open_history() -> object | None:
    """The history store, or None in a build without it (the app then keeps no history)."""
    try:
        from .store import open_store
    except ImportError:
        return None
    return open_store()


def bench_hooks() -> dict[str, object]:
    """LUMBAR_TRACE=FILE records every event with the moment it was seen (JSON lines);
    LUMBAR_TIME_SCALE=N runs the clock N times faster, to simulate long runs.
    Both exist for `make bench`."""
    import os
    import time

    hooks: dict[str, object] = {}
    scale = float(os.environ.get("LUMBAR_TIME_SCALE", "1") or 1)
    if scale != 1:
        origin = time.monotonic()
        hooks["clock"] = lambda: origin + (time.monotonic() - origin) * scale
        hooks["time_scale"] = scale
    path = os.environ.get("LUMBAR_TRACE")
    if path:
        import json

        out = open(path, "a", buffering=1, encoding="utf-8")

        def trace(event: object, seen: float) -> None:
            fields = {k: v for k, v in vars(event).items() if isinstance(v, (int, float, str))}
            out.write(json.dumps({"type": type(event).__name__, "seen": seen, **fields}) + "\n")

        hooks["trace"] = trace
    return hooks
