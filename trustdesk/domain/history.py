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

import difflib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from trustdesk.domain.writing import word_count

HISTORY_DAYS_CHOICES = (0, 7, 30, 90, 365)   # 0: keep no earlier versions


class Reason(StrEnum):
    """Why a version was kept (stored as this text)."""

    SESSION = "session"          # the first change of an editing session
    DELETION = "deletion"        # before a large deletion
    INTERVAL = "interval"        # at intervals while writing
    RESTORE = "restore"          # the text an earlier version replaced
    IMPORTED = "imported"        # came in with an import
    IMPORT = "import"            # the text a newer one from an import replaced


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
        Reason.IMPORT: "replaced by an import",
    }[reason]


# -- comparing a version with the current text ------------------------------------------

Piece = tuple[str, bool]    # a stretch of text, and whether it changed


@dataclass(frozen=True)
class Comparison:
    """An earlier text and the current one side by side: `old` marks what was taken
    out since (changed = removed), `new` what was put in (changed = added)."""

    old: tuple[Piece, ...]
    new: tuple[Piece, ...]
    removed_words: int
    added_words: int

    @property
    def same(self) -> bool:
        return not any(changed for _, changed in self.old + self.new)


# A word with the spaces after it: spaces alone would be thousands of equal tokens,
# and the matcher's time grows with how often a token repeats.
_TOKEN = re.compile(r"\s+|\S+\s*")
_EXACT_LIMIT = 2_000_000    # token pairs above which popular words are matched loosely


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Neighbouring pieces of the same kind as one; empty ones dropped."""
    out: list[Piece] = []
    for text, changed in pieces:
        if not text:
            continue
        if out and out[-1][1] == changed:
            out[-1] = (out[-1][0] + text, changed)
        else:
            out.append((text, changed))
    return tuple(out)


def _word_pieces(old: str, new: str, old_out: list[Piece], new_out: list[Piece]) -> None:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    # Matched by the word alone: "more." at the end of a text is "more. " elsewhere.
    matcher = difflib.SequenceMatcher(None, [t.rstrip() for t in a], [t.rstrip() for t in b],
                                      autojunk=len(a) * len(b) > _EXACT_LIMIT)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old_out.append(("".join(a[i1:i2]), False))
            new_out.append(("".join(b[j1:j2]), False))
            continue
        old_out.append(("".join(a[i1:i2]), True))
        new_out.append(("".join(b[j1:j2]), True))


def compare(old: str, new: str) -> Comparison:
    """What changed from `old` to `new`, word by word. Lines are matched first and
    words only inside changed lines, so a long entry compares in milliseconds."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_out: list[Piece] = []
    new_out: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if tag == "equal":
            old_out.append((before, False))
            new_out.append((after, False))
        elif tag == "replace":
            _word_pieces(before, after, old_out, new_out)
        else:
            old_out.append((before, True))
            new_out.append((after, True))
    old_pieces, new_pieces = _joined(old_out), _joined(new_out)
    return Comparison(old_pieces, new_pieces,
                      sum(word_count(text) for text, changed in old_pieces if changed),
                      sum(word_count(text) for text, changed in new_pieces if changed))


def change_summary(comparison: Comparison) -> str:
    """One sentence for the comparison, which a screen reader reads as is."""
    if comparison.same:
        return "This version's text is the same as now."

    def words(n: int) -> str:
        return f"{n:,} word{'' if n == 1 else 's'} {'was' if n == 1 else 'were'}"

    removed = comparison.removed_words or any(c for _, c in comparison.old)
    added = comparison.added_words or any(c for _, c in comparison.new)
    if removed and added:
        return (f"Since this version, {words(comparison.removed_words)} taken out (struck "
                f"through) and {comparison.added_words:,} added (underlined).")
    if removed:
        return f"Since this version, {words(comparison.removed_words)} taken out (struck through)."
    return f"Since this version, {words(comparison.added_words)} added (underlined)."
