"""The tables of history.db and the ordered migrations that build them.

The schema version lives in `PRAGMA user_version`. Migration N takes a database at version
N-1 to version N inside one transaction, so a crash half-way leaves the old version intact.
Later additions (ice/heat applications, breaks) are new entries at the end of MIGRATIONS;
an entry, once released, never changes.

Times: `utc` is UTC as "YYYY-MM-DD HH:MM:SS.ffffff" (SQLite's own date format), `utc_offset`
the local offset east of UTC in seconds at that moment, `day` the local date then
("YYYY-MM-DD"). Days, streaks and weeks use `day`, so they stay right across daylight-saving
changes and travel.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: routine sessions, their steps, and pain check-ins.
    (
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_key TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            steps INTEGER NOT NULL,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            ended_utc TEXT,
            ended_offset INTEGER,
            outcome TEXT CHECK (outcome IN ('finished', 'left', 'interrupted')),
            owner_pid INTEGER,
            owner_token TEXT
        )""",
        "CREATE INDEX sessions_day ON sessions (day)",
        "CREATE INDEX sessions_open ON sessions (id) WHERE outcome IS NULL",
        """CREATE TABLE steps (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            exercise TEXT NOT NULL,
            side TEXT,
            set_no INTEGER NOT NULL,
            round_no INTEGER NOT NULL,
            planned_seconds REAL NOT NULL,
            actual_seconds REAL NOT NULL,
            unit TEXT NOT NULL CHECK (unit IN ('seconds', 'breaths', 'reps')),
            planned_count INTEGER,
            actual_count INTEGER,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skipped', 'easier'))
        )""",
        "CREATE INDEX steps_session ON steps (session_id)",
        """CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            moment TEXT NOT NULL CHECK (moment IN ('before', 'after', 'alone')),
            session_id INTEGER REFERENCES sessions (id)
        )""",
        "CREATE INDEX checkins_day ON checkins (day)",
    ),
    # 2: what used to live in small JSON files: easier choices (from easier.json) and
    # facts the store must remember (the import happened, the two-week advice was shown).
    (
        """CREATE TABLE easier (
            routine_key TEXT PRIMARY KEY,
            names TEXT NOT NULL,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL
        )""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    # 3: the current dose of each ranged exercise (one row per decision, the latest counts)
    # and the after-routine answers (too easy, about right, too hard).
    (
        """CREATE TABLE doses (
            id INTEGER PRIMARY KEY,
            routine_key TEXT NOT NULL,
            exercise TEXT NOT NULL,
            reps INTEGER,
            sets INTEGER,
            hold_seconds REAL,
            why TEXT NOT NULL CHECK (why IN ('start', 'up', 'down', 'kept', 'fit')),
            session_id INTEGER REFERENCES sessions (id),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX doses_routine ON doses (routine_key, exercise, id)",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions (id),
            answer TEXT NOT NULL CHECK (answer IN ('easy', 'right', 'hard')),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX answers_session ON answers (session_id)",
    ),
    # 4: ice and heat applications. A row is written when the pack goes on (outcome NULL
    # while it is on), so a restarted lumbar finds it and shows the time left or the
    # alarm; it is closed when the pack comes off. `episode_utc`: when the pain or injury
    # started, as the user said (the advice's basis). The current episode is in meta.
    (
        """CREATE TABLE applications (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('ice', 'heat')),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            planned_seconds REAL NOT NULL,
            rest_seconds REAL NOT NULL,
            episode_utc TEXT,
            ended_utc TEXT,
            ended_offset INTEGER,
            outcome TEXT CHECK (outcome IN ('finished', 'stopped')),
            reason TEXT
        )""",
        "CREATE INDEX applications_day ON applications (day)",
    ),
    # 5: desk breaks: one row for each break taken, snoozed or skipped and each meeting
    # pause (`what`). `how`: for "taken" how the break came (routine, natural, suspend,
    # manual), for "skipped" prompt or unanswered; `seconds`: a meeting's length. The
    # scheduler's state between runs is one JSON value in meta ("breaks.state").
    (
        """CREATE TABLE breaks (
            id INTEGER PRIMARY KEY,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            what TEXT NOT NULL CHECK (what IN ('taken', 'snoozed', 'skipped', 'meeting')),
            how TEXT,
            seconds REAL
        )""",
        "CREATE INDEX breaks_day ON breaks (day)",
    ),
    # 6: covering indexes for the history screen, whose figures read every session: the
    # active days (for the streak) and each routine's count and last day come from the
    # index alone, and a routine's latest name from one index probe.
    (
        "CREATE INDEX sessions_day_routine ON sessions (day, routine_key, outcome)",
        "CREATE INDEX sessions_routine ON sessions (routine_key, utc, day, outcome)",
    ),
    # 7: safety answers. The red-flag check, one row each time it was answered: what asked
    # it (`trigger`), the answers (one letter y or n per question, in
    # tui.engine.care.redflags.QUESTIONS order), the tier they led to, and whether the person went
    # on after an urgent or emergency "yes" (`choice`, NULL when all answers were no). The
    # ice/heat precaution asked before an episode's first application: the kind, the
    # episode (its `episode_utc`), the answer, and after a "yes" the choice. And single
    # exercises marked too easy or too hard after a session (the routine-wide answer is in
    # `answers`).
    (
        """CREATE TABLE red_flags (
            id INTEGER PRIMARY KEY,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            trigger TEXT NOT NULL CHECK (trigger IN ('first', 'episode', 'flare', 'command', 'none')),
            answers TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'urgent', 'emergency')),
            choice TEXT CHECK (choice IN ('went on', 'stopped'))
        )""",
        "CREATE INDEX red_flags_day ON red_flags (day)",
        """CREATE TABLE precautions (
            id INTEGER PRIMARY KEY,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('ice', 'heat')),
            episode_utc TEXT,
            answer TEXT NOT NULL CHECK (answer IN ('no', 'yes')),
            choice TEXT CHECK (choice IN ('went on', 'stopped'))
        )""",
        """CREATE TABLE exercise_answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions (id),
            exercise TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('easy', 'hard')),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX exercise_answers_session ON exercise_answers (session_id)",
    ),
    # 8: outcome measures (tui.engine.measures). Goals in the person's own words, each with a
    # stable `key` (made when set, so a rating written while the file waits points at it);
    # `retired_utc` set when the goal is retired or replaced. One row per goal rating, per
    # PEG answered (three 0..10 answers) and per global impression (`code` 1 very much
    # better .. 7 very much worse). A skipped question is a row in `measure_skips`, so it
    # is not asked again in its period. `leg`: the optional leg-pain score beside a check-in.
    (
        """CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            retired_utc TEXT,
            retired_offset INTEGER
        )""",
        """CREATE TABLE goal_ratings (
            id INTEGER PRIMARY KEY,
            goal_key TEXT NOT NULL REFERENCES goals (key),
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX goal_ratings_goal ON goal_ratings (goal_key, utc)",
        """CREATE TABLE peg_answers (
            id INTEGER PRIMARY KEY,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            enjoyment INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
            activity INTEGER NOT NULL CHECK (activity BETWEEN 0 AND 10),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX peg_answers_utc ON peg_answers (utc)",
        """CREATE TABLE impressions (
            id INTEGER PRIMARY KEY,
            code INTEGER NOT NULL CHECK (code BETWEEN 1 AND 7),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX impressions_day ON impressions (day)",
        """CREATE TABLE measure_skips (
            id INTEGER PRIMARY KEY,
            what TEXT NOT NULL CHECK (what IN ('goals', 'peg', 'impression')),
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL
        )""",
        "CREATE INDEX measure_skips_what ON measure_skips (what, day)",
        "ALTER TABLE checkins ADD COLUMN leg INTEGER CHECK (leg BETWEEN 0 AND 10)",
    ),
    # 9: Plan reminders, recorded as desk breaks are: one row each time a reminder went out
    # (`what` "sent"), and each answer to it, "started", "snoozed" or "skipped" (`how`:
    # "prompt" in lumbar, "notification" from its buttons, "unanswered" when nobody
    # answered in time). `kind`: a planned routine (`routine_key`) or the review notice
    # (routine_key ''). The reminders' state between runs is one JSON value in meta
    # ("plan.state").
    (
        """CREATE TABLE reminders (
            id INTEGER PRIMARY KEY,
            utc TEXT NOT NULL,
            utc_offset INTEGER NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('routine', 'review')),
            routine_key TEXT NOT NULL,
            what TEXT NOT NULL CHECK (what IN ('sent', 'started', 'snoozed', 'skipped')),
            how TEXT
        )""",
        "CREATE INDEX reminders_day ON reminders (day)",
    ),
)

#: The version this lumbar writes.
VERSION = len(MIGRATIONS)


class TooNew(Exception):
    """The file was written by a newer lumbar; it is left untouched."""


def migrate(conn: sqlite3.Connection, upto: int = VERSION) -> int:
    """Bring the database to version `upto` (default: the latest); returns the version found.

    Each migration runs in its own IMMEDIATE transaction and re-reads the version inside it,
    so two processes opening a new file at once do not both apply it. The connection must
    be in autocommit mode (isolation_level=None). Raises TooNew for a file from a newer
    lumbar, and sqlite3 errors as they come.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise TooNew(f"history.db is version {found}; this lumbar knows up to {VERSION}")
    if found >= upto:
        return found  # the usual start: no write lock taken
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current >= upto:
                conn.execute("COMMIT")
                return found
            for statement in MIGRATIONS[current]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some failed ones by itself)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
