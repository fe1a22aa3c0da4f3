"""The smallest terminal the full screens can lay out, shared by the routine list and the
workout (which asks for more room below it while timing goes on)."""

#: Columns and rows; below either, a screen shows a line asking for a larger terminal.
MIN_WIDTH, MIN_HEIGHT = 60, 20
