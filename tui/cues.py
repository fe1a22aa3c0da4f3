"""Sound and speech: a bell at each step change, a distinct pip for the last seconds, spoken cues.

Everything here starts a process and returns at once; nothing waits for audio to finish,
so a slow or missing sound system never stalls the timer.
"""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Callable

SPEECH_TOOLS = (("espeak-ng", ["espeak-ng", "-s", "150"]), ("spd-say", ["spd-say"]))
PLAYERS = (("paplay", []), ("pw-play", []), ("aplay", ["-q"]), ("afplay", []))


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


def pip_wav(frequency: float = 1320.0, seconds: float = 0.12, rate: int = 22050) -> bytes:
    """A short sine pip with soft edges (no click), as WAV bytes."""
    import wave  # only when a sound player exists; it is not cheap to import at start-up

    frames = int(seconds * rate)
    fade = max(1, int(0.01 * rate))
    samples = bytearray()
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


class Cues:
    """Turns engine moments into sounds; `bell` is the app's terminal bell."""

    def __init__(self, bell: Callable[[], None], *, voice: bool = False,
                 speaker: list[str] | None = None, player: list[str] | None = None) -> None:
        self.bell = bell
        self.voice = voice
        self.speaker = speaker
        self.player = player
        self._speaking: subprocess.Popen[bytes] | None = None
        self._pip: Path | None = None

    def step_changed(self, words: str) -> None:
        self.bell()
        self.say(words)

    def round_done(self, number: int, words: str) -> None:
        """A round of the routine is over: two bells, so it sounds unlike a step change."""
        self.bell()
        self.bell()
        self.say(f"Round {number} done. {words}")

    def countdown(self, seconds: int) -> None:
        if self.player is None:
            return
        if self._pip is None:
            import tempfile  # first pip only: kept out of the start-up

            handle = tempfile.NamedTemporaryFile(prefix="lumbar-pip-", suffix=".wav", delete=False)
            with handle:
                handle.write(pip_wav())
            self._pip = Path(handle.name)
        _spawn([*self.player, str(self._pip)])

    def say(self, words: str) -> None:
        if not (self.voice and self.speaker and words):
            return
        if self._speaking is not None and self._speaking.poll() is None:
            # A new cue matters more than the end of the old one.
            self._speaking.terminate()
        # A leading dash would be read as an option by the speech tool.
        self._speaking = _spawn([*self.speaker, words.lstrip("-")])

    def close(self) -> None:
        if self._pip is not None:
            self._pip.unlink(missing_ok=True)
