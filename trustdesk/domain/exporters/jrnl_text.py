"""The journal in jrnl's plain-text format, which `jrnl --import` reads back with the
same entries, dates and tags.

Each entry is `[YYYY-MM-DD HH:MM] Title` (with ` *` when it has the tag "starred"),
then its words, then one line with its tags as `@tag` (spaces in a tag become `-`)
and, when it has a check-in, a line like `Mood 6 · Trust in others 4`: jrnl has no
ratings, so they are kept as words. An entry without a title takes its first line
of words as the title, as jrnl would. A line of words that starts like an entry
(`[…] `) gets a backslash in front (`\\[`), so jrnl never mistakes it for the start
of a new entry; TrustDesk's jrnl importer takes the backslash off again. Entries
are separated by a blank line, oldest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustdesk.domain.importers.common import STARRED_TAG
from trustdesk.domain.journal import CHECK_IN_ONLY, Entry
from trustdesk.domain.markdown_export import RATINGS

TIME_FORMAT = "%Y-%m-%d %H:%M"
_LOOKS_LIKE_START = re.compile(r"^\[[^\]\n]+\] ")   # jrnl's start of an entry


def jrnl_tag(tag: str) -> str:
    return "@" + "-".join(tag.split())


def entry_text(entry: Entry) -> str:
    words = [("\\" + line if _LOOKS_LIKE_START.match(line) else line)
             for line in entry.body.strip("\n").split("\n")] if entry.body.strip() else []
    title = entry.title
    if not title:
        title = words.pop(0).strip() if words else CHECK_IN_ONLY
    tags = [tag for tag in entry.tags if tag != STARRED_TAG]
    extra = []
    if tags:
        extra.append(" ".join(jrnl_tag(tag) for tag in tags))
    ratings = [f"{label} {getattr(entry.checkin, key)}" for key, label in RATINGS
               if getattr(entry.checkin, key) is not None]
    if ratings:
        extra.append(" · ".join(ratings))
    lines = [f"[{entry.written_at:{TIME_FORMAT}}] {title}"
             + (" *" if STARRED_TAG in entry.tags else "")]
    body = "\n".join(words).strip("\n")
    if body:
        lines.append(body)
    if extra:
        lines.append(("\n" if body else "") + "\n".join(extra))
    return "\n".join(lines) + "\n"


def journal_text(entries: Iterable[Entry]) -> str:
    """Every entry, oldest first as given, a blank line between them."""
    return "\n".join(entry_text(entry) for entry in entries)
