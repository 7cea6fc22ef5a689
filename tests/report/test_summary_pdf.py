"""The printable summary: a real PDF with the chosen sections and the right counts,
page numbers and the not-a-diagnosis note on every page, locale paper size,
embedded fonts, and no half-written file when saving fails."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from tests.report.conftest import pdf_pages, pdf_text, poppler
from trustdesk.domain import worksheet_texts
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.period import Period
from trustdesk.domain.progress import summarize
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.report import charts
from trustdesk.report.summary import (
    SECTIONS,
    SummaryOptions,
    SummaryWriteError,
    page_size_for_locale,
    preview_images,
    print_summary,
    write_pdf,
)

MARCH = Period.custom(date(2025, 3, 1), date(2025, 3, 31))
MADE = date(2025, 4, 2)


def day(n: int) -> date:
    return date(2025, 3, n)


def entry(n: int, text: str, title: str = "", checkin: CheckIn | None = None) -> Entry:
    return Entry(id=f"e{n}", written_at=datetime(2025, 3, n, 21, 0), title=title, body=text,
                 checkin=checkin or CheckIn())


ENTRIES = [entry(2, "Walked with Robin and said how I felt. MARKER-ALPHA",
                 "A good walk", CheckIn(mood=6, trust_others=5)),
           entry(9, "Waited for a reply and assumed the worst. MARKER-BETA"),
           entry(20, "Asked for help at work. MARKER-GAMMA", checkin=CheckIn(trust_self=7)),
           Entry(id="out", written_at=datetime(2025, 4, 5, 9), body="MARKER-OUTSIDE")]


def march_summary(worksheets: int = 3):
    sheets = [Worksheet(id=f"w{i}", happened_on=day(3 + i % 25), category="rejection",
                        thought="t", belief_before=80 - i, balanced_view="b",
                        belief_after=40 + i, traps=("mind_reading",),
                        step=SmallStep(id=f"s{i}", text="x", due=day(10 + i % 20),
                                       outcome=("no", "no", "partly")[i % 3],
                                       followed_up_on=day(11 + i % 20)))
              for i in range(worksheets)]
    sheets.append(Worksheet(id="draft", happened_on=day(25), thought="unfinished"))
    steps = [SmallStep(id="open1", text="y", due=day(28)),
             SmallStep(id="open2", text="z", due=day(30))]
    checkins = [(datetime(2025, 3, n, 20), CheckIn(mood=5 + n % 3, trust_self=6))
                for n in range(1, 11)]
    return summarize(checkins=checkins, entry_times=[e.written_at for e in ENTRIES] * 2,
                     worksheets=sheets, steps=steps, guide_progress=(4, 9), period=MARCH,
                     today=date(2025, 3, 29), trap_names=worksheet_texts.load().trap_names)


@pytest.fixture(scope="module")
def summary():
    return march_summary()


def test_default_summary_has_every_section_but_excerpts(summary, tmp_path):
    path = tmp_path / "summary.pdf"
    pages = write_pdf(path, summary, made_on=MADE, page_size=QPageSize(QPageSize.PageSizeId.A4))
    assert path.read_bytes().startswith(b"%PDF")
    texts = pdf_pages(path)
    assert len(texts) == pages >= 2
    text = " ".join(texts)
    assert "Progress summary" in text
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)    # "fi" stays two letters
    assert "1 Mar 2025 to 31 Mar 2025" in text
    assert "Made on Wednesday 2 April 2025" in text
    for title in charts.TITLES.values():
        assert title in text
    for reading in (summary.checkins.reading, summary.beliefs.reading,
                    summary.activity.reading, summary.steps.reading, summary.guide.reading):
        assert reading in text
    # the worksheets: 3 finished ones listed with before/after/change, the draft counted
    assert "3 finished worksheets in this period" in text
    assert "1 unfinished draft is not listed" in text
    assert "3 Mar 2025 Fear of rejection No call made 80 40 \u221240" in text
    assert "5 Mar 2025 Fear of rejection No call made 78 42 \u221236" in text
    # small steps: 3 with worksheets + 2 open ones, one of which is past its date
    assert "Small steps planned 5" in text
    assert "Followed up 3" in text
    assert "Not followed up yet 2" in text
    assert "Of those, past their planned date 1" in text
    assert "The feared outcome didn't happen 2" in text and "It happened partly 1" in text
    assert "You have read 4 of the 9 guide chapters." in text
    # private journal text stays out unless chosen
    assert "MARKER" not in text and "From your journal" not in text


def test_real_warning_signs_get_a_line_and_a_column_of_their_own(tmp_path):
    """Worksheets called a real warning sign are not folded into "belief fell": the
    summary says so in a separate line, under the beliefs chart and with the
    worksheets, and the table names each worksheet's call."""
    calls = ("red_flag", "false_alarm", "red_flag", "not_sure")
    sheets = [Worksheet(id=f"w{i}", happened_on=day(3 + i), category="control",
                        thought="t", belief_before=85, balanced_view="b",
                        belief_after=80 if call == "red_flag" else 40, verdict=call)
              for i, call in enumerate(calls)]
    summary = summarize(checkins=(), entry_times=(), worksheets=sheets, steps=(),
                        guide_progress=(4, 9), period=MARCH, today=date(2025, 3, 29),
                        trap_names=worksheet_texts.load().trap_names)
    warning = summary.beliefs.warning_reading
    assert warning.startswith("On 2 worksheets you decided it was a real warning sign")
    for sections in ("charts", "worksheets"):
        path = tmp_path / f"{sections}.pdf"
        write_pdf(path, summary, SummaryOptions.from_include(sections), made_on=MADE)
        raw = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")
        lines = [line.strip() for line in raw.splitlines()]
        assert any(line.startswith("On 2 worksheets you decided") for line in lines), raw
        text = pdf_text(path)
        assert warning in text
        assert summary.beliefs.reading in text
        assert summary.beliefs.reading.startswith("Across the other 2 worksheets")
        assert text.index(warning) + len(warning) < text.index(summary.beliefs.reading)
    assert "Your call" in text
    assert text.count("A real warning sign 85 80") == 2
    assert "A false alarm 85 40" in text and "Not sure yet 85 40" in text


def test_every_page_has_its_number_and_the_educational_note(summary, tmp_path):
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, SummaryOptions(sections=frozenset(SECTIONS)), excerpts=ENTRIES,
              made_on=MADE)
    texts = pdf_pages(path)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "it is not a diagnosis or a clinical assessment" in text


def test_omitted_sections_are_absent(summary, tmp_path):
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, SummaryOptions(sections=frozenset({"guide"})), made_on=MADE)
    text = pdf_text(path)
    assert "You have read 4 of the 9 guide chapters." in text
    for absent in (*charts.TITLES.values(), "Kind of fear", "Small steps planned",
                   "finished worksheet", "with a check-in"):
        assert absent not in text
    path2 = tmp_path / "steps.pdf"
    write_pdf(path2, summary, SummaryOptions.from_include("steps, worksheets"), made_on=MADE)
    text = pdf_text(path2)
    assert "Small steps planned 5" in text and "Kind of fear" in text
    assert summary.steps.reading in text            # no chart, so the sentence comes along
    assert "guide chapters" not in text and "Mood and trust over time" not in text


def test_journal_excerpts_appear_only_when_chosen_and_only_from_the_period(summary, tmp_path):
    path = tmp_path / "with.pdf"
    write_pdf(path, summary, SummaryOptions(sections=frozenset({"excerpts"})),
              excerpts=ENTRIES, made_on=MADE)
    text = pdf_text(path)
    assert "From your journal" in text
    assert "Your 3 entries in this period; long ones are shortened" in text
    for marker in ("MARKER-ALPHA", "MARKER-BETA", "MARKER-GAMMA"):
        assert marker in text
    assert "MARKER-OUTSIDE" not in text
    assert "Sunday 2 March 2025 \u00b7 A good walk" in text
    assert "Mood 6 \u00b7 Trust in others 5" in text
    limited = tmp_path / "limited.pdf"
    write_pdf(limited, summary, SummaryOptions(sections=frozenset({"excerpts"}),
                                               excerpt_limit=2), excerpts=ENTRIES, made_on=MADE)
    text = pdf_text(limited)
    assert "The 2 most recent of your 3 entries" in text
    assert "MARKER-ALPHA" not in text and "MARKER-GAMMA" in text


def test_long_bodies_are_shortened_at_a_word_and_keep_their_paragraphs():
    from trustdesk.report.document import body_paragraphs

    short = body_paragraphs("word " * 200, 50)
    assert len(short) == 1
    text = short[0].text
    assert len(text) <= 51 and text.endswith("\u2026") and "wor\u2026" not in text
    assert [p.text for p in body_paragraphs("line one\n\nline   two")] == ["line one",
                                                                        "line two"]


def test_long_tables_continue_with_their_header_on_the_next_page(tmp_path):
    path = tmp_path / "long.pdf"
    many = march_summary(worksheets=60)
    write_pdf(path, many, SummaryOptions(sections=frozenset({"worksheets"})), made_on=MADE)
    texts = pdf_pages(path)
    assert len(texts) >= 2
    assert all("Date Kind of fear Your call Before After Change" in t for t in texts)
    rows = sum(t.count("Fear of rejection") for t in texts)
    assert rows == 60


def test_fonts_are_embedded(summary, tmp_path):
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, made_on=MADE)
    lines = poppler("pdffonts", str(path)).splitlines()[2:]
    assert lines
    for line in lines:
        assert line.split()[-5] == "yes", line                 # the "emb" column


def test_paper_size_follows_the_locale(summary, tmp_path):
    assert page_size_for_locale(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert page_size_for_locale(QLocale("en_GB")).id() == QPageSize.PageSizeId.A4
    assert page_size_for_locale(QLocale("de_DE")).id() == QPageSize.PageSizeId.A4
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("en_US"))
        write_pdf(tmp_path / "us.pdf", summary, made_on=MADE)
        QLocale.setDefault(QLocale("fr_FR"))
        write_pdf(tmp_path / "fr.pdf", summary, made_on=MADE)
    finally:
        QLocale.setDefault(previous)
    assert "(letter)" in poppler("pdfinfo", str(tmp_path / "us.pdf"))
    assert "(A4)" in poppler("pdfinfo", str(tmp_path / "fr.pdf"))


def test_the_pdf_is_private_to_its_owner(summary, tmp_path):
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, made_on=MADE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["summary.pdf"]


def test_a_missing_folder_gives_a_plain_message_and_no_file(summary, tmp_path):
    target = tmp_path / "gone" / "summary.pdf"
    with pytest.raises(SummaryWriteError) as caught:
        write_pdf(target, summary)
    assert "doesn't exist" in caught.value.message
    assert not target.parent.exists()


def test_a_disk_full_write_leaves_no_file_and_keeps_the_old_one(summary, tmp_path,
                                                                 monkeypatch):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the previous summary")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SummaryWriteError) as caught:
        write_pdf(target, summary)
    assert "enough free space" in caught.value.message
    assert target.read_bytes() == b"the previous summary"
    assert os.listdir(tmp_path) == ["summary.pdf"]                  # no .part left behind


def test_a_failure_while_drawing_writes_nothing(summary, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("painter broke")

    monkeypatch.setattr(charts, "paint_traps", broken)
    with pytest.raises(RuntimeError):
        write_pdf(tmp_path / "summary.pdf", summary)
    assert os.listdir(tmp_path) == []


def test_print_summary_uses_the_page_setup_of_the_device_it_is_given(summary, tmp_path):
    """A QPrinter is a paged device like QPdfWriter; tests never create a QPrinter
    (that contacts the print service), so a PDF writer stands in for it."""
    path = tmp_path / "printed.pdf"
    device = QPdfWriter(str(path))
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.Letter),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter))
    pages = print_summary(device, summary, made_on=MADE)
    del device
    text = pdf_pages(path)
    assert len(text) == pages
    assert f"Page {pages} of {pages}" in text[-1]
    assert "(letter)" in poppler("pdfinfo", str(path))


def test_preview_images_match_the_pdf_pages(summary, tmp_path):
    size = QPageSize(QPageSize.PageSizeId.A4)
    images = preview_images(summary, made_on=MADE, page_size=size, dpi=72)
    pages = write_pdf(tmp_path / "s.pdf", summary, made_on=MADE, page_size=size)
    assert len(images) == pages
    assert (images[0].width(), images[0].height()) == (595, 842)
    ink = [(x, y) for x in range(50, 300, 2) for y in range(50, 110, 2)
           if images[0].pixelColor(x, y).name() != "#ffffff"]
    assert len(ink) > 50                                            # the title is drawn
    assert all(image.pixelColor(5, 5).name() == "#ffffff" for image in images)  # margins


def test_options_refuse_unknown_sections():
    with pytest.raises(ValueError, match="Unknown section 'photos'"):
        SummaryOptions.from_include("charts,photos")
    with pytest.raises(ValueError):
        SummaryOptions.from_include(" , ")
    assert SummaryOptions().sections == frozenset(SECTIONS) - {"excerpts", "worksheet_details"}


def test_ten_years_and_an_empty_year_both_make_sensible_documents(tmp_path):
    from tests.report.test_charts import ten_years

    summary = ten_years()
    year = summarize(checkins=[], entry_times=[], worksheets=[], steps=[],
                     guide_progress=(9, 9), period=Period("last_12_months"),
                     today=summary.today)
    assert year.is_empty
    pages = write_pdf(tmp_path / "decade.pdf", summary, made_on=summary.today)
    assert pages < 20                       # 520 worksheet rows fit in a modest document
    assert write_pdf(tmp_path / "empty.pdf", year) == 2
    text = pdf_text(tmp_path / "empty.pdf")
    assert "No check-ins in this period yet" in text
    assert "No finished worksheets in this period yet" in text


def test_later_pages_carry_a_running_header_with_the_dates(summary, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(path, summary, SummaryOptions(sections=frozenset(SECTIONS)), excerpts=ENTRIES,
              made_on=MADE)
    texts = pdf_pages(path)
    assert len(texts) >= 2
    assert all("Progress summary \u00b7 1 Mar 2025 to 31 Mar 2025" in t for t in texts[1:])


def test_the_pdf_can_be_written_off_the_ui_thread(summary, tmp_path, qtbot):
    """The Progress page saves through run_task; painting a PDF on a pool thread
    must work (QtGui paints onto QPdfWriter and QImage from any thread)."""
    from trustdesk.ui.tasks import run_task

    path = tmp_path / "threaded.pdf"
    task = run_task(lambda: write_pdf(path, summary, made_on=MADE))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert task.error is None and task.result >= 2
    assert "Progress summary" in pdf_text(path)
