"""Bells, sounds and speech for the moments of a routine, and which event means which cue.

Everything here starts a process and returns at once; nothing waits for audio to finish,
so a slow or missing sound system never stalls the timer. No Textual import: the app
passes its bell and a way to run a callback later.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
from enum import Enum
from pathlib import Path
from typing import Callable

from tui.engine.events import (
    Countdown, Event, RepCounted, SessionFinished, SideSwitched, StepStarted, TempoPhaseChanged,
)
from tui.engine.routine.plan import Step, StepKind
from tui.engine.routine.view import describe

SPEECH_TOOLS = (("espeak-ng", ["espeak-ng", "-s", "150"]), ("spd-say", ["spd-say"]))
PLAYERS: tuple[tuple[str, list[str]], ...] = (("paplay", []), ("pw-play", []), ("aplay", ["-q"]), ("afplay", []))


def find_speaker() -> list[str] | None:
    for tool, command in SPEECH_TOOLS:
        if shutil.which(tool):
            return command
    return None


def find_player() -> list[str] | None:
    for tool, flags in PLAYERS:
        path = shutil.which(tool)
        if path:
            return [path, *flags]
    return None


def pip_wav(frequencies: tuple[float, ...] = (1320.0,), seconds: float = 0.12, gap: float = 0.08,
            rate: int = 22050) -> bytes:
    """Short sine pips with soft edges (no click), one per frequency (Hz), `seconds` long
    each and `gap` seconds apart, as the bytes of a mono 16-bit WAV file at `rate` Hz."""
    import wave  # only when a sound player exists; it is not cheap to import at start-up

    frames = int(seconds * rate)
    fade = max(1, int(0.01 * rate))
    samples = bytearray()
    for i, frequency in enumerate(frequencies):
        if i:
            samples += bytes(2 * int(gap * rate))
        for n in range(frames):
            envelope = min(1.0, n / fade, (frames - n) / fade)
            samples += struct.pack("<h", int(12000 * envelope * math.sin(2 * math.pi * frequency * n / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


def _spawn(command: list[str]) -> subprocess.Popen[bytes] | None:
    try:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return None


class Cue(Enum):
    """What a moment of the routine sounds like; the first three matter most."""

    STEP = "step"
    """A new step starts."""
    SWITCH = "switch"
    """Switch sides."""
    END = "end"
    """The routine is done."""
    COUNTDOWN = "countdown"
    """Each of the last three seconds of a timed step."""
    REP = "rep"
    """A tempo-paced rep is done: the bell, where no sound player gives the phases pips."""
    LIFT = "lift"
    """A tempo rep starts its lift (its pips rise)."""
    LOWER = "lower"
    """A tempo rep starts to lower (its pips fall)."""
    PHASE = "phase"
    """A tempo rep's hold or pause begins (spoken only)."""
    ROUND = "round"
    """A round of the routine is over and the next begins."""


#: Terminal bells per cue: the one channel every terminal has, so the count tells them apart.
RINGS = {Cue.STEP: 1, Cue.SWITCH: 2, Cue.ROUND: 2, Cue.END: 3, Cue.REP: 1}
#: Seconds between bells of one cue; closer bells merge into one sound in many terminals.
RING_GAP = 0.35
#: Pip frequencies (Hz) per cue when a sound player exists: one high pip counts down, a
#: lower one starts a step, two for switch sides, three rising ones at the end.
TONES: dict[Cue, tuple[float, ...]] = {
    Cue.COUNTDOWN: (1320.0,), Cue.STEP: (880.0,), Cue.SWITCH: (660.0, 990.0),
    Cue.ROUND: (990.0, 660.0), Cue.END: (660.0, 880.0, 1320.0),
    # A tempo rep, every few seconds: up a fourth to lift, down a fourth to lower.
    Cue.LIFT: (784.0, 1047.0), Cue.LOWER: (1047.0, 784.0),
}
#: The words of each tempo phase when the routine gives none of its own.
PHASE_WORDS = {"lift": "Lift", "hold": "Hold", "lower": "Lower", "pause": "Rest"}
END_WORDS = "Routine complete. Well done."
#: Seconds after the first sound to look whether the player managed to play it.
PLAYER_CHECK = 1.0
PLAYER_FAILED = ("The sound player ({name}) failed, so there are no pips. The bell rings once "
                 "per step, twice to switch sides, three times at the end.")


def cue_for(event: Event, step: Step | None, round_done: int | None = None) -> tuple[Cue, str] | None:
    """The one mapping from engine events to cues: the cue and the words to speak, or None.

    Args:
        event: an engine event.
        step: the session's current step after the event (for rep counts), or None.
        round_done: for a StepStarted that begins a new round, the number of the round just
            finished (``tui.engine.routine.view.finished_round``); None otherwise.
    """
    if isinstance(event, SessionFinished):
        return Cue.END, END_WORDS
    if isinstance(event, SideSwitched):
        return Cue.SWITCH, f"Switch sides. {event.side.capitalize()} side next."
    if isinstance(event, StepStarted):
        if event.step.kind is StepKind.SWITCH and event.step.side is not None:
            return None  # its SideSwitched follows at once and says more
        if round_done is not None:
            # Two bells and falling pips, so the end of a round sounds unlike a step change.
            return Cue.ROUND, f"Round {round_done} done. {describe(event.step)}"
        return Cue.STEP, describe(event.step)
    if isinstance(event, Countdown):
        return Cue.COUNTDOWN, ""
    if isinstance(event, RepCounted) and step is not None and step.tempo is not None and event.rep < event.reps:
        return Cue.REP, ""  # the next rep's lift, at the same moment, says the count
    if isinstance(event, TempoPhaseChanged) and step is not None and step.tempo is not None \
            and event.phase in PHASE_WORDS:
        word = step.tempo.word(event.phase) or PHASE_WORDS[event.phase]
        cue = {"lift": Cue.LIFT, "lower": Cue.LOWER}.get(event.phase, Cue.PHASE)
        # The rep just done, then what to do now: "2. Lift".
        return cue, f"{event.rep - 1}. {word}" if event.phase == "lift" and event.rep > 1 else word
    return None


class Cues:
    """Turns cues into bells, sounds and speech, through every channel that exists.

    Args:
        bell: the app's terminal bell.
        later: `later(seconds, callback)` runs callback after a delay on the app's event
            loop (the bells after a cue's first); None rings them all at once (tests).
        voice: speak the words of each cue.
        speaker: the speech command (`find_speaker()`), or None.
        player: the sound-player command (`find_player()`), or None.
        warn: says a line to the user (the app's notify); told once if the player fails.
        page: in a browser, tells the page a cue's name (`Cue.value`) to sound there.
    """

    def __init__(self, bell: Callable[[], None], *, later: Callable[[float, Callable[[], None]], object] | None = None,
                 voice: bool = False, speaker: list[str] | None = None, player: list[str] | None = None,
                 warn: Callable[[str], None] | None = None,
                 page: Callable[[str], None] | None = None) -> None:
        self.bell = bell
        self.later = later
        self.voice = voice
        self.speaker = speaker
        self.player = player
        self.warn = warn
        self.page = page
        self._speaking: subprocess.Popen[bytes] | None = None
        self._sounds: dict[Cue, Path] = {}
        self._first_sound: subprocess.Popen[bytes] | None = None
        self._player_checked = False

    def play(self, cue: Cue, words: str = "") -> None:
        if self.page is not None and cue in TONES:
            self.page(cue.value)
        # With a sound player the phases have pips; without one the bell marks only whole reps.
        rings = 0 if cue is Cue.REP and self.player is not None else RINGS.get(cue, 0)
        for ring in range(rings):
            if ring and self.later is not None:
                self.later(ring * RING_GAP, self.bell)
            else:
                self.bell()
        self._check_player()
        if self.player is not None and cue in TONES:
            process = _spawn([*self.player, str(self._sound(cue))])
            if self._first_sound is None and not self._player_checked:
                if process is None:
                    self._player_failed()
                else:
                    self._first_sound = process
                    if self.later is not None:
                        self.later(PLAYER_CHECK, self._check_player)
        self.say(words)

    def _check_player(self) -> None:
        # A player that is installed can still fail (no sound server, no device): then
        # the pips are silent, and that must be said like a missing player is.
        first = self._first_sound
        if first is None or self._player_checked or first.poll() is None:
            return
        self._first_sound = None
        if first.returncode != 0:
            self._player_failed()
        self._player_checked = True

    def _player_failed(self) -> None:
        self._player_checked = True
        name = Path(self.player[0]).name if self.player else "the sound player"
        self.player = None
        if self.warn is not None:
            self.warn(PLAYER_FAILED.format(name=name))

    def _sound(self, cue: Cue) -> Path:
        path = self._sounds.get(cue)
        if path is None:
            import tempfile  # first sound only: kept out of the start-up

            handle = tempfile.NamedTemporaryFile(prefix=f"lumbar-pip-{cue.value}-", suffix=".wav", delete=False)
            with handle:
                handle.write(pip_wav(TONES[cue]))
            path = self._sounds[cue] = Path(handle.name)
        return path

    def say(self, words: str) -> None:
        if not (self.voice and self.speaker and words):
            return
        if self._speaking is not None and self._speaking.poll() is None:
            # A new cue matters more than the end of the old one.
            self._speaking.terminate()
        # A leading dash would be read as an option by the speech tool.
        self._speaking = _spawn([*self.speaker, words.lstrip("-")])

    def close(self) -> None:
        """Remove the sound files; safe to call more than once."""
        while self._sounds:
            _, path = self._sounds.popitem()
            path.unlink(missing_ok=True)
