"""The report's safety sections: the warning signs in their three tiers (emergency first),
every red-flag check answered in the period with what it led to, and the two-week rule."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from tui.cli.report.table import Table
from tui.engine.care import pain
from tui.engine.care import redflags
from tui.engine.care.signs import EMERGENCY, TIERS

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
                      table: Table) -> list[str]:
    """"## Red-flag checks": one table row per check answered since..today (local dates),
    with what asked it, the questions answered yes, and what the person chose; nothing
    when there were none. `table` lays out rows as the report's other tables."""
    found = [r for r in rows if r["kind"] == "red_flags"
             and since <= date.fromisoformat(r["at"][:10]) <= today]
    lines = _precautions(rows, since, today)
    if not found:
        return lines
    out = [("when", "asked on", "answer", "yes to", "then")]
    for row in found:
        yes = [q.label for q in redflags.QUESTIONS if row.get(q.key) == "yes"]
        out.append((row["at"][:16].replace("T", " "), TRIGGER_WORDS.get(row["trigger"], row["trigger"]),
                    OUTCOME_WORDS.get(row["outcome"], row["outcome"]), ", ".join(yes) or "-",
                    row["choice"] or "-"))
    return ["## Red-flag checks", "", *table(out), "", *lines]


def _precautions(rows: list[dict[str, Any]], since: date, today: date) -> list[str]:
    """A line for each "yes" to the ice/heat precaution in the period, with the choice."""
    yes = [r for r in rows if r["kind"] == "precaution" and r["answer"] == "yes"
           and since <= date.fromisoformat(r["at"][:10]) <= today]
    return [_fill(f"Before {r['treatment']} on {r['at'][:10]}: numb or broken skin, poor "
                  f"circulation or diabetes; {'used it anyway' if r['choice'] == 'went on' else 'did not use it'}.")
            for r in yes] + ([""] if yes else [])


def rule_section(s: pain.TwoWeekState) -> list[str]:
    """"## Two-week rule": what it compares, and where it stands with its numbers."""
    lines = ["## Two-week rule", "",
             _fill("lumbar compares the mean at-rest pain score (before a routine, or on its own) "
                   "of the first 7 days of the episode, or of use, with that of the last 7 days. "
                   "A drop of 2 points or of 30 % is a meaningful improvement (Farrar et al., Pain "
                   f"2001); less than that, after check-ins on {pain.MIN_CHECKIN_DAYS} days of each "
                   f"week and routines on {pain.MIN_ROUTINE_DAYS} of the last 14 days, with some "
                   "pain left, means see a doctor or physiotherapist."), ""]
    if s.days < pain.WINDOW_DAYS:
        lines.append(f"State: not enough days yet ({s.days} of {pain.WINDOW_DAYS}).")
    elif s.first_mean is None or s.last_mean is None:
        lines.append("State: no check-ins in the first or the last week, so it cannot be judged.")
    else:
        drop = s.first_mean - s.last_mean
        share = f", {abs(drop) / s.first_mean:.0%}" if s.first_mean else ""
        moved = (f"a drop of {drop:.1f} points{share}" if drop > 0 else
                 f"a rise of {-drop:.1f} points{share}" if drop < 0 else "no change")
        change = (f"mean {s.first_mean:.1f} in the first week, {s.last_mean:.1f} in the last "
                  f"({moved})")
        if s.improved:
            lines.append(_fill(f"State: improved: {change}."))
        elif s.advise:
            lines.append(_fill(f"State: no meaningful improvement: {change}. Advice: see a doctor "
                               "or physiotherapist."))
        elif not s.enough:
            lines.append(_fill(f"State: {change}; too little data to judge (check-ins on "
                               f"{s.first_days} and {s.last_days} days of those weeks, routines on "
                               f"{s.routine_days} of the last 14 days)."))
        else:
            lines.append(_fill(f"State: no pain in the last week: {change}."))
    return lines + [""]
