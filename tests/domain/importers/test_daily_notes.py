"""A folder of daily notes comes in one entry per dated file, with its front matter's
title, tags and mood, the first heading as the title, and TrustDesk's own Markdown
export read back the same way."""

from __future__ import annotations

from datetime import datetime

from tests.import_data import by_day, read_sample


def test_every_dated_note_in_any_sub_folder():
    incoming = read_sample("notes")
    assert incoming.source == "notes" and incoming.label == "a folder of daily notes"
    assert sorted(by_day(incoming)) == ["2024-05-01", "2024-05-02", "2024-05-03",
                                        "2024-05-04", "2024-05-05"]
    assert [one.line() for one in incoming.report.skipped] == [
        "2024-02-30.md: the date in its name doesn't exist"]


def test_front_matter_and_first_headings():
    notes = by_day(read_sample("notes"))
    first = notes["2024-05-01"]
    assert (first.title, first.written_at) == ("First day back at work",
                                               datetime(2024, 5, 1, 12, 0))
    assert first.body.startswith("Nervous on the train.")
    therapy = notes["2024-05-02"]
    assert therapy.title == "Therapy, session 12" and therapy.checkin.mood == 6
    assert therapy.tags == ("therapy", "homework")
    assert "## What I noticed" in therapy.body, "later headings stay in the words"
    dad = notes["2024-05-03"]
    assert dad.tags == ("mood:hopeful", "family", "phone call") and dad.checkin.mood is None
    assert notes["2024-05-05"].title == "With a byte order mark"


def test_trustdesks_own_markdown_export_reads_back_with_time_and_ratings():
    walk = by_day(read_sample("notes"))["2024-05-04"]
    assert walk.written_at == datetime(2024, 5, 4, 21, 30)
    assert (walk.title, walk.body, walk.tags) == ("Evening walk", "The light on the water.",
                                                   ("walk",))
    assert (walk.checkin.mood, walk.checkin.trust_others) == (7, 6)


def test_a_markdown_export_folder_reads_back_as_the_same_entries():
    from trustdesk.domain.importers.common import Source, SourceFile
    from trustdesk.domain.importers.detect import read
    from trustdesk.domain.journal import CheckIn, Entry
    from trustdesk.domain.markdown_export import entry_file_name, entry_markdown

    written = [Entry(id="a", written_at=datetime(2024, 5, 1, 21, 30, 15), title="C# *is* fun",
                     body="Words.", checkin=CheckIn(6, None, 7), tags=("sam", "trust: slow")),
               Entry(id="b", written_at=datetime(2024, 5, 2, 8, 5), body="Untitled words.")]
    taken: set[str] = set()
    files = tuple(SourceFile(entry_file_name(one, taken), entry_markdown(one).encode())
                  for one in written)
    back = read(Source("TrustDesk journal", "folder", files)).bundle.entries
    assert [(e.written_at, e.title, e.body, e.checkin, e.tags) for e in back] == \
        [(e.written_at, e.title, e.body, e.checkin, e.tags) for e in written]
