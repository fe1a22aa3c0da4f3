"""`lumbar check --history`: SQLite's integrity check of history.db, said in plain words."""

from __future__ import annotations

import sys

#: Lines of SQLite's findings shown; a badly damaged file can list thousands.
SHOWN = 5


def run(store=None) -> int:
    """The command: 0 when history.db is sound (or not made yet), 1 when it is damaged or
    cannot be opened. Damage is handled as anywhere else: the file is kept aside with the
    date, and a fresh one started with every entry that could still be read."""
    from tui.services.store import open_store

    store = store or open_store()
    try:
        existed = store.path.exists()
        found = store.verify(full=True)
        if found is None:
            print(f"lumbar: cannot check the history: {store.problem}", file=sys.stderr)
            return 1
        if not found:
            if existed:
                print(f"ok: {store.path} passed SQLite's integrity check")
            else:
                print(f"ok: no history yet ({store.path} is new)")
            return 0
        print(f"lumbar: {store.path} failed SQLite's integrity check:", file=sys.stderr)
        for line in found[:SHOWN]:
            print(f"  {line}", file=sys.stderr)
        if len(found) > SHOWN:
            print(f"  ... and {len(found) - SHOWN} more", file=sys.stderr)
        if store.warning:
            print(f"lumbar: {store.warning}", file=sys.stderr)
        return 1
    finally:
        store.close()
