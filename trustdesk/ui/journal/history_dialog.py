"""The entry's History dialog: its earlier versions, one shown side by side with the
current text with what changed marked, and "Restore this version".

What changed is marked by more than colour: text taken out since is struck through
(on a soft red), text added since is underlined (on a soft green), in the theme's
colours, and one sentence under the texts says how many words each way, which a
screen reader reads. The two texts scroll together (`ScrollTogether`), as side-by-side
comparisons do, so the person keeps their place in a long entry. Reading a version
and comparing it runs off the UI thread (a long entry takes a tenth of a second);
the dialog is window-modal, opened with `open()`, and tracked by `dialogs`, so
locking closes it. The restore itself is the page's work: the dialog only emits
`restore_chosen(version_id)`. UI thread only.
"""

from __future__ import annotations

from datetime import datetime
from typing import override

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.dates import date_time, short_date_time
from trustdesk.domain.history import (
    Comparison,
    Text,
    Version,
    VersionRow,
    change_summary,
    compare,
    reason_text,
)
from trustdesk.storage.history_repo import HistoryRepository
from trustdesk.ui import dialogs, tasks, theme
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.widgets.private_text import PrivateTextBrowser

ID_ROLE = Qt.ItemDataRole.UserRole
RESTORE = "&Restore this version"
LOADING = "Reading this version…"


def words_text(n: int) -> str:
    return f"{n:,} word" + ("" if n == 1 else "s")


def row_text(row: VersionRow) -> str:
    """The list's two lines: when the text was saved, then its length and why it
    was kept."""
    return f"{short_date_time(row.saved_at)}\n{words_text(row.words)} · {reason_text(row.reason)}"


def keep_text(keep_days: int) -> str:
    if keep_days <= 0:
        return ("Entry history is off, so no earlier versions are kept. You can turn it "
                "on in Settings, under Entry history.")
    return ("TrustDesk keeps a version when you start changing an entry, before you "
            "delete a lot of it, every 10 minutes while you write, and before an import "
            "replaces it. Versions are kept "
            f"for {keep_days} days (Settings, Entry history).")


class ComparedText(PrivateTextBrowser):
    """One side of the comparison: read-only, the person's words marked secret when
    copied."""

    def __init__(self, name: str, description: str) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.setProperty("role", "paper")
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setTabChangesFocus(True)

    def show_pieces(self, title: tuple[tuple[str, bool], ...],
                    body: tuple[tuple[str, bool], ...], *, added: bool) -> None:
        """The title (bold, when there is one) and the body, the changed stretches
        struck through (`added` False) or underlined (`added` True)."""
        colours = theme.colors()
        plain = QTextCharFormat()
        plain.setForeground(colours["text"])
        changed = QTextCharFormat(plain)
        changed.setBackground(colours["diff_added" if added else "diff_removed"])
        if added:
            changed.setFontUnderline(True)
        else:
            changed.setFontStrikeOut(True)
        self.clear()
        cursor = QTextCursor(self.document())
        if any(text for text, _ in title):
            for text, is_changed in title:
                fmt = QTextCharFormat(changed if is_changed else plain)
                fmt.setFontWeight(QFont.Weight.Bold)
                cursor.insertText(text, fmt)
            cursor.insertBlock()
            cursor.insertBlock()
        for text, is_changed in body:
            cursor.insertText(text, changed if is_changed else plain)
        self.moveCursor(QTextCursor.MoveOperation.Start)


class ScrollTogether(QObject):
    """Keeps two panes' vertical scroll bars at the same relative position: moving
    one (wheel, scroll bar, keyboard, the caret) moves the other to the same share
    of its own range, since the texts differ in length. When a range changes (a
    text shown or laid out, the dialog resized) the other follows the pane moved
    last. Setting the other pane's bar doesn't echo back (a guard). Lines wrap in
    both panes, so there is no horizontal scrolling to follow. UI thread only."""

    def __init__(self, first: QAbstractScrollArea, second: QAbstractScrollArea) -> None:
        super().__init__(first)
        self._bars = (first.verticalScrollBar(), second.verticalScrollBar())
        self._leader = 0
        self._following = False
        first_bar, second_bar = self._bars
        first_bar.valueChanged.connect(self._first_moved)
        second_bar.valueChanged.connect(self._second_moved)
        first_bar.rangeChanged.connect(self._range_changed)
        second_bar.rangeChanged.connect(self._range_changed)

    def _first_moved(self, _value: int) -> None:
        self._follow(0)

    def _second_moved(self, _value: int) -> None:
        self._follow(1)

    def _range_changed(self, _minimum: int, _maximum: int) -> None:
        self._follow(self._leader)

    def _follow(self, leader: int) -> None:
        if self._following:
            return
        self._leader = leader
        moved, other = self._bars[leader], self._bars[1 - leader]
        self._following = True
        try:
            other.setValue(other.minimum() + round(_share(moved) * _span(other)))
        finally:
            self._following = False


def _span(bar: QScrollBar) -> int:
    return bar.maximum() - bar.minimum()


def _share(bar: QScrollBar) -> float:
    """How far down its range `bar` is, from 0 to 1."""
    span = _span(bar)
    return (bar.value() - bar.minimum()) / span if span > 0 else 0.0


class HistoryDialog(QDialog):
    """Earlier versions of one entry. `current` is the entry's text as saved now.
    Emits `restore_chosen(version_id)` when the person restores one, then closes."""

    restore_chosen = Signal(int)

    def __init__(self, parent: QWidget | None, *, history: HistoryRepository, entry_id: str,
                 heading: str, current: Text, keep_days: int) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.setWindowTitle(f"History of “{heading}”")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(760, 480)
        self.resize(1080, 660)
        self._history = history
        self._current = current
        self._shown: Version | None = None
        self._comparison: tuple[Comparison, Comparison] | None = None
        self._asked = 0
        self.task: tasks.Task | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = text_label("Earlier versions", "heading")
        layout.addWidget(title)
        self.intro = QLabel(keep_text(keep_days))
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        layout.addWidget(self.intro)

        self.list = QListWidget()
        self.list.setObjectName("VersionList")
        self.list.setAccessibleName("Versions")
        self.list.setAccessibleDescription("Newest first: when the text was saved, "
                                           "how many words, and why it was kept")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.then_label = QLabel("This version")
        self.then_label.setProperty("role", "heading-small")
        self.now_label = QLabel("Now")
        self.now_label.setProperty("role", "heading-small")
        self.then_view = ComparedText("This version",
                                      "Words taken out since are struck through")
        self.now_view = ComparedText("The entry now", "Words added since are underlined")
        self.scroll_together = ScrollTogether(self.then_view, self.now_view)
        self.then_label.setBuddy(self.then_view)
        self.now_label.setBuddy(self.now_view)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "muted")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleDescription("What changed since this version")

        texts = QGridLayout()
        texts.setHorizontalSpacing(14)
        texts.setVerticalSpacing(6)
        texts.addWidget(self.then_label, 0, 0)
        texts.addWidget(self.now_label, 0, 1)
        texts.addWidget(self.then_view, 1, 0)
        texts.addWidget(self.now_view, 1, 1)
        texts.addWidget(self.summary, 2, 0, 1, 2)
        texts.setColumnStretch(0, 1)
        texts.setColumnStretch(1, 1)
        texts.setRowStretch(1, 1)
        self.texts = QWidget()
        self.texts.setLayout(texts)
        texts.setContentsMargins(0, 0, 0, 0)

        middle = QHBoxLayout()
        middle.setSpacing(18)
        middle.addWidget(self.list, 0)
        middle.addWidget(self.texts, 1)
        layout.addLayout(middle, 1)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(RESTORE)
        self.restore_button.setAccessibleName("Restore this version")
        self.restore_button.setAccessibleDescription(
            "The entry's title and text become this version's; the text it has now is "
            "kept as a version, so you can go back")
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setEnabled(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("Close")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        layout.addWidget(buttons)

        self.rows = history.versions(entry_id)
        for row in self.rows:
            item = QListWidgetItem(row_text(row))
            item.setData(ID_ROLE, row.id)
            item.setToolTip(f"Saved {date_time(row.saved_at)}; current until "
                            f"{date_time(row.kept_at)}")
            self.list.addItem(item)
        self._fit_list()
        self.texts.setVisible(bool(self.rows))
        self.list.setVisible(bool(self.rows))
        if not self.rows:
            self.intro.setText("This entry has no earlier versions yet. "
                               + keep_text(keep_days))
        QWidget.setTabOrder(self.list, self.then_view)
        QWidget.setTabOrder(self.then_view, self.now_view)
        QWidget.setTabOrder(self.now_view, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.close_button)
        self.list.currentRowChanged.connect(self._chosen)
        self.list.itemActivated.connect(lambda _item: self.then_view.setFocus())
        theme.notifier.changed.connect(self._restyle)
        dialogs.track(self)
        if self.rows:
            self.list.setCurrentRow(0)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """The list has the focus (the newest version is shown); without versions,
        Close has it."""
        super().showEvent(event)
        (self.list if self.rows else self.close_button).setFocus()

    def _fit_list(self) -> None:
        """As wide as its longest line, within reason."""
        metrics = self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for row in self.rows
                      for line in row_text(row).splitlines()), default=200)
        self.list.setFixedWidth(min(max(widest + 40, 220), 360))

    # -- showing a version -------------------------------------------------------------
    def _chosen(self, index: int) -> None:
        self.restore_button.setEnabled(False)
        self._shown = self._comparison = None
        if index < 0:
            return
        row = self.rows[index]
        self._asked += 1
        asked, history, current = self._asked, self._history, self._current
        self.then_label.setText(f"This version: {short_date_time(row.saved_at)}")
        self.summary.setText(LOADING)

        def work() -> tuple[Version | None, Comparison | None, Comparison | None]:
            version = history.get(row.id)
            if version is None:
                return None, None, None
            return (version, compare(version.text.title, current.title),
                    compare(version.text.body, current.body))

        self.task = tasks.run_task(work, on_done=lambda result: self._show(asked, *result),
                                   on_failed=lambda _exc: self._failed(asked))

    def _show(self, asked: int, version: Version | None, title: Comparison | None,
              body: Comparison | None) -> None:
        if not shiboken6.isValid(self) or asked != self._asked:
            return
        if version is None or title is None or body is None:
            self.summary.setText("This version is no longer kept.")
            self.then_view.clear()
            self.now_view.clear()
            return
        self._shown, self._comparison = version, (title, body)
        self._render()
        both = Comparison(title.old + body.old, title.new + body.new,
                          title.removed_words + body.removed_words,
                          title.added_words + body.added_words)
        self.summary.setText(change_summary(both))
        self.restore_button.setEnabled(not both.same)

    def _failed(self, asked: int) -> None:
        if shiboken6.isValid(self) and asked == self._asked:
            self.summary.setText("This version couldn't be read.")

    def _render(self) -> None:
        if self._comparison is None:
            return
        title, body = self._comparison
        self.then_view.show_pieces(title.old, body.old, added=False)
        self.now_view.show_pieces(title.new, body.new, added=True)

    def _restyle(self, _mode: str) -> None:
        if shiboken6.isValid(self):
            self._render()

    def shown_version(self) -> Version | None:
        return self._shown

    def select(self, version_id: int) -> None:
        for index, row in enumerate(self.rows):
            if row.id == version_id:
                self.list.setCurrentRow(index)

    # -- restoring -------------------------------------------------------------------------
    def restore(self) -> None:
        if self._shown is None or not self.restore_button.isEnabled():
            return
        self.restore_chosen.emit(self._shown.row.id)
        self.accept()


def saved_words(moment: datetime) -> str:
    """'the version from 2 Nov 2026, 20:00', for the page's status line."""
    return f"the version from {short_date_time(moment)}"
