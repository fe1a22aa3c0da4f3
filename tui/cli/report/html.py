"""The report as one self-contained HTML page: no script, nothing fetched (the style is
inline, the fonts are the reader's own, the charts inline SVG from svg.py), every piece of
text escaped. It prints on A4 or Letter: page margins that fit both, table headers that
repeat on each page, rows and charts never cut in two, headings kept with what follows.
"""

from __future__ import annotations

from html import escape

from tui.cli.report import svg
from tui.cli.report.blocks import Block, Bullets, Chart, Document, Paragraph, Section, Table

#: Tables of up to this many rows are never split across printed pages.
KEEP_ROWS = 15

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b1b1b;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p { margin: .4rem 0 .7rem; max-width: 48rem; }
ul { margin: .3rem 0 .8rem; padding-left: 1.4rem; }
.alert { border: 3px solid #1b1b1b; border-left-width: 10px; padding: .3rem .9rem; margin: .6rem 0 1rem; }
.alert p:first-child strong { letter-spacing: .02em; }
.scroll { overflow-x: auto; margin: .4rem 0 .9rem; }
table { border-collapse: collapse; font-size: .86rem; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
th, td { padding: .22rem .5rem; border-bottom: 1px solid #c8c8c8; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #1b1b1b; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 2px solid #1b1b1b; }
figure { margin: .6rem 0 .4rem; max-width: 40rem; }
svg.chart { width: 100%; height: auto; font-family: inherit; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 1.2rem; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 8.5pt; width: 100%; }
  thead { display: table-header-group; }
  tr, figure, .alert, .keep { break-inside: avoid; page-break-inside: avoid; }
  figure { max-width: 150mm; }
}
""".strip()


def render(doc: Document) -> str:
    body = [f"<h1>{escape(doc.title)}</h1>", *_blocks(doc.intro)]
    for section in doc.sections:
        body += _section(section)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>", f"<style>\n{STYLE}\n</style>", "</head>", "<body>",
        "<main>", *body, "</main>", "</body>", "</html>", ""])


def _section(s: Section) -> list[str]:
    ident = f' id="{escape(s.key)}"' if s.key else ""
    return [f"<section{ident}>", f"<h{s.level}>{escape(s.title)}</h{s.level}>", *_blocks(s.blocks), "</section>"]


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    framed = False
    for block in blocks:
        alert = isinstance(block, (Paragraph, Bullets)) and block.alert
        if alert and not framed:
            out.append('<div class="alert" role="note">')
        elif framed and not alert:
            out.append("</div>")
        framed = alert
        out += _block(block)
    if framed:
        out.append("</div>")
    return out


def _block(block: Block) -> list[str]:
    if isinstance(block, Section):
        return _section(block)
    if isinstance(block, Paragraph):
        text = escape(block.text)
        if block.lead:
            text = f"<strong>{escape(block.lead)}</strong> {text}".rstrip()
        return [f"<p><em>{text}</em></p>" if block.italic else f"<p>{text}</p>"]
    if isinstance(block, Bullets):
        return ["<ul>", *(f"<li>{escape(item)}</li>" for item in block.items), "</ul>"]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return ["<figure>", _chart(block), "</figure>"]
    raise TypeError(f"not a report block: {block!r}")


def _chart(chart: Chart) -> str:
    if chart.kind == "pain":
        return svg.pain(chart.data)
    if chart.kind == "goals":
        return svg.goals(chart.data)
    if chart.kind == "adherence":
        return svg.adherence(chart.data)
    raise ValueError(f"unknown chart {chart.kind!r}")


def _table(t: Table) -> list[str]:
    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(f'<{tag} class="num">{escape(c)}</{tag}>' if i in t.numeric else f"<{tag}>{escape(c)}</{tag}>"
                       for i, c in enumerate(row))

    head = "".join(f'<th scope="col" class="num">{escape(c)}</th>' if i in t.numeric
                   else f'<th scope="col">{escape(c)}</th>' for i, c in enumerate(t.header))
    rows = [f'<tr class="total">{cells(r, "td")}</tr>' if t.total and n == len(t.rows) - 1
            else f"<tr>{cells(r, 'td')}</tr>" for n, r in enumerate(t.rows)]
    caption = f"<caption>{escape(t.caption)}</caption>" if t.caption else ""
    # A short table moves to the next page whole rather than leave its header behind.
    keep = ' keep' if len(t.rows) <= KEEP_ROWS else ""
    return [f'<div class="scroll{keep}">', f"<table>{caption}", f"<thead><tr>{head}</tr></thead>", "<tbody>",
            *rows, "</tbody>", "</table>", "</div>"]
