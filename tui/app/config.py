"""What a LumbarApp is built from, made before it starts: `Config` (what to do) and
`Services` (what to do it with). `LumbarApp(config, services)` is the one way in; the
launcher (tui/cli/launch.py) builds both from the settings and the command line, tests
build them from a few keywords (tests/app/drive.py).
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, Callable, Mapping

from tui.engine.cadence import FRAME
from tui.engine.frozen import frozen
from tui.services.clocks import Clocks

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from tui.engine.events import Event
    from tui.engine.routine.model import Routine
    from tui.services.cues import Cues
    from tui.services.notify import Notifier
    from tui.services.settings.current import Settings


@frozen
class CareLimits:
    """The ice and heat settings, minutes and counts (tui.services.settings.current.Settings)."""

    minutes: int = 15
    """Length of one application (setting `ice_heat_minutes`, 1..20)."""
    rest_minutes: int = 20
    """Skin rest after one (setting `skin_rest_minutes`, 1..120)."""
    ice_every_minutes: int = 120
    """Ice at most this often, start to start (setting `ice_every_minutes`)."""
    heat_per_day: int = 3
    """Heat at most this many times a day (setting `heat_per_day`)."""
    asks_precaution: bool = False
    """Ask the precaution before an episode's first pack (the real app: on)."""


@frozen
class Measures:
    """Which outcome measures are asked (settings `goals`, `peg`, `impression`,
    `leg_score`; tui/engine/measures/). All off unless the launcher turns them on, so a test
    that is not about them finishes a routine without them."""

    goals: bool = False
    """Your goals: offered after a routine until set, re-rated weekly; `g` on the list."""
    peg: bool = False
    """The PEG's three questions, weekly after a routine."""
    impression: bool = False
    """The global impression of change, every two weeks after a routine."""
    leg: bool = False
    """A leg-pain score beside the back score at each check-in."""


@frozen
class Config:
    """What the App does, fixed for its run.

    Attributes:
        routines: validated routines by key.
        origins: where each routine came from, by key (home screen).
        start: a routine key to start straight away (`lumbar run`).
        heartbeat: the frame interval (s) for smooth pacing; None ticks only when told (tests).
        time_scale: clock seconds per real second (benchmarks simulate long runs).
        remember: keep easier choices between runs.
        checkins: ask "how is your back" before and after a routine (needs a store).
        two_week_rule: show the see-a-doctor advice when two weeks bring no improvement.
        opens_history: open on the history screen (`lumbar history`).
        opens_care: open on ice or heat (`lumbar ice/heat/care`): (kind or None to ask,
            minutes or None for the setting, when the pain started or None).
        progression_question: after a finished routine with ranges, ask whether it was too
            easy, about right or too hard (needs a store).
        signals: handle SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT (tui/app/terminal.py).
        red_flag_check: ask the check again at a new episode and after a flare.
        red_flags_due: the first red-flag check is owed (never answered).
        care: the ice and heat limits.
        break_settings: the settings the break schedule is built from (None: defaults).
        breaks_at_start: (start the schedule once mounted, `--every` seconds or None).
        notices: said once, on start (a missing speech tool, say).
        broken: routines that did not load, by key: their problems, one line each.
        resume: take up an interrupted routine without asking (a browser page that
            connected again, LUMBAR_RESUME=1); else it is offered.
        touch: a browser page on a touch screen (LUMBAR_TOUCH=1): hints name taps.
        measures: which outcome measures are asked (needs a store).
        plan: the plan file (tui/services/plan_file.py); None: plan.yaml in the config folder.
    """

    routines: Mapping[str, Routine]
    origins: Mapping[str, str] = field(default_factory=dict)
    start: str | None = None
    heartbeat: float | None = FRAME
    time_scale: float = 1.0
    remember: bool = True
    checkins: bool = True
    two_week_rule: bool = True
    opens_history: bool = False
    opens_care: tuple[str | None, float | None, datetime | None] | None = None
    progression_question: bool = True
    signals: bool = False
    red_flag_check: bool = False
    red_flags_due: bool = False
    care: CareLimits = CareLimits()
    break_settings: Settings | None = None
    breaks_at_start: tuple[bool, float | None] = (False, None)
    notices: tuple[str, ...] = ()
    broken: Mapping[str, list[str]] = field(default_factory=dict)
    resume: bool = False
    touch: bool = False
    measures: Measures = Measures()
    plan: Path | None = None


@frozen
class Services:
    """What the App works through, made before it starts.

    Attributes:
        store: the history store (tui.services.store.Store); None keeps no history.
        notifier: desktop, terminal and bell notifications; None for none.
        cues: sound and speech; None for silence.
        clocks: the workout, real and wall clocks (tui.services.clocks.Clocks).
        trace: called with each routine event and the workout clock when the App saw it.
        memory: what this run said and kept (tui.services.settings.current.RunMemory).
        port: the App's bell and terminal, for cues and notifier made before the App is
            (tui.services.port.Port); the App plugs itself in.
    """

    store: Any = None
    notifier: Notifier | None = None
    cues: Cues | None = None
    clocks: Clocks = Clocks()
    trace: Callable[[Event, float], None] | None = None
    memory: Any = field(default_factory=lambda: _run_memory())
    port: Any = None


def _run_memory() -> Any:
    # Imported when a Services is made, not with this module: the settings' code is not
    # needed for the first frame.
    from tui.services.settings.current import RunMemory

    return RunMemory()
