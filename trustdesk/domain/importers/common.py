"""What every importer shares: the source it reads (files by relative path, already
read into memory by storage), text decoding, and the `Collector` that turns one
app's records into TrustDesk entries while saying out loud what it skips.

For other apps' formats an import is partial on purpose: a record that can't come
in (a date outside the journal's range, a row that can't be read) is listed with
its reason and the rest still comes in; a record that repeats another exactly is
reported as a duplicate and kept once. Ids are derived from the source, so the
same source imported twice adds nothing. Pure: no file, Qt or SQL work.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath

from trustdesk.domain.clock import EARLIEST_DATE, latest_new_date
from trustdesk.domain.exchange.fields import MAX_RECORDS, ImportProblem
from trustdesk.domain.journal import MAX_BODY, MAX_TAG, MAX_TAGS, MAX_TITLE, CheckIn, Entry
from trustdesk.domain.text import InvalidRecord, clean_line, clean_text

STARRED_TAG = "starred"
TAG_SYMBOLS = "@#"
MAX_LISTED = 100        # skipped records and duplicates listed one by one; the rest counted


# -- the source --------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceFile:
    """One file of a source: its path relative to the source ("/"-separated; a single
    file's own name), and its bytes."""

    path: str
    data: bytes

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()


@dataclass(frozen=True)
class Source:
    """What the person pointed at: a file, a .zip or a folder (`kind`), named `name`,
    with the text files in it (media and other files are left out by the reader)."""

    name: str
    kind: str
    files: tuple[SourceFile, ...]
    skipped_files: int = 0        # files left unread (photos, other kinds)
    # Parsed JSON by path, so detecting and reading parse a large export once.
    parsed: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def with_suffix(self, *suffixes: str) -> list[SourceFile]:
        return [one for one in self.files if one.suffix in suffixes]

    @property
    def noun(self) -> str:
        return {"zip": "zip", "folder": "folder"}.get(self.kind, "file")


@dataclass(frozen=True)
class Options:
    """Choices the person made for an import: `daylio_moods` maps a Daylio mood name
    (lower-case) to a 0-10 mood, on top of the five default moods."""

    daylio_moods: Mapping[str, int] = field(default_factory=dict)


def parse_mood_map(text: str) -> dict[str, int]:
    """ "super=9, gut=7" -> {"super": 9, "gut": 7}; ImportProblem names a bad pair."""
    out: dict[str, int] = {}
    for pair in text.split(","):
        if not pair.strip():
            continue
        word, sep, number = pair.rpartition("=")
        word = clean_line(word).lower()
        if not sep or not word or not number.strip().isdecimal() \
                or not 0 <= int(number) <= 10:
            raise ImportProblem(f"The mood mapping {pair.strip()!r} isn't like \"word=N\" "
                                "with N a whole number from 0 to 10.")
        out[word] = int(number)
    return out


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~=])")


def unescape_markdown(text: str) -> str:
    """Markdown's backslash escapes undone (`\\.` is `.`), as Day One writes them and as
    TrustDesk escapes titles."""
    return _ESCAPE.sub(r"\1", text)


def decode_text(data: bytes, where: str) -> str:
    """Text from bytes: UTF-8 with or without a byte order mark, or UTF-16 with one
    (what Windows PowerShell writes). Line endings become \\n."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"{where} isn't UTF-8 text (the first bad byte is at position "
                            f"{exc.start + 1:,}); save it as UTF-8 and try again.") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- what the import will do ------------------------------------------------------------
@dataclass(frozen=True)
class Skipped:
    """A record that doesn't come in: where it is in the source, and why."""

    where: str
    reason: str

    def line(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class Duplicate:
    """A record that repeats an earlier one exactly; it comes in once."""

    where: str
    first: str

    def line(self) -> str:
        return f"{self.where} is the same as {self.first}; kept once"


@dataclass(frozen=True)
class SourceReport:
    """What reading a source found besides its records: the format (`label`, said in
    messages: "a Day One export"), what was skipped and why, duplicates, and notes
    ("3 entries hold only photos ...")."""

    label: str = "a TrustDesk export"
    skipped: tuple[Skipped, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    notes: tuple[str, ...] = ()
    unrated_moods: tuple[str, ...] = ()   # mood words TrustDesk couldn't rate (Daylio)


# -- building entries -----------------------------------------------------------------
def stable_id(prefix: str, *parts: str) -> str:
    """`prefix-` and 32 hex digits of a SHA-256 of `parts`: the same source record
    always gets the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:32]}"


def import_tags(raw: Iterable[str], *, starred: bool = False) -> tuple[str, ...]:
    """Tags as TrustDesk keeps them: without a leading @ or #, lower-case, each once;
    a tag too long to keep, or beyond the 30th, is left out; `starred` adds "starred"."""
    out: list[str] = []
    for value in raw:
        tag = clean_line(str(value)).lstrip(TAG_SYMBOLS).strip().lower()
        if tag and len(tag) <= MAX_TAG and tag not in out:
            out.append(tag)
    if starred and STARRED_TAG not in out:
        out.append(STARRED_TAG)
    return tuple(out[:MAX_TAGS])


def range_problem(day: date, on: date | None = None) -> str | None:
    """Why a date can't be imported (clock.py's rule for dates being set), or None."""
    latest = latest_new_date(on)
    if day < EARLIEST_DATE:
        return (f"dated {day.isoformat()}, before {EARLIEST_DATE:%Y}, the earliest date a "
                "journal keeps")
    if day > latest:
        return f"dated {day.isoformat()}, more than a year from today"
    return None


class Collector:
    """Gathers one source's entries, with what was skipped and repeated."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.entries: list[Entry] = []
        self.skipped: list[Skipped] = []
        self.duplicates: list[Duplicate] = []
        self.notes: list[str] = []
        self.unrated_moods: list[str] = []
        self._seen: dict[str, str] = {}

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(Skipped(where, reason))

    def add(self, where: str, *, entry_id: str, written_at: datetime, title: str = "",
            body: str = "", tags: tuple[str, ...] = (), checkin: CheckIn | None = None,
            updated_at: datetime | None = None) -> Entry | None:
        """Add one entry, or list why it can't come in. A title too long for TrustDesk
        moves to the start of the body, so no word is lost."""
        if len(self.entries) >= MAX_RECORDS:
            raise ImportProblem(f"The source holds more than {MAX_RECORDS:,} entries; "
                                "TrustDesk imports at most that many at once.")
        problem = range_problem(written_at.date())
        if problem:
            self.skip(where, problem)
            return None
        title, body = clean_line(title), clean_text(body)
        if len(title) > MAX_TITLE:
            title, body = "", f"{title}\n{body}" if body else title
        if len(body) > MAX_BODY:
            self.skip(where, f"longer than TrustDesk keeps ({MAX_BODY:,} characters)")
            return None
        if entry_id in self._seen:
            self.duplicates.append(Duplicate(where, self._seen[entry_id]))
            return None
        # A last-changed time from the far future would win every later merge.
        stamp = updated_at if updated_at is not None and updated_at > written_at \
            and range_problem(updated_at.date()) is None else written_at
        try:
            entry = Entry(id=entry_id, written_at=written_at.replace(microsecond=0),
                          title=title, body=body, checkin=checkin or CheckIn(), tags=tags,
                          updated_at=stamp.replace(microsecond=0))
        except InvalidRecord as exc:
            self.skip(where, str(exc).rstrip(".").lower())
            return None
        self._seen[entry_id] = where
        self.entries.append(entry)
        return entry

    def report(self) -> SourceReport:
        return SourceReport(self.label, tuple(self.skipped), tuple(self.duplicates),
                            tuple(self.notes), tuple(self.unrated_moods))
