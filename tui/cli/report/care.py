"""The report's safety sections: the warning signs in their three tiers (emergency first),
every red-flag check answered in the period with what it led to, and the two-week rule."""

from __future__ import annotations

from tui.cli.report.blocks import Block, Bullets, Paragraph, Section, Table
from tui.cli.report.model import Precaution, RedFlagLine
from tui.engine.care import pain
from tui.engine.care.signs import EMERGENCY, TIERS

TRIGGER_WORDS = {"first": "first start", "episode": "new episode of pain", "flare": "after a flare",
                 "command": "lumbar red-flags", "none": "lumbar red-flags --none"}
OUTCOME_WORDS = {"clear": "no to every question", "urgent": "yes to an urgent sign",
                 "emergency": "yes to an emergency sign"}


def signs_section() -> Section:
    """"Warning signs": the emergency tier first, its heading in capitals, then the others."""
    blocks: list[Block] = []
    for tier in TIERS:
        alert = tier is EMERGENCY
        heading = f"{tier.heading.upper()}." if alert else f"{tier.heading}."
        blocks += [Paragraph(tier.detail, lead=heading, alert=alert),
                   Bullets(tuple(sign.text for sign in tier.signs), alert=alert)]
    return Section("Warning signs", tuple(blocks), key="signs")


def red_flags_section(found: tuple[RedFlagLine, ...], precautions: tuple[Precaution, ...]) -> Section:
    """"Red-flag checks": one table row per check answered in the period, with what asked
    it, the questions answered yes, and what the person chose; then each "yes" to the
    ice/heat precaution."""
    blocks: list[Block] = []
    if found:
        rows = tuple((r.when, TRIGGER_WORDS.get(r.trigger, r.trigger), OUTCOME_WORDS.get(r.outcome, r.outcome),
                      ", ".join(r.yes) or "-", r.choice or "-") for r in found)
        blocks.append(Table(("when", "asked on", "answer", "yes to", "then"), rows,
                            caption="Red-flag checks answered in the period"))
    else:
        blocks.append(Paragraph("None answered in this period."))
    blocks += [Paragraph(f"Before {p.treatment} on {p.day.isoformat()}: numb or broken skin, poor "
                         f"circulation or diabetes; {'used it anyway' if p.went_on else 'did not use it'}.")
               for p in precautions]
    return Section("Red-flag checks", tuple(blocks), key="red-flags")


def rule_section(s: pain.TwoWeekState | None) -> Section:
    """"Two-week rule": what it compares, and where it stands with its numbers."""
    about = Paragraph(
        "lumbar compares the mean at-rest pain score (before a routine, or on its own) "
        "of the first 7 days of the episode, or of use, with that of the last 7 days. "
        "A drop of 2 points or of 30 % is a meaningful improvement (Farrar et al., Pain "
        f"2001); less than that, after check-ins on {pain.MIN_CHECKIN_DAYS} days of each "
        f"week and routines on {pain.MIN_ROUTINE_DAYS} of the last 14 days, with some "
        "pain left, means see a doctor or physiotherapist. The person's global impression "
        "of change in the last 14 days counts beside the scores: \"much better\" or more "
        "counts as improved, \"much worse\" or more as not improved (lumbar's own rule).")
    return Section("Two-week rule", (about, Paragraph(_state(s) + _impression(s))), key="two-week")


def _impression(s: pain.TwoWeekState | None) -> str:
    """What the impression did to the rule, when there was one and it decided."""
    if s is None or s.impression is None:
        return ""
    from tui.engine.measures.impression import words

    said = f" The person said \"{words(s.impression)}\" on the global impression"
    if s.improved != s.scores_improved:
        return said + ", which decided it against the scores alone."
    return said + "."


def _state(s: pain.TwoWeekState | None) -> str:
    if s is None:
        return "State: the history could not be read for it."
    if s.days < pain.WINDOW_DAYS:
        return f"State: not enough days yet ({s.days} of {pain.WINDOW_DAYS})."
    if s.first_mean is None or s.last_mean is None:
        return "State: no check-ins in the first or the last week, so it cannot be judged."
    drop = s.first_mean - s.last_mean
    share = f", {abs(drop) / s.first_mean:.0%}" if s.first_mean else ""
    moved = (f"a drop of {drop:.1f} points{share}" if drop > 0 else
             f"a rise of {-drop:.1f} points{share}" if drop < 0 else "no change")
    change = (f"mean {s.first_mean:.1f} in the first week, {s.last_mean:.1f} in the last "
              f"({moved})")
    if s.improved:
        return f"State: improved: {change}."
    if s.advise:
        return f"State: no meaningful improvement: {change}. Advice: see a doctor or physiotherapist."
    if not s.enough:
        return (f"State: {change}; too little data to judge (check-ins on {s.first_days} and "
                f"{s.last_days} days of those weeks, routines on {s.routine_days} of the last 14 days).")
    return f"State: no pain in the last week: {change}."
