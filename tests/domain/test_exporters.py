"""Moving out: the journal as jrnl's plain-text journal (which TrustDesk's own jrnl
importer, like jrnl, reads back with the same dates, titles and tags) and as a CSV
table a spreadsheet shows as text."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from trustdesk.domain.exporters.csv_table import COLUMNS, journal_csv
from trustdesk.domain.exporters.jrnl_text import journal_text
from trustdesk.domain.importers.common import Collector
from trustdesk.domain.importers.jrnl_text import read_text
from trustdesk.domain.journal import CheckIn, Entry

ENTRIES = [
    Entry(id="a", written_at=datetime(2019, 3, 2, 10, 15), title="Coffee. With Sam",
          body="I almost cancelled.\n[2019-01-01 10:00] not an entry\n\nSecond paragraph.",
          tags=("sam", "false alarm", "starred"), checkin=CheckIn(6, 4, None)),
    Entry(id="b", written_at=datetime(2020, 7, 14, 9, 0),
          body="Ma sœur a appelé. 信任 🌱\nmore"),
    Entry(id="c", written_at=datetime(2021, 1, 1, 8, 5), checkin=CheckIn(mood=3)),
]


def test_the_jrnl_text_reads_back_with_the_same_dates_titles_and_tags():
    text = journal_text(ENTRIES)
    assert text.startswith("[2019-03-02 10:15] Coffee. With Sam *\nI almost cancelled.\n"
                           "\\[2019-01-01 10:00] not an entry\n")
    back = Collector("jrnl")
    read_text(text, "", back)
    assert back.skipped == [] and back.duplicates == []
    assert [e.written_at for e in back.entries] == [e.written_at for e in ENTRIES]
    assert [e.title for e in back.entries] == ["Coffee. With Sam", "Ma sœur a appelé. 信任 🌱",
                                               "Check-in"]
    assert back.entries[0].tags == ("sam", "false-alarm", "starred")
    assert back.entries[0].body == ("I almost cancelled.\n[2019-01-01 10:00] not an entry\n\n"
                                    "Second paragraph.\n\n@sam @false-alarm\n"
                                    "Mood 6 · Trust in others 4")
    assert back.entries[2].body == "Mood 3"


def test_the_csv_has_one_row_per_entry_and_no_formulas():
    formula = Entry(id="d", written_at=datetime(2022, 2, 2, 22, 0), title="=HYPERLINK(\"x\")",
                    body="- a list\n- b", tags=("work",))
    text = journal_csv([*ENTRIES, formula])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert rows[1] == ["2019-03-02", "10:15", "Coffee. With Sam", "6", "4", "",
                       "sam, false alarm, starred",
                       "I almost cancelled.\n[2019-01-01 10:00] not an entry\n\n"
                       "Second paragraph.", "a"]
    assert rows[3][:6] == ["2021-01-01", "08:05", "", "3", "", ""]
    assert rows[4][2] == "'=HYPERLINK(\"x\")" and rows[4][7] == "'- a list\n- b"
    assert text.count("\r\n") >= 5
