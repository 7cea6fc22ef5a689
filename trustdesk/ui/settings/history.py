"""Settings: "Entry history". How long earlier versions of entries are kept, or
none. A shorter time or "Don't keep them" deletes what no longer qualifies at once
(asking first when there is something to delete), off the UI thread, with the
bytes wiped from the file; the result is told in one sentence below the choice."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from trustdesk.domain import clock
from trustdesk.domain.history import HISTORY_DAYS_CHOICES, expiry
from trustdesk.domain.settings import AppSettings
from trustdesk.storage import errors
from trustdesk.storage.history_repo import HistoryRepository
from trustdesk.ui import dialogs, tasks
from trustdesk.ui.settings.section import Section
from trustdesk.ui.widgets.busy import focusable_result_line

INTRO = ("TrustDesk keeps earlier versions of each entry inside your encrypted journal: "
         "when you start changing it, before you delete a lot of it, every 10 minutes "
         "while you write, and before an import replaces it. Open them with History… "
         "under an entry. Searching never finds them. Versions that are due to go are "
         "deleted and wiped from the file.")


def keep_label(days: int) -> str:
    if days <= 0:
        return "Don't keep them"
    if days == 365:
        return "For a year"
    return "For 1 day" if days == 1 else f"For {days} days"


def versions_text(n: int) -> str:
    return "1 earlier version" if n == 1 else f"{n:,} earlier versions"


class HistorySection(Section):
    """The keep-for choice. Saving it deletes expired versions in the same
    transaction. `now` is injectable."""

    def __init__(self, history: HistoryRepository, *, now: clock.Clock = clock.now) -> None:
        super().__init__("Entry history", INTRO)
        self._history = history
        self._now = now
        self._shown = AppSettings().history_days
        self.task: tasks.Task | None = None
        self.keep_box = QComboBox()
        self.keep_box.setAccessibleName("Keep earlier versions")
        for days in HISTORY_DAYS_CHOICES[1:] + HISTORY_DAYS_CHOICES[:1]:
            self.keep_box.addItem(keep_label(days), days)
        self.add_row("&Keep earlier versions", self.keep_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setProperty("role", "muted")
        self.status.setAccessibleDescription("Entry history: result")
        focusable_result_line(self.status)
        self.status.hide()
        self.layout_.addWidget(self.status)
        self.keep_box.currentIndexChanged.connect(self._chosen)

    def load(self) -> None:
        try:
            days = self._history.keep_days()
        except errors.VaultError:
            return
        self._show(days)

    def _show(self, days: int) -> None:
        self._shown = days
        box = self.keep_box
        box.blockSignals(True)
        index = box.findData(days)
        if index < 0:  # a value from elsewhere: show it rather than silently change it
            box.addItem(keep_label(days), days)
            index = box.count() - 1
        box.setCurrentIndex(index)
        box.blockSignals(False)

    def _chosen(self) -> None:
        days = int(self.keep_box.currentData())
        if days == self._shown or self.task is not None:
            return
        now = self._now()
        try:
            going = self._going(days, now)
        except errors.VaultError as exc:
            self._say(f"Not changed: {exc.message}")
            self._show(self._shown)
            return
        if going and not self._confirmed(days, going):
            self._show(self._shown)
            return
        history = self._history
        self.keep_box.setEnabled(False)
        self.task = tasks.run_task(lambda: history.set_keep_days(days, now=now),
                                   on_done=lambda removed: self._saved(days, removed),
                                   on_failed=self._failed)

    def _going(self, days: int, now: datetime) -> int:
        """How many versions the new choice would delete."""
        limit = expiry(now, days)
        return self._history.count() if limit is None else self._history.count_before(limit)

    def _confirmed(self, days: int, going: int) -> bool:
        if days <= 0:
            title, text = "Stop keeping earlier versions?", (
                f"The {versions_text(going)} TrustDesk keeps now will be deleted, and no "
                "new ones will be kept.")
            choice = "Delete and stop"
        else:
            title, text = f"Keep versions {keep_label(days).lower()}?", (
                f"{versions_text(going).capitalize()} older than that will be deleted now.")
            choice = "Delete older versions"
        answer = dialogs.ask(self, title=title, text=text,
                             details="Deleted versions can't be brought back.",
                             choices=(choice, "Keep them"), default=1, cancel=1,
                             destructive=0)
        return answer == choice

    def _saved(self, days: int, removed: int) -> None:
        self.task = None
        self.keep_box.setEnabled(True)
        self._show(days)
        if days <= 0:
            self._say("Entry history is off." + (f" Deleted {versions_text(removed)}."
                                                 if removed else ""))
        elif removed:
            self._say(f"Deleted {versions_text(removed)}.")
        else:
            self._say(f"Earlier versions are kept {keep_label(days).lower()}.")

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.keep_box.setEnabled(True)
        self._show(self._shown)
        message = error.message if isinstance(error, errors.VaultError) else "something went wrong"
        self._say(f"Not changed: {message}")

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
