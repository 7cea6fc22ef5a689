"""The sidebar's pages, in order. Only pages that exist are listed: no placeholders.

Each entry says how to build its page from the open Store (passing only what the
page needs) and, optionally, how to wire its requests to other pages. A spec is
generic in the page class it builds, so its wiring is checked against that class."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from trustdesk.storage.store import Store
    from trustdesk.ui.guide import GuidePage
    from trustdesk.ui.journal import JournalPage
    from trustdesk.ui.page import Page
    from trustdesk.ui.progress import ProgressPage
    from trustdesk.ui.settings.page import SettingsPage
    from trustdesk.ui.today import TodayPage
    from trustdesk.ui.worksheets import WorksheetsPage


class PageHost(Protocol):
    """What a wire hook may use of the workspace holding the pages (the workspace
    imports this registry, so the registry names only this much of it)."""

    settings_changed: SignalInstance
    restore_requested: SignalInstance
    erase_requested: SignalInstance
    page_shown: SignalInstance

    def has_page(self, key: str) -> bool: ...

    def built_page(self, key: str) -> Page | None: ...

    def set_page_count(self, key: str, count: int, spoken: str) -> None: ...

    def show_page(self, key: str) -> Page: ...

    def reload_current(self) -> None: ...

    def set_sidebar_visible(self, visible: bool) -> None: ...


@dataclass(frozen=True)
class PageSpec[P: Page]:
    key: str
    title: str
    icon: str
    build: Callable[[Store], P]
    wire: Callable[[PageHost, P], None] | None = None


def _today(store: Store) -> TodayPage:
    from trustdesk.ui.today import TodayPage

    return TodayPage(store.journal, store.worksheets, store.settings)


def _wire_today(workspace: PageHost, page: TodayPage) -> None:
    """Did it opens the step's follow-up, the prompt a new entry, a memory its entry,
    Continue reading the guide; the waiting steps' count goes on the sidebar and is
    counted again whenever another page is shown (it may have followed one up)."""
    from trustdesk.domain.today import steps_waiting_text

    def count(n: int) -> None:
        workspace.set_page_count("today", n, f"Today, {steps_waiting_text(n)}")

    page.due_count_changed.connect(count)
    workspace.page_shown.connect(lambda key: page.refresh_count() if key != "today" else None)
    if workspace.has_page("worksheets"):
        page.follow_up_requested.connect(lambda step_id: cast(
            "WorksheetsPage", workspace.show_page("worksheets")).open_follow_up(step_id))
    if workspace.has_page("journal"):
        page.write_requested.connect(lambda prompt: cast(
            "JournalPage", workspace.show_page("journal")).start_entry(prompt))
        page.entry_requested.connect(lambda entry_id: cast(
            "JournalPage", workspace.show_page("journal")).open_entry(entry_id))

        def checked_in(entry_id: str) -> None:
            journal = workspace.built_page("journal")
            if journal is not None:
                cast("JournalPage", journal).reload_entry(entry_id)

        page.checkin_saved.connect(checked_in)
    if workspace.has_page("guide"):
        page.continue_requested.connect(lambda: cast(
            "GuidePage", workspace.show_page("guide")).continue_reading())
    page.set_links(writing=workspace.has_page("journal"), reading=workspace.has_page("guide"))


def _guide(store: Store) -> GuidePage:
    from trustdesk.ui.guide import GuidePage

    return GuidePage(settings=store.settings)


def _wire_guide(workspace: PageHost, page: GuidePage) -> None:
    """Prompts open a journal entry, fears a worksheet, when those pages exist; the
    buttons stay hidden otherwise."""
    writing = workspace.has_page("journal")
    worksheets = workspace.has_page("worksheets")
    page.set_writing_available(writing)
    page.set_worksheets_available(worksheets)
    if writing:  # the specs for these keys build these classes
        page.write_requested.connect(lambda prompt: cast(
            "JournalPage", workspace.show_page("journal")).start_entry(prompt))
    if worksheets:
        page.worksheet_requested.connect(lambda category: cast(
            "WorksheetsPage", workspace.show_page("worksheets")).start_worksheet(category))


def _worksheets(store: Store) -> WorksheetsPage:
    from trustdesk.ui.worksheets import WorksheetsPage

    return WorksheetsPage(store.worksheets)


def _journal(store: Store) -> JournalPage:
    from trustdesk.ui.journal import JournalPage

    return JournalPage(store.journal)


def _wire_journal(workspace: PageHost, page: JournalPage) -> None:
    """Focus mode hides the sidebar too."""
    page.focus_mode_changed.connect(lambda on: workspace.set_sidebar_visible(not on))


def _progress(store: Store) -> ProgressPage:
    from trustdesk.storage.progress_data import ProgressSource
    from trustdesk.ui.progress import ProgressPage

    return ProgressPage(ProgressSource.from_store(store), places=store.backups.protected)


def _settings(store: Store) -> SettingsPage:
    from trustdesk.ui.settings.page import SettingsPage

    return SettingsPage(settings=store.settings, backups=store.backups,
                        exchange=store.exchange, folder=store.vault.path.parent,
                        history=store.journal.history)


def _wire_settings(workspace: PageHost, page: SettingsPage) -> None:
    page.settings_changed.connect(workspace.settings_changed)
    page.restore_requested.connect(workspace.restore_requested)
    page.erase_requested.connect(workspace.erase_requested)
    page.data_imported.connect(lambda _result: workspace.reload_current())


PAGES: tuple[PageSpec[Any], ...] = (
    PageSpec("today", "Today", "today", _today, _wire_today),
    PageSpec("guide", "Guide", "guide", _guide, _wire_guide),
    PageSpec("journal", "Journal", "journal", _journal, _wire_journal),
    PageSpec("worksheets", "Worksheets", "worksheets", _worksheets),
    PageSpec("progress", "Progress", "progress", _progress),
    PageSpec("settings", "Settings", "settings", _settings, _wire_settings),
)

# Shown first after unlocking, when present; otherwise the first page.
LANDING = "today"
