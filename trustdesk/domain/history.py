"""Entry history: when an earlier version of an entry is kept, and for how long.

Autosave writes within a second, so without history a select-all-and-type would be
permanent once the entry is closed. Storage asks `snapshot_reason` inside the very
transaction that saves an entry; when it names a reason, the text as it was stored
(before this save) is kept as a `Version`. Versions are kept at:

- the first change of an editing session: the first save after the entry was
  opened in the editor (`session_start`), or after a pause in saving of at least
  `idle_gap` (an editor left open over lunch);
- before a large deletion: a save that removes more than `large_chars` characters,
  or more than `large_share` of the text (at least `small_floor` characters, so a
  few words deleted from a line are not "large");
- every `interval` while writing, counted from the session's start or the last
  version kept, whichever is later.

A version is the title and the text and the time they were current. Ratings and
tags are not kept: they change on their own (Today's quick check-in), and bringing
back an old text should not undo today's rating. Nothing is kept when only the
date, ratings or tags changed, when the stored text is blank, or when the newest
version already holds exactly this text. Versions never enter the search index.

Pure functions: no Qt, no SQL, no clock (times are given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from trustdesk.domain.writing import word_count

HISTORY_DAYS_CHOICES = (0, 7, 30, 90, 365)   # 0: keep no earlier versions
DEFAULT_HISTORY_DAYS = 30


class Reason(StrEnum):
    """Why a version was kept (stored as this text)."""

    SESSION = "session"          # the first change of an editing session
    DELETION = "deletion"        # before a large deletion
    INTERVAL = "interval"        # at intervals while writing
    RESTORE = "restore"          # the text an earlier version replaced
    IMPORTED = "imported"        # came in with an import


@dataclass(frozen=True)
class HistoryPolicy:
    """The thresholds of the rules above; the defaults are what the app uses."""

    idle_gap: timedelta = timedelta(minutes=30)
    interval: timedelta = timedelta(minutes=10)
    large_chars: int = 200
    large_share: float = 1 / 3
    small_floor: int = 20


@dataclass(frozen=True)
class Text:
    """What a version holds: the title and the body."""

    title: str = ""
    body: str = ""

    @property
    def is_blank(self) -> bool:
        return not self.title.strip() and not self.body.strip()

    @property
    def words(self) -> int:
        return word_count(self.title) + word_count(self.body)


@dataclass(frozen=True)
class VersionRow:
    """One earlier version as listed: no text, just when and how long."""

    id: int
    entry_id: str
    saved_at: datetime    # when this text was saved: it was current from then ...
    kept_at: datetime     # ... until it was replaced, when it was kept
    reason: Reason
    words: int


@dataclass(frozen=True)
class Version:
    """One earlier version, whole."""

    row: VersionRow
    text: Text


def removed_chars(before: str, after: str) -> int:
    """How many characters of `before` an edit to `after` removed or replaced, as
    one changed stretch between the common start and end. "abcdef" → "abXf" removed
    3 ("cde"). Linear in the text's length, with the comparisons done in C."""
    limit = min(len(before), len(after))
    low, high = 0, limit          # the common start's length, by halving
    while low < high:
        middle = (low + high + 1) // 2
        if before[:middle] == after[:middle]:
            low = middle
        else:
            high = middle - 1
    start = low
    low, high = 0, limit - start  # the common end's length, not overlapping the start
    while low < high:
        middle = (low + high + 1) // 2
        if before[len(before) - middle:] == after[len(after) - middle:]:
            low = middle
        else:
            high = middle - 1
    return len(before) - start - low


def is_large_deletion(before: Text, after: Text, policy: HistoryPolicy) -> bool:
    """Whether going from `before` to `after` removes a lot of text (see the module)."""
    removed = removed_chars(before.title, after.title) + removed_chars(before.body, after.body)
    if removed > policy.large_chars:
        return True
    total = len(before.title) + len(before.body)
    return removed >= policy.small_floor and removed > total * policy.large_share


def snapshot_reason(*, before: Text, after: Text, last_saved: datetime, now: datetime,
                    session_start: datetime | None = None,
                    last_kept: datetime | None = None, already_kept: bool = False,
                    policy: HistoryPolicy = HistoryPolicy()) -> Reason | None:
    """Why the stored text `before` (saved at `last_saved`) should be kept as a
    version now that `after` replaces it at `now`; None if it shouldn't.

    `session_start` is when the person began this editing session (None for a save
    outside the editor, which is a session of its own); `last_kept` is when the
    entry's newest version was kept, and `already_kept` says that version holds
    exactly `before`."""
    if before == after or before.is_blank or already_kept:
        return None
    if is_large_deletion(before, after, policy):
        return Reason.DELETION
    began = now if session_start is None else session_start
    if last_saved < began or now - last_saved >= policy.idle_gap:
        return Reason.SESSION
    anchors = [moment for moment in (session_start, last_kept) if moment is not None]
    if anchors and now - max(anchors) >= policy.interval:
        return Reason.INTERVAL
    return None


def expiry(now: datetime, keep_days: int) -> datetime | None:
    """Versions kept before this moment have expired (None: keep none at all)."""
    if keep_days <= 0:
        return None
    return now - timedelta(days=keep_days)


def reason_text(reason: Reason) -> str:
    """A few words for the history list."""
    return {
        Reason.SESSION: "before you started editing",
        Reason.DELETION: "before a large deletion",
        Reason.INTERVAL: "while writing",
        Reason.RESTORE: "replaced by a restore",
        Reason.IMPORTED: "imported",
    }[reason]
