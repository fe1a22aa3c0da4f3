"""The report as a document: sections of paragraphs, lists, tables and charts, with every
word already chosen (tui/cli/report/layout.py), so the Markdown and HTML writers only
format. Text here is plain: a writer escapes it for its format."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Union

from tui.engine.frozen import frozen


@frozen
class Paragraph:
    text: str
    lead: str = ""
    """Words set in bold before the text (a tier's heading)."""
    italic: bool = False
    alert: bool = False
    """The emergency tier: framed in HTML, its lead in capitals in both."""


@frozen
class Bullets:
    items: tuple[str, ...]
    alert: bool = False
    """Belongs to the paragraph before it that is an alert (one frame in HTML)."""


@frozen
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()
    """Columns aligned right."""
    total: bool = False
    """The last row sums up the others (set apart in HTML)."""
    caption: str = ""
    """What the table is, for a screen reader (HTML only)."""


@frozen
class Chart:
    """A picture of data the section's table also gives (HTML only; Markdown has the table).

    kind: "pain", "goals" or "adherence" (tui/cli/report/svg.py); data: what that drawing takes."""

    kind: str
    data: Any


@frozen
class Section:
    title: str
    blocks: tuple[Block, ...]
    level: int = 2
    key: str = ""
    """A stable name for the section (its HTML id): "sessions", "goals"..."""


Block = Union[Paragraph, Bullets, Table, Chart, Section]


@frozen
class Document:
    title: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...] = field(default=())
