"""Long input in the command palette: the query stops at a length, so keys beyond it start
no search (each search used to cancel every unfinished one, a cost growing with the square
of the input; measured in tmux: 3,000 pasted characters took 43 s, now 10,000 take 3 s)."""

from __future__ import annotations

from textual.command import CommandInput, CommandPalette
from textual.widgets import Input

from tui.app import palette


async def test_the_query_stops_at_its_length_and_extra_keys_start_no_search(make_app, monkeypatch):
    monkeypatch.setattr(palette, "MAX_QUERY", 8)
    changes: list[Input.Changed] = []

    def hook(message) -> None:
        # Seen once per node it bubbles through; kept, so identities stay unique.
        if isinstance(message, Input.Changed) and not any(m is message for m in changes):
            changes.append(message)

    app = make_app()
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"pausepausepausepause")
        await pilot.pause()
        query = app.screen.query_one(CommandInput)
        assert query.value == "pausepau"
        assert len(changes) == 8  # one search per character kept, none for the twelve beyond


async def test_the_palette_still_finds_and_runs_commands(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).max_length == palette.MAX_QUERY
        await pilot.press(*"help")
        await pilot.pause(0.3)  # the palette's own search worker
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpModal"
