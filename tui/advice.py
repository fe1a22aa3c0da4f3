"""Safety wording shown in the app: the one plain disclaimer and the see-a-doctor signs."""

from __future__ import annotations

DISCLAIMER = (
    "lumbar is an exercise timer and coach, not medical advice. "
    "It cannot examine you or tell what is causing your pain."
)

SEE_A_DOCTOR = (
    "Pain that has lasted for weeks, or no improvement after two weeks of regular exercise.",
    "Numbness, tingling or burning that runs down a leg, or pain spreading below the knee.",
    "An exercise that makes your pain worse: stop it and get it checked.",
)
