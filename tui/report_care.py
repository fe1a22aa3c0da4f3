"""The report's safety sections: the warning signs in their three tiers (emergency first),
and every red-flag check answered in the period with what it led to."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from .engine import redflags
from .engine.signs import EMERGENCY, TIERS

TRIGGER_WORDS = {"first": "first start", "episode": "new episode of pain", "flare": "after a flare",
                 "command": "lumbar red-flags", "none": "lumbar red-flags --none"}
OUTCOME_WORDS = {"clear": "no to every question", "urgent": "yes to an urgent sign",
                 "emergency": "yes to an emergency sign"}


def signs_section() -> list[str]:
    """"## Warning signs": the emergency tier first, in bold capitals, then the others."""
    lines = ["## Warning signs", ""]
    for tier in TIERS:
        heading = f"**{tier.heading.upper()}.**" if tier is EMERGENCY else f"**{tier.heading}.**"
        lines += [_fill(f"{heading} {tier.detail}".rstrip()), ""]
        lines += [_fill(f"- {sign.text}", "  ") for sign in tier.signs] + [""]
    return lines


def _fill(text: str, indent: str = "") -> str:
    """`text` wrapped as the report's paragraphs are (88 columns), later lines indented."""
    return textwrap.fill(text, width=88, subsequent_indent=indent, break_on_hyphens=False)


def red_flags_section(rows: list[dict[str, Any]], since: date, today: date,
                      table) -> list[str]:
    """"## Red-flag checks": one table row per check answered since..today (local dates),
    with what asked it, the questions answered yes, and what the person chose; nothing
    when there were none. `table` lays out rows as the report's other tables."""
    found = [r for r in rows if r["kind"] == "red_flags"
             and since <= date.fromisoformat(r["at"][:10]) <= today]
    if not found:
        return []
    out = [("when", "asked on", "answer", "yes to", "then")]
    for row in found:
        yes = [q.label for q in redflags.QUESTIONS if row.get(q.key) == "yes"]
        out.append((row["at"][:16].replace("T", " "), TRIGGER_WORDS.get(row["trigger"], row["trigger"]),
                    OUTCOME_WORDS.get(row["outcome"], row["outcome"]), ", ".join(yes) or "-",
                    row["choice"] or "-"))
    return ["## Red-flag checks", "", *table(out), ""]
