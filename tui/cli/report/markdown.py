"""The report as Markdown that reads as plain text too: paragraphs wrapped at 88 columns,
tables padded so their columns line up in a terminal or an e-mail. Charts are left out:
each one's table says the same."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tui.cli.report.blocks import Block, Bullets, Chart, Document, Paragraph, Section, Table

WIDTH = 88


def render(doc: Document) -> str:
    lines = [f"# {doc.title}", ""]
    for block in (*doc.intro, *doc.sections):
        lines += _block(block)
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Section):
        out = ["#" * block.level + " " + block.title, ""]
        for inner in block.blocks:
            out += _block(inner)
        return out
    if isinstance(block, Paragraph):
        text = f"**{block.lead}** {block.text}".rstrip() if block.lead else block.text
        return [_fill(f"_{text}_" if block.italic else text), ""]
    if isinstance(block, Bullets):
        return [_fill(f"- {item}", "  ") for item in block.items] + [""]
    if isinstance(block, Table):
        cells = [tuple(c.replace("|", "\\|") for c in row) for row in (block.header, *block.rows)]
        return table(cells, block.numeric) + [""]
    if isinstance(block, Chart):
        return []
    raise TypeError(f"not a report block: {block!r}")


def _fill(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=WIDTH, subsequent_indent=indent, break_on_hyphens=False)


def table(rows: Sequence[tuple[str, ...]], numeric: tuple[int, ...] = ()) -> list[str]:
    """Rows of cells (the first the header) as Markdown table lines, padded; the `numeric`
    columns align right."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]

    def cell(i: int, text: str) -> str:
        return text.rjust(widths[i]) if i in numeric else text.ljust(widths[i])

    out = ["| " + " | ".join(cell(i, c) for i, c in enumerate(row)) + " |" for row in rows]
    rule = "|" + "|".join(("-" * (w + 1)) + (":" if i in numeric else "-")
                          for i, w in enumerate(widths)) + "|"
    return [out[0], rule, *out[1:]]
