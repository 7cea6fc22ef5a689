"""Journal entries and their optional check-ins."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from trustdesk.domain import clock
from trustdesk.domain.clock import check_new_date
from trustdesk.domain.markdown_plain import line_text
from trustdesk.domain.text import (
    InvalidRecord,
    check_datetime,
    check_length,
    check_rating,
    clean_line,
    clean_text,
    new_id,
)

MAX_BODY = 1_000_000
MAX_TITLE = 300
MAX_TAG = 40
MAX_TAGS = 30
RATING_MIN, RATING_MAX = 0, 10
HEADING_CHARS = 120
PREVIEW_CHARS = 200
LINES_READ = 200        # lines with something in them that a heading is looked for in
_NOT_SPACE = re.compile(r"\S")
UNTITLED = "Untitled entry"
CHECK_IN_ONLY = "Check-in"


@dataclass(frozen=True)
class CheckIn:
    """Optional ratings, 0 to 10; None means "not rated", which is not 0."""

    mood: int | None = None
    trust_others: int | None = None
    trust_self: int | None = None

    def __post_init__(self) -> None:
        check_rating(self.mood, RATING_MIN, RATING_MAX, "Mood")
        check_rating(self.trust_others, RATING_MIN, RATING_MAX, "Trust in others")
        check_rating(self.trust_self, RATING_MIN, RATING_MAX, "Trust in myself")

    @property
    def is_empty(self) -> bool:
        return self.mood is None and self.trust_others is None and self.trust_self is None


def normalize_tags(tags: str | Iterable[object]) -> tuple[str, ...]:
    """Tags as stored: single-line, lower-case, unique, in the order first given."""
    if isinstance(tags, str):
        tags = tags.split(",")
    out: list[str] = []
    for raw in tags:
        tag = clean_line(str(raw)).lstrip("#").strip().lower()
        if tag and tag not in out:
            if len(tag) > MAX_TAG:
                raise InvalidRecord(f"Tags can be at most {MAX_TAG} characters.")
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise InvalidRecord(f"An entry can have at most {MAX_TAGS} tags.")
    return tuple(out)


@dataclass(frozen=True)
class Entry:
    """One journal entry. `written_at` is local wall-clock time, as the person sees
    it (back-dating is normal); `updated_at` decides which copy wins on import."""

    id: str
    written_at: datetime
    title: str = ""
    body: str = ""
    checkin: CheckIn = field(default_factory=CheckIn)
    tags: tuple[str, ...] = ()
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.id or len(self.id) > 64:
            raise InvalidRecord("An entry needs an id of 1 to 64 characters.")
        if self.written_at.tzinfo is not None:
            raise InvalidRecord("Entry times are stored as local time, without an offset.")
        check_datetime(self.written_at, "The entry's date")
        check_length(self.title, MAX_TITLE, "The title")
        check_length(self.body, MAX_BODY, "This entry")

    @classmethod
    def new(cls, *, written_at: datetime | None = None, title: str = "", body: str = "",
            checkin: CheckIn | None = None, tags: str | Iterable[object] = (),
            now: clock.Clock = clock.now) -> Entry:
        """A new entry from raw input: text cleaned, tags normalised, time to the minute.
        Its date must be one a person may set on `now()`'s day (`clock.check_new_date`)."""
        stamp = now().replace(microsecond=0)
        if written_at is not None:
            check_new_date(written_at, "The entry's date", on=stamp.date())
        return cls(id=new_id(), written_at=(written_at or stamp).replace(microsecond=0),
                   title=clean_line(title), body=clean_text(body),
                   checkin=checkin or CheckIn(), tags=normalize_tags(tags), updated_at=stamp)

    def edited(self, *, now: clock.Clock = clock.now, **changes: Any) -> Entry:
        """A copy with `changes` applied (cleaned like `new`) and `updated_at` from
        `now`. A changed date is checked like a new one; an unchanged date never is,
        however far it lies from today's (the clock may have moved since it was
        written)."""
        stamp = now().replace(microsecond=0)
        when = changes.get("written_at")
        if isinstance(when, datetime) and when != self.written_at:
            check_new_date(when, "The entry's date", on=stamp.date())
        if "title" in changes:
            changes["title"] = clean_line(str(changes["title"]))
        if "body" in changes:
            changes["body"] = clean_text(str(changes["body"]))
        if "tags" in changes:
            changes["tags"] = normalize_tags(changes["tags"])
        return replace(self, **changes, updated_at=stamp)

    @property
    def heading(self) -> str:
        """What the list shows: the title, else the first line of the body."""
        return heading_of(self.title, first_line(self.body), self.checkin)

    @property
    def is_blank(self) -> bool:
        return not self.title and not self.body.strip() and self.checkin.is_empty \
            and not self.tags


def first_line(body: str) -> str:
    """The body's first line with words in it, as a reader sees it (Markdown's marks
    set: "## What helped" is "What helped", "> " of a quoted guide prompt gone),
    spaces collapsed, trimmed to HEADING_CHARS."""
    return next(_plain_lines(body), "")[:HEADING_CHARS]


def _plain_lines(text: str) -> Iterator[str]:
    """`text`'s lines with words in them, marks set and spaces collapsed, lazily;
    blank lines are skipped in one step, and only the first LINES_READ lines with
    anything in them are read (a body of a million lines of marks stays quick)."""
    for start, end in _filled_lines(text):
        line = " ".join(line_text(text[start:end]).split())
        if line:
            yield line


def _filled_lines(text: str) -> Iterator[tuple[int, int]]:
    """Where the first LINES_READ lines of `text` that aren't blank start and end."""
    start = 0
    for _ in range(LINES_READ):
        found = _NOT_SPACE.search(text, start)
        if found is None:
            return
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


def heading_of(title: str, body_first_line: str, checkin: CheckIn | None = None) -> str:
    """The title, else the first line; an entry that is only a check-in says so."""
    if title or body_first_line:
        return title or body_first_line
    return CHECK_IN_ONLY if checkin is not None and not checkin.is_empty else UNTITLED


def preview_of(title: str, body: str) -> str:
    """A one-line taste of the body for the list, as a reader sees it: what follows
    the heading, so the first line isn't shown twice when it already is the heading."""
    if title:
        words = _NOT_SPACE.search(body)
        start = words.start() if words else len(body)
        lines = _plain_lines(body[start:start + PREVIEW_CHARS * 4])
    else:
        lines = _plain_lines(_after_first_words(body))
    preview = ""
    for line in lines:   # a bounded slice: a million-character body needs no full split
        preview = f"{preview} {line}" if preview else line
        if len(preview) >= PREVIEW_CHARS:
            break
    return preview[:PREVIEW_CHARS]


def _after_first_words(body: str) -> str:
    """What follows the line `first_line` takes the heading from, a bounded slice."""
    for start, end in _filled_lines(body):
        if line_text(body[start:end]).strip():
            return body[end + 1:end + 1 + PREVIEW_CHARS * 4]
    return ""


@dataclass(frozen=True)
class EntryRow:
    """One line of the journal list: everything but the body, so ten years stay light."""

    id: str
    written_at: datetime
    heading: str
    preview: str = ""
    checkin: CheckIn = field(default_factory=CheckIn)
    tags: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Lists are newest first: descending by this key."""
        return (self.written_at, self.id)


def row_of(entry: Entry) -> EntryRow:
    """The list row for an entry, exactly as the repository would return it."""
    return EntryRow(id=entry.id, written_at=entry.written_at.replace(microsecond=0),
                    heading=entry.heading, preview=preview_of(entry.title, entry.body),
                    checkin=entry.checkin, tags=entry.tags)


@dataclass(frozen=True)
class JournalFilter:
    """Which entries the list shows: one tag and/or an inclusive range of local
    dates. None means no limit on that side."""

    tag: str | None = None
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise InvalidRecord("The start date must be on or before the end date.")

    @property
    def is_empty(self) -> bool:
        return self.tag is None and self.start is None and self.end is None

    def matches(self, row: EntryRow) -> bool:
        day = row.written_at.date()
        return ((self.tag is None or self.tag in row.tags)
                and (self.start is None or day >= self.start)
                and (self.end is None or day <= self.end))


def day_bounds(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    """Inclusive local dates as half-open ISO text bounds on `written_at`:
    start <= written_at < end_exclusive. None stays None (open-ended)."""
    low = start.isoformat() if start is not None else None
    high = None
    if end is not None and end < date.max:
        high = (end + timedelta(days=1)).isoformat()
    return low, high


@dataclass(frozen=True)
class SearchHit:
    """A search result: the entry's row and a short excerpt as (text, matched)
    pieces, so the UI can mark matched words without parsing anything."""

    row: EntryRow
    excerpt: tuple[tuple[str, bool], ...] = ()

    @property
    def excerpt_text(self) -> str:
        return "".join(text for text, _ in self.excerpt)
