""""Print summary…": choose the period and what to include, read the warning that
paper and saved files are not encrypted, then preview, print, or save as PDF or
as a web page (HTML: headings, tables and described charts, for screen readers).

Reading the journal, painting preview pages and writing the PDF run off the UI
thread. Only printing itself paints on the UI thread, onto the QPrinter the
person set up (a fraction of a second for a year). The dialog is registered with
`dialogs.track`, so locking the journal closes it; work that finishes after that
is dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.period import Period
from trustdesk.report.summary import (
    DEFAULT_SECTIONS,
    SECTION_LABELS,
    SECTIONS,
    SummaryOptions,
    SummaryWriteError,
    print_summary,
)
from trustdesk.storage import errors
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.ui import dialogs, tasks, theme
from trustdesk.ui.output_check import Places, checked_output
from trustdesk.ui.progress import summary_jobs as jobs
from trustdesk.ui.progress.period_picker import PeriodPicker
from trustdesk.ui.progress.preview import PreviewPane
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.column import page_scroll
from trustdesk.ui.widgets.labels import text_label

WARNING = ("Paper, PDF and web page files are not encrypted. Anyone who picks up the "
           "printout or opens the file can read it, so keep it somewhere private, and "
           "delete the file when you no longer need it.")
EXCERPT_NOTE = ("Journal excerpts print the beginning of your most recent entries in the "
                "period (up to {limit}); worksheet details print what you wrote in each "
                "finished worksheet. Both are in your own words: leave them out if you'd "
                "rather keep them private.")
UNEXPECTED = "Something unexpected went wrong. Nothing was printed or saved."
FORMAT_LABELS = {"pdf": "PDF", "html": "Web page, for screen readers"}
SAVE_LABELS = {"pdf": "Save as PDF…", "html": "Save as web page…"}
SAVE_FILTERS = {"pdf": "PDF documents (*.pdf)", "html": "Web pages (*.html *.htm)"}


def _message(error: BaseException) -> str:
    if isinstance(error, errors.VaultError | SummaryWriteError):
        return error.message
    return UNEXPECTED


class PrintSummaryDialog(QDialog):
    """Non-blocking modal (use `open()`). Reads through `source`; writes only the
    file the person chose."""

    def __init__(self, source: ProgressSource, *, period: Period,
                 today: Today = clock.today,
                 places: Places | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dialogs.track(self)
        self._places = places
        self.setObjectName("PrintSummaryDialog")
        self.setWindowTitle("Print summary")
        self.setModal(True)
        self._source = source
        self._today = today
        self._generation = 0
        self.task: tasks.Task | None = None
        self.saved_to: Path | None = None
        self.printed_pages: int | None = None

        self.picker = PeriodPicker(today, initial=period)
        self.checks: dict[str, QCheckBox] = {}
        for section in SECTIONS:
            box = QCheckBox(SECTION_LABELS[section])
            box.setChecked(section in DEFAULT_SECTIONS)
            box.setAccessibleName(f"Include {SECTION_LABELS[section].lower()}")
            box.toggled.connect(self._update_buttons)
            self.checks[section] = box
        self.formats: dict[str, QRadioButton] = {}
        self._format_group = QButtonGroup(self)
        for key, label in FORMAT_LABELS.items():
            choice = QRadioButton(label)
            choice.setChecked(key == "pdf")
            choice.toggled.connect(self._format_changed)
            self._format_group.addButton(choice)
            self.formats[key] = choice
        self.excerpt_note = text_label(
            EXCERPT_NOTE.format(limit=SummaryOptions().excerpt_limit), "caption", selectable=True)
        self.warning = text_label(WARNING, "notice", selectable=True)
        self.warning.setAccessibleDescription("Privacy warning")
        self.nothing_chosen = text_label("Choose at least one thing to include.", "note",
                                         selectable=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Working on your summary")
        self.progress.hide()
        self.status = text_label("", "muted", selectable=True)
        self.status.setAccessibleDescription("Status")
        self.status.hide()
        self.problem = text_label("", "problem", selectable=True)
        self.problem.hide()

        self.preview_button = QPushButton("Preview")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as PDF…")
        self.save_button.setProperty("role", "primary")
        self.close_button = QPushButton("Close")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        for push in (self.preview_button, self.print_button, self.save_button,
                     self.close_button):
            push.setAutoDefault(False)

        self.preview_pane = PreviewPane()
        self.preview_pane.back_requested.connect(self.show_choices)
        self.pages = QStackedWidget()
        # Frameless, no unnamed Tab stop before the choices, and its own scroll bar
        # (a screen reader walking the dialog as it closes; see PageScroll).
        choices = page_scroll(self._choices_page())
        choices.setObjectName("PrintChoices")
        self.pages.addWidget(choices)
        self.pages.addWidget(self.preview_pane)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self._saved_actions())
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        for push in (self.close_button, self.print_button, self.save_button):
            buttons.addWidget(push)
        layout.addLayout(buttons)
        self.finished.connect(self._closed)
        self._update_buttons()
        self._fit_to_screen()

    def _choices_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = text_label("Print or save a summary of your progress", "heading")
        layout.addWidget(title)
        layout.addWidget(text_label(
            "A few pages to keep or to bring to someone you trust, such as a therapist. "
            "Choose the dates and what to include; Preview shows the pages first.",
            selectable=True))
        when = QLabel("Dates")
        when.setProperty("role", "field")
        layout.addWidget(when)
        layout.addWidget(self.picker)
        what = QLabel("Include")
        what.setProperty("role", "field")
        layout.addWidget(what)
        for box in self.checks.values():
            layout.addWidget(box)
        layout.addWidget(self.excerpt_note)
        layout.addWidget(self.nothing_chosen)
        kind = QLabel("Save as")
        kind.setProperty("role", "field")
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(kind)
        for choice in self.formats.values():
            row.addWidget(choice)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def file_format(self) -> str:
        """'pdf' or 'html': what "Save as…" writes."""
        return "html" if self.formats["html"].isChecked() else "pdf"

    def _format_changed(self) -> None:
        self.save_button.setText(SAVE_LABELS[self.file_format()])

    def _saved_actions(self) -> QWidget:
        """"Open" and "Show in folder", shown once a file is saved. They hand the
        file's local URL to the desktop (no network is involved)."""
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleDescription("Open the saved file")
        self.show_folder_button = QPushButton("Show in folder")
        self.show_folder_button.setAccessibleDescription("Show the saved file in its folder")
        self.open_button.clicked.connect(lambda: self._open_saved(folder=False))
        self.show_folder_button.clicked.connect(lambda: self._open_saved(folder=True))
        self.saved_actions = QWidget()
        row = QHBoxLayout(self.saved_actions)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.open_button, self.show_folder_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.saved_actions.hide()
        return self.saved_actions

    def _open_saved(self, *, folder: bool) -> None:
        if self.saved_to is None:
            return
        target = self.saved_to.parent if folder else self.saved_to
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.problem.setText("Your computer has no program set to open it. The file "
                                 f"is in {self.saved_to.parent}.")
            self.problem.show()

    def _fit_to_screen(self, *, preview: bool = False) -> None:
        """Compact: as tall as the choices need at the current text size; larger
        for the preview; always within the screen."""
        scale = max(1.0, theme.base_point_size() / 10.5)
        width, height = round(720 * scale), round(680 * scale)
        if not preview:
            width = round(600 * scale)
            inner = width - 48
            page = self.pages.widget(0)
            content = page.widget().heightForWidth(inner) if isinstance(page, QScrollArea) \
                else -1
            if content > 0:
                extra = self.warning.heightForWidth(inner) + self.close_button.sizeHint() \
                    .height() + self.status.fontMetrics().lineSpacing() * 2 + 90
                height = min(height, content + extra)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        if preview:
            width, height = max(width, self.width()), max(height, self.height())
        self.resize(width, height)

    def _set_status(self, text: str) -> None:
        show_and_announce(self.status, text)
        self.status.setVisible(bool(text))

    # -- state -----------------------------------------------------------------------
    def options(self) -> SummaryOptions | None:
        chosen = frozenset(key for key, box in self.checks.items() if box.isChecked())
        return SummaryOptions(sections=chosen) if chosen else None

    def _update_buttons(self) -> None:
        ready = self.options() is not None and self.task is None
        self.nothing_chosen.setVisible(self.options() is None)
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(ready)

    def _begin(self, status: str) -> tuple[int, Period, SummaryOptions] | None:
        period, options = self.picker.period(), self.options()
        if period is None or options is None or self.task is not None:
            return None
        self._generation += 1
        self.problem.hide()
        self.saved_actions.hide()
        self._set_status(status)
        self.progress.setValue(0)
        self.progress.show()
        return self._generation, period, options

    def _end(self, generation: int) -> bool:
        """True when the work that just ended still matters (the dialog is open)."""
        if generation != self._generation:
            return False
        self.task = None
        self.progress.hide()
        self._update_buttons()
        return True

    def _fail(self, generation: int, error: BaseException) -> None:
        if self._end(generation):
            self._set_status("")
            self.problem.setText(_message(error))
            self.problem.show()

    def _run(self, generation: int, work, done) -> None:
        self.task = tasks.run_task(
            work, with_progress=True,
            on_done=lambda result: done(result) if self._end(generation) else None,
            on_failed=lambda error: self._fail(generation, error))
        self.task.progress.connect(self.progress.setValue)
        self._update_buttons()

    # -- preview ---------------------------------------------------------------------
    def preview(self) -> None:
        begun = self._begin("Preparing the preview…")
        if begun is None:
            return
        generation, period, options = begun
        source, today = self._source, self._today()
        dpi = round(96 * self.devicePixelRatioF())
        self._run(generation,
                  lambda report: jobs.preview(source, period, options, today, dpi, report),
                  self._show_preview)

    def _show_preview(self, result) -> None:
        _gathered, images = result
        self._set_status("")
        self._fit_to_screen(preview=True)
        self.preview_pane.set_pages(images)
        self.pages.setCurrentWidget(self.preview_pane)
        self.preview_button.hide()
        self.warning.hide()
        self.preview_pane.next.setFocus()

    def show_choices(self) -> None:
        self.preview_pane.clear()
        self.pages.setCurrentIndex(0)
        self.preview_button.show()
        self.warning.show()

    # -- saving ----------------------------------------------------------------------
    def save_pdf(self) -> None:
        """Save as the chosen format (PDF or web page); the name's .pdf or .html,
        when it has one, decides."""
        if self.options() is None or self.task is not None:
            return
        today, file_format = self._today(), self.file_format()
        chosen = dialogs.save_path(
            self, title="Save the summary as a web page" if file_format == "html"
            else "Save the summary as PDF",
            suggested=str(Path.home() / jobs.default_file_name(today, file_format)),
            filters=SAVE_FILTERS[file_format])
        if chosen is None:
            return
        path = checked_output(self, self._places, jobs.with_suffix(chosen, file_format))
        if path is None:
            return
        if path != chosen and path.exists():
            answer = dialogs.ask(self, title="Replace the file?",
                                 text=f"“{path.name}” already exists in that folder.",
                                 choices=("Cancel", "Replace"), default=0, cancel=0,
                                 destructive=1)
            if answer != "Replace":
                return
        begun = self._begin("Saving…")
        if begun is None:
            return
        generation, period, options = begun
        source = self._source
        self._run(generation,
                  lambda report: jobs.save(source, period, options, today, path, report),
                  lambda pages: self._saved(path, pages))

    def _saved(self, path: Path, pages: int | None) -> None:
        self.saved_to = path
        count = ("a web page" if pages is None else "1 page" if pages == 1
                 else f"{pages} pages")
        self._set_status(f"Saved “{path.name}” ({count}) in {path.parent}. "
                            "Remember that it is not encrypted.")
        self.saved_actions.show()

    # -- printing --------------------------------------------------------------------
    def print_(self) -> None:
        if self.options() is None or self.task is not None:
            return
        printer = dialogs.choose_printer(self, title="Print your summary",
                                         document="TrustDesk progress summary")
        if printer is None:
            return
        begun = self._begin("Preparing to print…")
        if begun is None:
            return
        generation, period, options = begun
        source, today = self._source, self._today()
        self._run(generation,
                  lambda report: jobs.gather(source, period, options, today, report),
                  lambda gathered: self._print_on(printer, gathered))

    def _print_on(self, printer, gathered: jobs.Gathered) -> None:
        """Paint onto the printer the person set up (UI thread, which owns it)."""
        try:
            pages = print_summary(printer, gathered.summary, gathered.options,
                                  made_on=gathered.made_on, **gathered.personal())
        except SummaryWriteError as error:
            self.problem.setText(error.message)
            self.problem.show()
            self._set_status("")
            return
        self.printed_pages = pages
        count = "1 page" if pages == 1 else f"{pages} pages"
        self._set_status(f"Sent {count} to the printer.")

    # -- closing ---------------------------------------------------------------------
    def _closed(self, _result: int) -> None:
        self._generation += 1            # results still on their way are dropped
        self.task = None
        self.preview_pane.clear()
