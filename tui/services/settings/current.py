"""What lumbar remembers between runs: user settings (easier choices: tui/services/settings/easier_file.py).

Settings come from ``settings.yaml`` in the config dir (the user's own file, read by
tui/services/settings/file.py; never written, moved or replaced), else from the older
``settings.json``, else the defaults. A problem in one setting gives a warning and that
setting's default; the rest still apply.

Each warning is given once per run (a ``RunMemory``, shared with tui/services/settings/easier_file.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, fields
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.services import paths
from tui.services.settings.spec import DAYS
from tui.services.storage import MAX_STATE_BYTES, Unreadable, read_bytes, read_state, write_state

if TYPE_CHECKING:
    from datetime import tzinfo

    from tui.engine.breaks.state import Schedule


@dataclass
class Settings:
    """Every user setting and its default; tui/services/settings/spec.py holds their bounds and help."""

    voice: bool = False
    """Speak cues when a speech tool is installed."""
    checkins: bool = True
    """Ask "how is your back right now?" (0-10) before and after a routine."""
    two_week_rule: bool = True
    """Advise seeing a doctor when two weeks of check-ins show no improvement."""
    red_flag_check: bool = True
    """Ask the red-flag questions again at a new episode of pain and after a flare (the
    first check is asked whatever this says)."""
    progression_question: bool = True
    """After a routine, ask whether it felt too easy, right or too hard."""
    goals: bool = True
    """Your goals (the Patient-Specific Functional Scale): offered after a routine until set,
    re-rated once a week after a routine."""
    peg: bool = True
    """Pain's weight on life (the PEG's three questions), once a week after a routine."""
    impression: bool = True
    """The global impression of change since the start, every two weeks after a routine."""
    leg_score: bool = False
    """Ask for a leg-pain score beside the back score at each check-in (sciatica)."""
    ice_heat_minutes: int = 15
    """One ice or heat application, 1-20 minutes: 15 by default, at most 20 (docs/sources.md,
    "Ice and heat")."""
    skin_rest_minutes: int = 20
    """Rest for the skin between applications, 1-120 minutes."""
    ice_every_minutes: int = 120
    """Ice at most this often, start to start, 60-180 minutes (docs/sources.md, "Ice and heat")."""
    heat_per_day: int = 3
    """Heat at most this many times a day, 1-6 (docs/sources.md, "Ice and heat")."""
    break_every_minutes: int = 20
    """Work between desk breaks, 5-120 minutes: about every 20 (docs/sources.md, "Desk breaks")."""
    break_heads_up_seconds: int = 30
    """A heads-up before a break, 0-300 seconds; 0 for none."""
    snooze_minutes: int = 5
    """How long a snoozed break waits, 1-60 minutes."""
    max_snoozes: int = 2
    """Snoozes allowed in a row, 0-10."""
    work_hours: str = "09:00-17:00"
    """HH:MM-HH:MM on the local clock; an end at or before the start runs past midnight."""
    work_days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    """Days a working span starts on, as three-letter lower-case names, Monday first."""
    break_routine: str = "desk-break"
    """The routine a desk break offers, by key (``check_break_routine`` says when it is unknown)."""
    breaks_on_start: bool = False
    """Start the desk-break schedule with every `lumbar`."""
    break_command: tuple[str, ...] = ()
    """A program and its arguments, run without a shell when the Start button of a headless
    scheduler's notification is pressed; () for none."""
    serve_pages: int = 4
    """Browser pages `lumbar serve` runs at once, 1-16: each is a lumbar process."""

    def schedule(self, zone: tzinfo | None = None) -> Schedule:
        """The break engine's Schedule for these settings (seconds), in ``zone`` (default: local).

        Raises ValueError for values outside what the engine takes (never for values read
        from a file, which are checked on reading).
        """
        from datetime import time

        from tui.engine.breaks.state import Schedule
        from tui.engine.breaks.workhours import Hours
        from tui.services.localzone import local_zone

        start, end = (time(int(t[:2]), int(t[3:5])) for t in self.work_hours.split("-"))
        hours = Hours(start=start, end=end, days=frozenset(DAYS.index(d) for d in self.work_days),
                      zone=zone if zone is not None else local_zone())
        return Schedule(every=self.break_every_minutes * 60.0, heads_up=float(self.break_heads_up_seconds),
                        snooze=self.snooze_minutes * 60.0, max_snoozes=self.max_snoozes, hours=hours)


@dataclass
class InForce:
    """The settings in force and where each came from; see ``settings_in_force``."""

    settings: Settings
    path: Path
    """The settings.yaml that is (or would be) read."""
    origins: dict[str, str] = field(default_factory=dict)
    """By setting name: "default", "settings.yaml:LINE" or "settings.json"."""
    places: dict[str, str] = field(default_factory=dict)
    """By setting name, for values from settings.yaml: "FILE:LINE:COLUMN"."""
    problems: list[str] = field(default_factory=list)
    """One ``file:line:column: key: message`` line per problem in settings.yaml."""
    notices: list[str] = field(default_factory=list)
    """Other things to say: a damaged settings.json, the settings.yaml suggestion."""
    legacy: bool = False
    """True when the values came from settings.json."""
    unusable: bool = False
    """True when settings.yaml could not be read or parsed at all: every setting is a default."""


class RunMemory:
    """What one run of lumbar said and kept, so each warning is given once and an easier
    choice that could not be saved still holds until lumbar closes.

    Made by the launcher and held by the App's services; a caller that passes none gets
    a fresh one (nothing remembered from an earlier call).
    """

    def __init__(self) -> None:
        self.said: set[str] = set()
        """Warnings already given this run."""
        self.pending: list[str] = []
        """Warnings found where nothing could show them, for the next caller that can."""
        self.kept: dict[tuple[str, str], list[str]] = {}
        """Easier choices made this run, by (file, routine key): they hold even when not saved."""
        self.break_place = ""
        """Where the last reading found break_routine ("FILE:LINE:COLUMN"), for
        ``check_break_routine``; "" when it was not in settings.yaml."""

    def once(self, messages: list[str | None]) -> list[str]:
        """The messages not given yet this run (each once), now marked as given."""
        fresh = [m for m in dict.fromkeys(messages) if m and m not in self.said]
        self.said.update(fresh)
        return fresh

    def take_warnings(self) -> list[str]:
        """Warnings not yet shown (a damaged easier.json found on reading, say)."""
        found = list(self.pending)
        self.pending.clear()
        return found

#: How many problems a start-up notice lists; `lumbar config` lists them all.
NOTICE_PROBLEMS = 1
SUGGEST_YAML = ("Settings now live in settings.yaml: `lumbar config --init` writes one with the values "
                "of settings.json, which is read until then.")


def yaml_file() -> Path:
    return paths.config_dir() / "settings.yaml"


def _settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def _is_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a JSON object, found {type(value).__name__}")
    return value


def settings_in_force(memory: RunMemory | None = None) -> InForce:
    """The settings from settings.yaml, else settings.json, else the defaults. Never raises.

    settings.yaml is only read, never written or moved; settings.json, a state file from
    older versions, is moved aside when damaged (``storage.read_state``). `memory` learns
    where break_routine was written.
    """
    memory = memory if memory is not None else RunMemory()
    path = yaml_file()
    try:
        data = read_bytes(path, MAX_STATE_BYTES)
    except Unreadable as exc:
        return _found(InForce(Settings(), path, problems=[f"{path}: cannot read: {exc}"], unusable=True), memory)
    if data is None:
        return _found(_from_json(path), memory)
    from tui.services.settings import cache as settings_cache

    unusable = False
    cached = settings_cache.get(path, data)
    if cached is not None:
        values, places, lines = cached
        problems: list[str] = []
    else:
        # Only now: PyYAML and the loader cost a start that has no settings.yaml (or
        # an unchanged one) nothing.
        from tui.services.settings.file import read_text

        read = read_text(data, str(path))
        values, places, lines = read.values, read.places, read.lines
        problems = [str(p) for p in read.problems]
        unusable = not read.parsed
        if not problems:
            settings_cache.put(path, data, values, places, lines)
    loaded = InForce(Settings(**values), path, problems=problems, unusable=unusable)
    for key, (line, column) in places.items():
        loaded.origins[key] = f"{path.name}:{lines[key]}"
        loaded.places[key] = f"{path}:{line}:{column}"
    return _found(loaded, memory)


def _found(loaded: InForce, memory: RunMemory) -> InForce:
    for f in fields(Settings):
        loaded.origins.setdefault(f.name, "default")
    memory.break_place = loaded.places.get("break_routine", "")
    return loaded


def _from_json(path: Path) -> InForce:
    old = _settings_file()
    data, problem = read_state(old, {}, _is_object)
    notes = [problem] if problem else []
    types = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in types:
            hint = get_close_matches(str(key), list(types), n=1)
            notes.append(f"{old}: unknown setting '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else ""))
        elif not isinstance(getattr(Settings, key), bool):
            notes.append(f"{old}: '{key}' is read from settings.yaml only; using the default")
        elif not isinstance(value, bool):
            notes.append(f"{old}: '{key}' should be true or false; using the default")
        else:
            values[key] = value
    loaded = InForce(Settings(**values), path, notices=notes, legacy=bool(data))
    loaded.origins.update(dict.fromkeys(values, old.name))
    if data and first_time("settings.yaml"):
        loaded.notices.append(SUGGEST_YAML)
    return loaded


def first_time(notice: str) -> bool:
    """True the first time ever this is asked about ``notice`` (kept in the data dir)."""
    said_file = paths.data_dir() / "notices.json"
    said, _ = read_state(said_file, [], lambda v: v if isinstance(v, list) else [])
    if notice in said:
        return False
    write_state(said_file, [*said, notice])
    return True


def startup_notices(loaded: InForce) -> list[str]:
    """What a start says about the settings: the first few problems and a summary line."""
    notes = list(loaded.notices)
    if loaded.problems:
        shown = loaded.problems[:NOTICE_PROBLEMS]
        more = len(loaded.problems) - len(shown)
        shown += [f"... and {more} more"] if more else []
        which = "Every setting uses its default" if loaded.unusable else "Those settings use their defaults"
        shown.append(f"{which}; `lumbar config` lists every problem.")
        notes.append("\n".join(shown))
    return notes


def read_settings(memory: RunMemory | None = None) -> tuple[Settings, list[str]]:
    """The user's settings and any warnings about them (each given once per run: `memory`)."""
    memory = memory if memory is not None else RunMemory()
    loaded = settings_in_force(memory)
    return loaded.settings, memory.once(list(startup_notices(loaded)))


def check_break_routine(settings: Settings, routines: Collection[str],
                        memory: RunMemory | None = None) -> str | None:
    """A warning when ``break_routine`` names none of ``routines`` (the keys that loaded), else None.

    Names where the setting was written (``file:line:column``, as the reading into
    `memory` found it) and the closest key.
    """
    name = settings.break_routine
    if name in routines:
        return None
    place = memory.break_place if memory is not None else ""
    where = (place or "lumbar") + ": break_routine"
    hint = get_close_matches(name, list(routines), n=1)
    tail = f"; did you mean '{hint[0]}'?" if hint else "; `lumbar list` shows them all"
    return f"{where}: no routine named '{name}'{tail}"


def load_settings(memory: RunMemory | None = None) -> Settings:
    """The user's settings; warnings about the file are kept in `memory` for its
    ``take_warnings``."""
    memory = memory if memory is not None else RunMemory()
    settings, notes = read_settings(memory)
    memory.pending.extend(notes)
    return settings
