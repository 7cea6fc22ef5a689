"""The journal as Markdown: one file per entry, or everything in one file.

Per entry: `YYYY-MM-DD HHMM heading.md`, with a small front matter (the date,
the check-in ratings that were given, the tags) and the title as a heading above
the words. Titles are escaped and headings inside the words are moved below the
entry's own heading, so a body can't break the file's outline. File names are
safe on Linux, macOS and Windows: no path separators, reserved or invisible
characters, at most MAX_NAME_BYTES bytes, unique without regard to case. Pure
functions: the writing happens in storage.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from trustdesk.domain.dates import long_date
from trustdesk.domain.journal import Entry

MAX_HEADING_CHARS = 60
MAX_NAME_BYTES = 160          # well under the 255 bytes most file systems allow
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
RATINGS = (("mood", "Mood"), ("trust_others", "Trust in others"),
            ("trust_self", "Trust in myself"))


def safe_name(text: str, *, limit: int = MAX_HEADING_CHARS) -> str:
    """`text` as part of a file name: unsafe and invisible characters (controls,
    bidirectional overrides, zero-width marks) removed, spaces folded, no leading or
    trailing dots, shortened to `limit` characters. May return ""."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch) in ("Zl", "Zp", "Zs") else ch
                   for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co",
                                                                      "Cn"))
    text = " ".join(_UNSAFE.sub(" ", text).split())
    text = text[:limit].strip(" .")
    while len(text.encode("utf-8")) > MAX_NAME_BYTES - 40:
        text = text[:-1]
    return text.strip(" .")


def entry_file_name(entry: Entry, taken: set[str]) -> str:
    """`2024-05-01 2130 heading.md`, unique among `taken` (compared case-folded);
    adds the new name to `taken`."""
    stem = f"{entry.written_at:%Y-%m-%d %H%M}"
    heading = safe_name(entry.heading)
    if heading:
        stem = f"{stem} {heading}"
    name, number = f"{stem}.md", 2
    while name.casefold() in taken:
        name = f"{stem} ({number}).md"
        number += 1
    taken.add(name.casefold())
    return name


_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_NOT_PARAGRAPH = re.compile(r"^\s*$|^ {0,3}([-+*>#]|\d+[.)])(\s|$)")
_TITLE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def escape_title(title: str) -> str:
    """A title as Markdown text that reads as itself: `*`, `_`, `#`, brackets and the
    like are backslash-escaped, so "C# *is* fun" isn't turned into emphasis."""
    return _TITLE_SPECIAL.sub(r"\\\1", title)


def demote_headings(body: str, levels: int) -> str:
    """`body` with its Markdown headings `levels` deeper (at most ######), so they sit
    below the entry's own heading. Underlined (setext) headings become # headings;
    fenced code is left alone."""
    lines = body.split("\n")
    out: list[str] = []
    fence = ""
    for line in lines:
        opening = _FENCE.match(line)
        if fence:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opening:
            fence = opening[1]
            out.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            depth = min(6, len(heading[2]) + levels)
            out.append(f"{heading[1]}{'#' * depth}{line[heading.end():]}")
            continue
        underline = _SETEXT.match(line)
        if underline and out and not _NOT_PARAGRAPH.match(out[-1]) \
                and not _HEADING.match(out[-1]):
            depth = min(6, (1 if underline[1][0] == "=" else 2) + levels)
            out[-1] = f"{'#' * depth} {out[-1].strip()}"
            continue
        out.append(line)
    return "\n".join(out)


def local_moment(moment: datetime) -> str:
    """A stored (local, offset-free) time with seconds and this computer's offset at
    that moment: 2024-05-01T21:30:00+02:00."""
    return moment.astimezone().isoformat(timespec="seconds")


def front_matter(entry: Entry) -> str:
    lines = ["---", f"date: {local_moment(entry.written_at)}"]
    for key, _label in RATINGS:
        value = getattr(entry.checkin, key)
        if value is not None:
            lines.append(f"{key}: {value}")
    lines.append(f"tags: {json.dumps(list(entry.tags), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def entry_markdown(entry: Entry) -> str:
    """One entry's file: front matter, the title as a heading, then the words."""
    parts = [front_matter(entry)]
    if entry.title:
        parts.append(f"# {escape_title(entry.title)}\n")
    if entry.body:
        parts.append(demote_headings(entry.body.rstrip("\n"), 1) + "\n")
    return "\n".join(parts)


def checkin_line(entry: Entry) -> str:
    """ "Mood 6 · Trust in others 4 · Tags: work, family", or "" when there is none."""
    parts = [f"{label} {getattr(entry.checkin, key)}" for key, label in RATINGS
             if getattr(entry.checkin, key) is not None]
    if entry.tags:
        parts.append("Tags: " + ", ".join(entry.tags))
    return " · ".join(parts)


def _long_date(moment: datetime) -> str:
    return long_date(moment)


def journal_markdown(entries: Iterable[Entry], *, exported_at: datetime, count: int) -> str:
    """Every entry in one file, oldest first, each under a dated heading."""
    out = [f"# Journal\n\nExported from TrustDesk on {_long_date(exported_at)} at "
           f"{exported_at:%H:%M}: "
           f"{count:,} {'entry' if count == 1 else 'entries'}.\n"]
    for entry in entries:
        heading = f"{_long_date(entry.written_at)}, {entry.written_at:%H:%M}"
        if entry.title:
            heading += f" · {escape_title(entry.title)}"
        block = [f"---\n\n## {heading}\n"]
        details = checkin_line(entry)
        if details:
            block.append(f"*{details}*\n")
        if entry.body:
            block.append(demote_headings(entry.body.rstrip("\n"), 2) + "\n")
        out.append("\n".join(block))
    return "\n".join(out)
