"""`trustdesk import PATH` from other apps: the plan is printed (format, counts, date
range, what is left out and why), `--dry-run` writes nothing, `--format` and
`--daylio-moods` are honoured, and a source with nothing to import exits 8."""

from __future__ import annotations

from tests.cli.test_cli import one_line_error, trustdesk
from tests.conftest import PASSPHRASE
from tests.import_data import DATA
from trustdesk.storage.store import JournalFolder

KEY = PASSPHRASE + "\n"


def count(data_dir) -> int:
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        return store.journal.count()
    finally:
        store.close()


def test_a_dry_run_prints_the_plan_and_writes_nothing(data_dir):
    result = trustdesk("--data-dir", str(data_dir), "import", "--dry-run",
                       str(DATA / "daylio" / "daylio_export_2024_05_12.csv"), stdin=KEY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "“daylio_export_2024_05_12.csv” is a Daylio CSV export.",
        "It holds 6 entries (2 of them check-ins without words), from 7 May 2024 to "
        "12 May 2024.",
        "2 rows have no note and come in as check-ins (a mood, no words)."]
    assert "Left out (2; the rest comes in):" in lines
    assert "  row 8: the time '25:99' isn't a time of day" in lines
    assert "  row 10 is the same as row 3; kept once" in lines
    assert lines[-2:] == ["Importing it would add 6 entries.", "Dry run: nothing was written."]
    assert count(data_dir) == 0
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").iterdir())


def test_a_folder_imports_once_and_says_what_stayed_out(data_dir):
    first = trustdesk("--data-dir", str(data_dir), "import", str(DATA / "notes"), stdin=KEY)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-2:] == [
        "Imported 5 entries: 5 new.",
        "1 record in the source could not be imported (listed above)."]
    again = trustdesk("--data-dir", str(data_dir), "import", str(DATA / "notes"), stdin=KEY)
    assert "is already in your journal, so nothing changed." in again.stdout
    assert count(data_dir) == 5


def test_daylio_moods_are_rated_with_a_mapping(data_dir):
    result = trustdesk("--data-dir", str(data_dir), "import", "--daylio-moods",
                       "super=10,gut=7", str(DATA / "daylio" / "daylio-2018-de.csv"),
                       stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert "Moods TrustDesk can't rate" not in result.stdout
    bad = trustdesk("--data-dir", str(data_dir), "import", "--daylio-moods", "super",
                    str(DATA / "daylio" / "daylio-2018-de.csv"), stdin=KEY)
    assert bad.returncode == 8 and "isn't like \"word=N\"" in bad.stderr


def test_nothing_to_import_exits_8_naming_what_was_found(data_dir, tmp_path):
    wrong = trustdesk("--data-dir", str(data_dir), "import", "--format", "dayone",
                      str(DATA / "jrnl-journal.txt"))
    assert wrong.returncode == 8
    assert one_line_error(wrong) == (
        "trustdesk: jrnl-journal.txt can't be imported; nothing was changed. This file holds "
        "no Day One export: it is a jrnl text journal. Leave out --format to import it as "
        "what it is.")
    (tmp_path / "empty").mkdir()
    empty = trustdesk("--data-dir", str(data_dir), "import", str(tmp_path / "empty"))
    assert empty.returncode == 8 and "This folder holds nothing TrustDesk reads" in empty.stderr


def test_a_dry_run_needs_no_journal_yet(tmp_path):
    empty = tmp_path / "no-journal-yet"
    result = trustdesk("--data-dir", str(empty), "import", "--dry-run",
                       str(DATA / "rednotebook" / "data"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "“data” is a RedNotebook journal.",
        "It holds 6 entries, from 14 Jun 2012 to 31 Mar 2019."]
    assert result.stdout.splitlines()[-1] == "Dry run: nothing was written."
    assert not empty.exists()
    real = trustdesk("--data-dir", str(empty), "import", str(DATA / "rednotebook" / "data"))
    assert real.returncode == 7


def test_a_source_whose_every_record_is_left_out_exits_8(data_dir, tmp_path):
    old = tmp_path / "journal.txt"
    old.write_text("[1850-06-01 12:00] Too early.\n\n[1851-01-01 09:00] Also too early.\n",
                   "utf-8")
    result = trustdesk("--data-dir", str(data_dir), "import", str(old), stdin=KEY)
    assert result.returncode == 8
    assert "It holds nothing that can be imported." in result.stdout
    assert "  entry 1 ([1850-06-01 12:00]): dated 1850-06-01, before 1900" in result.stdout
    assert one_line_error(result) == (
        "trustdesk: journal.txt can't be imported; nothing was changed. None of its records "
        "can be read (the reasons are listed above).")
