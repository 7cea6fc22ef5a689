""""Print summary…" on a real journal: the PDF it saves has the chosen sections,
page numbers and the not-a-diagnosis note, excerpts only when chosen; cancelling
writes nothing; printing goes through print_summary onto the device the person
set up; preview pages; locking closes it."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QPdfWriter

from tests.report.conftest import pdf_pages
from tests.ui.progress_helpers import expected_summary, fill, show_progress
from trustdesk.domain.period import Period
from trustdesk.report import charts
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.ui import dialogs

ROOT = Path(__file__).resolve().parents[2]


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder to save into (tmp_path also holds the journal)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def opened(qtbot, unlocked):
    """(window, page, dialog): six months of demo data, the dialog open."""
    fill(unlocked)
    page = show_progress(qtbot, unlocked)
    dialog = page.open_print_dialog()
    assert dialog.isVisible()
    return unlocked, page, dialog


def answer_with(**answers):
    def responder(question: dialogs.Question):
        if question.kind not in answers:
            raise AssertionError(f"unexpected dialog: {question}")
        return answers[question.kind]
    return responder


def save(qtbot, dialog, path: Path | None) -> list[dialogs.Question]:
    with dialogs.answering(answer_with(save_path=path)) as asked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    return asked


def test_save_as_pdf_with_the_default_sections(qtbot, opened, out):
    window, _page, dialog = opened
    assert not dialog.checks["excerpts"].isChecked()
    assert "not encrypted" in dialog.warning.text()
    target = out / "summary.pdf"
    asked = save(qtbot, dialog, target)

    assert asked[0].text.endswith(f"TrustDesk summary {date.today():%Y-%m-%d}.pdf")
    assert dialog.saved_to == target
    assert dialog.status.text().startswith("Saved “summary.pdf”")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    pages = pdf_pages(target)
    text = " ".join(pages)
    expected = expected_summary(window.session.store, Period("last_3_months"))
    assert "Progress summary" in pages[0] and expected.dates_label in pages[0]
    for title in charts.TITLES.values():
        assert title in text
    for kind in charts.TITLES:
        assert fold(expected.reading(kind)) in text
    assert "Small steps planned" in text and "Guide" in text
    assert "From your journal" not in text
    for number, page_text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page_text
        assert "not a diagnosis" in page_text
    assert list(out.iterdir()) == [target]          # no temporary file left


def test_excerpts_only_when_chosen(qtbot, opened, out):
    window, _page, dialog = opened
    for section in ("charts", "worksheets", "steps", "guide"):
        dialog.checks[section].setChecked(False)
    dialog.checks["excerpts"].setChecked(True)
    target = out / "words"                        # no suffix: .pdf is added
    save(qtbot, dialog, target)
    saved = out / "words.pdf"
    assert dialog.saved_to == saved
    text = " ".join(pdf_pages(saved))
    assert "From your journal" in text
    assert "Mood and trust over time" not in text and "Small steps planned" not in text
    summary = expected_summary(window.session.store, Period("last_3_months"))
    newest = ProgressSource.from_store(window.session.store).excerpts(summary)[-1]
    words = " ".join(re.sub(r"\s+", " ", newest.body or newest.title).split()[:6])
    assert words in text


def test_cancelling_the_file_choice_writes_nothing(qtbot, opened, out):
    _window, _page, dialog = opened
    asked = save(qtbot, dialog, None)
    assert [q.kind for q in asked] == ["save_path"]
    assert dialog.saved_to is None and dialog.task is None
    assert list(out.iterdir()) == []
    assert dialog.status.text() == ""


def test_a_folder_that_is_gone_is_explained(qtbot, opened, out):
    _window, _page, dialog = opened
    save(qtbot, dialog, out / "gone" / "summary.pdf")
    assert dialog.problem.isVisibleTo(dialog)
    assert "doesn't exist" in dialog.problem.text()
    assert not (out / "gone").exists() and list(out.iterdir()) == []
    assert dialog.save_button.isEnabled()


def test_choosing_nothing_disables_the_actions(qtbot, opened):
    _window, _page, dialog = opened
    for box in dialog.checks.values():
        box.setChecked(False)
    assert dialog.nothing_chosen.isVisibleTo(dialog)
    assert not any(b.isEnabled() for b in (dialog.preview_button, dialog.print_button,
                                           dialog.save_button))
    dialog.checks["guide"].setChecked(True)
    assert dialog.save_button.isEnabled()


def test_print_paints_onto_the_device_the_person_set_up(qtbot, opened, out):
    window, _page, dialog = opened
    target = out / "printed.pdf"
    writer = QPdfWriter(str(target))
    with dialogs.answering(answer_with(printer=writer)) as asked:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.printed_pages is not None, timeout=20000)
    del writer
    assert asked[0].kind == "printer"
    pages = pdf_pages(target)
    assert len(pages) == dialog.printed_pages
    assert dialog.status.text() == f"Sent {len(pages)} pages to the printer."
    expected = expected_summary(window.session.store, Period("last_3_months"))
    assert fold(expected.beliefs.reading) in " ".join(pages)


def test_cancelling_the_print_setup_prints_nothing(qtbot, opened):
    _window, _page, dialog = opened
    with dialogs.answering(answer_with(printer=None)):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.task is None and dialog.printed_pages is None


def test_preview_shows_every_page(qtbot, opened, out):
    _window, _page, dialog = opened
    dialog.picker.combo.setCurrentIndex(dialog.picker.combo.findData("last_12_months"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    pane = dialog.preview_pane
    assert dialog.pages.currentWidget() is pane
    count = len(pane.images)
    assert count >= 2
    assert pane.position.text() == f"Page 1 of {count}"
    assert not pane.previous.isEnabled() and pane.page.pixmap() is not None
    qtbot.mouseClick(pane.next, Qt.MouseButton.LeftButton)
    assert pane.position.text() == f"Page 2 of {count}"
    qtbot.mouseClick(pane.back, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0 and pane.images == []

    save(qtbot, dialog, out / "same.pdf")
    assert len(pdf_pages(out / "same.pdf")) == count


def test_locking_closes_the_dialog_and_clears_the_page(qtbot, opened):
    window, page, dialog = opened
    assert window.session.request_lock()
    assert not dialog.isVisible()
    assert page.summary is None
    assert window.current_screen() is window.unlock_screen


@pytest.mark.slow
def test_printing_support_is_loaded_only_to_print():
    """Creating a QPrinter contacts the print service: nothing imports
    QtPrintSupport until the person prints."""
    code = ("import sys; import trustdesk.ui.progress.print_dialog, trustdesk.ui.shell.pages, "
            "trustdesk.ui.dialogs; print('PySide6.QtPrintSupport' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_worksheet_details_are_a_choice_that_starts_unticked(qtbot, opened, out):
    """The person's own worksheet words print only after ticking their box."""
    window, _page, dialog = opened
    box = dialog.checks["worksheet_details"]
    assert not box.isChecked() and "fearful thought" in box.text()
    for section in ("charts", "worksheets", "steps", "guide"):
        dialog.checks[section].setChecked(False)
    box.setChecked(True)
    target = out / "details.pdf"
    save(qtbot, dialog, target)
    text = " ".join(pdf_pages(target))
    assert "Worksheet details" in text and "The balanced view" in text
    summary = expected_summary(window.session.store, Period("last_3_months"))
    sheets = ProgressSource.from_store(window.session.store).finished_worksheets(summary)
    assert sheets and fold(sheets[-1].thought) in text


class _UrlRecorder(QObject):
    """Stands in for the desktop: records the URLs it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def test_after_saving_it_offers_open_and_show_in_folder(qtbot, opened, out):
    _window, _page, dialog = opened
    assert not dialog.saved_actions.isVisible()
    target = out / "summary.pdf"
    save(qtbot, dialog, target)
    assert dialog.saved_actions.isVisible()
    recorder = _UrlRecorder()
    QDesktopServices.setUrlHandler("file", recorder, "handle")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.show_folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in recorder.urls] == [str(target), str(out)]
    assert not dialog.problem.isVisible()


def test_the_dialog_is_compact_and_fits_its_choices(qtbot, opened):
    _window, _page, dialog = opened
    assert dialog.width() <= 640 and dialog.height() <= 660, dialog.size()
    choices = dialog.pages.widget(0)
    qtbot.waitUntil(lambda: choices.widget().height() > 0)
    assert choices.verticalScrollBar().maximum() == 0, "every choice shows without scrolling"


def test_the_web_page_is_a_format_choice(qtbot, opened, out):
    """Choosing "Web page" saves the same summary as HTML, with its own suffix and
    the same not-encrypted reminder."""
    from tests.report.test_summary_html import Page

    window, _page, dialog = opened
    assert dialog.formats["pdf"].isChecked() and dialog.save_button.text() == "Save as PDF…"
    dialog.formats["html"].setChecked(True)
    assert dialog.save_button.text() == "Save as web page…"
    asked = save(qtbot, dialog, out / "mine")
    assert asked[0].text.endswith(f"TrustDesk summary {date.today():%Y-%m-%d}.html")
    saved = out / "mine.html"
    assert dialog.saved_to == saved and list(out.iterdir()) == [saved]
    assert "a web page" in dialog.status.text() and "not encrypted" in dialog.status.text()
    page = Page(saved.read_text(encoding="utf-8"))
    expected = expected_summary(window.session.store, Period("last_3_months"))
    assert " ".join(expected.reading("checkins").split()) in page.words
    assert len(page.all("img")) == len(charts.TITLES)
