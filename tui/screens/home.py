"""The home screen: every routine with its length and positions; Enter starts one.

Routines whose files have problems are listed too, greyed, after the others; Enter on
one shows its problems instead of starting it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.keys import format_key
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.engine.care.advice import DISCLAIMER
from tui.engine.routine.plan import plan
from tui.widgets.keys import keys
from tui.widgets.key_bar import KeyBar
from tui.screens.advice import _Advice
from tui.engine.timefmt import duration_text
# The workout's module is not imported for its sizes: it brings the clock, the pacer and
# the rep counter, which the routine list does not show (~3 ms and ~0.6 MB at start).
from tui.screens.sizes import MIN_HEIGHT, MIN_WIDTH
from tui.screens.host import shell
from tui.widgets.touch import on_touch

if TYPE_CHECKING:
    from tui.screens.host import RoutinePart
    from tui.engine.routine.model import Routine


class HomeScreen(Screen[None]):
    DEFAULT_CSS = """
    #home { padding: 0 1; }
    #home-title { text-style: bold; height: 1; margin-bottom: 1; }
    /* The list takes no focus (see compose) and so keeps the look of a focused one. */
    #routines { height: 1fr; border: tall $border; background-tint: $foreground 5%; }
    #routines > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    /* A fixed height: a description that grew or shrank with the highlight resized the
       list after it had scrolled, hiding the last routine's second line. */
    #description { height: 4; margin-top: 1; }
    #disclaimer { height: auto; color: $text-muted; margin-top: 1; }
    #home-too-small { display: none; height: 1fr; content-align: center middle; text-align: center;
                      text-style: bold; }
    HomeScreen.-small #home { display: none; }
    HomeScreen.-small #home-too-small { display: block; }
    """
    """Layout of the routine list; parsed when the screen is first shown, not at every start."""

    BINDINGS = [
        # Priority, like the moves below: keys that arrive together are taken in order.
        Binding(keys("enter"), "start", "Start", key_display=format_key("enter"), id="home.start",
                show=True, priority=True),
        Binding(keys("h"), "history", "History", key_display="h", id="home.history"),
        Binding(keys("i"), "care", "Ice/heat", key_display="i", id="home.care",
                tooltip="An ice or heat timer for home care"),
        Binding(keys("c"), "checkin", "Check in", key_display="c", id="home.checkin", tooltip="How is your back? (0-10)"),
        Binding(keys("g"), "goals", "Goals", key_display="g", id="home.goals",
                tooltip="Your goals: activities to get back to, rated 0-10"),
        Binding(keys("t"), "timeline", "Timeline", key_display="t", id="home.timeline",
                tooltip="Every step of the highlighted routine, with its total time"),
        Binding(keys("x"), "normal_doses", "Normal doses", key_display="x", id="home.normal_doses",
                tooltip="Forget the easier versions chosen for the highlighted routine"),
        Binding(keys("question_mark", "f1", pad=("slash",)), "help", "Help", key_display="?", id="home.help"),
        Binding(keys("q"), "app.quit", "Quit", key_display="q", id="home.quit"),
        # Keypad 8 and 2 with Num Lock on: the list's own up and down.
        # (Screen actions, not "focused.*": those fail to resolve while a modal holds focus.)
        # The list takes no focus (see compose): these move it. Without priority the arrows
        # ran only after the key had passed through two queues, and Enter read the highlight
        # before the arrows typed just ahead of it had moved it (Down, Down, Enter started
        # the first routine).
        Binding("up,8", "list('cursor_up')", show=False, priority=True, id="home.up"),
        Binding("down,2", "list('cursor_down')", show=False, priority=True, id="home.down"),
        Binding("home", "list('first')", show=False, priority=True),
        Binding("end", "list('last')", show=False, priority=True),
        Binding("pageup", "list('page_up')", show=False, priority=True),
        Binding("pagedown", "list('page_down')", show=False, priority=True),
    ]

    def __init__(self, routines: Mapping[str, Routine], origins: Mapping[str, str], part: RoutinePart) -> None:
        """Args:
            routines: the routines that loaded, by key.
            origins: where each came from, by key ("shipped" when missing).
            part: the App's routine part: what did not load, the easier choices, a start.
        """
        super().__init__()
        self.routines = routines
        self.origins = origins
        self.part = part

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("lumbar · tap a routine, then Start" if on_touch(self) else
                         "lumbar · pick a routine, press Enter", id="home-title")
            # Not focusable: the screen's own bindings move it and start a routine. With a
            # widget in focus Textual names every key of the screens and the App below it
            # as a character (unicodedata.lookup), which touched 0.75 MB of Unicode's name
            # tables at every start; nothing else on this screen takes keys.
            routines = OptionList(*self._options(), id="routines")
            routines.can_focus = False
            yield routines
            yield Static(id="description", markup=False)
            yield Static(DISCLAIMER + " Press ? for the warning signs.",
                         id="disclaimer", markup=False)
        yield Static(f"Make the terminal larger: the routine list needs at least {MIN_WIDTH} x {MIN_HEIGHT}.",
                     id="home-too-small")
        yield KeyBar()

    def _options(self) -> list[Option]:
        options = []
        for key, routine in self.routines.items():
            options.append(Option(self._prompt(key, routine), id=key))
        for key, problems in self.part.broken.items():
            noun = "problem" if len(problems) == 1 else "problems"
            prompt = Content.assemble((f"{key}  ·  {len(problems)} {noun}, not loaded\n", "dim"),
                                      ("press Enter to see why", "dim italic"))
            options.append(Option(prompt, id=key))
        return options

    def _prompt(self, key: str, routine: Routine) -> Content:
        """Two lines: the name and planned length (with the remembered easier choices),
        then the key, positions, origin, and which exercises are remembered easier."""
        easier = self.part.remembered_easier(routine)
        length = duration_text(plan(routine, easier).total)
        positions = ", ".join(p.label for p in routine.positions) or "no position"
        origin = self.origins.get(key, "shipped")
        second = f"{key}  ·  {positions}  ·  {origin}"
        if easier:
            names = ", ".join(routine.exercises[i].name for i in sorted(easier))
            second += f"  ·  easier: {names} (x resets)"
        return Content.assemble((routine.name, "bold"), f"  ·  {length}\n", (second, "dim"))

    def _highlighted(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    def on_screen_resume(self) -> None:
        # Back from a routine: an easier choice made there changes the length shown.
        options = self.query_one(OptionList)
        for key, routine in self.routines.items():
            options.replace_option_prompt(key, self._prompt(key, routine))
        self.refresh_bindings()

    def on_resize(self, event: Resize) -> None:
        # Below the workout's own minimum the list would shrink to no rows at all.
        self.set_class(event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT, "-small")

    def on_mount(self) -> None:
        self.set_class(self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT, "-small")
        first = next(iter(self.routines), None) or next(iter(self.part.broken), None)
        if first is not None:
            self._describe(first)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._describe(event.option.id)
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._open(event.option.id)

    def _open(self, key: str) -> None:
        """Start the routine, or show why it cannot start."""
        problems = self.part.broken.get(key)
        if problems is None:
            self.part.start_routine(key)
        else:
            self.app.push_screen(ProblemsModal(key, problems))

    def _describe(self, key: str) -> None:
        routine = self.routines.get(key)
        if routine is not None:
            text = routine.description
        else:
            problems = self.part.broken.get(key, [])
            text = f"{problems[0]}" + (f"\n… and {len(problems) - 1} more" if len(problems) > 1 else "")
        self.query_one("#description", Static).update(text)


    def action_start(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id is not None:
                self._open(option.id)

    def action_list(self, move: str) -> None:
        """One of the list's own moves: cursor_up, cursor_down, first, last, page_up, page_down."""
        getattr(self.query_one(OptionList), f"action_{move}")()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "goals":
            return shell(self).goals_on()
        if action in ("timeline", "normal_doses"):
            key = self._highlighted() if self.is_mounted else None
            routine = self.routines.get(key) if key is not None else None
            if routine is None:
                return None
            if action == "normal_doses" and not self.part.remembered_easier(routine):
                return None
        return True

    def action_timeline(self) -> None:
        from tui.services.timeline import timeline_lines

        key = self._highlighted()
        routine = self.routines.get(key) if key is not None else None
        if routine is not None:
            from tui.services.store.dosing import current_levels

            from tui.services.figure_style import shown_style

            levels = current_levels(routine, self.part.store) if self.part.store is not None else None
            lines = timeline_lines(routine, self.part.remembered_easier(routine), levels, shown_style())
            self.app.push_screen(TimelineModal(lines))

    def action_normal_doses(self) -> None:
        key = self._highlighted()
        routine = self.routines.get(key) if key is not None else None
        if key is None or routine is None or not self.part.remembered_easier(routine):
            return
        self.part.forget_easier(routine)
        self.query_one(OptionList).replace_option_prompt(key, self._prompt(key, routine))
        self.refresh_bindings()
        self.notify(f"{routine.name}: every exercise at its normal dose again.", timeout=4)

    def action_history(self) -> None:
        if self.part.store is None:
            self.notify("No history is kept in this session.", severity="warning")
            return
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.part.store, self.part))

    def action_care(self) -> None:
        shell(self).open_care()

    def action_checkin(self) -> None:
        self.part.check_in_alone()

    def action_goals(self) -> None:
        if shell(self).goals_on():
            shell(self).open_goals()

    def action_help(self) -> None:
        from tui.widgets.key_hints import key_hints
        from tui.screens.advice import HelpModal

        self.app.push_screen(HelpModal(key_hints(self)))


class ProblemsModal(_Advice):
    """Every problem of a routine file that did not load, each with its file:line:column."""

    def __init__(self, key: str, problems: list[str]) -> None:
        super().__init__()
        self.key = key
        self.problems = problems

    def body(self) -> Iterable[Static]:
        yield Static(f"{self.key} did not load", classes="heading", markup=False)
        yield Static("\n".join(self.problems), markup=False)
        yield Static("Fix the file and start lumbar again; `lumbar check FILE` checks it.", markup=False)


class TimelineModal(_Advice):
    """A routine's timeline, as `lumbar show` prints it; scrolls when it is long."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def body(self) -> Iterable[Static]:
        yield Static(self.lines[0], classes="heading", markup=False)
        yield Static("\n".join(self.lines[1:]), markup=False, classes="timeline")
