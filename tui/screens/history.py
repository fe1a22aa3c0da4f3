"""The history screen: today, the streak (or the plan's adherence), the last 28 days, the
pain trend, the goals and the latest PEG, and each routine.

Everything is read from the store when the screen is built, before its first frame:
`history()` (a HistoryData), today's desk breaks and the dose rows of the weeks shown; none
of them costs more with ten years kept than with one week (bench/history.py times it). It
reads at 80x24 with no colour: every mark is a character, colour only adds emphasis.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar
from tui.widgets.trend_rows import TrendRows
from tui.screens.host import shell

if TYPE_CHECKING:
    from tui.engine.measures.goals import Goal
    from tui.screens.host import RoutinePart

#: Rows of today's routines shown before "and N more".
TODAY_ROWS = 4
#: Routines listed before "and N more".
ROUTINE_ROWS = 6
WEEKDAYS = "Mo   Tu   We   Th   Fr   Sa   Su"
#: A goal's words are cut to this many characters beside its rating.
GOAL_WIDTH = 26
#: Narrower than this, the two columns are stacked (and the screen scrolls).
TWO_COLUMNS = 78


class HistoryScreen(Screen[None]):
    DEFAULT_CSS = """
    HistoryScreen #history { padding: 0 1; height: 1fr; }
    HistoryScreen #history-title { text-style: bold; height: 1; }
    HistoryScreen #history-columns { height: auto; }
    HistoryScreen.-narrow #history-columns { layout: vertical; }
    HistoryScreen.-narrow #history-left { width: 100%; margin-right: 0; }
    HistoryScreen #history-left { width: 38; height: auto; margin-right: 2; }
    HistoryScreen #history-right { width: 1fr; height: auto; }
    HistoryScreen .heading { margin-top: 1; }
    HistoryScreen #calendar { height: auto; }
    HistoryScreen #pain-weeks { color: $text-muted; }
    """
    """Two columns at 80 wide: what happened on the left, the charts on the right."""

    AUTO_FOCUS = ""
    """Nothing is focused before the first frame: focusing the scroll restyles every widget
    in it (about 20 ms), and focus changes nothing on screen. on_mount focuses it after."""

    BINDINGS = [
        Binding(keys("escape", "h"), "back", "Routines", key_display="esc", id="history.back"),
        Binding(keys("c"), "checkin", "Check in", key_display="c", id="history.checkin"),
        Binding(keys("q"), "app.quit", "Quit", key_display="q", id="history.quit"),
    ]

    def __init__(self, store: object, part: RoutinePart | None = None) -> None:
        """Args:
            store: the history store; its `history()` is read once, here.
            part: the App's routine part: the routines, and a check-in here (None: neither,
                as in a benchmark that shows the screen alone).
        """
        super().__init__()
        self.store = store
        self.part = part
        self.routines = part.routines if part is not None else {}
        self.data = store.history()  # type: ignore[attr-defined]
        self.breaks = _breaks_today(store, self.data.today)
        self.plan = _plan_lines(store, part, self.data.today)
        """The plan's lines in place of the streak, or None without a plan file."""


    def compose(self) -> ComposeResult:
        d = self.data
        with VerticalScroll(id="history"):
            yield Static(f"lumbar · history · {d.today:%A %-d %B %Y}", id="history-title")
            with Horizontal(id="history-columns"):
                with Vertical(id="history-left"):
                    yield Static("Today", classes="heading")
                    # Routines and ice/heat in one list, in the order they happened, then
                    # today's desk breaks.
                    yield Static(self._today(), id="today", markup=False)
                    if self.plan is None:
                        yield Static(self._next(), id="next-up", markup=False)
                        yield Static(self._streak(), id="streak", classes="heading", markup=False)
                    else:
                        # Adherence instead of the streak: rest days of the plan are not failures.
                        yield Static(f"{self.plan}\nCheck-ins: {self.data.checkins}", id="plan",
                                     classes="heading", markup=False)
                    yield Static("Routines", classes="heading")
                    yield Static(self._routines(), id="per-routine", markup=False)
                with Vertical(id="history-right"):
                    yield Static("Last 28 days: routines a day", classes="heading")
                    yield Static(self._calendar(), id="calendar", markup=False)
                    yield Static("Pain, last 8 weeks (0 none - 10 worst)", classes="heading")
                    yield from self._pain()
                    yield from self._measures()
                    from tui.screens.history_doses import dose_lines

                    yield from dose_lines(self.store, self.routines, [w[0] for w in self.data.pain_weeks])
        yield KeyBar()

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_scroll)

    def _focus_scroll(self) -> None:
        """Focus the scroll, so its keys work (after the first frame; see AUTO_FOCUS)."""
        self.query_one("#history").focus()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < TWO_COLUMNS, "-narrow")

    # -- the parts, as text -----------------------------------------------------------------

    def _today(self) -> str:
        words = {"finished": "done", "on": "on now"}
        rows = [(hhmm, f"{hhmm}  {name} · {outcome}") for hhmm, name, outcome in self.data.today_sessions]
        rows += [(hhmm, f"{hhmm}  {kind.capitalize()} · " + (f"stopped: {why}" if outcome == "stopped" and why
                                                             else words.get(outcome, outcome)))
                 for hhmm, kind, outcome, why in self.data.today_applications]
        breaks = _breaks_line(self.breaks)
        if not rows:
            return "No routine yet today." + (f"\n{breaks}" if breaks else "")
        rows.sort(key=lambda row: row[0])  # "HH:MM" sorts as time; the sort is stable
        lines = [line for _, line in rows]
        more = len(lines) - TODAY_ROWS
        return "\n".join(lines[:TODAY_ROWS] + ([f"and {more} more"] if more > 0 else [])
                         + ([breaks] if breaks else []))

    def _next(self) -> str:
        """The routine waiting longest (never done first): a suggestion, not a schedule."""
        done = {name: last for name, _, last in self.data.per_routine}
        names = [r.name for r in self.routines.values()]
        if not names:
            return ""
        waiting = sorted(names, key=lambda n: done.get(n) or date.min)[0]
        last = done.get(waiting)
        when = "not done yet" if last is None else f"last {_day(last, self.data.today)}"
        return f"Next: {waiting} ({when})"

    def _streak(self) -> str:
        n = self.data.streak
        days = "day" if n == 1 else "days"
        return f"Streak: {n} {days} in a row\nCheck-ins: {self.data.checkins}"

    def _routines(self) -> str:
        rows = sorted(self.data.per_routine, key=lambda r: (-r[1], r[0]))
        if not rows:
            return "None yet. Pick one on the routine list."
        width = min(22, max(len(name) for name, _, _ in rows))
        lines = [
            f"{_clip(name, width):<{width}} {count:>4}×  {'never' if last is None else _day(last, self.data.today)}"
            for name, count, last in rows[:ROUTINE_ROWS]
        ]
        if len(rows) > ROUTINE_ROWS:
            lines.append(f"and {len(rows) - ROUTINE_ROWS} more")
        return "\n".join(lines)

    def _calendar(self) -> str:
        """Weeks Monday to Sunday; each day 'DD n' (n routines, · for none); today in brackets."""
        days = list(self.data.calendar)
        if not days:
            return ""
        cells = ["    "] * days[0][0].weekday()
        for day, count in days:
            cells.append(f"{day.day:>2} {count if count else '·'}")
        lines = [WEEKDAYS]
        for start in range(0, len(cells), 7):
            lines.append(" ".join(cells[start:start + 7]).rstrip())
        lines[-1] += "  ← today"
        return "\n".join(lines)

    def _pain(self) -> ComposeResult:
        weeks = self.data.pain_weeks
        if not any(b is not None or a is not None for _, b, a in weeks):
            yield Static("No check-ins yet: press c to give one.", id="pain-empty")
            return
        # A sparkline has no gaps: weeks without check-ins are left out of the line, and
        # the numbers beside it give the scale. One week is no trend yet.
        yield TrendRows([(label, [w[column] for w in weeks if w[column] is not None],
                          _trend([w[column] for w in weeks]))
                         for label, column in (("before", 1), ("after", 2))], id="pain")
        with_data = sum(1 for _, b, a in weeks if b is not None or a is not None)
        yield Static(f"From {weeks[0][0]:%-d %b}: {with_data} of {len(weeks)} weeks checked in",
                     id="pain-weeks", markup=False)

    def _measures(self) -> ComposeResult:
        """The goals (each one's latest rating and change, a mark where it is meaningful,
        then the mean) and the latest PEG beside the first; nothing when neither was given."""
        goals, pegs = getattr(self.data, "goals", ()), getattr(self.data, "pegs", ())
        if goals:
            yield Static("Goals (0-10, 10 as before)", classes="heading")
            yield Static(goal_lines(goals), id="goals-now", markup=False)
        if pegs:
            latest = pegs[-1]
            line = f"{latest.score:.1f} {_on(latest.day, self.data.today)}"
            if len(pegs) > 1:
                line += f", from {pegs[0].score:.1f} {_on(pegs[0].day, self.data.today)}"
            yield Static("Pain's weight on life (PEG, 0-10)", classes="heading")
            yield Static(line, id="peg-now", markup=False)

    # -- actions ----------------------------------------------------------------------------

    def action_back(self) -> None:
        shell(self).go_home()

    def action_checkin(self) -> None:
        if self.part is not None:
            self.part.check_in_alone(then=self.reload)

    def reload(self) -> None:
        """Read the history again and redraw (after a check-in given here)."""
        self.data = self.store.history()  # type: ignore[attr-defined]
        self.breaks = _breaks_today(self.store, self.data.today)
        self.plan = _plan_lines(self.store, self.part, self.data.today)
        self.call_later(self._redraw)

    async def _redraw(self) -> None:
        await self.recompose()
        self._focus_scroll()


def goal_lines(goals: Sequence[Goal]) -> str:
    """One line a goal, "lift my child      6  +3 ✓" (✓: a meaningful change; Stratford et
    al. 1995), then the mean and its change."""
    from tui.engine.measures.goals import progress

    width = min(GOAL_WIDTH, max(len(g.text) for g in goals))
    lines = []
    for goal in goals:
        latest, change = goal.latest, goal.change
        now = f"{latest.score:>2}" if latest is not None else " -"
        moved = f"  {change:+d}" + (" ✓" if goal.meaningful else "") if change is not None else ""
        words = goal.text if len(goal.text) <= width else goal.text[:width - 1].rstrip() + "…"
        lines.append(f"{words:<{width}} {now}{moved}")
    p = progress(goals)
    if p.mean is not None:
        mean = f"Mean {p.mean:.1f}"
        if p.change is not None:
            mean += f", {p.change:+.1f}" + (": meaningful ✓" if p.meaningful else "")
        lines.append(mean)
    return "\n".join(lines)


def _plan_lines(store: object, part: RoutinePart | None, today: date) -> str | None:
    """The plan's lines for `today` (tui/screens/history_plan.py), or None with no plan
    file (or no routine part, as in the benchmark)."""
    if part is None:
        return None
    from tui.screens.history_plan import plan_lines

    return plan_lines(store, part, today)


def _breaks_today(store: object, today: date) -> dict[str, float] | None:
    """The store's count of today's desk breaks, or None from a store that keeps none."""
    read = getattr(store, "breaks_today", None)
    return read(today) if read is not None else None


def _breaks_line(counts: dict[str, float] | None) -> str:
    """'Breaks: 5 taken (2 natural)' and, when there are any, a second line '1 snoozed,
    1 skipped, meetings 45 min'; '' for a day without breaks (or a store without them)."""
    if not counts or not any(counts.get(k) for k in ("taken", "snoozed", "skipped", "meeting")):
        return ""
    taken, natural = int(counts.get("taken", 0)), int(counts.get("natural", 0))
    line = f"Breaks: {taken} taken" + (f" ({natural} natural)" if natural else "")
    more = [f"{int(counts[k])} {k}" for k in ("snoozed", "skipped") if counts.get(k)]
    if counts.get("through"):
        more[-1] += f" ({int(counts['through'])} skipped through)"
    minutes = round(counts.get("meeting", 0) / 60)
    if minutes:
        more.append(f"meetings {minutes} min")
    return line + ("\n" + ", ".join(more) if more else "")


def _trend(values: Sequence[float | None]) -> str:
    """First and last weekly mean: '6.0 → 3.5'."""
    known = [v for v in values if v is not None]
    if not known:
        return "none"
    if len(known) == 1:
        return f"{known[0]:.1f}"
    return f"{known[0]:.1f} → {known[-1]:.1f}"


def _day(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if day.year == today.year:
        return f"{day:%-d %b}"
    return f"{day:%-d %b %Y}"


def _on(day: date, today: date) -> str:
    """"today", "yesterday" or "on 2 Mar"."""
    said = _day(day, today)
    return said if said in ("today", "yesterday") else f"on {said}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
