"""The format is told from the content, `--format` can name it, and when nothing can
be imported the message says what was found and what to do."""

from __future__ import annotations

import pytest

from tests.import_data import DATA, read_sample, source_of
from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers.common import Source, SourceFile
from trustdesk.domain.importers.detect import detect, read


@pytest.mark.parametrize(("relative", "expected"), [
    ("dayone/Journal.json", "dayone"), ("dayone", "dayone"),
    ("daylio/daylio_export_2024_05_12.csv", "daylio"), ("daylio", "daylio"),
    ("daylio/daylio-powershell-utf16.csv", "daylio"),
    ("rednotebook/data", "rednotebook"), ("jrnl-journal.txt", "jrnl"),
    ("jrnl-folder", "jrnl"), ("notes", "notes"), ("notes/2024-05-01.md", "notes"),
])
def test_each_sample_is_told_apart(relative, expected):
    assert detect(source_of(DATA / relative)) == expected


def test_the_jrnl_json_export_and_trustdesk_own_json():
    assert detect(source_of(DATA.parent / "jrnl-export.json")) == "jrnl"
    own = Source("all.json", "file", (SourceFile("all.json", b'{"format": "trustdesk", '
                                                 b'"version": 1, "exported_at": '
                                                 b'"2024-01-01T10:00:00", "journal": []}'),))
    assert detect(own) == "trustdesk"


def test_a_named_format_that_does_not_fit_says_what_it_is():
    with pytest.raises(ImportProblem) as caught:
        read(source_of(DATA / "jrnl-journal.txt"), format="dayone")
    assert caught.value.message == ("This file holds no Day One export: it is a jrnl text "
                                    "journal. Leave out --format to import it as what it is.")


def test_a_named_format_reads_what_detection_would_not():
    plain = Source("diary.md", "file", (SourceFile("diary.md", b"[2020-01-01 09:00] Hello."),))
    assert detect(plain) is None
    (entry,) = read(plain, format="jrnl").bundle.entries
    assert entry.title == "Hello."


@pytest.mark.parametrize(("source", "start"), [
    (Source("photos.zip", "zip", (), 12), "This zip holds no export TrustDesk reads"),
    (Source("empty", "folder", ()), "This folder holds nothing TrustDesk reads"),
    (Source("x.csv", "file", (SourceFile("x.csv", b"a,b\n1,2\n"),)),
     "This CSV file isn't a Daylio export"),
    (Source("x.json", "file", (SourceFile("x.json", b'{"entries": {}}'),)),
     "This file isn't a TrustDesk export, a jrnl JSON export or a Day One export"),
    (Source("x.txt", "file", (SourceFile("x.txt", b"just words"),)),
     "TrustDesk can't tell what this file is"),
])
def test_nothing_to_import_is_said_plainly(source, start):
    with pytest.raises(ImportProblem) as caught:
        read(source)
    assert caught.value.message.startswith(start)


def test_a_zip_with_no_text_files_says_so():
    with pytest.raises(ImportProblem, match=r"it has no text files .*; 12 other files"):
        read(Source("photos.zip", "zip", (), 12))


def test_a_trustdesk_export_stays_all_or_nothing():
    bad = Source("all.json", "file", (SourceFile("all.json", b'{"format": "trustdesk", '
                                                 b'"version": 1, "exported_at": '
                                                 b'"2024-01-01T10:00:00", "journal": [{"id": '
                                                 b'"a", "written_at": "1850-01-01T10:00:00"}]}'),))
    with pytest.raises(ImportProblem, match="written_at must be between 1900"):
        read(bad)


def test_several_sources_read_the_same_twice():
    assert read_sample("notes").bundle == read_sample("notes").bundle
