"""The sidebar's pages, in order. Only pages that exist are listed: no placeholders.

Each entry says how to build its page from the open Store (passing only what the
page needs) and, optionally, how to wire its requests to other pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustdesk.storage.store import Store
    from trustdesk.ui.page import Page
    from trustdesk.ui.workspace import Workspace


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    build: Callable[[Store], Page]
    wire: Callable[[Workspace, Page], None] | None = None


def _journal(store: Store) -> Page:
    from trustdesk.ui.journal import JournalPage

    return JournalPage(store.journal)


def _settings(store: Store) -> Page:
    from trustdesk.ui.settings_page import SettingsPage

    return SettingsPage(settings=store.settings)


def _wire_settings(workspace: Workspace, page: Page) -> None:
    page.settings_changed.connect(workspace.settings_changed)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("journal", "Journal", "journal", _journal),
    PageSpec("settings", "Settings", "settings", _settings, _wire_settings),
)

# Shown first after unlocking, when present; otherwise the first page.
LANDING = "journal"
