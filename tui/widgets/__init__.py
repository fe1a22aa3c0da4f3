"""Display widgets for the session screens, one module each (import from the module).

:mod:`tui.widgets.big_font` is pure and never imports Textual.
"""
