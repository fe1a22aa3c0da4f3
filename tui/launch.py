"""Start the app from the command line: routines already loaded and valid."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .commands import Catalog


def launch(catalog: Catalog, name: str | None, *, voice: bool = False) -> int:
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
    app = LumbarApp(catalog.routines, origins=origins, start=name)
    app.cues = Cues(app.bell, voice=wants_voice, speaker=speaker, player=find_player())
    if wants_voice and speaker is None:
        app.notices.append("No speech tool found (install espeak-ng or speech-dispatcher); using the bell only.")
    app.run()
    return 0
