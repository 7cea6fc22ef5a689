"""RedNotebook's data folder (`~/.rednotebook/data`, or a backup zip of it): one
month file `YYYY-MM.txt` each, written with PyYAML: a mapping from the day of the
month to that day's content, `{text: '...', CATEGORY: {ENTRY: null, ...}}`.

Mapping: each day with words or categories becomes one entry at noon of its day
(RedNotebook keeps no time). Its txt2tags markup becomes Markdown: `//italic//`,
`--struck--`, `= Heading =`, `+ numbered` lists, `[label ""url""]` links and
`[""picture"".png]` pictures (a short visible note, as the picture isn't in the
month file); `**bold**` and `- lists` are the same in both. Categories become tags:
the entries of RedNotebook's "Tags" category are the tags; any other category's
name is a tag, and its entries are added to the end of the words
("- Work: meeting with Anna"), so nothing is lost. The id is derived from the day
and its content. RedNotebook's own leftovers (`2019-03.new.txt`, conflict copies)
are not read.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from trustdesk.domain.importers import yaml_lite
from trustdesk.domain.importers.common import (
    Collector,
    Source,
    SourceFile,
    decode_text,
    import_tags,
    stable_id,
)

NAME = "rednotebook"
LABEL = "a RedNotebook journal"
NOON = time(12, 0)
_MONTH_FILE = re.compile(r"(?:^|/)(\d{4})-(\d{2})\.txt$")
_HEADING = re.compile(r"^(\s*)(=+|\++)\s+(.+?)\s+\2\s*$")
_NUMBERED = re.compile(r"^(\s*)\+ (.*)$")
_ITALIC = re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")
_STRIKE = re.compile(r"(?<![-\w])--(?=\S)(.+?)(?<=\S)--(?![-\w])")
_PICTURE = re.compile(r'\[""([^"\]]*?)""(\.\w+)\]')
_LINK = re.compile(r'\[([^\[\]]*?)\s*""([^"\]]+)""\]')
_PLAIN_LINK = re.compile(r"\[([^\[\]]+?)\s+((?:https?|ftp|file|mailto):[^\s\]]+)\]")
_MONO = re.compile(r"``(.+?)``")
TAGS_CATEGORY = "tags"


def month_files(source: Source) -> list[tuple[SourceFile, int, int]]:
    out = []
    for one in source.files:
        match = _MONTH_FILE.search(one.path)
        if match and 1 <= int(match[2]) <= 12:
            out.append((one, int(match[1]), int(match[2])))
    return out


def looks_like_month(text: str) -> bool:
    """Starts like a RedNotebook month file: a day number and a colon."""
    first = text.lstrip("\ufeff \n")
    return re.match(r"^(\d{1,2}):\s", first) is not None or first == "{}\n"


def to_markdown(text: str) -> str:
    """RedNotebook's txt2tags markup as Markdown."""
    out = []
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:   # = Title = and numbered + Title +
            line = f"{'#' * min(len(heading[2]), 6)} {heading[3]}"
        else:
            numbered = _NUMBERED.match(line)
            if numbered:
                line = f"{numbered[1]}1. {numbered[2]}"
        line = _PICTURE.sub(lambda m: f"[Picture {_last(m[1])}{m[2]}: not imported]", line)
        line = _LINK.sub(lambda m: f"[{m[1].strip() or m[2]}]({m[2]})", line)
        line = _PLAIN_LINK.sub(r"[\1](\2)", line)
        line = _ITALIC.sub(r"*\1*", line)
        line = _STRIKE.sub(r"~~\1~~", line)
        line = _MONO.sub(r"`\1`", line)
        out.append(line)
    return "\n".join(out)


def _last(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _categories(content: dict[Any, Any]) -> tuple[list[str], list[str]]:
    """(tags, lines to add to the words) from a day's categories."""
    tags: list[str] = []
    lines: list[str] = []
    for name, entries in content.items():
        if name == "text" or name is None:
            continue
        name = str(name)
        items = [str(item) for item in entries] if isinstance(entries, dict) else []
        if name.strip().lower() == TAGS_CATEGORY:
            tags.extend(items)
            continue
        tags.append(name)
        lines.extend(f"- {name}: {item}" for item in items if item.strip())
    return tags, lines


def read(source: Source, collector: Collector | None = None) -> Collector:
    collector = collector or Collector(LABEL)
    for one, year, month in sorted(month_files(source), key=lambda item: item[0].path):
        try:
            document = yaml_lite.load(decode_text(one.data, one.path))
        except yaml_lite.YamlProblem as problem:
            collector.skip(one.path, f"can't be read as a RedNotebook month file ({problem})")
            continue
        if document is None:
            continue
        if not isinstance(document, dict):
            collector.skip(one.path, "isn't a RedNotebook month file (no days in it)")
            continue
        for day_number, content in sorted(document.items(), key=lambda item: str(item[0])):
            where = f"{one.path}, day {day_number}"
            try:
                day = date(year, month, int(day_number))
            except (TypeError, ValueError):
                collector.skip(where, "isn't a day of that month")
                continue
            if not isinstance(content, dict):
                collector.skip(where, "has no text or categories")
                continue
            raw = content.get("text")
            text = to_markdown(raw.strip("\n")) if isinstance(raw, str) else ""
            tags, lines = _categories(content)
            title = ""
            first, _, rest = text.partition("\n")
            if first.startswith("# "):     # a first line "= Title =" is the day's title
                title, text = first[2:].strip(), rest.strip("\n")
            body = text + ("\n\n" if text and lines else "") + "\n".join(lines)
            if not body.strip() and not title and not tags:
                continue
            collector.add(where, entry_id=stable_id("rednotebook", day.isoformat(), title,
                                                    body, "\x1e".join(tags)),
                          written_at=datetime.combine(day, NOON), title=title, body=body,
                          tags=import_tags(tags))
    return collector
