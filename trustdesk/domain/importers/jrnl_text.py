"""jrnl's own journals: the plain-text file (`journal.txt`) and the folder journal
(`YYYY/MM/DD.txt`, one file per day holding that day's entries).

Each entry starts on a new line with its date in brackets and a space:
`[2019-03-02 10:15] Title. Body…`, the date in jrnl's `timeformat` (the default
`%Y-%m-%d %H:%M`, or `%Y-%m-%d %I:%M:%S %p` that `jrnl --config-file` writes, with
or without seconds). As jrnl reads it: a first line ending in ` *` is starred; the
title is the first line, or the first sentence when the text is one line; tags are
words starting with `@` or `#`. Ids are the same as for jrnl's JSON export.
"""

from __future__ import annotations

import re
from datetime import datetime

from trustdesk.domain.importers.common import (
    Collector,
    Source,
    SourceFile,
    decode_text,
    import_tags,
)
from trustdesk.domain.importers.jrnl_json import jrnl_id

LABEL = "a jrnl text journal"
FOLDER_LABEL = "a jrnl folder journal"
_HEADER = re.compile(r"(?:^|\n)\[([^\]\n]{6,40})\] ")
_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}")
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M:%S %p",
            "%Y-%m-%d %I:%M %p", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")
_FOLDER_FILE = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})\.txt$")
_ESCAPED_START = re.compile(r"(?m)^\\(\[[^\]\n]+\] )")  # TrustDesk's jrnl export escapes these
_TAG = re.compile(r"(?<!\S)([@#][-+*#/\w]+)")
_SENTENCE = re.compile(r"([.!?\u2026\u203C\u203D\u2047-\u2049\u22EF\uFE52\uFE57]['\u2019\"\u201D]?"
                       r"[\])]*\s+)|[\uFF01\uFF0E\uFF1F\uFF61\u3002]")


def folder_files(source: Source) -> list[SourceFile]:
    return [one for one in source.files if _FOLDER_FILE.search(one.path)]


def looks_like_text(text: str) -> bool:
    """The text's first non-blank line starts with a bracketed date and a space."""
    first = text.lstrip("\ufeff \n\t")
    match = _HEADER.match(first)
    return match is not None and _SHAPE.match(match[1]) is not None


def _parse_date(blob: str) -> datetime | None:
    for pattern in _FORMATS:
        try:
            return datetime.strptime(blob.strip(), pattern)
        except ValueError:
            continue
    return None


def split_title(text: str) -> tuple[str, str]:
    """jrnl's rule: the first line if there are several, else the first sentence."""
    stripped = text.lstrip()
    newline = stripped.find("\n")
    if newline >= 0:
        return stripped[:newline].strip(), stripped[newline + 1:].strip()
    sentence = _SENTENCE.search(stripped)
    if not sentence:
        return stripped.strip(), ""
    return stripped[:sentence.end()].strip(), stripped[sentence.end():].strip()


def read_text(text: str, where: str, collector: Collector) -> None:
    """Every entry in one jrnl text file's `text`."""
    starts = [match for match in _HEADER.finditer(text) if _SHAPE.match(match[1])]
    for number, match in enumerate(starts, start=1):
        end = starts[number].start() if number < len(starts) else len(text)
        raw = text[match.end():end]
        place = f"{where + ': ' if where else ''}entry {number} ([{match[1]}])"
        written_at = _parse_date(match[1])
        if written_at is None:
            collector.skip(place, f"the date {match[1]!r} isn't a date and time jrnl writes")
            continue
        lines = raw.split("\n")
        starred = bool(lines) and lines[0].rstrip().endswith("*")
        if starred:
            raw = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
        title, body = split_title(raw)
        body = _ESCAPED_START.sub(r"\1", body)
        tags = import_tags((tag for tag in _TAG.findall(raw)), starred=starred)
        collector.add(place, entry_id=jrnl_id(written_at, title, body), written_at=written_at,
                      title=title, body=body, tags=tags)


def read(source: Source, collector: Collector | None = None) -> Collector:
    files = folder_files(source)
    if files:
        collector = collector or Collector(FOLDER_LABEL)
        for one in sorted(files, key=lambda f: f.path):
            read_text(decode_text(one.data, one.path), one.path, collector)
        return collector
    collector = collector or Collector(LABEL)
    for one in source.with_suffix(".txt", ".jrnl", ".md", ""):
        text = decode_text(one.data, one.path)
        if looks_like_text(text):
            read_text(text, one.path if source.kind != "file" else "", collector)
    return collector
