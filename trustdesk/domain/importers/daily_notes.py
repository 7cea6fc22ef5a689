"""A folder of daily notes, as Obsidian, Logseq, Zettlr or a plain editor keep them:
one file per day named `YYYY-MM-DD….md` (or `.markdown`, `.txt`), in any sub-folder.

Each file becomes one entry on its day, at noon unless the name says the time
(`2024-05-01 2130 ….md`, as TrustDesk's own Markdown export names files) or the
front matter's `date` does. Optional YAML front matter between `---` lines may
give `title`, `tags` (a list or "a, b"), `mood` (0-10; a word is kept as the tag
"mood:WORD"), `trust_others` and `trust_self` (0-10), and `date`. Without a
`title`, a first line that is a heading (`# Title`) is the title. The id is
derived from the date, title and words, so importing the folder twice adds nothing.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from trustdesk.domain.importers import yaml_lite
from trustdesk.domain.importers.common import (
    Collector,
    Source,
    SourceFile,
    decode_text,
    import_tags,
    stable_id,
    unescape_markdown,
)
from trustdesk.domain.journal import CheckIn

NAME = "notes"
LABEL = "a folder of daily notes"
NOON = time(12, 0)
_NOTE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ _T-]?(\d{2})[:.h]?(\d{2})(?!\d))?"
                   r"[^/]*\.(md|markdown|txt)$", re.IGNORECASE)
_FRONT = re.compile(r"^---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)


def note_files(source: Source) -> list[SourceFile]:
    return [one for one in source.files if _NOTE.match(one.name)]


def _when(one: SourceFile, front: dict[str, Any]) -> datetime | None:
    match = _NOTE.match(one.name)
    assert match is not None
    stated = front.get("date")
    if isinstance(stated, str):
        try:
            moment = datetime.fromisoformat(stated.strip())
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone().replace(tzinfo=None)
            if " " in stated.strip() or "T" in stated:
                return moment
    try:
        clock = NOON
        if match[4]:
            clock = time(int(match[4]), int(match[5]))
        return datetime(int(match[1]), int(match[2]), int(match[3]), clock.hour,
                        clock.minute)
    except ValueError:
        return None


def _rating(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 <= value <= 10 else None


def _tags(front: dict[str, Any]) -> list[str]:
    raw = front.get("tags", front.get("tag"))
    if isinstance(raw, str):
        raw = [part for part in re.split(r"[,\s]+", raw) if part]
    return [str(tag) for tag in raw] if isinstance(raw, list) else []


def read_note(one: SourceFile, where: str, collector: Collector) -> None:
    text = decode_text(one.data, one.path)
    front: dict[str, Any] = {}
    matter = _FRONT.match(text)
    if matter:
        try:
            parsed = yaml_lite.load(matter[1] or "")
        except yaml_lite.YamlProblem as problem:
            collector.skip(where, f"its front matter can't be read ({problem})")
            return
        front = parsed if isinstance(parsed, dict) else {}
        text = text[matter.end():]
    written_at = _when(one, front)
    if written_at is None:
        collector.skip(where, "the date in its name doesn't exist")
        return
    body = text.strip("\n")
    named = front.get("title")
    title = named if isinstance(named, str) else ""
    if not title:
        first, _, rest = body.partition("\n")
        heading = re.match(r"^#{1,6}\s+(.+?)\s*#*\s*$", first)
        if heading:
            title, body = unescape_markdown(heading[1]), rest.strip("\n")
    tags = _tags(front)
    mood = front.get("mood")
    if mood is not None and _rating(mood) is None:
        tags.insert(0, f"mood:{mood}")
    checkin = CheckIn(_rating(mood), _rating(front.get("trust_others")),
                      _rating(front.get("trust_self")))
    collector.add(where, entry_id=stable_id("note", written_at.isoformat(), title, body),
                  written_at=written_at, title=title, body=body, tags=import_tags(tags),
                  checkin=checkin)


def read(source: Source, collector: Collector | None = None) -> Collector:
    collector = collector or Collector(LABEL)
    for one in sorted(note_files(source), key=lambda f: f.path):
        read_note(one, one.path, collector)
    return collector
