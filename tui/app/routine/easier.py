"""Which exercises the user switched to their easier dose, remembered between runs.

The history store keeps the choice when there is one (tui.services.store.recorder);
otherwise the settings' file does (tui.services.settings.easier_file), with what this run
kept and said in the services' run memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.host import Host
    from tui.engine.routine.model import Routine
    from tui.services.store.recorder import Recorder


class EasierMemory:
    """Remembering easier choices for the routine controller.

    Args:
        host: the App (its config's `remember`, its notices).
        recorder: the history's recorder (keeps the choice when there is a store).
    """

    def __init__(self, host: Host, recorder: Recorder) -> None:
        self.host = host
        self.recorder = recorder

    def remembered(self, routine: Routine) -> frozenset[int]:
        """Exercise indexes of `routine` the user switched to their easier dose, as
        remembered (the history store, else the settings' file); empty when nothing is."""
        if not self.host.config.remember:
            return frozenset()
        from tui.services.settings.easier_file import remembered_easier

        stored = self.recorder.easier(routine)
        return remembered_easier(routine, self.host.services.memory) if stored is None else stored

    def keep(self, routine: Routine, easier: frozenset[int]) -> None:
        """Remember `easier` (exercise indexes) for `routine`: in the store, else the
        settings' file; a toast says when neither could keep it."""
        from tui.services.settings.easier_file import remember_easier

        if not self.recorder.remember_easier(routine, easier):
            if problem := remember_easier(routine, easier, self.host.services.memory):
                self.host.notify(problem, severity="warning", timeout=10)
