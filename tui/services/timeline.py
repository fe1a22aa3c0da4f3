"""A routine's expanded timeline as text: `lumbar show` and the routine list's `t` view."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from tui.engine.routine.model import BreathPattern, Routine, Tempo
from tui.engine.routine.plan import Step, StepKind, plan
from tui.engine.routine.view import describe
from tui.engine.timefmt import clock_text, duration_text
from tui.services.cells import cell_len, pad

if TYPE_CHECKING:
    from tui.engine.progress.progression import Level


def timeline_lines(routine: Routine, easier: frozenset[int] = frozenset(),
                   levels: Mapping[str, Level] | None = None, figures: str | None = "braille") -> list[str]:
    """The routine's expanded timeline as text lines: a heading with its total time, the
    description, each ranged exercise's dose now and its range (``levels``, from the
    history), each step's start, name, length and detail, then each exercise beside its
    figure (``figures``: ``"braille"``, ``"blocks"``, or None for none) (``lumbar show``,
    and the routine list's timeline)."""
    from tui.services.store.dosing import dose_lines

    timeline = plan(routine, easier, levels)
    lines = [f"{routine.name}: {duration_text(timeline.total)}, {len(timeline.steps)} steps"]
    if routine.description:
        lines.append(routine.description)
    if levels:
        lines += ["", "Dose now, and the range it grows in:", *dose_lines(routine, levels)]
    lines.append("")
    at = 0.0
    width = max((cell_len(describe(step)) for step in timeline.steps), default=0)
    for step in timeline.steps:
        lines.append(f"{clock_text(at):>7}  {pad(describe(step), width)}  {_length(step):>8}  {_detail(step)}".rstrip())
        at += step.planned
    lines.append(f"{clock_text(at):>7}  Done")
    if figures is not None and any(ex.pose is not None for ex in routine.exercises):
        # Drawn only here: the figure code is not loaded for screens that show none.
        from tui.engine.figure.text import figure_lines

        lines += ["", "How each exercise moves:", *figure_lines(routine, figures)]  # type: ignore[arg-type]
    return lines


def _length(step: Step) -> str:
    return "tap" if step.duration is None else duration_text(step.duration)


def _detail(step: Step) -> str:
    parts: list[str] = []
    if step.kind.is_work and step.sets > 1:
        parts.append(f"set {step.set_no}/{step.sets}")
    if step.rounds > 1 and step.kind.is_work:
        parts.append(f"round {step.round_no}/{step.rounds}")
    if step.breaths is not None and step.breath is not None:
        parts.append(f"{step.breaths} breaths ({breath_text(step.breath)})")
    elif step.kind is StepKind.HOLD and step.breath is not None:
        parts.append(f"breathe {breath_text(step.breath)}")
    if step.reps is not None:
        pace = tempo_text(step.tempo) if step.tempo else "tap to count"
        parts.append(f"{step.reps} reps, {pace}")
    if step.easier:
        parts.append("easier")
    return "; ".join(parts)


def tempo_text(tempo: Tempo) -> str:
    """A tempo as the format writes it: ``2-1-2``, or ``2-5-4-2`` when it has a pause."""
    parts = (tempo.lift, tempo.hold, tempo.lower) + ((tempo.pause,) if tempo.pause else ())
    return "-".join(f"{x:g}" for x in parts)


def breath_text(pattern: BreathPattern) -> str:
    """A breath as a user names it: ``box 4-4-4-4``; a preset named by its own numbers
    (``4-7-8``) once, not twice."""
    label = pattern.label
    return pattern.name if pattern.name and label == f"{pattern.name} {pattern.name}" else label
