"""The PDF summary for people who don't read it by eye: a document language and
bookmarks a strict reader (qpdf, through pikepdf) and poppler both accept, text
that reads in order (no axis labels between the sentences), and no heading left
alone at the bottom of a page."""

from __future__ import annotations

import itertools
import re
import subprocess
from datetime import date, datetime, timedelta

import pikepdf
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageSize

from tests.report.conftest import pdf_pages, poppler
from tests.report.test_summary_pdf import MADE, march_summary
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.report import charts
from trustdesk.report.layout import PageCtx, Rich, Text
from trustdesk.report.pdf_outline import Bookmark, add_outline
from trustdesk.report.summary import SECTIONS, SummaryDocument, SummaryOptions, write_pdf

A4 = QPageSize(QPageSize.PageSizeId.A4)
EVERYTHING = SummaryOptions(sections=frozenset(SECTIONS))
HEADINGS = ("h2", "h3", "h4")


def entries(count: int, words: int = 40) -> list[Entry]:
    start = datetime(2025, 3, 1, 9)
    return [Entry(id=f"e{i:03}", written_at=start + timedelta(hours=7 * i),
                  title=f"Title {i}" if i % 3 == 0 else "",
                  body=("## A heading of mine\n\n" if i % 4 == 0 else "")
                  + " ".join(f"word{i}-{j}" for j in range(words + (i * 7) % 30))
                  + ("\n\n- one thing\n- another" if i % 5 == 0 else ""),
                  checkin=CheckIn(mood=5) if i % 2 else CheckIn())
            for i in range(count)]


def sheets(count: int) -> list[Worksheet]:
    return [Worksheet(id=f"w{i}", happened_on=date(2025, 3, 1 + i % 28), category="failing",
                      thought=f"Thought {i} " + "fear " * (5 + i % 20), belief_before=70,
                      balanced_view=f"Balanced {i} " + "calm " * (10 + i % 30),
                      belief_after=30, step=SmallStep(id=f"s{i}", text=f"Step {i}"))
            for i in range(count)]


@pytest.mark.slow
def test_the_pdf_has_a_language_and_bookmarks_for_its_sections(tmp_path):
    summary = march_summary(worksheets=12)
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, EVERYTHING, excerpts=entries(8), worksheets=sheets(4),
              made_on=MADE, page_size=A4)
    checked = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == ""      # poppler: no repairs
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []                      # qpdf: a clean file
        assert str(pdf.Root.Lang) == "en"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        with pdf.open_outline() as outline:
            top = [item.title for item in outline.root]
            journal = next(item for item in outline.root if item.title == "From your journal")
            under = [item.title for item in journal.children]
            targets = {item.title: pdf.pages.index(pikepdf.Page(item.destination[0]))
                       for item in outline.root}
    assert top == [*charts.TITLES.values(), "Worksheets", "Small steps", "Guide",
                   "From your journal", "Worksheet details"]
    assert len(under) == 8 and under[0] == "Saturday 1 March 2025 \u00b7 Title 0"
    pages = pdf_pages(path)
    for title, page in targets.items():
        assert title in pages[page]


def test_pdfs_not_laid_out_like_qt_writes_them_are_left_alone(tmp_path):
    summary = march_summary()
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, made_on=MADE, page_size=A4)
    done = path.read_bytes()
    mark = [Bookmark(1, "Again", 0, 700.0)]
    assert add_outline(done, mark, language="de") == done               # already updated
    assert add_outline(b"%PDF-1.4\nnot really", mark, language="en") == b"%PDF-1.4\nnot really"
    cut = done[:len(done) // 2]
    assert add_outline(cut, mark, language="en") == cut


def test_chart_labels_stay_out_of_the_reading_order(tmp_path):
    """Between a chart's heading and the next heading a reader gets the chart's
    sentences and nothing else: no tick values, legends or dates."""
    summary = march_summary()
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, SummaryOptions(sections=frozenset({"charts"})), made_on=MADE,
              page_size=A4)
    text = " ".join(pdf_pages(path))
    titles = list(charts.TITLES)
    for kind, following in itertools.pairwise(titles):
        reading = " ".join(" ".join(line.split()) for line in summary.readings(kind))
        expected = f"{charts.TITLES[kind]} {reading} "
        start = text.index(expected) + len(expected)
        between = text[start:text.index(charts.TITLES[following], start)]
        between = re.sub(r"TrustDesk is a self-help.*? clinical assessment\. Page \d+ of \d+ "
                         r"Progress summary \u00b7 1 Mar 2025 to 31 Mar 2025 ", "", between)
        for label in ("7-day average", "Daily rating", "belief from 0 to 100",
                      "Journal entries", "1 Mar"):
            assert label not in between
        assert not any(word.isdigit() for word in between.split()), between


def last_body_line(page_text: str) -> str:
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    footer = next(i for i, line in enumerate(lines) if line.startswith("TrustDesk is a"))
    return lines[footer - 1]


def is_heading(block) -> bool:
    return isinstance(block, Text | Rich) and block.role in HEADINGS


def is_content(block) -> bool:
    """Something a heading introduces: not another heading, not a grey note."""
    return not is_heading(block) and not (isinstance(block, Text) and block.role == "muted")


def laid_out(count: int, rows: int):
    summary = march_summary(worksheets=rows)
    excerpts, details = entries(count, words=20 + count), sheets(count)
    options = SummaryOptions(sections=frozenset(SECTIONS), excerpt_limit=count)
    document = SummaryDocument(summary, options, excerpts=excerpts, worksheets=details,
                               made_on=MADE)
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(150 / 0.0254))
    image.setDotsPerMeterY(round(150 / 0.0254))
    return document.paginate(PageCtx(image, document.colors), QRectF(0, 0, 1000, 1400))


def test_every_heading_has_content_after_it_on_its_page():
    """Shifting everything down a row at a time (more worksheets in the table), no
    page ends with a heading, or with a heading followed only by its grey note."""
    for rows in range(1, 48):
        pages = laid_out(6, rows).pages
        for number, page in enumerate(pages[:-1]):
            last_heading = max((i for i, p in enumerate(page) if is_heading(p.block)),
                               default=None)
            if last_heading is not None:
                after = [p.block for p in page[last_heading + 1:]]
                assert any(is_content(b) for b in after), (rows, number, page[last_heading])


@pytest.mark.parametrize("count", [9, 23, 41])
def test_no_heading_is_left_alone_at_the_bottom_of_a_page(tmp_path, count):
    """Long documents of varied entries and worksheets: the last line of every page
    is never a heading, in the laid-out blocks and in the PDF's text."""
    summary = march_summary(worksheets=count)
    excerpts, details = entries(count, words=20 + count), sheets(count)
    options = SummaryOptions(sections=frozenset(SECTIONS), excerpt_limit=count)
    heading_texts = set()
    for page in laid_out(count, count).pages:
        heading_texts |= {p.block.text for p in page
                          if isinstance(p.block, Text) and p.block.role in HEADINGS}
    path = tmp_path / "long.pdf"
    write_pdf(path, summary, options, excerpts=excerpts, worksheets=details, made_on=MADE,
              page_size=A4)
    text = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")
    for page_text in text.split("\f")[:-1]:
        assert last_body_line(page_text) not in heading_texts
