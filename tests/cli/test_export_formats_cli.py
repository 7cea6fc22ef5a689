"""Moving out: `trustdesk export --format jrnl` writes a journal the real jrnl imports
with the same entries, dates and tags; `--format csv` a table for spreadsheets."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.test_cli import trustdesk
from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from trustdesk.domain.importers.jrnl_json import read_jrnl
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.storage.store import JournalFolder

KEY = PASSPHRASE + "\n"
JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def fill(data_dir: Path) -> list[Entry]:
    entries = [*generated_entries(20, seed=3),
               Entry(id="star", written_at=datetime(2019, 3, 2, 10, 15),
                     title="Coffee. With Sam", body="[2019-01-01 10:00] a bracket line",
                     tags=("sam", "false alarm", "starred"), checkin=CheckIn(6, 4, None),
                     updated_at=datetime(2019, 3, 2, 10, 15))]
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        store.journal.save_many(entries)
        return store.journal.entries_between(None, None)
    finally:
        store.close()


def jrnl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    config = tmp_path / "config" / "jrnl"
    config.mkdir(parents=True, exist_ok=True)
    journal = tmp_path / "jrnl-journal.txt"
    journal.touch()
    (config / "jrnl.yaml").write_text(JRNL_CONFIG.format(journal=journal), "utf-8")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "jrnl", *args], capture_output=True,
                          text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
                          check=False)


@pytest.mark.slow
def test_the_real_jrnl_imports_the_export_with_the_same_dates_titles_and_tags(data_dir,
                                                                              tmp_path):
    ours = fill(data_dir)
    target = tmp_path / "journal.txt"
    result = trustdesk("--data-dir", str(data_dir), "export", "--format", "jrnl", "-o",
                       str(target), stdin=KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 21 entries to {target}."
    imported = jrnl(tmp_path, "--import", "--file", str(target))
    assert imported.returncode == 0, imported.stderr
    exported = jrnl(tmp_path, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    back = read_jrnl(json.loads(exported.stdout)).entries
    assert len(back) == len(ours) == 21
    for mine, theirs in zip(ours, back, strict=True):
        assert theirs.written_at == mine.written_at
        # an untitled entry's first line is jrnl's title (over 300 characters, it
        # stays at the start of the words when read back)
        assert (theirs.title or theirs.body.split("\n")[0]) == \
            (mine.title or mine.body.split("\n")[0])
        assert set(theirs.tags) == {"-".join(tag.split()) for tag in mine.tags}
    starred = next(entry for entry in back if entry.written_at.year == 2019)
    assert starred.body.startswith("\\[2019-01-01 10:00] a bracket line"), \
        "a line that looks like the start of an entry stays in its entry"


def test_csv_export_opens_as_a_table(data_dir, tmp_path):
    ours = fill(data_dir)
    target = tmp_path / "journal.csv"
    result = trustdesk("--data-dir", str(data_dir), "export", "-f", "csv", "-o", str(target),
                       stdin=KEY)
    assert result.returncode == 0, result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdate,time,title,mood,trust_others,trust_self,tags,")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    assert [row["id"] for row in rows] == [entry.id for entry in ours]
    assert rows[0]["date"] == "2019-03-02" and rows[0]["mood"] == "6"
