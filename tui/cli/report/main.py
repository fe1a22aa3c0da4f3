"""`lumbar report`: a summary of a period to bring to a physiotherapist, as Markdown (the
default) or one self-contained HTML page.

The store reads only the period's rows (tui.services.store.Store.rows with dates, through
the tables' day indexes), build.py makes the model in one pass over them, layout.py words
it, and markdown.py or html.py writes it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tui.services.since import parse_period

FORMATS = ("markdown", "html")


def period(since_text: str, until_text: str | None, today: date) -> tuple[date, date]:
    """(first day, last day) of the report. The last is today, or `until_text`, a date
    (YYYY-MM-DD) not after today; `since_text` is a length back from that last day ("4w")
    or a date not after it. Raises ValueError, starting "--since" or "--until", saying
    what was expected."""
    from tui.services.since import parse_length

    since = parse_period(since_text, today)  # refuses what is wrong whatever the last day
    if until_text is None:
        return since, today
    try:
        until = date.fromisoformat(until_text.strip())
    except ValueError:
        raise ValueError(f"--until {until_text.strip()!r} is not a date; expected one such as "
                         f"{today.isoformat()}") from None
    if until > today:
        raise ValueError(f"--until {until}: that date is after today ({today.isoformat()})")
    if parse_length(since_text) is not None:
        return parse_period(since_text, until), until
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return since, until


def run(since_text: str, out: Path | None, folders: list[Path], store=None,
        today: date | None = None, until_text: str | None = None, fmt: str = "markdown") -> int:
    """The command: exit 0; 2 for a bad --since or --until; 1 when history or --out cannot
    be used. `today`: the user's date now (tests and the bench give one)."""
    from tui.services.clocks import wall
    from tui.services.localzone import local_zone

    zone = local_zone()
    today = today or wall().astimezone(zone).date()
    try:
        since, until = period(since_text, until_text, today)
    except ValueError as error:
        print(f"lumbar: {error}", file=sys.stderr)
        return 2
    from tui.cli.routines import report as report_problems
    from tui.services.catalog import load_catalog
    from tui.cli.export import readable_rows

    catalog = load_catalog(folders)
    if catalog.problems:
        report_problems(catalog.problems)  # shown, but they do not stop the report
    from tui.cli.report import measures, plan

    found = readable_rows(store, lambda s: (s.rows(since, until), s.two_week(until, quiet=False),
                                            measures.read(s, since, until),
                                            plan.read(s, since, until, catalog.routines)))
    if found is None:
        return 1
    text = render(found[0], found[1], since, until, catalog.routines, today, zone, fmt, found[2],
                  found[3])
    if out is None:
        sys.stdout.write(text)
        return 0
    from tui.services.storage import write_atomic

    try:
        write_atomic(out, text, mode=0o600)  # health data: for the user's eyes only
    except OSError as error:
        print(f"lumbar: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Report written to {out}")
    return 0


def render(rows, two_week, since: date, until: date, catalog, today: date, zone, fmt: str = "markdown",
           measures=None, adherence=None) -> str:
    """The report's text in `fmt` (one of FORMATS) from the period's rows (Store.rows(since,
    until)), the two-week rule's state on `until`, the measures (tui.cli.report.measures.read;
    None: no such sections) and the plan's adherence (tui.cli.report.plan.read)."""
    from dataclasses import replace

    from tui.cli.report.build import build
    from tui.cli.report.layout import document

    report = build(rows, since, until, catalog, two_week, today, zone)
    if measures is not None:
        goals, progress, peg, impressions = measures
        report = replace(report, goals=goals, goals_progress=progress, peg=peg, impressions=impressions)
    if adherence is not None:
        report = replace(report, adherence=adherence)
    doc = document(report)
    if fmt == "html":
        from tui.cli.report import html

        return html.render(doc)
    from tui.cli.report import markdown

    return markdown.render(doc)
