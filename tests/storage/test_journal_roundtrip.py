"""Whatever a person writes comes back exactly (after cleaning): emoji, right-to-left
text, CJK, combining marks, and arbitrary Unicode, through the encrypted vault."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import MAX_TAG, CheckIn, Entry
from trustdesk.domain.text import InvalidRecord, clean_line, clean_text
from trustdesk.storage.store import JournalFolder

ANY_CHARACTER = st.characters(codec=None, exclude_categories=())  # surrogates too
SAMPLES = [
    "👩🏽‍❤️‍👨🏻 family emoji with skin tones and ZWJ 🏳️‍🌈",
    "שלום, מה שלומך? \u200fمرحبا بك\u200e mixed RTL",
    "信任需要时间。我今天很平静。 日本語のテキスト 한국어",
    "cafe\u0301 (NFD) and café (NFC) stay distinct",
    "tabs\tand\nnewlines\r\nand\rcarriage returns",
    "nul\x00 bell\x07 escape\x1b del\x7f c1\x85",
    "lone \ud800 surrogate and a pair \ud83d\ude00",
    "",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory, template_vault):
    folder = tmp_path_factory.mktemp("roundtrip")
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    store = JournalFolder(folder).unlock(PASSPHRASE)
    yield store.journal
    store.close()


ratings = st.one_of(st.none(), st.integers(0, 10))


@settings(max_examples=120, deadline=None)
@given(title=st.text(ANY_CHARACTER, max_size=80), body=st.text(ANY_CHARACTER, max_size=400),
       tags=st.lists(st.text(ANY_CHARACTER, max_size=12), max_size=5),
       checkin=st.builds(CheckIn, ratings, ratings, ratings),
       moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2025, 12, 31)))
@example(title=SAMPLES[0], body="\n".join(SAMPLES), tags=["信任", "שלום", "café"],
         checkin=CheckIn(0, None, 10), moment=datetime(1900, 1, 1))
def test_entries_round_trip_exactly(repo, title, body, tags, checkin, moment):
    try:
        entry = Entry.new(written_at=moment, title=title, body=body, checkin=checkin,
                          tags=tags)
    except InvalidRecord:  # e.g. a tag longer than MAX_TAG after cleaning
        assert any(len(clean_line(str(tag))) > MAX_TAG for tag in tags)
        return
    repo.save(entry)
    stored = repo.get(entry.id)
    assert stored == entry
    assert stored.body == clean_text(body)
    assert stored.title == clean_line(title)
    assert stored.written_at == moment.replace(microsecond=0)


@pytest.mark.parametrize("text", SAMPLES)
def test_samples_round_trip_and_are_searchable(repo, text):
    entry = Entry.new(body=text + " zyzzyvaroundtrip")
    repo.save(entry)
    assert repo.get(entry.id).body == clean_text(text + " zyzzyvaroundtrip")
    assert entry.id in {hit.row.id for hit in repo.search("zyzzyvaroundtrip", limit=100)}


def test_a_million_characters_fit_and_come_back(repo):
    body = ("Ein ruhiger Tag. 信任。 🌱\n" * 50_000)[:1_000_000]
    entry = Entry.new(body=body)
    repo.save(entry)
    assert repo.get(entry.id).body == body
