"""I/O without Textual: files, clocks and timers, the catalog, the loader, settings,
the history store, notifications, sound and the break scheduler's lock, keeper and doors.

May import: tui.engine and the standard library and third-party non-UI libraries.
Never imports Textual or Rich, nor tui.app, tui.screens, tui.widgets or tui.cli.
"""
