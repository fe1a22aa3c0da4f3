"""The history store: routine sessions, their steps and pain check-ins in one SQLite file.

No Textual here: the app, the CLI commands and the tests all use it the same way.
"""

from tui.services.store.db import Store, open_store
from tui.services.store.records import HistoryData, Moment, Outcome, StepOutcome, StepRecord, TwoWeekState

__all__ = ["HistoryData", "Moment", "Outcome", "StepOutcome", "StepRecord", "Store",
           "TwoWeekState", "open_store"]
