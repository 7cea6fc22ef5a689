"""The summary as a self-contained web page, read back with html.parser: a
language, headings in order, real tables with header cells, charts as embedded
images with text alternatives and their numbers, the person's Markdown as
markup, and nothing that runs or loads: no scripts, no remote addresses."""

from __future__ import annotations

import base64
import stat
from dataclasses import replace
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

from PySide6.QtGui import QImage

from tests.report.test_summary_pdf import ENTRIES, MADE, march_summary
from trustdesk.domain.journal import Entry
from trustdesk.domain.period import Period
from trustdesk.report import charts
from trustdesk.report.summary import SECTIONS, SummaryOptions, output_format, write_html
from trustdesk.storage.progress_data import ProgressSource


class Page(HTMLParser):
    """Every start tag with its attributes, the text under each heading level and
    the text of the whole page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self._open and self._open[-1] in ("h1", "h2", "h3", "h4"):
            self.headings.append((self._open[-1], data))

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def written(tmp_path, options=None, **personal) -> tuple[str, Page]:
    path = tmp_path / "summary.html"
    write_html(path, march_summary(), options, made_on=MADE, **personal)
    text = path.read_text(encoding="utf-8")
    return text, Page(text)


def test_the_page_is_structured_and_loads_nothing(tmp_path):
    text, page = written(tmp_path)
    assert text.startswith("<!DOCTYPE html>")
    assert page.all("html") == [{"lang": "en"}]
    assert [h for h in page.headings if h[0] == "h1"] == [("h1", "Progress summary")]
    assert [title for level, title in page.headings if level == "h2"] == [
        *charts.TITLES.values(), "Worksheets", "Small steps", "Guide"]
    assert not page.all("script") and "<script" not in text.lower()
    assert "http://" not in text and "https://" not in text
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            if attrs.get(name) is not None:
                assert attrs[name].startswith("data:image/png;base64,"), (tag, name)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert not page.all("link") and "url(" not in text
    csp = next(a for a in page.all("meta") if a.get("http-equiv"))
    assert "default-src 'none'" in csp["content"]
    assert "not a diagnosis" in page.words


def test_charts_are_images_with_text_alternatives_and_their_numbers(tmp_path):
    _text, page = written(tmp_path)
    images = page.all("img")
    assert len(images) == len(charts.TITLES)
    for attrs, title in zip(images, charts.TITLES.values(), strict=True):
        assert attrs["alt"] == f"Chart: {title}, as described above."
        png = base64.b64decode(attrs["src"].split(",", 1)[1])
        image = QImage.fromData(png, "PNG")
        assert image.width() == 2 * int(attrs["width"]) and not image.isNull()
    summary = march_summary()
    for kind in charts.TITLES:          # each chart's sentences are there as text
        assert " ".join(" ".join(summary.readings(kind)).split()) in page.words
    assert len(page.all("details")) >= 3 and "The numbers behind this chart" in page.words


def test_tables_are_real_tables_with_header_cells(tmp_path):
    _text, page = written(tmp_path)
    assert len(page.all("table")) >= 3
    columns = [a for a in page.all("th") if a.get("scope") == "col"]
    rows = [a for a in page.all("th") if a.get("scope") == "row"]
    assert columns and rows
    assert "Date Kind of fear Your call Before After Change" in page.words
    assert "Small steps planned" in page.words


def test_excerpts_keep_their_markdown_as_markup(tmp_path):
    marked = Entry(id="md", written_at=datetime(2025, 3, 12, 20),
                   body="## Plans\n\nI was **proud** and *calm*.\n\n- call Ana\n- rest\n"
                        "  - really\n\n1. first\n2. second\n\n"
                        "<script>alert(1)</script> [site](https://example.org)")
    text, page = written(tmp_path, SummaryOptions(sections=frozenset({"excerpts"})),
                         excerpts=[*ENTRIES, marked])
    assert ("h4", "Plans") in page.headings
    assert "<strong>proud</strong>" in text and "<em>calm</em>" in text
    assert "<ul><li>call Ana</li><li>rest<ul><li>really</li></ul></li></ul>" in "".join(
        text.split("\n"))
    assert "<ol><li>first</li><li>second</li></ol>" in "".join(text.split("\n"))
    assert "**" not in text and "##" not in text
    assert not page.all("script") and "&lt;script&gt;" in text
    assert "https://" not in text and "site" in page.words


def test_worksheet_details_are_off_by_default(tmp_path):
    from tests.report.test_summary_content import sheet

    details = [replace(sheet(1), happened_on=date(2025, 3, 5))]
    _text, page = written(tmp_path, worksheets=details)
    assert "THOUGHT-1" not in page.words and "Worksheet details" not in page.words
    _text, page = written(tmp_path, SummaryOptions(sections=frozenset(SECTIONS)),
                          worksheets=details)
    assert ("h2", "Worksheet details") in page.headings
    assert "THOUGHT-1: they only tolerate me." in page.words


def test_the_file_is_private_and_chosen_by_its_name(tmp_path):
    written(tmp_path)
    assert stat.S_IMODE((tmp_path / "summary.html").stat().st_mode) == 0o600
    assert output_format("a/Summary.HTML") == "html" and output_format("x.htm") == "html"
    assert output_format("x.pdf") == "pdf" and output_format("x") == "pdf"


def test_the_web_page_states_the_true_count_from_a_real_journal(store, tmp_path):
    start = datetime(2025, 6, 1, 8)
    store.journal.save_many(Entry(id=f"e{i:03}", written_at=start + timedelta(hours=5 * i),
                                  body=f"Entry {i}.") for i in range(45))
    source = ProgressSource.from_store(store)
    summary = source.summary(Period.custom(date(2025, 6, 1), date(2025, 6, 30)),
                             date(2025, 6, 30))
    options = SummaryOptions(sections=frozenset({"excerpts"}))
    path = tmp_path / "s.html"
    write_html(path, summary, options, excerpts=source.excerpts(summary, 30),
               excerpt_total=source.excerpt_total(summary), made_on=date(2025, 6, 30))
    words = Page(path.read_text(encoding="utf-8")).words
    assert "The 30 most recent of your 45 entries in this period" in words
