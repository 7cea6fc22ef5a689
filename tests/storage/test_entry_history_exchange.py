"""Earlier versions in the export file: left out unless asked for, read back by the
import (added to their entry's history once, never twice, not while history is
off), and files of older format versions still read."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.domain.exchange import codec
from trustdesk.domain.exchange.codec import ImportProblem
from trustdesk.domain.history import Reason, Text
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.storage.store import JournalFolder, Store

NOW = datetime.now().replace(microsecond=0)


def journal_with_history(store: Store) -> Entry:
    """An entry rewritten twice in two sessions: two versions."""
    start = NOW - timedelta(days=3)
    entry = Entry.new(title="Lake", body="First words about the lake.", written_at=start,
                      now=lambda: start)
    store.journal.save(entry)
    for day, body in ((1, "Second words."), (2, "Third words.")):
        when = start + timedelta(days=day)
        entry = entry.edited(body=body, now=lambda when=when: when)
        store.journal.save(entry, session_start=when)
    assert store.journal.history.count() == 2
    return entry


def test_versions_are_exported_only_when_asked_for(store, tmp_path):
    journal_with_history(store)
    plain = store.exchange.export_json(tmp_path / "plain.json")
    assert plain.versions == 0
    assert "entry_versions" not in json.loads((tmp_path / "plain.json").read_text())
    assert "First words" not in (tmp_path / "plain.json").read_text()
    full = store.exchange.export_json(tmp_path / "full.json", versions=True)
    assert full.versions == 2
    assert full.sentence("x") == "Exported 1 entry (with 2 earlier versions of entries) to x."
    document = json.loads((tmp_path / "full.json").read_text())
    assert document["version"] == codec.VERSION == 6
    assert [item["body"] for item in document["entry_versions"]] == [
        "First words about the lake.", "Second words."]
    assert set(document["entry_versions"][0]) == {"entry_id", "saved_at", "kept_at",
                                                  "reason", "title", "body"}


def test_an_import_brings_the_versions_into_a_new_journal_once(store, tmp_path, template_vault):
    entry = journal_with_history(store)
    store.exchange.export_json(tmp_path / "full.json", versions=True)
    other_dir = tmp_path / "other"
    other_dir.mkdir(mode=0o700)
    (other_dir / "journal.trustdesk").write_bytes(template_vault.read_bytes())
    other = JournalFolder(other_dir).unlock(PASSPHRASE)
    try:
        result = other.exchange.import_file(tmp_path / "full.json")
        assert result.versions == (2, 2)
        assert "2 earlier versions of entries were added to their history." in result.describe()
        rows = other.journal.history.versions(entry.id)
        assert [other.journal.history.get(row.id).text.body for row in rows] == [
            "Second words.", "First words about the lake."]
        assert [(row.saved_at, row.kept_at, row.reason) for row in rows] == [
            (row.saved_at, row.kept_at, row.reason)
            for row in store.journal.history.versions(entry.id)]
        again = other.exchange.import_file(tmp_path / "full.json")
        assert again.versions == (0, 2) and other.journal.history.count() == 2
        assert other.journal.search("First") == []          # versions stay out of search
    finally:
        other.close()


def test_an_import_keeps_no_versions_while_history_is_off(store, tmp_path):
    journal_with_history(store)
    store.exchange.export_json(tmp_path / "full.json", versions=True)
    store.journal.history.set_keep_days(0, now=NOW)
    result = store.exchange.import_file(tmp_path / "full.json")
    assert result.versions == (0, 2) and store.journal.history.count() == 0


def test_older_format_versions_still_read_and_a_stray_version_is_refused(store, tmp_path):
    entry = journal_with_history(store)
    store.exchange.export_json(tmp_path / "full.json", versions=True)
    document = json.loads((tmp_path / "full.json").read_text())
    old = {key: value for key, value in document.items() if key != "entry_versions"}
    old["version"] = 5
    incoming = codec.decode(json.dumps(old).encode())
    assert incoming.bundle.versions == () and incoming.bundle.entries[0].id == entry.id
    document["entry_versions"][0]["entry_id"] = "not-in-this-file"
    with pytest.raises(ImportProblem, match="version 1: entry_id 'not-in-this-file' is not"):
        codec.decode(json.dumps(document).encode())
    document["entry_versions"][0] = {**document["entry_versions"][1], "reason": "whim"}
    with pytest.raises(ImportProblem, match="reason must be one of"):
        codec.decode(json.dumps(document).encode())


def file_with(*entries: Entry) -> bytes:
    """An export file's bytes holding `entries`, as another computer would write it."""
    return codec.encode(codec.Bundle(entries=entries), exported_at=NOW.astimezone())


def test_an_import_that_rewrites_an_entry_keeps_what_it_said_before(store, tmp_path):
    entry = Entry.new(title="Lake", body="Words only this computer has.", written_at=NOW,
                      now=lambda: NOW - timedelta(days=2))
    store.journal.save(entry)
    incoming = codec.decode(file_with(entry.edited(
        body="The other computer's words.", now=lambda: NOW - timedelta(days=1))))
    result = store.exchange.apply_import(incoming, backup=False)
    assert result.entries.updated == 1 and result.replaced == 1
    assert result.describe() == ("Imported 1 entry: 1 updated. What the updated entry "
                                 "said before is kept in its history.")
    assert store.journal.get(entry.id).body == "The other computer's words."
    [row] = store.journal.history.versions(entry.id)
    assert row.reason == Reason.IMPORT and row.saved_at == entry.updated_at
    assert store.journal.history.get(row.id).text == Text("Lake", "Words only this computer has.")
    restored = store.journal.restore_version(row.id, now=NOW)
    assert restored is not None and restored.body == "Words only this computer has."


def test_an_import_keeps_nothing_when_the_words_are_the_same_or_history_is_off(store):
    entry = Entry.new(title="Lake", body="The same words.", written_at=NOW,
                      now=lambda: NOW - timedelta(days=2))
    store.journal.save(entry)
    rated = entry.edited(checkin=CheckIn(mood=4), now=lambda: NOW - timedelta(days=1))
    result = store.exchange.apply_import(
        codec.decode(file_with(rated)), backup=False)
    assert (result.entries.updated, result.replaced) == (1, 0)
    assert store.journal.history.count() == 0
    store.journal.history.set_keep_days(0, now=NOW)
    rewritten = entry.edited(body="Other words.", now=lambda: NOW)
    result = store.exchange.apply_import(
        codec.decode(file_with(rewritten)), backup=False)
    assert (result.entries.updated, result.replaced) == (1, 0)
    assert store.journal.get(entry.id).body == "Other words."
    assert store.journal.history.count() == 0
