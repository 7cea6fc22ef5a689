"""jrnl's JSON export: `jrnl --export json` (also written by `jrnl --format json`),
or one entry's file from an export to a folder.

jrnl's JSON exporter writes one object: `"tags"` (each tag with how many entries
use it) and `"entries"`, a list of `{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["@work", ...], "starred": bool}`, sometimes with `"uuid"`
and `"creator"` (Day One journals). Times are local. See docs/export-format.md.

Mapping: the date and time become `written_at`; `title` and `body` stay as they
are (a title longer than TrustDesk's limit moves to the start of the body, so no
word is lost); tags lose their `@`/`#` and become TrustDesk tags (jrnl tags are
words in the text, so a tag too long to keep is still in the words); a starred
entry gets the tag "starred". Each entry's id is derived from its date, time,
title and body, so importing the same export again adds nothing. An entry that
can't come in (dated 1850, a time like 25:00) is listed and the rest still comes
in; an entry repeated word for word is reported and kept once.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from trustdesk.domain.exchange.fields import MAX_RECORDS, Fields, ImportProblem, read_day
from trustdesk.domain.importers.common import Collector, import_tags, stable_id
from trustdesk.domain.journal import MAX_BODY, MAX_TITLE
from trustdesk.domain.text import clean_text

NAME = "jrnl"
LABEL = "a jrnl JSON export"
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
    get the same id (jrnl's text journals get the same ids as its JSON export)."""
    return stable_id("jrnl", written_at.isoformat(), title, body)


def jrnl_tags(raw: tuple[str, ...], starred: bool) -> tuple[str, ...]:
    return import_tags(raw, starred=starred)


def read_jrnl(document: dict[str, Any], collector: Collector | None = None) -> Collector:
    """The entries of a jrnl JSON export. Raises ImportProblem only when the file as a
    whole is too big; single entries that can't come in are listed in the collector."""
    collector = collector or Collector(LABEL)
    items = document["entries"] if _is_journal(document) else [document]
    if len(items) > MAX_RECORDS:
        raise ImportProblem(f"entries has {len(items):,} records; TrustDesk imports at most "
                            f"{MAX_RECORDS:,} at once.")
    for number, item in enumerate(items, start=1):
        where = f"jrnl entry {number}"
        try:
            _entry(item, where, collector)
        except ImportProblem as problem:
            collector.skip(where, problem.message.removeprefix(f"{where}: "))
    return collector


def _entry(item: Any, where: str, collector: Collector) -> None:
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
    title = fields.text("title", MAX_BODY, line=True)
    body = fields.text("body", MAX_BODY)
    starred = fields.obj.get("starred", False)
    if not isinstance(starred, bool):
        raise fields.problem("starred must be true or false")
    tags = jrnl_tags(fields.texts("tags", 10_000, 10_000, clean=str), starred)
    collector.add(where, entry_id=_id_for(written_at, title, body), written_at=written_at,
                  title=title, body=body, tags=tags)


def _id_for(written_at: datetime, title: str, body: str) -> str:
    """The id jrnl entries have always had here: of the title and body as they are
    kept (a title too long to keep is part of the body)."""
    if len(title) > MAX_TITLE:
        title, body = "", clean_text(f"{title}\n{body}" if body else title)
    return jrnl_id(written_at, title, body)
