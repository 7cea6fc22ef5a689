"""Bringing a jrnl journal along: entries from `jrnl --export json` (also written by
`jrnl --format json`), or one entry's file from an export to a folder.

jrnl's JSON exporter writes one object: `"tags"` (each tag with how many entries
use it) and `"entries"`, a list of `{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["@work", ...], "starred": bool}`, sometimes with `"uuid"`
and `"creator"` (Day One journals). Times are local. See docs/export-format.md.

Mapping: the date and time become `written_at`; `title` and `body` stay as they
are (a title longer than TrustDesk's limit moves to the start of the body, so no
word is lost); tags lose their `@`/`#` and become TrustDesk tags (jrnl tags are
words in the text, so a tag too long to keep is still in the words); a starred
entry gets the tag "starred". Each entry's id is derived from its date, time,
title and body, so importing the same export again adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, time
from typing import Any

from trustdesk.domain.exchange_fields import (
    MAX_RECORDS,
    Fields,
    ImportProblem,
    build_record,
    read_day,
)
from trustdesk.domain.journal import MAX_BODY, MAX_TAG, MAX_TAGS, MAX_TITLE, CheckIn, Entry
from trustdesk.domain.text import clean_line, clean_text

STARRED_TAG = "starred"
TAG_SYMBOLS = "@#"
_ENTRY_KEYS = frozenset({"title", "body", "date", "time"})
_TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$")


def looks_like_jrnl(document: Any) -> bool:
    """jrnl's journal export (an object with an "entries" list and a "tags" object),
    or one entry of an export to a folder (`jrnl --export json -o DIR/`)."""
    if not isinstance(document, dict) or "format" in document:
        return False
    return _is_journal(document) or document.keys() >= _ENTRY_KEYS


def _is_journal(document: dict[str, Any]) -> bool:
    return isinstance(document.get("entries"), list) and isinstance(document.get("tags"), dict)


def jrnl_id(written_at: datetime, title: str, body: str) -> str:
    """A stable id from an entry's content: the same words at the same minute always
    get the same id."""
    digest = hashlib.sha256("\x1f".join((written_at.isoformat(), title, body))
                            .encode("utf-8")).hexdigest()
    return f"jrnl-{digest[:32]}"


def jrnl_tags(raw: tuple[str, ...], starred: bool) -> tuple[str, ...]:
    out: list[str] = []
    for value in raw:
        tag = clean_line(value).lstrip(TAG_SYMBOLS).strip().lower()
        if tag and len(tag) <= MAX_TAG and tag not in out:
            out.append(tag)
    if starred and STARRED_TAG not in out:
        out.append(STARRED_TAG)
    return tuple(out[:MAX_TAGS])


def decode_jrnl(document: dict[str, Any]) -> Any:
    """The entries of a jrnl JSON export as a Bundle (import it late: exchange.py
    imports this module). Raises ImportProblem naming the first bad entry."""
    from trustdesk.domain.exchange import Bundle

    items = document["entries"] if _is_journal(document) else [document]
    if len(items) > MAX_RECORDS:
        raise ImportProblem(f"entries has {len(items):,} records; TrustDesk imports at most "
                            f"{MAX_RECORDS:,} at once.")
    entries: dict[str, Entry] = {}
    for number, item in enumerate(items, start=1):
        entry = _entry(item, f"jrnl entry {number}")
        entries.setdefault(entry.id, entry)  # the very same words twice: keep one
    return Bundle(entries=tuple(entries.values()))


def _entry(item: Any, where: str) -> Entry:
    fields = Fields(item, where, frozenset(), strict=False)
    if not fields.has("date"):
        raise fields.problem("date is missing")
    day = read_day(fields.obj["date"], "date", where)
    clock = fields.obj.get("time", "00:00")
    match = _TIME.match(clock) if isinstance(clock, str) else None
    if match is None:
        raise fields.problem("time must be a time like 21:30")
    written_at = datetime.combine(day, time(int(match[1]), int(match[2]),
                                            int(match[3] or 0)))
    fields.check_range(day, "date")
    title = fields.text("title", MAX_BODY, line=True)
    body = fields.text("body", MAX_BODY)
    if len(title) > MAX_TITLE:
        title, body = "", clean_text(f"{title}\n{body}" if body else title)
    if len(body) > MAX_BODY:
        raise fields.problem(f"body is longer than TrustDesk keeps ({MAX_BODY:,} characters)")
    starred = fields.obj.get("starred", False)
    if not isinstance(starred, bool):
        raise fields.problem("starred must be true or false")
    tags = jrnl_tags(fields.texts("tags", 10_000, 10_000, clean=str), starred)
    return build_record(lambda: Entry(id=jrnl_id(written_at, title, body), written_at=written_at,
                                title=title, body=body, checkin=CheckIn(), tags=tags,
                                updated_at=written_at), where)
