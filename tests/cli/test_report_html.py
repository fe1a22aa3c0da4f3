"""The HTML report: one page that needs nothing else, its text escaped, its charts with
words, and the measures' and the plan's sections in their slots."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser

from tui.cli.report import html, markdown, svg
from tui.cli.report.layout import NOT_RECORDED, document
from tui.engine.measures.goals import Goal, Rating
from tui.cli.report.model import (Adherence, Impression, PainWeek, Peg,
                                  PlanWeek, Report)

MONDAY = date(2026, 3, 2)


def report(**parts) -> Report:
    weeks = tuple(PainWeek(MONDAY + timedelta(weeks=w), 3, 6.0 - w, None if w == 2 else 5.0 - w)
                  for w in range(4))
    return Report(MONDAY, MONDAY + timedelta(days=27), 0, (), (), (), (), weeks, (), (), (), (), (),
                  None, **parts)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_page_fetches_nothing_and_runs_nothing() -> None:
    page = html.render(document(report(goals=(Goal("g", "x", MONDAY, None, (Rating(MONDAY, 2),)),),
                                       adherence=Adherence(("Core basics: mon wed fri",), (PlanWeek(MONDAY, 3, 2),)))))
    parser = Tags()
    parser.feed(page)
    names = {t for t, _ in parser.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base"}
    for tag, attrs in parser.tags:
        assert not [k for k in attrs if k.startswith("on")], tag  # no event handlers
        assert "src" not in attrs and not (attrs.get("href") or "").strip(), tag
    assert "@import" not in page and "url(http" not in page and "@font-face" not in page
    assert re.findall(r"url\(([^)]*)\)", page) == ["#adherence-chart-hatch"] * 2  # its own pattern only
    assert "@page" in page and "@media print" in page


def test_user_text_is_escaped_everywhere() -> None:
    nasty = '<script>alert("x")</script> & <b>'
    page = html.render(document(report(goals=(Goal("g", nasty, MONDAY, None, (Rating(MONDAY, 2), Rating(MONDAY + timedelta(weeks=1), 5))),))))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_charts_say_in_words_what_they_draw() -> None:
    weeks = report().pain_weeks
    chart = svg.pain(weeks)
    title = re.search(r"<title[^>]*>(.*?)</title>", chart).group(1)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart, re.S).group(1)
    assert "pain" in title.lower() and 'role="img"' in chart and "aria-labelledby" in chart
    assert "week of 2 Mar: before 6.0, after 5.0" in desc and "after none" in desc
    # Told apart without colour: one series dashed with square markers, the other solid with dots.
    assert "stroke-dasharray" in chart and "<rect" in chart and "<circle" in chart
    # A week without a score breaks the line instead of joining across it.
    lines = re.findall(r'<polyline points="([^"]*)"', chart)
    assert [len(points.split()) for points in lines] == [4, 2]


def test_the_measures_and_the_plan_have_their_slots() -> None:
    absent = markdown.render(document(report()))
    assert "## Your goals" not in absent and "## Plan and adherence" not in absent
    empty = markdown.render(document(report(goals=(), peg=(), impressions=())))
    for title in ("## Your goals", "## Pain's weight on life (PEG)", "## Change since the start"):
        assert empty.split(title)[1].split("##")[0].strip() == NOT_RECORDED
    full = report(goals=(Goal("g", "Lift my child", MONDAY, None, (Rating(MONDAY, 2), Rating(MONDAY + timedelta(weeks=3), 6))),),
                  peg=(Peg(MONDAY, 6, 5, 4),), impressions=(Impression(MONDAY + timedelta(weeks=2), 2),),
                  adherence=Adherence(("Core basics: mon wed fri",), tuple(PlanWeek(MONDAY + timedelta(weeks=w), 3, 3 - w % 2) for w in range(4)),
                                      "the physiotherapist", MONDAY + timedelta(days=42)))
    text = markdown.render(document(full))
    assert "| 1. Lift my child | 2 on 2 Mar   | 6 on 23 Mar | +4 (meaningful) |" in text  # 3 or more
    assert "| Mon 2 Mar 2026 |    6 |         5 |        4 |  5.0 |" in text
    assert "much better" in text
    assert "10 of 12 planned sessions done in 4 weeks" in " ".join(text.split())
    page = html.render(document(full))
    assert 'id="goals-chart"' in page and 'id="adherence-chart"' in page
