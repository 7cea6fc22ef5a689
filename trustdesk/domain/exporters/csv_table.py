"""The journal as a CSV table for spreadsheets: one row per entry, oldest first.

Columns: `date` (YYYY-MM-DD), `time` (HH:MM), `title`, `mood`, `trust_others`,
`trust_self` (0-10, empty when not rated), `tags` (separated by ", "), `words`,
`id`. UTF-8 with a byte order mark, so spreadsheet programs pick the right encoding;
fields are quoted where needed (RFC 4180, lines end in CRLF). A text cell that
starts with `=`, `+`, `-`, `@` or a tab gets a `'` in front, so a spreadsheet shows
it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from trustdesk.domain.journal import Entry

COLUMNS = ("date", "time", "title", "mood", "trust_others", "trust_self", "tags", "words",
           "id")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA) else text


def _rating(value: int | None) -> str:
    return "" if value is None else str(value)


def row(entry: Entry) -> list[str]:
    return [f"{entry.written_at:%Y-%m-%d}", f"{entry.written_at:%H:%M}", safe_cell(entry.title),
            _rating(entry.checkin.mood), _rating(entry.checkin.trust_others),
            _rating(entry.checkin.trust_self), safe_cell(", ".join(entry.tags)),
            safe_cell(entry.body), entry.id]


def journal_csv(entries: Iterable[Entry]) -> str:
    """The header and one row per entry, as text (encode it as "utf-8-sig")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(entry) for entry in entries)
    return out.getvalue()
