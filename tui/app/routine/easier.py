"""Which exercises the user switched to their easier dose, remembered between runs.

A mixin for LumbarApp, so app.py stays routing. The history store keeps the choice when
there is one (tui.services.store.recorder); otherwise the settings' file does (tui.services.settings.current).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.app import LumbarApp
    from tui.engine.routine.model import Routine


class EasierMemory:
    """Remembering easier choices; a mixin, so each method names the app as its `self`."""

    def remembered_easier(self: LumbarApp, routine: Routine) -> frozenset[int]:
        """Exercises of ``routine`` the user switched to their easier dose, as remembered
        (the history store, else the settings' file); empty when nothing is remembered."""
        if not self.remember:
            return frozenset()
        from tui.services.settings.easier_file import remembered_easier

        stored = self.recorder.easier(routine)
        return remembered_easier(routine) if stored is None else stored

    def forget_easier(self: LumbarApp, routine: Routine) -> None:
        """Every exercise of ``routine`` back to its normal dose, next time and after."""
        self._keep_easier(routine, frozenset())

    def _keep_easier(self: LumbarApp, routine: Routine, easier: frozenset[int]) -> None:
        """Remember ``easier`` (exercise indexes) for ``routine``: in the store, else the
        settings' file; a toast says when neither could keep it."""
        from tui.services.settings.easier_file import remember_easier

        if not self.recorder.remember_easier(routine, easier):
            if problem := remember_easier(routine, easier):
                self.notify(problem, severity="warning", timeout=10)
