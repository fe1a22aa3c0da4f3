"""The report's charts as inline SVG text: pure functions of the data, no I/O, no scripts.

Every chart carries a <title> and a <desc> that say in words what it shows (the values
too), and tells its series apart by line style and marker shape as well as by colour, so
it reads on a black-and-white printout and to a screen reader. Scores are on the 0..10
scale of the check-ins and measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from tui.cli.report.model import Goal, PainWeek, PlanWeek

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 150, 16, 34
#: Room between the axis and the first and last points.
PAD = 24
#: (stroke, dash pattern, marker) of each series in turn: colour, line and shape all differ.
STYLES = (("#1f4e99", "", "circle"), ("#b3541e", "6 4", "square"), ("#2e7d32", "2 3", "triangle"),
          ("#6a1b9a", "10 3 2 3", "diamond"))


def pain(weeks: Sequence[PainWeek], ident: str = "pain-chart") -> str:
    """Mean pain before and after routines, by week: two lines on 0..10."""
    series = [("before", [(w.monday, w.before) for w in weeks]),
              ("after", [(w.monday, w.after) for w in weeks])]
    words = "; ".join(f"week of {w.monday:%-d %b}: before {_n(w.before)}, after {_n(w.after)}" for w in weeks)
    return _lines(ident, "Mean pain by week, 0 none to 10 the worst imaginable",
                  f"Two lines over {len(weeks)} weeks: before a routine or on its own (solid, "
                  f"round markers) and right after a routine (dashed, square markers). {words}.", series,
                  [w.monday for w in weeks])


def goals(found: Sequence[Goal], ident: str = "goals-chart") -> str:
    """Each goal's ratings over time, 0 cannot do it .. 10 as before the problem."""
    days = sorted({r.day for g in found for r in g.ratings})
    # Numbered as in the report's table: two goals may start with the same words.
    series = [(f"{n}. {g.text}", [(r.day, float(r.score)) for r in g.ratings])
              for n, g in enumerate(found, 1)]
    words = "; ".join(f"{g.text}: " + ", ".join(f"{r.score} on {r.day:%-d %b}" for r in g.ratings)
                      for g in found)
    return _lines(ident, "Goals rated 0 (cannot do it) to 10 (as before the problem)",
                  f"One line per goal. {words}.", series, days)


def adherence(weeks: Sequence[PlanWeek], ident: str = "adherence-chart") -> str:
    """Planned sessions (an outlined bar) and done (a filled, hatched bar) by week."""
    top = max([w.planned for w in weeks] + [w.done for w in weeks] + [1])
    words = "; ".join(f"week of {w.monday:%-d %b}: {w.done} of {w.planned}" for w in weeks)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(weeks), 1)
    bar = min(slot * 0.35, 28)
    parts = [_open(ident, "Planned and done sessions by week",
                   f"Two bars a week, planned (outlined) and done (filled). {words}."),
             f'<defs><pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#2e7d32"/>'
             f'<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>',
             _axis_y(0, top, ticks=range(0, top + 1, max(1, top // 5)))]
    for i, w in enumerate(weeks):
        x = LEFT + slot * i + slot / 2
        for value, dx, fill in ((w.planned, -bar, "none"), (w.done, 0.0, f"url(#{ident}-hatch)")):
            h = plot_h * value / top
            parts.append(f'<rect x="{x + dx:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" '
                         f'height="{h:.1f}" fill="{fill}" stroke="#1b1b1b" stroke-width="1.2"/>')
        parts.append(_label(x, HEIGHT - BOTTOM + 16, f"{w.monday:%-d %b}"))
    parts += [_legend_box(0, "planned", "none"), _legend_box(1, "done", f"url(#{ident}-hatch)"), "</svg>"]
    return "\n".join(parts)


def _lines(ident: str, title: str, desc: str, series: Sequence[tuple[str, Sequence[tuple[date, float | None]]]],
           days: Sequence[date]) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    index = {d: i for i, d in enumerate(days)}
    inner = plot_w - 2 * PAD
    step = inner / max(len(days) - 1, 1)

    def x(d: date) -> float:
        return LEFT + PAD + (index[d] * step if len(days) > 1 else inner / 2)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / 10)

    parts = [_open(ident, title, desc), _axis_y(0, 10, ticks=range(0, 11, 2))]
    shown = _every(len(days))
    for i, d in enumerate(days):
        if i % shown == 0 or i == len(days) - 1:
            parts.append(_label(x(d), HEIGHT - BOTTOM + 16, f"{d:%-d %b}"))
    for n, (name, points) in enumerate(series):
        colour, dash, marker = STYLES[n % len(STYLES)]
        runs: list[list[tuple[float, float]]] = [[]]
        for d, v in points:
            if v is None:
                runs.append([])  # a week without a score breaks the line
            else:
                runs[-1].append((x(d), y(v)))
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"'
                             + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            parts += [_marker(marker, px, py, colour) for px, py in run]
        parts.append(_legend_line(n, name, colour, dash, marker))
    parts.append("</svg>")
    return "\n".join(parts)


def _open(ident: str, title: str, desc: str) -> str:
    return (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" class="chart" id="{ident}">\n'
            f'<title id="{ident}-title">{escape(title)}</title>\n<desc id="{ident}-desc">{escape(desc)}</desc>')


def _axis_y(low: int, high: int, ticks: range) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    out = [f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#1b1b1b"/>',
           f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#1b1b1b"/>']
    for t in ticks:
        ty = TOP + plot_h * (1 - (t - low) / (high - low))
        out.append(f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="#d0d0d0" '
                   f'stroke-width="0.6"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">{t}</text>')
    return "\n".join(out)


def _label(x: float, y: float, text: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="11">{escape(text)}</text>'


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#fff" stroke="{colour}" stroke-width="2"/>'
    if kind == "triangle":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" '
                f'fill="{colour}"/>')
    if kind == "diamond":
        return (f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}" '
                f'fill="#fff" stroke="{colour}" stroke-width="2"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _legend_line(n: int, name: str, colour: str, dash: str, marker: str) -> str:
    x, y = WIDTH - RIGHT + 12, TOP + 10 + 20 * n
    line = (f'<line x1="{x}" y1="{y}" x2="{x + 26}" y2="{y}" stroke="{colour}" stroke-width="2"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    text = name if len(name) <= 17 else name[:16].rstrip() + "…"  # the full name is in the table
    return "\n".join([line, _marker(marker, x + 13, y, colour),
                      f'<text x="{x + 32}" y="{y + 4}" font-size="11">{escape(text)}</text>'])


def _legend_box(n: int, name: str, fill: str) -> str:
    x, y = WIDTH - RIGHT + 12, TOP + 4 + 20 * n
    return (f'<rect x="{x}" y="{y}" width="14" height="12" fill="{fill}" stroke="#1b1b1b" stroke-width="1.2"/>'
            f'<text x="{x + 20}" y="{y + 10}" font-size="11">{escape(name)}</text>')


def _every(n: int) -> int:
    """Label every k-th point so about eight labels fit along the axis."""
    return max(1, -(-n // 8))


def _n(value: float | None) -> str:
    return "none" if value is None else f"{value:.1f}"
