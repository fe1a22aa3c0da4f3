"""The home screen: every routine with its length and positions; Enter starts one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.keys import format_key
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..advice import DISCLAIMER
from ..engine.plan import plan
from ..keys import keys
from ..widgets.key_bar import KeyBar
from ..engine.timefmt import duration_text

if TYPE_CHECKING:
    from ..app import LumbarApp
    from ..engine.model import Routine


class HomeScreen(Screen[None]):
    DEFAULT_CSS = """
    #home { padding: 0 1; }
    #home-title { text-style: bold; height: 1; margin-bottom: 1; }
    #routines { height: 1fr; }
    #description { height: auto; max-height: 4; margin-top: 1; }
    #disclaimer { height: auto; color: $text-muted; margin-top: 1; }
    """
    """Layout of the routine list; parsed when the screen is first shown, not at every start."""

    BINDINGS = [
        Binding(keys("enter"), "start", "Start", key_display=format_key("enter"), id="home.start", show=True),
        Binding(keys("question_mark", "f1", pad=("slash",)), "help", "Help", key_display="?", id="home.help"),
        Binding(keys("q"), "app.quit", "Quit", key_display="q", id="home.quit"),
        # Keypad 8 and 2 with Num Lock on: the list's own up and down.
        Binding("8", "focused.cursor_up", show=False, id="home.up"),
        Binding("2", "focused.cursor_down", show=False, id="home.down"),
    ]

    def __init__(self, routines: dict[str, Routine], origins: dict[str, str]) -> None:
        super().__init__()
        self.routines = routines
        self.origins = origins

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("lumbar · pick a routine, press Enter", id="home-title")
            yield OptionList(*self._options(), id="routines")
            yield Static(id="description", markup=False)
            yield Static(DISCLAIMER + " Press ? for the signs that mean see a doctor.",
                         id="disclaimer", markup=False)
        yield KeyBar()

    def _options(self) -> list[Option]:
        options = []
        for key, routine in self.routines.items():
            length = duration_text(plan(routine).total)
            positions = ", ".join(p.label for p in routine.positions) or "no position"
            origin = self.origins.get(key, "shipped")
            prompt = Content.assemble((routine.name, "bold"), f"  ·  {length}\n",
                                      (f"{key}  ·  {positions}  ·  {origin}", "dim"))
            options.append(Option(prompt, id=key))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        if self.routines:
            self._describe(next(iter(self.routines)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._describe(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.lumbar.start_routine(event.option.id)

    def _describe(self, key: str) -> None:
        self.query_one("#description", Static).update(self.routines[key].description)

    @property
    def lumbar(self) -> LumbarApp:
        return self.app  # type: ignore[return-value]

    def action_start(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id is not None:
                self.lumbar.start_routine(option.id)

    def action_help(self) -> None:
        from .advice import HelpModal

        self.app.push_screen(HelpModal(self.BINDINGS))
