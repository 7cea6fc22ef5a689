"""A Day One export comes in with local times, its Markdown escapes undone, tags and
stars, and a visible note wherever a photo or video was; entries it can't take are
listed, not allowed to block the rest."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tests.import_data import DATA, by_day, read_sample
from trustdesk.domain.importers import dayone
from trustdesk.domain.importers.common import Source, SourceFile
from trustdesk.domain.importers.detect import read


def test_the_sample_export_comes_in_with_what_was_left_out_listed():
    incoming = read_sample("dayone/Journal.json")
    assert incoming.source == "dayone" and incoming.label == "a Day One export"
    assert len(incoming.bundle.entries) == 4
    assert [one.line() for one in incoming.report.skipped] == [
        "entry 5: dated 1850-01-01, before 1900, the earliest date a journal keeps",
        "entry 6: creationDate is missing or isn't a date and time"]


def test_creation_dates_are_the_local_time_where_each_entry_was_written():
    entries = by_day(read_sample("dayone/Journal.json"))
    assert entries["2019-03-02"].written_at == datetime(2019, 3, 2, 10, 15)   # Berlin, UTC+1
    assert entries["2020-07-14"].written_at == datetime(2020, 7, 14, 22, 45)  # New York, UTC-4
    assert entries["2019-03-02"].updated_at == datetime(2019, 3, 2, 10, 40, 12)


def test_escapes_are_undone_and_a_first_heading_is_the_title():
    entry = by_day(read_sample("dayone/Journal.json"))["2019-03-02"]
    assert entry.title == "Coffee with Sam"
    assert entry.body == ("I almost cancelled twice. He was early, and he listened.\n\n"
                          "- one small step: I told him about the job.\n"
                          "- two: I didn't apologise for it!")
    assert entry.tags == ("friends", "trust")
    assert entry.id == "dayone-6E1C2B0F4D8A4F3B9C5E7A1D2F3B4C5D"


def test_media_become_a_short_visible_note_and_media_only_entries_are_counted():
    entries = by_day(read_sample("dayone/Journal.json"))
    sister = entries["2020-07-14"]
    assert "[Photo from Day One: not imported]" in sister.body
    assert sister.body.startswith("Late call with my sister (finally). 信任 grows slowly 🌱")
    assert sister.tags == ("family", "starred")
    only_media = entries["2021-01-10"]
    assert only_media.body == ("[Photo from Day One: not imported]\n\n"
                               "[Video from Day One: not imported]")
    assert read_sample("dayone/Journal.json").report.notes == (
        "1 entry holds only photos or other media, which TrustDesk doesn't keep: each says "
        "so in a short note.",)


def test_photos_listed_but_not_linked_in_the_text_are_still_mentioned():
    document = json.loads((DATA / "dayone" / "Journal.json").read_text("utf-8"))
    document["entries"] = [{"uuid": "00112233445566778899AABBCCDDEEFF",
                            "creationDate": "2018-05-01T10:00:00Z", "timeZone": "UTC",
                            "text": "Old export, no links.",
                            "photos": [{"identifier": "a"}, {"identifier": "b"}]}]
    source = Source("Journal.json", "file",
                    (SourceFile("Journal.json", json.dumps(document).encode()),))
    (entry,) = read(source).bundle.entries
    assert entry.body == "Old export, no links.\n\n[2 photos from Day One: not imported]"


def test_an_unknown_time_zone_falls_back_to_this_computers_own():
    own = datetime(2020, 1, 1, 12, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert dayone.local_time("2020-01-01T12:00:00Z", "Not/AZone") == own


def test_a_last_change_in_the_far_future_does_not_win_later_merges():
    document = {"metadata": {}, "entries": [{
        "uuid": "00112233445566778899AABBCCDDEEFF", "creationDate": "2018-05-01T10:00:00Z",
        "modifiedDate": "9999-01-01T00:00:00Z", "timeZone": "UTC", "text": "Words."}]}
    source = Source("Journal.json", "file",
                    (SourceFile("Journal.json", json.dumps(document).encode()),))
    (entry,) = read(source).bundle.entries
    assert entry.updated_at == entry.written_at == datetime(2018, 5, 1, 10, 0)


def test_an_export_of_several_journals_tags_each_entry_with_its_journal():
    one = {"metadata": {}, "entries": [{"uuid": "00112233445566778899AABBCCDDEEFF",
                                        "creationDate": "2018-05-01T10:00:00Z",
                                        "timeZone": "UTC", "text": "At work."}]}
    two = {"metadata": {}, "entries": [{"uuid": "FFEEDDCCBBAA99887766554433221100",
                                        "creationDate": "2018-05-02T10:00:00Z",
                                        "timeZone": "UTC", "text": "At home.",
                                        "tags": ["Family"]}]}
    source = Source("export.zip", "zip", (
        SourceFile("Work.json", json.dumps(one).encode()),
        SourceFile("Personal.json", json.dumps(two).encode())))
    entries = read(source).bundle.entries
    assert [(e.body, e.tags) for e in entries] == [("At work.", ("work",)),
                                                   ("At home.", ("family", "personal"))]
