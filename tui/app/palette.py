"""The command palette, with its query kept short.

Textual's palette cancels its search workers and starts a new one on every change of the
query, and every cancel walks all the workers not yet finished. Keys typed or pasted
(without bracketed paste) faster than searches finish pile the workers up, so the cost
grows with the square of the input: 3,000 characters took 43 s in tmux, and 10,000 froze
lumbar for minutes. No command name is near `MAX_QUERY` long, so the query stops there
and the keys beyond it cost next to nothing.
"""

from __future__ import annotations

from textual.command import CommandInput, CommandPalette

#: Characters in the palette's query; the longest command name is far shorter.
MAX_QUERY = 80


class Palette(CommandPalette):
    def on_mount(self) -> None:
        self.query_one(CommandInput).max_length = MAX_QUERY
