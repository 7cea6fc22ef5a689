"""Journal entries and their optional check-ins."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

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


def normalize_tags(tags: object) -> tuple[str, ...]:
    """Tags as stored: single-line, lower-case, unique, in the order first given."""
    if isinstance(tags, str):
        tags = tags.split(",")
    out: list[str] = []
    for raw in tags:  # type: ignore[union-attr]
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
            checkin: CheckIn | None = None, tags: object = ()) -> Entry:
        """A new entry from raw input: text cleaned, tags normalised, time to the minute."""
        now = datetime.now().replace(microsecond=0)
        return cls(id=new_id(), written_at=(written_at or now).replace(microsecond=0),
                   title=clean_line(title), body=clean_text(body),
                   checkin=checkin or CheckIn(), tags=normalize_tags(tags), updated_at=now)

    def edited(self, **changes: object) -> Entry:
        """A copy with `changes` applied (cleaned like `new`) and a fresh `updated_at`."""
        if "title" in changes:
            changes["title"] = clean_line(str(changes["title"]))
        if "body" in changes:
            changes["body"] = clean_text(str(changes["body"]))
        if "tags" in changes:
            changes["tags"] = normalize_tags(changes["tags"])
        return replace(self, **changes, updated_at=datetime.now().replace(microsecond=0))

    @property
    def heading(self) -> str:
        """What the list shows: the title, else the first line of the body."""
        if self.title:
            return self.title
        first = next((line.strip() for line in self.body.splitlines() if line.strip()), "")
        return first[:120] or "Untitled entry"

    @property
    def is_blank(self) -> bool:
        return not self.title and not self.body.strip() and self.checkin.is_empty \
            and not self.tags
