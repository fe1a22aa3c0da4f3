"""Start the app from the command line: the routines that loaded, and what did not."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.services.catalog import Catalog
    from tui.services.notify.notice import Channel


class BadEnvironment(ValueError):
    """An environment variable lumbar reads has a value it cannot use; ``str()`` says which."""


#: Said once at start when no sound player is found: what is missing and what still sounds.
NO_PLAYER = ("No sound player found (paplay, pw-play, aplay, afplay): no countdown pips. "
             "The bell rings once per step, twice to switch sides, three times at the end.")


#: Seconds SIGTERM, SIGHUP or SIGINT wait for the orderly exit before lumbar leaves anyway.
EXIT_GRACE = 3.0


def _later(seconds: float, callback: Callable[[], None]) -> None:
    # An event-loop handle, not Textual's one-shot timer, which drops a late callback.
    asyncio.get_running_loop().call_later(seconds, callback)


def sound_notices(player: list[str] | None, speaker: list[str] | None, voice: bool) -> list[str]:
    """What to say once at start about missing sound tools (each channel that is off)."""
    notices = []
    if player is None:
        notices.append(NO_PLAYER)
    if voice and speaker is None:
        notices.append("No speech tool found (install espeak-ng or speech-dispatcher); using the bell only.")
    return notices


def machine_notices(player: list[str] | None, speaker: list[str] | None, voice: bool) -> list[str]:
    """``sound_notices`` said on the first start that meets each (kept in the data dir):
    a fact about this machine, not a box over the screen on every start."""
    from tui.services.settings.current import first_time

    return [n for n in sound_notices(player, speaker, voice) if first_time(n)]


def launch(catalog: Catalog, name: str | None, *, voice: bool = False,
           hooks: dict[str, object] | None = None, history: bool = False,
           care: tuple[object, ...] | None = None,
           breaks: tuple[bool, float | None] | None = None) -> int:
    """Run the app on ``catalog`` (starting ``name`` straight away if given); the exit status.

    ``hooks`` are ``bench_hooks()``, read from the environment when not given. ``breaks``
    is (start the break schedule, ``--every`` seconds or None) for `lumbar breaks`. Exit 2,
    before the app takes the screen, for an unknown or broken ``name`` or a bad
    LUMBAR_TIME_SCALE / LUMBAR_TRACE.
    """
    # Until the first frame is drawn the cycle collector only walks the modules, classes
    # and widgets being made, all of them kept: about 110 passes and 17 ms of a 250 ms
    # start of `lumbar run`, finding nothing. The App turns it back on once that frame is
    # on screen (LumbarApp.on_mount); `run`, and this on the way out, do too.
    gc.disable()
    try:
        return _launch(catalog, name, voice=voice, hooks=hooks, history=history, care=care,
                       breaks=breaks)
    finally:
        gc.enable()


def _launch(catalog: Catalog, name: str | None, *, voice: bool,
            hooks: dict[str, object] | None, history: bool,
            care: tuple[object, ...] | None, breaks: tuple[bool, float | None] | None) -> int:
    from tui.cli.routines import BAD_INPUT, find

    if name is not None and find(catalog, name) is None:
        return BAD_INPUT
    if hooks is None:
        try:
            hooks = bench_hooks()
        except BadEnvironment as error:
            print(f"lumbar: {error}", file=sys.stderr)
            return BAD_INPUT
    from tui.services.figure_style import figure_style

    try:
        figure_style()  # read again where a figure is drawn; a bad value stops here, not mid-routine
    except ValueError as error:
        print(f"lumbar: {error}", file=sys.stderr)
        return BAD_INPUT
    from tui.app.app import LumbarApp
    from tui.app.config import CareLimits, Config, Measures, Services
    from tui.services.clocks import Clocks
    from tui.services.cues import Cues, find_player, find_speaker
    from tui.services.notify.notifier import Notifier, default_channels
    from tui.services.port import Port
    from tui.services.settings.current import RunMemory, check_break_routine, read_settings
    from tui.services.settings.easier_file import check_easier
    from tui.services.store import open_store
    from tui.widgets.paint import page_writer, terminal_writer

    memory = RunMemory()
    settings, notices = read_settings(memory)
    notices += check_easier(memory) + [w for w in [check_break_routine(settings, catalog.routines, memory)] if w]
    speaker = find_speaker()
    wants_voice = voice or settings.voice
    store = open_store()
    # The cues and the notifier are made here, before the App: they reach its bell and
    # terminal through the port, which the App plugs itself into.
    port = Port(terminal_writer, page_writer)
    browser = in_browser()
    if browser:
        # Sound players, speech and desktop notifications would act on the machine running
        # `lumbar serve`, not on the phone: the page gets the bell and on-screen notices.
        player = None
        # The page plays the cues itself (Web Audio, vibration: serve/web/static/js/cues.js).
        cues = Cues(port.bell, later=_later, page=lambda name: port.tell_page(cue=name))
        if wants_voice:
            notices.append("Spoken cues are off in the browser: they would sound on the computer running lumbar.")
        wants_voice = False

        def channels() -> list[Channel]:
            from tui.services.notify.terminal import BellChannel

            return [BellChannel(port.write)]
    else:
        player = find_player()
        cues = Cues(port.bell, later=_later, voice=wants_voice, speaker=speaker, player=player,
                    warn=lambda text: port.notify(text, severity="warning", timeout=8))

        def channels() -> list[Channel]:
            return default_channels(port.write)
    # The channels are made at the first notice (tui/services/notify/__init__.py).
    notifier = Notifier(channels, on_problem=lambda line: port.notify_later(line, severity="warning"))
    notices = [line.removeprefix("lumbar: ") for line in catalog.warnings] + notices
    if catalog.broken:
        names = ", ".join(catalog.broken)
        notices.append(f"Routines with problems, left out: {names}. The routine list shows why.")
    if not browser:
        notices += machine_notices(player, speaker, wants_voice)
    config = Config(
        catalog.routines, origins={key: entry.origin for key, entry in catalog.entries.items()},
        start=name, checkins=settings.checkins, two_week_rule=settings.two_week_rule,
        opens_history=history, progression_question=settings.progression_question,
        opens_care=care, signals=True,  # type: ignore[arg-type]
        # The first start asks the red-flag check before anything else, until it is answered.
        red_flags_due=not store.red_flags_answered(), red_flag_check=settings.red_flag_check,
        care=CareLimits(settings.ice_heat_minutes, settings.skin_rest_minutes,
                        settings.ice_every_minutes, settings.heat_per_day, asks_precaution=True),
        # `lumbar breaks` (with its --every), or the setting that starts the schedule every time.
        break_settings=settings, breaks_at_start=breaks or (settings.breaks_on_start, None),
        time_scale=hooks.get("time_scale", 1.0),  # type: ignore[arg-type]
        notices=tuple(notices),
        broken={key: [str(p) for p in problems] for key, problems in catalog.broken.items()},
        # A browser page that connected again after its connection dropped (set by
        # tui/cli/serve/main.py): take up the routine its last lumbar left, unasked.
        resume=browser and os.environ.get("LUMBAR_RESUME") == "1",
        touch=browser and os.environ.get("LUMBAR_TOUCH") == "1",
        measures=Measures(settings.goals, settings.peg, settings.impression, settings.leg_score))
    clock = hooks.get("clock")
    clocks = Clocks() if clock is None else Clocks(mono=clock)  # type: ignore[arg-type]
    services = Services(store=store, notifier=notifier, cues=cues, clocks=clocks,
                        trace=hooks.get("trace"), memory=memory, port=port)  # type: ignore[arg-type]
    app = LumbarApp(config, services)
    try:
        return run(app)
    finally:
        said = store.close()
        if said:  # rows kept in a spill file (or, at worst, lost): one line, after the screen
            print(f"lumbar: {said}", file=sys.stderr, flush=True)


def run(app: LumbarApp, **options: object) -> int:
    """Run the app and give its exit status: 0, 1 after a crash inside it (Textual shows
    the traceback and returns), 128 + N after signal N. Temporary files go in every case.
    `options` are `App.run`'s (tests pass `headless=True`)."""
    app.terminal_signals.grace = EXIT_GRACE
    try:
        app.run(**options)  # type: ignore[arg-type]
    finally:
        gc.enable()  # paused by `launch`; back on after the first frame, or here
        app.terminal_signals.disarm()
        if app.services.cues is not None:
            app.services.cues.close()
    return app.return_code or 0


def care_request(command: str, since: str | None, minutes: int | None) -> tuple[object, ...]:
    """(kind or None, minutes or None, when the pain started or None) for `lumbar ice`,
    `heat` or `care`. Raises ValueError, with what was expected, for a bad --since or
    --minutes."""
    from tui.engine.care import thermal
    from tui.services.clocks import wall
    from tui.services.since import parse_since

    low, high = int(thermal.MIN_LENGTH // 60), int(thermal.MAX_LENGTH // 60)
    if minutes is not None and not low <= minutes <= high:
        raise ValueError(f"--minutes must be {low} to {high} (up to 20 minutes each time), not {minutes}")
    started = parse_since(since, wall()) if since is not None else None
    return (None if command == "care" else command, minutes, started)


def in_browser() -> bool:
    """True when the App will draw into a browser page (textual-serve's web driver, named
    in TEXTUAL_DRIVER), where ``App.is_web`` will hold once it runs; known before the App
    is made, so effects that would act on the server (sound players, speech, desktop
    notifications) are never made."""
    from textual import constants

    driver = constants.DRIVER
    if not driver or "web" not in driver.partition(":")[0]:
        return False  # the terminal drivers: no need to import the web one
    module, _, name = driver.partition(":")
    import importlib

    from textual.drivers.web_driver import WebDriver

    found = getattr(importlib.import_module(module), name, None)
    return isinstance(found, type) and issubclass(found, WebDriver)


def bench_hooks() -> dict[str, object]:
    """LUMBAR_TRACE=FILE records every event with the moment it was seen (JSON lines);
    LUMBAR_TIME_SCALE=N runs the clock N times faster, to simulate long runs.
    Both exist for `make bench`.

    Raises BadEnvironment when the scale is not a finite number above 0, or the trace
    file cannot be opened for appending.
    """
    import math

    from tui.services.clocks import monotonic

    hooks: dict[str, object] = {}
    text = os.environ.get("LUMBAR_TIME_SCALE", "")
    try:
        scale = float(text) if text.strip() else 1.0
    except ValueError:
        scale = math.nan
    if not (math.isfinite(scale) and scale > 0):
        raise BadEnvironment(f"LUMBAR_TIME_SCALE must be a number above 0 (clock seconds per real second), not {text!r}")
    if scale != 1:
        origin = monotonic()
        hooks["clock"] = lambda: origin + (monotonic() - origin) * scale
        hooks["time_scale"] = scale
    path = os.environ.get("LUMBAR_TRACE")
    if path:
        import json

        try:
            # What was done and when: private, like the history.
            out = open(path, "a", buffering=1, encoding="utf-8",
                       opener=lambda name, flags: os.open(name, flags, 0o600))
        except OSError as exc:
            raise BadEnvironment(f"LUMBAR_TRACE: cannot write {path} ({exc.strerror or exc})") from None

        def trace(event: object, seen: float) -> None:
            fields = {k: v for k, v in vars(event).items() if isinstance(v, (int, float, str))}
            out.write(json.dumps({"type": type(event).__name__, "seen": seen, **fields}) + "\n")

        hooks["trace"] = trace
    return hooks
