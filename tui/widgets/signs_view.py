"""The warning signs as widgets: the emergency tier first, in a heavy frame and capitals so
it stands apart without colour (NO_COLOR), then the other tiers under their headings."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import Static

from tui.engine.care.signs import EMERGENCY, TIERS, Tier


class EmergencyBox(Static):
    """The emergency tier: what to do in capitals, how to get help, why it is shown (when
    given), then its signs; framed.

    The frame and the capitals carry the urgency; the colour only adds to it."""

    DEFAULT_CSS = """
    EmergencyBox {
        border: heavy $error;
        padding: 0 1;
        margin-top: 1;
        height: auto;
    }
    """

    def __init__(self, tier: Tier = EMERGENCY, *, intro: str = "") -> None:
        """Args:
            tier: the tier to frame (the emergency one unless a test passes another).
            intro: a line under the heading, e.g. why it is shown; plain text.
        """
        lines = [f"!! {tier.heading.upper()} !!", tier.detail, intro]
        lines += [f"• {sign.text}" for sign in tier.signs]
        super().__init__("\n".join(line for line in lines if line), markup=False)


def tier_widgets(tier: Tier) -> list[Static]:
    """A less urgent tier: its heading (with its detail) and its signs as bullets."""
    heading = f"{tier.heading}. {tier.detail}" if tier.detail else f"{tier.heading} if you have"
    return [Static(heading, classes="heading", markup=False),
            Static("\n".join(f"• {sign.text}" for sign in tier.signs), markup=False)]


def after_emergency() -> list[Static]:
    """The less urgent tiers, for a screen that put the EmergencyBox first, above its own
    words (which may then need scrolling on a short screen)."""
    return signs_widgets(tier for tier in TIERS if tier is not EMERGENCY)


def signs_widgets(tiers: Iterable[Tier] = TIERS) -> list[Static]:
    """Every tier in `tiers`, most urgent first (the order of tui.engine.care.signs.TIERS)."""
    out: list[Static] = []
    for tier in sorted(tiers, key=TIERS.index):
        out += [EmergencyBox(tier)] if tier is EMERGENCY else tier_widgets(tier)
    return out
