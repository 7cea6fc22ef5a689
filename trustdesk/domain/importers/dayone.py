"""Day One's JSON export: `Journal.json` (one file per journal) inside the export's
zip, beside a `photos/` folder, or unzipped.

The file is `{"metadata": {...}, "entries": [...]}`; an entry has `uuid`,
`creationDate` and `modifiedDate` (UTC, `2019-03-02T09:15:00Z`), `timeZone` (the
zone it was written in, `Europe/Berlin`), `text` (Markdown, with Day One's escapes
like `\\.` and media as `![](dayone-moment://ID)`), `tags`, `starred`, and lists of
`photos`, `videos`, `audios` and `pdfAttachments`.

Mapping: the local time of writing (creationDate in its timeZone) becomes
`written_at`; modifiedDate, likewise, `updated_at`; a first line that is a heading
becomes the title; the escapes are undone; each media link becomes a short visible
note ("[Photo from Day One: not imported]"), so nothing disappears in silence; an
entry with media but no words still comes in, holding only those notes. Tags come
as tags, starred as the tag "starred", and when the export holds several journals,
each journal's name as a tag too. The id is `dayone-` and the entry's uuid.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers.common import (
    Collector,
    Source,
    SourceFile,
    import_tags,
    stable_id,
    unescape_markdown,
)

NAME = "dayone"
LABEL = "a Day One export"
_MEDIA_LISTS = {"photos": "Photo", "videos": "Video", "audios": "Audio recording",
                "pdfAttachments": "PDF"}
_LINK_KINDS = {"": "Photo", "photo": "Photo", "video": "Video", "audio": "Audio recording",
               "pdfattachment": "PDF", "pdf": "PDF"}
_MEDIA_LINK = re.compile(r"!\[[^\]]*\]\(dayone-moment:/{1,2}(?:(\w+)/)?[^)\s]*\)")
_UUID = re.compile(r"^[0-9A-Fa-f]{32}$")


def looks_like_dayone(document: Any) -> bool:
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return False
    first = next((item for item in document["entries"] if isinstance(item, dict)), None)
    if first is None:
        return isinstance(document.get("metadata"), dict)
    return "creationDate" in first


def note(kind: str, count: int = 1) -> str:
    if count == 1:
        return f"[{kind} from Day One: not imported]"
    return f"[{count} {kind.lower()}s from Day One: not imported]"


def local_time(value: Any, zone: Any) -> datetime | None:
    """A Day One UTC stamp as local wall-clock time in `zone` (the computer's own zone
    when the entry names none, or one this computer doesn't know)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    tz = None
    if isinstance(zone, str) and zone:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            tz = None
    try:
        local = moment.astimezone(tz) if tz else moment.astimezone()
    except (OverflowError, ValueError):
        return None
    return local.replace(tzinfo=None, microsecond=0)


def _text(item: dict[str, Any]) -> tuple[str, str, bool]:
    """(title, body, has_words): media links replaced by notes, escapes undone."""
    raw = item.get("text") or ""
    if not isinstance(raw, str):
        raise ImportProblem("text must be text")
    linked: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        kind = _LINK_KINDS.get((match[1] or "").lower(), "Photo")
        linked[kind] = linked.get(kind, 0) + 1
        return note(kind)

    text = _MEDIA_LINK.sub(replace, raw)
    extra = []
    for key, kind in _MEDIA_LISTS.items():
        items = item.get(key)
        count = len(items) if isinstance(items, list) else 0
        if count > linked.get(kind, 0):
            extra.append(note(kind, count - linked.get(kind, 0)))
    words = _MEDIA_LINK.sub("", raw).strip()
    text = unescape_markdown(text).strip("\n")
    if extra:
        text = (text + "\n\n" if text else "") + "\n".join(extra)
    lines = text.split("\n")
    title = ""
    if lines and lines[0].startswith("#") and words:
        title = lines[0].lstrip("#").strip()
        text = "\n".join(lines[1:]).strip("\n")
    return title, text, bool(words)


def read_document(document: dict[str, Any], where: str, collector: Collector, *,
                  journal_tag: str | None = None) -> None:
    media_only = 0
    for number, item in enumerate(document.get("entries", []), start=1):
        place = f"{where}entry {number}"
        if not isinstance(item, dict):
            collector.skip(place, "isn't an entry record")
            continue
        written_at = local_time(item.get("creationDate"), item.get("timeZone"))
        if written_at is None:
            collector.skip(place, "creationDate is missing or isn't a date and time")
            continue
        uuid = item.get("uuid")
        entry_id = f"dayone-{uuid.upper()}" if isinstance(uuid, str) and _UUID.match(uuid) \
            else stable_id("dayone", str(uuid), str(item.get("creationDate")),
                           str(item.get("text")))
        try:
            title, body, has_words = _text(item)
        except ImportProblem as problem:
            collector.skip(place, problem.message)
            continue
        listed = item.get("tags")
        raw_tags = listed if isinstance(listed, list) else []
        tags = import_tags([tag for tag in raw_tags if isinstance(tag, str)]
                           + ([journal_tag] if journal_tag else []),
                           starred=item.get("starred") is True)
        added = collector.add(place, entry_id=entry_id, written_at=written_at, title=title,
                              body=body, tags=tags,
                              updated_at=local_time(item.get("modifiedDate"),
                                                    item.get("timeZone")))
        if added is not None and not has_words and body:
            media_only += 1
    if media_only:
        collector.notes.append(
            f"{media_only:,} {'entry holds' if media_only == 1 else 'entries hold'} only "
            "photos or other media, which TrustDesk doesn't keep: each says so in a short "
            "note.")


def read(source: Source, documents: list[tuple[SourceFile, Any]],
         collector: Collector | None = None) -> Collector:
    """Every journal file among `documents` (already parsed JSON) that is Day One's."""
    collector = collector or Collector(LABEL)
    journals = [(one, doc) for one, doc in documents if looks_like_dayone(doc)]
    several = len(journals) > 1
    for one, doc in journals:
        name = one.name.removesuffix(".json")
        where = f"{one.path}: " if source.kind != "file" else ""
        read_document(doc, where, collector, journal_tag=name if several else None)
    return collector
