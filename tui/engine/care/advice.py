"""The one plain disclaimer shown in the app. The warning signs themselves, in three
tiers, are in tui.engine.care.signs."""

from __future__ import annotations

DISCLAIMER = (
    "lumbar is an exercise timer and coach, not medical advice. "
    "It cannot examine you or tell what is causing your pain."
)
