"""Settings: "Your data". Export everything as JSON, the journal as Markdown, and
import a TrustDesk or jrnl export. Every export warns first that it is not
encrypted; the work runs off the UI thread with a progress bar; results and
problems are told in one plain sentence below the buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from trustdesk.domain import clock
from trustdesk.domain.exchange.codec import ImportProblem, Incoming
from trustdesk.domain.importers.common import Options
from trustdesk.domain.importers.plan import holds, outcome_lines, plan_lines
from trustdesk.domain.merge import ImportResult
from trustdesk.storage import errors
from trustdesk.storage.exchange import Exchange, ExportSummary
from trustdesk.storage.private_files import new_folder_name
from trustdesk.ui import dialogs
from trustdesk.ui.output_check import checked_output
from trustdesk.ui.settings.section import WorkingSection
from trustdesk.ui.widgets.busy import focusable_result_line
from trustdesk.ui.widgets.button_row import ButtonRow

NOT_ENCRYPTED = ("Exports are not encrypted. Anyone who can open an exported file can read "
                 "everything in it, without your passphrase.")
NOT_ENCRYPTED_DETAILS = ("Save it somewhere only you can reach, and delete it when you no "
                         "longer need it.")
CHOOSE = "Choose where to save…"
PER_ENTRY, ONE_FILE = "One file per entry…", "All in one file…"
IMPORT, CANCEL = "Import", "Cancel"
IMPORTED_FILE_NOTE = ("What you imported is not encrypted; you can delete it if you no "
                      "longer need it.")
IMPORT_FILTERS = ("Journals and exports (*.json *.zip *.csv *.txt *.md *.markdown);;"
                  "All files (*)")
PLAN_LISTED = 8     # skipped rows and duplicates named in the question; the rest counted


def _day(now: clock.Clock) -> str:
    """Today's date as export names carry it."""
    return f"{now():%Y-%m-%d}"


class DataSection(WorkingSection):
    """Emits `imported(ImportResult)` after an import changed the journal, so pages
    showing data can reload. One piece of work runs at a time."""

    imported = Signal(object)

    def __init__(self, exchange: Exchange, *, start_folder: Path | None = None,
                 now: clock.Clock = clock.now) -> None:
        super().__init__(
            "Your data",
            "Your words are yours to take anywhere. Export everything as a file other "
            "programs can read, or your journal as Markdown. Import brings in a TrustDesk "
            "export, or a journal from jrnl, Day One, Daylio, RedNotebook or a folder of "
            "daily notes (a file, a .zip or a folder).")
        self._now = now
        self._exchange = exchange
        self._start = start_folder or Path.home()
        self.json_button = QPushButton("Export everything (JSON)…")
        self.json_button.setAccessibleName("Export everything (JSON)")
        self.markdown_button = QPushButton("Export journal as Markdown…")
        self.markdown_button.setAccessibleName("Export journal as Markdown")
        self.import_button = QPushButton("Import…")
        self.import_button.setAccessibleName("Import a file or a zip")
        self.import_button.setAccessibleDescription(
            "A TrustDesk export, or a journal from jrnl, Day One, Daylio or RedNotebook")
        self.folder_button = QPushButton("Import a folder…")
        self.folder_button.setAccessibleName("Import a folder")
        self.folder_button.setAccessibleDescription(
            "RedNotebook's data folder, a jrnl folder journal, or a folder of daily notes")
        self.buttons = ButtonRow((self.json_button, self.markdown_button, self.import_button,
                                  self.folder_button))
        self.layout_.addWidget(self.buttons)
        self.with_versions = QCheckBox("Include earlier versions of entries in the JSON export")
        self.with_versions.setAccessibleName(self.with_versions.text())
        self.with_versions.setAccessibleDescription(
            "Entry history's versions go into the JSON export only when this is on")
        self.layout_.addWidget(self.with_versions)
        self.progress = self.add_progress("Export or import progress")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setProperty("role", "muted")
        self.status.setAccessibleDescription("Export and import result")
        focusable_result_line(self.status)
        self.status.hide()
        self.layout_.addWidget(self.status)

        self.json_button.clicked.connect(self.export_json)
        self.markdown_button.clicked.connect(self.export_markdown)
        self.import_button.clicked.connect(self.import_file)
        self.folder_button.clicked.connect(self.import_folder)

    # -- exporting -------------------------------------------------------------
    def _warned(self, title: str, choices: tuple[str, ...]) -> str | None:
        answer = dialogs.ask(self, title=title, text=NOT_ENCRYPTED,
                             details=NOT_ENCRYPTED_DETAILS, choices=choices, default=0,
                             cancel=len(choices) - 1)
        return answer if answer in choices[:-1] else None

    def _save_path(self, title: str, name: str, filters: str, suffix: str) -> Path | None:
        chosen = dialogs.save_path(self, title=title, suggested=str(self._start / name),
                                   filters=filters)
        if chosen is None or not shiboken6.isValid(self):
            return None
        if not chosen.suffix and not chosen.with_suffix(suffix).exists():
            chosen = chosen.with_suffix(suffix)
        return checked_output(self, self._exchange.protected, chosen)

    def export_json(self) -> None:
        if self.task is not None or self._warned("Export everything", (CHOOSE, CANCEL)) is None:
            return
        target = self._save_path("Export everything", f"TrustDesk export {_day(self._now)}.json",
                                 "TrustDesk export (*.json)", ".json")
        if target is not None:
            exchange, versions = self._exchange, self.with_versions.isChecked()
            self._start_work("Exporting…", lambda report: exchange.export_json(
                target, replace=True, report=report, versions=versions), self._exported)

    def export_markdown(self) -> None:
        if self.task is not None:
            return
        answer = self._warned("Export journal as Markdown", (PER_ENTRY, ONE_FILE, CANCEL))
        if answer is None:
            return
        exchange = self._exchange
        if answer == ONE_FILE:
            target = self._save_path("Export journal as Markdown",
                                     f"TrustDesk journal {_day(self._now)}.md",
                                     "Markdown (*.md)", ".md")
            if target is not None:
                self._start_work("Exporting…", lambda report: exchange.export_markdown(
                    target, single_file=True, replace=True, report=report), self._exported)
            return
        parent = dialogs.folder_path(self, title="Choose a folder for the Markdown files",
                                     start=str(self._start))
        if parent is None or not shiboken6.isValid(self):
            return
        folder = checked_output(self, exchange.protected,
                                new_folder_name(parent, f"TrustDesk journal {_day(self._now)}"),
                                folder=True)
        if folder is None:
            return
        self._start_work("Exporting…", lambda report: exchange.export_markdown(
            folder, report=report), self._exported)

    def _exported(self, summary: ExportSummary) -> None:
        self._say(summary.sentence(f"“{summary.path.name}” in {summary.path.parent}"))

    # -- importing -------------------------------------------------------------
    def import_file(self) -> None:
        if self.task is not None:
            return
        source = dialogs.open_path(self, title="Import", start=str(self._start),
                                   filters=IMPORT_FILTERS)
        if source is not None and shiboken6.isValid(self):
            self._check_import(source)

    def import_folder(self) -> None:
        if self.task is not None:
            return
        source = dialogs.folder_path(self, title="Import a folder", start=str(self._start))
        if source is not None and shiboken6.isValid(self):
            self._check_import(source)

    def _check_import(self, source: Path, options: Options | None = None) -> None:
        """Read and check the source off the UI thread, then show its plan."""
        self._start_work("Checking what is in it…",
                         lambda _report: Exchange.read_import(source, options=options),
                         lambda incoming: self._confirm_import(source, incoming,
                                                               rated=options is not None),
                         name=source.name)

    def _rate_moods(self, source: Path, incoming: Incoming) -> bool:
        """Offer to rate the moods TrustDesk couldn't; True when the source is being
        read again with the ratings (or the person cancelled)."""
        ratings = dialogs.rate_moods(
            self, title="Moods from Daylio", names=incoming.report.unrated_moods,
            text=f"“{source.name}” uses moods TrustDesk can't rate on its own. Give each a "
                 "mood from 0 (very low) to 10 (very good), or leave it “not rated”: it is "
                 "then kept as a tag.")
        if ratings is None or not shiboken6.isValid(self):
            self._say("")
            return True
        if ratings:
            self._check_import(source, Options(daylio_moods=ratings))
            return True
        return False

    def _confirm_import(self, source: Path, incoming: Incoming, *, rated: bool = False) -> None:
        if incoming.report.unrated_moods and not rated and self._rate_moods(source, incoming):
            return
        if incoming.bundle.is_empty:
            self._say(" ".join([f"“{source.name}” has nothing in it to import.",
                                *plan_lines(incoming, source.name, limit=PLAN_LISTED)[2:]]))
            return
        plan = plan_lines(incoming, source.name, limit=PLAN_LISTED)
        answer = dialogs.ask(
            self, title="Import", choices=(IMPORT, CANCEL), default=0, cancel=1,
            text=f"“{source.name}” is {incoming.label} with {holds(incoming)}. "
                 "Bring them into your journal?",
            details="\n".join([*plan[2:], "New records are added. Where you already have "
                                "a record, the newer version is kept. TrustDesk makes an "
                                "encrypted backup first."]))
        if answer != IMPORT or not shiboken6.isValid(self):
            self._say("")
            return
        exchange = self._exchange
        self._start_work("Importing…", lambda report: exchange.apply_import(
            incoming, report=report), lambda result: self._imported(result, incoming),
            name=source.name)

    def _imported(self, result: ImportResult, incoming: Incoming) -> None:
        self._say(" ".join([*outcome_lines(result, incoming, listed="before the import"),
                            IMPORTED_FILE_NOTE]))
        if result.changed:
            self.imported.emit(result)

    # -- running ---------------------------------------------------------------
    def _start_work(self, doing: str, work: Callable[[Callable[[int], None]], Any],
                    done: Callable[[Any], None], *, name: str = "") -> None:
        self._say(doing)  # the result line shows before focus waits on it
        self.run_in_background(self._buttons(), work, done,
                               lambda error: self._say(_failure_text(error, name), error=True))

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.json_button, self.markdown_button, self.import_button,
                self.folder_button)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        role = "error" if error else "muted"
        if self.status.property("role") != role:
            self.status.setProperty("role", role)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    def clear_sensitive(self) -> None:
        """Forget file names shown (the journal is locking)."""
        self._say("")


def _failure_text(error: BaseException, name: str) -> str:
    if isinstance(error, ImportProblem):
        return error.explain(f"“{name}”" if name else "The file")
    if isinstance(error, errors.VaultError):
        return error.message
    return ("Something unexpected went wrong, so nothing was written. "
            "Your journal itself is fine.")
