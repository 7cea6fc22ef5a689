"""Daylio's CSV export ("Export entries (CSV)").

One row per mood entry, in one of the header layouts Daylio has written:
`full_date,date,weekday,time,mood,activities,note_title,note` (current),
the same without `note_title`, and the older `year,date,week_day,time,mood,
activities,note`, whose `date` is a day and a month name in the phone's language
("2 March", "2. März", "2 de marzo"). Times are 24-hour ("21:15") or 12-hour
("9:15 PM"). Activities are separated by " | ".

Mapping: the five default moods become the 0-10 mood (rad 9, good 7, meh 5, bad 3,
awful 1); any other mood name (custom, or in another language) is kept as the tag
"mood:NAME" and left unrated unless `Options.daylio_moods` rates it. Activities
become tags; `note_title` the title; `note` the body (Daylio's `<br>` become line
breaks). A row without a note is a check-in: an entry with a mood and no words.
A row that is short, or whose date or time can't be read, is listed and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time

from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers.common import (
    Collector,
    Options,
    SourceFile,
    decode_text,
    import_tags,
    stable_id,
)
from trustdesk.domain.journal import CheckIn
from trustdesk.domain.text import clean_line

NAME = "daylio"
LABEL = "a Daylio CSV export"
DEFAULT_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
_MONTHS = {
    1: ("january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jänner"),
    2: ("february", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro",
        "februari"),
    3: ("march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart"),
    4: ("april", "avril", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei"),
    6: ("june", "juni", "juin", "junio", "giugno", "junho"),
    7: ("july", "juli", "juillet", "julio", "luglio", "julho"),
    8: ("august", "août", "aout", "agosto", "augustus"),
    9: ("september", "septembre", "septiembre", "settembre", "setembro"),
    10: ("october", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    11: ("november", "novembre", "noviembre", "novembro"),
    12: ("december", "dezember", "décembre", "decembre", "diciembre", "dicembre",
         "dezembro"),
}
_WORD = re.compile(r"[^\W\d_]+")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([aApP])\.?\s*[mM]\.?)?$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def looks_like_daylio(header: list[str]) -> bool:
    names = {name.strip().lower() for name in header}
    return {"mood", "activities", "time"} <= names and ("full_date" in names
                                                        or {"year", "date"} <= names)


def month_number(word: str) -> int | None:
    """A month from its name or a 3+ letter abbreviation in one of the languages
    Daylio writes ("März", "févr.", "Sept"), else None."""
    word = word.lower().strip(".")
    if len(word) < 3:
        return None
    found = {number for number, names in _MONTHS.items()
             for name in names if name == word or name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def read_day(row: dict[str, str]) -> date:
    if row.get("full_date", "").strip():
        value = row["full_date"].strip()
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ImportProblem(f"the date {value!r} isn't a date like 2024-05-01") from None
    text, year = row.get("date", "").strip(), row.get("year", "").strip()
    day = _DAY.search(text)
    months = [month_number(word) for word in _WORD.findall(text)]
    month = next((m for m in months if m), None)
    if not re.fullmatch(r"[0-9]{4}", year) or day is None or month is None:
        raise ImportProblem(f"the date {text!r} {year} isn't a day and a month TrustDesk "
                            "can read")
    try:
        return date(int(year), month, int(day[1]))
    except ValueError:
        raise ImportProblem(f"the date {text} {year} doesn't exist") from None


def read_clock(text: str) -> time:
    match = _CLOCK.match(text.strip())
    if match is None:
        raise ImportProblem(f"the time {text.strip()!r} isn't a time like 21:15 or 9:15 PM")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise ImportProblem(f"the time {text.strip()!r} isn't a time of day")
        hour = hour % 12 + (12 if match[4].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ImportProblem(f"the time {text.strip()!r} isn't a time of day")
    return time(hour, minute, second)


def read(files: list[SourceFile], options: Options, collector: Collector | None = None,
         *, prefix_paths: bool = False) -> Collector:
    collector = collector or Collector(LABEL)
    moods = {**DEFAULT_MOODS, **{k.lower(): v for k, v in options.daylio_moods.items()}}
    unrated: dict[str, int] = {}
    checkins = 0
    for one in files:
        rows = list(csv.reader(io.StringIO(decode_text(one.data, one.path), newline="")))
        if not rows or not looks_like_daylio(rows[0]):
            continue
        header = [name.strip().lower() for name in rows[0]]
        for number, values in enumerate(rows[1:], start=2):
            where = f"{one.path + ': ' if prefix_paths else ''}row {number}"
            if not any(value.strip() for value in values):
                continue
            if len(values) < len(header) - (1 if header[-1] == "note" else 0):
                collector.skip(where, f"has {len(values)} of {len(header)} columns")
                continue
            row = dict(zip(header, values, strict=False))
            try:
                written_at = datetime.combine(read_day(row), read_clock(row.get("time", "")))
            except ImportProblem as problem:
                collector.skip(where, problem.message)
                continue
            mood_name = clean_line(row.get("mood", "")).lower()
            rating = moods.get(mood_name)
            tags = [name for name in row.get("activities", "").split("|")]
            if mood_name and rating is None:
                tags.insert(0, f"mood:{mood_name}")
                unrated[mood_name] = unrated.get(mood_name, 0) + 1
            title = row.get("note_title", "")
            body = _BREAK.sub("\n", row.get("note", "")).strip()
            entry_id = stable_id("daylio", written_at.isoformat(), mood_name,
                                 row.get("activities", ""), title, body)
            added = collector.add(where, entry_id=entry_id, written_at=written_at,
                                  title=title, body=body, tags=import_tags(tags),
                                  checkin=CheckIn(mood=rating))
            if added is not None and not added.title and not added.body:
                checkins += 1
    if checkins:
        says = "row has no note and comes in as a check-in" if checkins == 1 \
            else "rows have no note and come in as check-ins"
        collector.notes.append(f"{checkins:,} {says} (a mood, no words).")
    if unrated:
        collector.unrated_moods.extend(sorted(unrated))
        names = ", ".join(f"{name} ({count:,})" for name, count in sorted(unrated.items()))
        collector.notes.append(
            f"Moods TrustDesk can't rate on its own: {names}. They are kept as tags "
            "(\"mood:NAME\") and left unrated.")
    return collector
