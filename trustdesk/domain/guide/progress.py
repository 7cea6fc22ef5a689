"""Which guide chapters a person has read, and where they were reading.

Both live in the vault's settings (`guide.read`: a list of chapter ids;
`guide.position`: the open chapter and the character at the top of the view),
reached through any object with `get(key, default)` and `set(key, value)`, which
`Store.settings` is. No SQL and no Qt here; stored values that are damaged or name
chapters that no longer exist are ignored, never fatal.

`reading_progress(settings)` is what the Progress page and the printed summary use:
`(chapters read, chapters in the guide)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from trustdesk.domain.guide.chapters import Guide, load_guide

READ_KEY = "guide.read"
POSITION_KEY = "guide.position"


class SettingsStore(Protocol):
    """The two calls this module needs; `trustdesk.storage.settings_repo` has them."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class ReadingPosition:
    """Where reading stopped. `anchor` is the character offset, in the rendered
    chapter, of the line at the top of the view; it survives a new text size or
    window width, which a scroll offset in pixels would not."""

    chapter_id: str
    anchor: int = 0
    chapter_open: bool = True   # False: the person had gone back to the contents

    def as_value(self) -> dict[str, Any]:
        return {"chapter": self.chapter_id, "anchor": self.anchor, "open": self.chapter_open}

    @classmethod
    def from_value(cls, value: object, guide: Guide) -> ReadingPosition | None:
        if not isinstance(value, dict):
            return None
        chapter = value.get("chapter")
        anchor = value.get("anchor", 0)
        if not isinstance(chapter, str) or not guide.has(chapter):
            return None
        if not isinstance(anchor, int) or isinstance(anchor, bool) or anchor < 0:
            anchor = 0
        return cls(chapter, anchor, value.get("open", True) is not False)


def read_ids(stored: object, guide: Guide) -> frozenset[str]:
    """The numbered chapters marked read in a stored `guide.read` value."""
    if not isinstance(stored, list):
        return frozenset()
    known = set(guide.ids())
    return frozenset(item for item in stored if isinstance(item, str) and item in known)


def reading_progress(settings: SettingsStore, guide: Guide | None = None) -> tuple[int, int]:
    """(chapters read, total chapters) for the guide shipped with the app. The safety
    note is not a chapter and never counts. May raise the store's storage errors."""
    guide = guide or load_guide()
    return len(read_ids(settings.get(READ_KEY, []), guide)), guide.total


def progress_text(read: int, total: int) -> str:
    """'4 of 9 chapters read', as the contents list and the summary say it."""
    return f"{read} of {total} chapters read"


class GuideProgress:
    """Read marks and reading position for one unlocked journal.

    Keeps what it read in memory, so asking is free after the first time; writes go
    straight to `settings` (a few hundred bytes, one small transaction each). Not
    thread-safe: use it from one thread (the UI thread)."""

    def __init__(self, settings: SettingsStore, guide: Guide) -> None:
        self._settings = settings
        self._guide = guide
        self._read: frozenset[str] | None = None

    @property
    def guide(self) -> Guide:
        return self._guide

    def reload(self) -> None:
        """Forget what was cached; the next question reads the store again."""
        self._read = None

    def read_ids(self) -> frozenset[str]:
        if self._read is None:
            self._read = read_ids(self._settings.get(READ_KEY, []), self._guide)
        return self._read

    def is_read(self, chapter_id: str) -> bool:
        return chapter_id in self.read_ids()

    def counts(self) -> tuple[int, int]:
        return len(self.read_ids()), self._guide.total

    def mark_read(self, chapter_id: str) -> bool:
        """Mark a numbered chapter read; True when that changed anything. The mark is
        kept in memory even if saving raises, and saved with the next mark."""
        if chapter_id not in self._guide.ids() or self.is_read(chapter_id):
            return False
        self._read = self.read_ids() | {chapter_id}
        self._settings.set(READ_KEY, [cid for cid in self._guide.ids() if cid in self._read])
        return True

    def position(self) -> ReadingPosition | None:
        return ReadingPosition.from_value(self._settings.get(POSITION_KEY), self._guide)

    def save_position(self, position: ReadingPosition) -> None:
        self._settings.set(POSITION_KEY, position.as_value())
