"""The unlocked app: a sidebar of pages, the current page, and a quiet status line.

One Workspace lives per unlock; the session (ui/shell/session.py) holds it as the
open work: before the journal closes it saves every built page and forgets what
they showed, then the window throws it away."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.settings import AppSettings
from trustdesk.storage.errors import VaultError
from trustdesk.storage.store import Store
from trustdesk.ui import icons, input_guard, theme
from trustdesk.ui.page import Page
from trustdesk.ui.safety.note import link_button
from trustdesk.ui.shell.pages import LANDING, PageSpec
from trustdesk.ui.spelling.service import speller
from trustdesk.ui.widgets.after_paint import after_first_paint

SIDEBAR_WIDTH = 210


class Workspace(QWidget):
    """Navigation between lazily built pages. Knows nothing about any page's content."""

    lock_requested = Signal()
    settings_changed = Signal(AppSettings)
    restore_requested = Signal(object)   # Path of a backup to put in place
    erase_requested = Signal()
    page_shown = Signal(str)             # the key of the page now showing

    def __init__(self, store: Store | None, specs: Sequence[PageSpec]) -> None:
        """With `store` None, only the frame (sidebar, stack, status line): the
        window builds it while the key is derived, and `open()`s it on the journal
        once unlocked; nothing in it can be shown or used before that."""
        super().__init__()
        self.setObjectName("Workspace")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._store: Store | None = None
        self._specs = list(specs)
        self._built: dict[str, Page] = {}
        self._current: str | None = None
        self._counts: dict[str, int] = {}
        self._forgotten = False
        input_guard.install()  # wheel and Tab rules for the pages' fields, app-wide
        self.settings_changed.connect(speller.apply)

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_sidebar())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        self.status_line = QLabel()
        self.status_line.setObjectName("StatusLine")
        self.status_line.setAccessibleDescription("Status")
        right.addWidget(self.status_line)
        root.addLayout(right, 1)
        self.set_status("saved")

        self.nav.currentRowChanged.connect(self._on_row_changed)
        self.nav.itemSelectionChanged.connect(self._follow_selection)
        for index, _spec in enumerate(self._specs[:9]):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda row=index: self.nav.setCurrentRow(row))
        if store is not None:
            self.open(store)

    def open(self, store: Store) -> None:
        """The journal is open: its pages can be built now. Spell checking with its
        own words and settings starts once the landing page is on screen (loading a
        word list is ~0.4 s of Python in the background, which would slow the first
        frame down through the GIL), until it locks."""
        self._store = store
        after_first_paint(self, self._open_speller)

    def store(self) -> Store:
        assert self._store is not None, "the workspace was not opened on a journal"
        return self._store

    def _open_speller(self) -> None:
        store = self._store
        if store is not None and not self._forgotten:
            try:
                settings = store.settings.load_app_settings()
            except VaultError:
                return   # the journal is going away
            speller.open(store.settings, settings)

    def _build_sidebar(self) -> QWidget:
        sidebar = self.sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(4)
        name = QLabel("TrustDesk")
        name.setObjectName("AppName")
        layout.addWidget(name)
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for index, spec in enumerate(self._specs):
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{index + 1})" if index < 9 else spec.title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)
            self.nav.addItem(item)
        layout.addWidget(self.nav, 1)
        self.safety_link = link_button(
            keeper=lambda: self._store.settings if self._store is not None else None)
        safety = QHBoxLayout()
        safety.setContentsMargins(14, 0, 14, 4)
        safety.addWidget(self.safety_link)
        safety.addStretch(1)
        layout.addLayout(safety)
        self.lock_button = QPushButton("  Lock")
        self.lock_button.setToolTip("Lock your journal (Ctrl+L)")
        self.lock_button.setAccessibleName("Lock")
        self.lock_button.clicked.connect(self.lock_requested)
        wrap = QHBoxLayout()
        wrap.setContentsMargins(14, 0, 14, 0)
        wrap.addWidget(self.lock_button)
        layout.addLayout(wrap)
        self._restyle_sidebar()
        theme.notifier.changed.connect(self._restyle_sidebar)
        return sidebar

    def _restyle_sidebar(self) -> None:
        """Icons in the theme's text colour, rows as tall as the text size needs (the
        list caches row heights, so stylesheet padding alone can go stale)."""
        colors = theme.colors()
        text_height = QFontMetrics(theme.current_font()).height()
        height = text_height + 20
        self.nav.setIconSize(QSize(text_height, text_height))  # icons grow with the text
        self.lock_button.setIconSize(QSize(text_height - 2, text_height - 2))
        for row, spec in enumerate(self._specs):
            item = self.nav.item(row)
            item.setIcon(icons.icon(spec.icon, colors["text"].name(),
                                    selected_color=colors["accent_text"].name()))
            item.setSizeHint(QSize(0, height))
        self.lock_button.setIcon(icons.icon("lock", colors["text"].name()))
        # Wide enough for the safety link at any text size (at the largest it was cut
        # to "f you are not saf").
        self.safety_link.ensurePolished()
        self.sidebar.setFixedWidth(max(SIDEBAR_WIDTH, self.safety_link.sizeHint().width() + 32))

    def set_page_count(self, key: str, count: int, spoken: str) -> None:
        """Show `count` beside a page's name in the sidebar (nothing for 0), and
        `spoken` as what assistive tools read for that row ("Today, 2 small steps
        waiting")."""
        row = self.page_keys().index(key)
        spec, item = self._specs[row], self.nav.item(row)
        self._counts[key] = count
        item.setText(f"{spec.title}  ({count})" if count else spec.title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken if count else spec.title)
        said = spoken if count else spec.title
        item.setToolTip(f"{said} (Ctrl+{row + 1})" if row < 9 else said)

    def page_count(self, key: str) -> int:
        return self._counts.get(key, 0)

    def set_sidebar_visible(self, visible: bool) -> None:
        """Hide the sidebar while a page wants only itself on screen (the journal's
        focus mode); its Ctrl+1 … Ctrl+6 keep working."""
        self.sidebar.setVisible(visible)

    # -- pages -----------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def has_page(self, key: str) -> bool:
        return key in self.page_keys()

    def built_pages(self) -> list[Page]:
        return list(self._built.values())

    def built_page(self, key: str) -> Page | None:
        """The page for `key` if it was built already (never builds it)."""
        return self._built.get(key)

    def page(self, key: str) -> Page:
        """The page for `key`, built now if it wasn't yet (does not show it)."""
        if key not in self._built:
            spec = next(spec for spec in self._specs if spec.key == key)
            page = spec.build(self.store())
            page.status_changed.connect(self.set_status)
            self._built[key] = page
            self.stack.addWidget(page)
            if spec.wire is not None:
                spec.wire(self, page)
        return self._built[key]

    def show_page(self, key: str) -> Page:
        """Switch to `key` (flushing the page being left) and return it."""
        row = self.page_keys().index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)       # switches through _on_row_changed
        elif self._current != key:
            self._on_row_changed(row)         # Qt made the row current without a switch
        self.nav.item(row).setSelected(True)
        return self._built[key]

    def show_landing(self) -> Page:
        return self.show_page(LANDING if self.has_page(LANDING) else self._specs[0].key)

    def current_key(self) -> str | None:
        return self._current

    def reload_current(self) -> None:
        """Show fresh data on the page showing now (say, after an import changed the
        journal); other pages load afresh whenever they are shown. The speller reads
        the person's dictionary again (an import may have added words)."""
        speller.reload_words()
        page = self._built.get(self._current) if self._current else None
        if page is not None:
            page.load()

    def _follow_selection(self) -> None:
        """A row selected without becoming current (a screen reader's Selection
        interface, or a program) shows its page too, not just the highlight. The
        switch waits for the event loop: inside the reader's request, building a
        page would hold up the reply the reader is waiting for."""
        rows = [self.nav.row(item) for item in self.nav.selectedItems()]
        if len(rows) == 1 and rows[0] != self.nav.currentRow():
            QTimer.singleShot(0, self, self._show_selected)

    def _show_selected(self) -> None:
        rows = [self.nav.row(item) for item in self.nav.selectedItems()]
        if len(rows) == 1 and rows[0] != self.nav.currentRow():
            self.nav.setCurrentRow(rows[0])

    def _on_row_changed(self, row: int) -> None:
        if row < 0 or self._store is None:
            return
        key = self._specs[row].key
        previous = self._built.get(self._current) if self._current else None
        if previous is not None and self._current != key:
            # On failure the page keeps the words, says why and retries; lock/quit ask.
            with suppress(VaultError):
                previous.flush()
        page = self.page(key)
        self._current = key
        self.stack.setCurrentWidget(page)
        page.load()
        self.page_shown.emit(key)

    # -- session ---------------------------------------------------------------
    def set_status(self, word: str) -> None:
        self.status_line.setText(f"Encrypted · {word}")

    def flush_all(self, *, keep_going: bool = False) -> None:
        """Save every page's pending edits. Raises the first storage error, or with
        `keep_going` tries every page and raises nothing (when nobody can be asked)."""
        for page in self._built.values():
            if not keep_going:
                page.flush()
                continue
            try:
                page.flush()
            except Exception:  # the other pages still get their chance
                continue

    def save(self, action: str) -> bool:
        """Save every page; if a page can't, ask whether to `action` anyway (the
        session's OpenWork). False: the person keeps the journal open."""
        try:
            self.flush_all()
            return True
        except VaultError as exc:
            from trustdesk.ui import dialogs

            answer = dialogs.ask(
                self.window(), title="Not saved yet", text=exc.message,
                details=f"If you {action} now, the words that weren't saved will be lost.",
                choices=("Keep it open", f"{action.capitalize()} anyway"), default=0,
                cancel=0, destructive=1)
            return answer == f"{action.capitalize()} anyway"

    def save_quietly(self) -> None:
        """Save what can be saved, asking nothing."""
        self.flush_all(keep_going=True)

    def forget(self) -> None:
        """Close dialogs, take back what we put on the clipboard and clear every
        page: the journal is about to close."""
        from trustdesk.ui import clipboard, dialogs  # not needed before the first paint

        self._forgotten = True
        dialogs.close_all()
        clipboard.clear_ours()
        self.clear_sensitive()
        speller.close()

    def has_unsaved_changes(self) -> bool:
        return any(page.has_unsaved_changes() for page in self._built.values())

    def clear_sensitive(self) -> None:
        for page in self._built.values():
            page.clear_sensitive()
