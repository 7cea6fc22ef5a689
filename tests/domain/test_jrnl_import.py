"""A journal exported from jrnl (`jrnl --export json`) comes in whole: dates and
times, titles and bodies, tags without their @ or #, stars as a tag, and stable
ids so that importing the same export again adds nothing."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from trustdesk.domain.exchange.codec import decode
from trustdesk.domain.importers.jrnl_json import jrnl_id

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_a_realistic_jrnl_export_is_detected_and_read():
    incoming = decode(SAMPLE.read_bytes())
    assert incoming.source == "jrnl"
    entries = incoming.bundle.entries
    assert len(entries) == 6, "the entry saved twice in jrnl comes in once"
    first = entries[0]
    assert first.written_at == datetime(2019, 3, 2, 10, 15)
    assert first.title == "Coffee with Sam after the long silence."
    assert first.body.startswith("I almost cancelled twice. @sam was early")
    assert first.tags == ("sam", "trust")
    assert first.checkin.is_empty
    assert first.updated_at == first.written_at
    assert incoming.bundle.worksheets == () and incoming.bundle.steps == ()


def test_stars_become_a_tag_and_unicode_comes_through():
    entries = {e.written_at.date().isoformat(): e for e in decode(SAMPLE.read_bytes())
               .bundle.entries}
    assert entries["2019-03-09"].tags == ("therapy", "homework", "starred")
    assert entries["2022-11-30"].tags == ("work", "false-alarm", "starred")
    french = entries["2020-07-14"]
    assert french.title == "Café au lait et confiance — un petit pas"
    assert "ma sœur" in french.body and "信任 grows slowly 🌱" in french.body


def test_a_title_too_long_for_trustdesk_moves_into_the_body_whole():
    raw = next(e for e in sample()["entries"] if e["date"] == "2021-06-20")
    entry = next(e for e in decode(SAMPLE.read_bytes()).bundle.entries
                 if e.written_at.date().isoformat() == "2021-06-20")
    assert entry.title == ""
    assert entry.body == raw["title"] + "\n" + raw["body"]


def test_ids_are_stable_and_derived_from_the_content():
    first = [e.id for e in decode(SAMPLE.read_bytes()).bundle.entries]
    again = [e.id for e in decode(SAMPLE.read_bytes()).bundle.entries]
    assert first == again and len(set(first)) == len(first)
    assert all(entry_id.startswith("jrnl-") and len(entry_id) <= 64 for entry_id in first)
    entry = decode(SAMPLE.read_bytes()).bundle.entries[0]
    assert entry.id == jrnl_id(entry.written_at, entry.title, entry.body)
    edited = sample()
    edited["entries"][0]["body"] += " Edited later."
    assert decode(json.dumps(edited).encode()).bundle.entries[0].id != entry.id


@pytest.mark.parametrize(("change", "expected"), [
    ({"date": "03/02/2019"}, "date must be a date like 2024-05-01, not '03/02/2019'"),
    ({"time": "25:00"}, "time must be a time like 21:30"),
    ({"title": 7}, "title must be text, not a number"),
    ({"tags": "@sam"}, "tags must be a list, not text"),
    ({"starred": "yes"}, "starred must be true or false"),
    ({"body": "b" * 1_000_001}, "body is longer than TrustDesk keeps (1,000,000 characters)"),
    ({"date": "1850-05-01"}, "dated 1850-05-01, before 1900, the earliest date a journal keeps"),
    ({"date": "2031-05-01"}, "dated 2031-05-01, more than a year from today"),
])
def test_a_bad_jrnl_entry_is_listed_and_the_rest_still_comes_in(change, expected):
    doc = sample()
    doc["entries"][0].update(change)
    incoming = decode(json.dumps(doc).encode())
    assert [(one.where, one.reason) for one in incoming.report.skipped] == \
        [("jrnl entry 1", expected)]
    assert len(incoming.bundle.entries) == 5, "the five other distinct entries come in"


def test_a_missing_date_is_named():
    doc = sample()
    del doc["entries"][2]["date"]
    incoming = decode(json.dumps(doc).encode())
    assert [one.line() for one in incoming.report.skipped] == ["jrnl entry 3: date is missing"]


def test_an_entry_saved_twice_is_reported_as_a_duplicate_not_merged_in_silence():
    incoming = decode(SAMPLE.read_bytes())
    assert [one.line() for one in incoming.report.duplicates] == \
        ["jrnl entry 7 is the same as jrnl entry 2; kept once"]
    assert len(incoming.bundle.entries) == 6


def test_tags_too_long_to_keep_stay_in_the_words():
    doc = sample()
    long_tag = "@" + "x" * 60
    doc["entries"][0]["body"] += f" {long_tag}"
    doc["entries"][0]["tags"].append(long_tag)
    entry = decode(json.dumps(doc).encode()).bundle.entries[0]
    assert entry.tags == ("sam", "trust")
    assert long_tag in entry.body


def test_one_entry_from_a_jrnl_export_to_a_folder_is_read_too():
    one = sample()["entries"][2]  # `jrnl --export json -o DIR/` writes one entry per file
    incoming = decode(json.dumps(one, indent=2).encode())
    assert incoming.source == "jrnl"
    (entry,) = incoming.bundle.entries
    assert entry.title == one["title"] and entry.tags == ("therapy", "homework", "starred")
    assert entry.id == next(e.id for e in decode(SAMPLE.read_bytes()).bundle.entries
                            if e.title == one["title"])
