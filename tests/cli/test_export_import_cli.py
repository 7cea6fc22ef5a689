"""`trustdesk export` and `trustdesk import`: the same core as the app, a warning
that exports are not encrypted, and exit codes scripts can rely on."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import one_line_error, trustdesk
from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from trustdesk.domain.exchange.codec import decode
from trustdesk.storage.store import JournalFolder

JRNL_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"
KEY = PASSPHRASE + "\n"


def fill(data_dir: Path, n: int = 3) -> None:
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        store.journal.save_many(generated_entries(n, seed=8))
    finally:
        store.close()


def test_help_lists_both_commands_and_the_invalid_file_exit_code():
    result = trustdesk("--help")
    assert "export" in result.stdout and "import" in result.stdout
    assert "8  the file to import isn't valid (nothing was imported)" in result.stdout


def test_export_json_warns_then_writes_a_private_file(data_dir, tmp_path):
    fill(data_dir)
    target = tmp_path / "out.json"
    result = trustdesk("--data-dir", str(data_dir), "export", "--output", str(target),
                       stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 3 entries to {target}."
    assert result.stderr.startswith("trustdesk: the export is NOT encrypted: anyone who can "
                                    f"read {target} can read everything in it.")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert len(decode(target.read_bytes()).bundle.entries) == 3
    again = trustdesk("--data-dir", str(data_dir), "export", "-o", str(target), stdin=KEY)
    assert again.returncode == 2 and "already exists" in again.stderr
    replaced = trustdesk("--data-dir", str(data_dir), "export", "-o", str(target), "--replace",
                         stdin=KEY)
    assert replaced.returncode == 0, replaced.stderr


def test_export_markdown_as_a_folder_or_one_file(data_dir, tmp_path):
    fill(data_dir, 2)
    folder = tmp_path / "journal-md"
    result = trustdesk("--data-dir", str(data_dir), "export", "--format", "markdown",
                       "--output", str(folder), stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("*.md"))) == 2
    single = tmp_path / "journal.md"
    result = trustdesk("--data-dir", str(data_dir), "export", "-f", "markdown", "--single-file",
                       "-o", str(single), stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert single.read_text("utf-8").startswith("# Journal\n")
    misuse = trustdesk("--data-dir", str(data_dir), "export", "--single-file", "-o",
                       str(tmp_path / "x.json"), stdin=KEY)
    assert misuse.returncode == 2
    assert one_line_error(misuse) == "trustdesk: --single-file goes with --format markdown."
    busy = trustdesk("--data-dir", str(data_dir), "export", "-f", "markdown", "-o",
                     str(folder), stdin=KEY)
    assert busy.returncode == 2 and "isn't an empty folder" in busy.stderr


def test_import_merges_and_a_second_import_adds_nothing(data_dir, tmp_path):
    fill(data_dir, 4)
    exported = tmp_path / "all.json"
    assert trustdesk("--data-dir", str(data_dir), "export", "-o", str(exported),
                     stdin=KEY).returncode == 0
    other = tmp_path / "other"
    assert trustdesk("--data-dir", str(other), "init", stdin=KEY).returncode == 0
    first = trustdesk("--data-dir", str(other), "import", str(exported), stdin=KEY)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == "“all.json” is a TrustDesk export."
    assert first.stdout.splitlines()[-1] == "Imported 4 entries: 4 new."
    second = trustdesk("--data-dir", str(other), "import", str(exported), stdin=KEY)
    assert second.stdout.splitlines()[-1] == ("Everything in the file (4 entries) is already "
                                              "in your journal, so nothing changed.")
    jrnl = trustdesk("--data-dir", str(other), "import", str(JRNL_SAMPLE), stdin=KEY)
    assert jrnl.stdout.splitlines()[-1] == "Imported 6 entries: 6 new."


def test_an_invalid_file_exits_8_without_asking_for_the_passphrase(data_dir, tmp_path):
    fill(data_dir, 1)
    bad = tmp_path / "bad.json"
    document = {"format": "trustdesk", "version": 1, "exported_at": "2024-06-01T10:00:00",
                "journal": [{"id": "x1", "written_at": "2024-05-01T10:00:00", "mood": 11}]}
    bad.write_text(json.dumps(document), "utf-8")
    result = trustdesk("--data-dir", str(data_dir), "import", str(bad), stdin="")
    assert result.returncode == 8
    assert one_line_error(result) == (
        "trustdesk: bad.json can't be imported; nothing was changed. Entry 1 (id 'x1'): mood "
        "must be a whole number from 0 to 10.")
    bad.write_bytes(b'{"format": "trustdesk", "version": 1, "journal": [{"id": "\xff"}]}')
    assert trustdesk("--data-dir", str(data_dir), "import", str(bad)).returncode == 8
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert store.journal.count() == 1
    finally:
        store.close()


def test_usage_and_passphrase_errors_keep_their_codes(data_dir, tmp_path):
    missing = trustdesk("--data-dir", str(data_dir), "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "There is no file or folder at" in missing.stderr
    wrong = trustdesk("--data-dir", str(data_dir), "export", "-o", str(tmp_path / "a.json"),
                      stdin="not the passphrase\n")
    assert wrong.returncode == 3
    assert not (tmp_path / "a.json").exists()
    nothing = trustdesk("--data-dir", str(tmp_path / "empty"), "import", str(JRNL_SAMPLE))
    assert nothing.returncode == 7


def test_export_includes_earlier_versions_only_with_the_flag(data_dir, tmp_path):
    from datetime import datetime, timedelta

    from trustdesk.domain.journal import Entry

    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        then = datetime.now().replace(microsecond=0) - timedelta(hours=2)
        entry = Entry.new(body="The words before.", written_at=then, now=lambda: then)
        store.journal.save(entry)
        later = then + timedelta(hours=1)
        store.journal.save(entry.edited(body="The words after.", now=lambda: later),
                           session_start=later)
    finally:
        store.close()
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    assert trustdesk("--data-dir", str(data_dir), "export", "-o", str(plain),
                     stdin=KEY).returncode == 0
    assert "The words before." not in plain.read_text()
    result = trustdesk("--data-dir", str(data_dir), "export", "-o", str(full),
                       "--with-versions", stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Exported 1 entry (with 1 earlier version of entries) "
                                     f"to {full}.")
    (version,) = decode(full.read_bytes()).bundle.versions
    assert version.text.body == "The words before."
    wrong = trustdesk("--data-dir", str(data_dir), "export", "-f", "csv", "-o",
                      str(tmp_path / "t.csv"), "--with-versions", stdin=KEY)
    assert wrong.returncode == 2 and "--with-versions goes with --format json" in wrong.stderr
