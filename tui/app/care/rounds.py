"""When the next ice or heat is sensible, in words: the skin rest, ice at most every 2
hours, heat at most 3 times a day (docs/sources.md, "Ice and heat"). Functions of the app
(tui.app.care.controller.CareController), so the ice/heat screen and the entry share one wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.engine.care import thermal
from tui.engine.timefmt import clock_text

if TYPE_CHECKING:
    from tui.app.care.controller import CareController


def rest_left(care: CareController, asked: str | None = None) -> str:
    """What a new round of `asked` (default: the same kind) waits for during the rest, named
    as asked: "The skin needs 17:59 more rest before another round of ice", or "Heat waits:
    the skin needs 4:00 more rest after the ice"; "" when nothing rests."""
    a = care.application
    v = thermal.view(a, care.host.now().real) if a is not None else None
    if a is None or v is None or v.phase is not thermal.Phase.REST or v.remaining is None:
        return ""
    if asked is None or asked == a.kind:
        return (f"The skin needs {clock_text(v.remaining)} more rest before another round "
                f"of {v.label.lower()}.")
    left = max(0.0, skin_rest_ends(care, a) - care.host.now().real)
    return f"{asked.capitalize()} waits: the skin needs {clock_text(left)} more rest after the {a.kind}."


def skin_rest_ends(care: CareController, a: thermal.Application) -> float:
    """When the skin itself has rested after `a` (real clock, seconds): the longer wait
    after ice (`ice_every_minutes`) holds back only more ice, not heat."""
    assert a.off_at is not None
    return a.off_at + min(a.rest, care.limits.rest_minutes * 60.0)


def heat_used_up(care: CareController) -> str:
    """When heat was used `heat_per_day` times today: a line saying the next is sensible
    tomorrow; else "" (also without a history)."""
    done = care.store.applications_today(kind="heat") if care.store is not None else 0
    if thermal.heat_left(done, care.limits.heat_per_day):
        return ""
    return f"Heat {done} times today already: the next is sensible tomorrow."
