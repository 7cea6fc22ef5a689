"""jrnl's own plain-text journal and folder journal come in as jrnl reads them: the
first line or sentence as the title, @ and # tags, a trailing * as a star; an entry
that can't come in is listed, and one written twice is reported and kept once."""

from __future__ import annotations

from datetime import datetime

from tests.import_data import by_day, read_sample
from trustdesk.domain.importers.jrnl_json import jrnl_id
from trustdesk.domain.importers.jrnl_text import split_title


def test_a_text_journal_with_its_problems_listed():
    incoming = read_sample("jrnl-journal.txt")
    assert incoming.source == "jrnl" and incoming.label == "a jrnl text journal"
    assert len(incoming.bundle.entries) == 4
    assert [one.line() for one in incoming.report.skipped] == [
        "entry 4 ([1850-06-01 12:00]): dated 1850-06-01, before 1900, the earliest date a "
        "journal keeps",
        "entry 7 ([2023-02-29 08:00]): the date '2023-02-29 08:00' isn't a date and time "
        "jrnl writes"]
    assert [one.line() for one in incoming.report.duplicates] == [
        "entry 6 ([2022-11-30 18:45]) is the same as entry 5 ([2022-11-30 18:45]); kept once"]


def test_titles_tags_and_stars_as_jrnl_reads_them():
    entries = by_day(read_sample("jrnl-journal.txt"))
    coffee = entries["2019-03-02"]
    assert coffee.written_at == datetime(2019, 3, 2, 10, 15)
    assert coffee.title == "Coffee with Sam after the long silence."
    assert coffee.body == "I almost cancelled twice. @sam was early, and he listened. #trust"
    assert coffee.tags == ("sam", "trust")
    assert coffee.id == jrnl_id(coffee.written_at, coffee.title, coffee.body), \
        "the same ids as jrnl's JSON export"
    therapy = entries["2019-03-09"]
    assert therapy.title == "Therapy homework done"
    assert therapy.tags == ("therapy", "homework", "starred")


def test_a_folder_journal_with_twelve_hour_times_and_seconds():
    incoming = read_sample("jrnl-folder")
    assert incoming.label == "a jrnl folder journal"
    times = [entry.written_at for entry in incoming.bundle.entries]
    assert times == [datetime(2019, 3, 2, 10, 15), datetime(2019, 3, 2, 21, 30),
                     datetime(2019, 4, 17, 7, 5)]
    run = incoming.bundle.entries[-1]
    assert (run.title, run.tags) == ("Early run", ("health", "starred"))


def test_split_title_is_jrnls_rule():
    assert split_title("One. Two. Three") == ("One.", "Two. Three")
    assert split_title("A line\nthen more. And more.") == ("A line", "then more. And more.")
    assert split_title("No full stop at all") == ("No full stop at all", "")
