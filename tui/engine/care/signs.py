"""The warning signs lumbar shows, in three tiers, each line with where it comes from.

Pure data (standard library only), so the screens, the report, the terminal prompts, the
loader and the tests all read the same lines. The tiers are ordered by urgency and every
place that shows signs shows them in this order, the emergency tier first.

Every `source` names a section of docs/sources.md in this repository, where the guideline
or article behind the line is given by title (and address, for a web page).
"""

from __future__ import annotations

from tui.engine.frozen import frozen


#: The docs/sources.md sections the signs come from.
EMERGENCY_SOURCE = "docs/sources.md#emergency-signs"
URGENT_SOURCE = "docs/sources.md#urgent-signs"
SOON_SOURCE = "docs/sources.md#see-a-doctor-or-physiotherapist-soon"
SHARED_STOP_SOURCE = "docs/sources.md#stop-lines-every-routine-carries"


@frozen
class Sign:
    """One warning sign: what the person notices, in plain words, and its source."""

    text: str
    source: str


@frozen
class Tier:
    """A group of signs that call for the same action, as fast as each other."""

    key: str
    """"emergency", "urgent" or "soon"."""
    heading: str
    """What to do, as a heading: "Go to an emergency department now"."""
    detail: str
    """One line under the heading (how to get that help); may be empty."""
    signs: tuple[Sign, ...]


EMERGENCY = Tier(
    "emergency",
    "Go to an emergency department now",
    "Or call your local emergency number: 999 in the UK, 112 in the EU, 911 in North America.",
    tuple(Sign(text, EMERGENCY_SOURCE) for text in (
        "Numbness or tingling around your genitals, your bottom or the inside of your thighs.",
        "Passing urine has newly become hard, or you cannot hold in urine or stools.",
        "Both legs are weak, numb or painful, or one leg keeps getting weaker: "
        "a foot that drags, or a leg that gives way.",
        "The back pain began with a serious fall or an accident.",
        "Back pain comes together with pain in your chest.",
    )),
)

URGENT = Tier(
    "urgent",
    "See a doctor within a day or two",
    "Ask for an urgent appointment.",
    tuple(Sign(text, URGENT_SOURCE) for text in (
        "A high temperature, or you feel ill in yourself as well as sore.",
        "You have lost weight without meaning to.",
        "You have had cancer at any time.",
        "The pain never lets up, is worse at night, and does not ease when you lie still "
        "or change position.",
        "A lump or swelling on your back, or its shape has changed.",
        "Thin bones (osteoporosis) or steroid tablets taken for a long time, and the pain "
        "began after a small knock or fall.",
    )),
)

SOON = Tier(
    "soon",
    "See a doctor or physiotherapist soon",
    "",
    tuple(Sign(text, SOON_SOURCE) for text in (
        "Pain that has lasted for weeks, or no improvement after two weeks of regular exercise.",
        "Numbness, tingling or burning that runs down a leg, or pain spreading below the knee.",
        "An exercise that makes your pain worse: stop it and get it checked.",
    )),
)

#: Every tier, the most urgent first: the order every screen and text shows them in.
TIERS: tuple[Tier, ...] = (EMERGENCY, URGENT, SOON)

#: Reasons to stop that every routine carries, whatever its author wrote: the loader adds
#: them to each routine's own stop_if. Each finishes "Stop this routine if ..." and sends
#: the person to the emergency tier (docs/sources.md#stop-lines-every-routine-carries).
SHARED_STOP_IF: tuple[str, ...] = (
    "A leg feels weaker or gives way, or a foot starts to drag; stop and get emergency help now.",
    "Numbness spreads, reaches both legs, or you feel it around your bottom or genitals; "
    "stop and get emergency help now.",
)


def plain_lines(tiers: tuple[Tier, ...] = TIERS, bullet: str = "-") -> list[str]:
    """The tiers as plain text lines for a terminal or a Markdown file (no colour): the
    emergency heading in capitals, each heading followed by its detail and its signs."""
    lines: list[str] = []
    for t in tiers:
        heading = t.heading.upper() if t is EMERGENCY else t.heading
        lines.append(f"{heading}:" if not t.detail else f"{heading}. {t.detail}")
        lines += [f"{bullet} {s.text}" for s in t.signs]
        lines.append("")
    return lines[:-1]
