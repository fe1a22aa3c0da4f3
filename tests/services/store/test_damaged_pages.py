"""A file whose header is intact but whose pages 2-3 are overwritten: found by any command,
kept aside with the date, and every row still readable carried into a fresh file; export,
report and check say so and exit 1 rather than print an empty history."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.services.store import open_store

from .walls import Wall, step

PAGE = 4096


@pytest.fixture
def damaged(db: Path, wall: Wall) -> Path:
    store = open_store(db, wall=wall)
    for n in range(60):
        wall.advance(days=1)
        sid = store.begin_session("core", "Core basics", 3)
        store.add_checkin(n % 11, "before", sid)
        for i in range(3):
            store.record_step(sid, step(i, exercise=f"Exercise {i} " + "x" * 40))
        store.end_session(sid, "finished")
    store.close()  # the last connection checkpoints the WAL into the file
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA page_count").fetchone()[0] > 10
    assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE
    conn.close()
    assert not db.with_name("history.db-wal").exists() or db.with_name("history.db-wal").stat().st_size == 0
    with open(db, "r+b") as f:  # pages 2 and 3 (page 1 holds the header and the schema)
        f.seek(PAGE)
        f.write(bytes(range(256)) * (2 * PAGE // 256))
    return db


def kept_aside(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm")))


def test_export_says_so_exits_1_and_the_readable_rows_are_carried_over(damaged: Path, capsys):
    assert main(["export"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "damaged" in err and "run the command again" in err and "Traceback" not in err
    (aside,) = kept_aside(damaged)
    assert aside.name.startswith("history.db.damaged-")
    fresh = sqlite3.connect(damaged)
    assert fresh.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    counts = {t: fresh.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sessions", "steps", "checkins")}
    fresh.close()
    assert sum(counts.values()) > 0, counts
    assert f"{sum(counts.values())} entries" in err or "entries" in err
    # The next run exports what was recovered, with exit 0.
    assert main(["export"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len([r for r in rows if r["kind"] in ("session", "step", "checkin")]) == sum(counts.values())


def test_report_over_a_damaged_file_exits_1(damaged: Path, capsys):
    assert main(["report", "--since", "1mo"]) == 1
    out, err = capsys.readouterr()
    assert "damaged" in err and "# lumbar report" not in out


def test_check_history_says_what_it_found(damaged: Path, capsys):
    assert main(["check", "--history"]) == 1
    err = capsys.readouterr().err
    assert "integrity check" in err and "damaged" in err
    assert main(["check", "--history"]) == 0
    assert "passed" in capsys.readouterr().out


def test_a_query_that_meets_damage_in_a_running_store_starts_fresh_with_what_is_readable(damaged: Path, wall: Wall):
    store = open_store(damaged, wall=wall)
    data = store.history()  # the first read over the damaged pages
    rows = store.rows()
    assert store.damaged is not None and "damaged" in (store.warning or "")
    store.add_checkin(9, "alone")  # the app goes on writing, into the fresh file
    assert store.pending == 0
    store.close()
    assert data.checkins > 0 and any(r["kind"] == "checkin" for r in rows)  # read from the fresh file
    conn = sqlite3.connect(damaged)
    assert 9 in [s for (s,) in conn.execute("SELECT score FROM checkins")]
    conn.close()
