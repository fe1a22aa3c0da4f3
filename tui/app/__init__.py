"""The Textual shell: the App, its parts for each activity (routine, ice and heat,
breaks), the heartbeat, terminal signals and the command palette.

May import: tui.screens, tui.widgets, tui.services, tui.engine. Nothing below imports it.
"""
