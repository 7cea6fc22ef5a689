"""Killing a real process (SIGKILL) at random moments while it exports or imports
never leaves half of anything: an export target is absent or complete and valid,
with at most hidden `.partial` leftovers; a journal holds exactly the records it
had before an import or exactly the records after it, with clean integrity checks."""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.exchange_data import generated_worksheets
from tests.journal_data import generated_entries
from tests.storage.killing import kill_after, start_worker
from trustdesk.domain.exchange.codec import Bundle, decode, encode
from trustdesk.domain.markdown_export import entry_file_name, entry_markdown
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.backups.snapshot import verify_backup
from trustdesk.storage.store import Store
from trustdesk.storage.vault import Vault

WORKER = "tests.storage.exchange_worker"
EXPORT_KILLS = 32   # in two lanes
IMPORT_KILLS = 32   # in two lanes
LEFTOVER = re.compile(r"^\..+\.[0-9a-f]{8}\.partial$")


def progress_at_least(percent: int) -> Callable[[str], bool]:
    return lambda line: line == "done" or (line.startswith("p ") and int(line[2:]) >= percent)


@pytest.fixture(scope="module")
def journal_file(tmp_path_factory, template_vault) -> tuple[Path, Bundle]:
    """A closed journal with 300 entries of about 300 words, 40 worksheets and 20
    small steps, and its snapshot."""
    folder = tmp_path_factory.mktemp("kills")
    path = folder / "journal.trustdesk"
    shutil.copy2(template_vault, path)
    with Vault.open(path, PASSPHRASE) as vault:
        store = Store.on(vault)
        store.journal.save_many(generated_entries(300, seed=21, words=300))
        for sheet in generated_worksheets(40, with_steps=20):
            store.worksheets.save(sheet)
        snapshot = store.exchange.snapshot()
    return path, snapshot


# -- export ------------------------------------------------------------------------------
def expected_markdown(bundle: Bundle) -> dict[str, str]:
    taken: set[str] = set()
    return {entry_file_name(entry, taken): entry_markdown(entry) for entry in bundle.entries}


def check_export_folder(out: Path, bundle: Bundle, files: dict[str, str]) -> dict[str, int]:
    """Everything visible in `out` is complete and valid; returns what was seen."""
    seen = {"json": 0, "one": 0, "md": 0, "leftovers": 0, "json_leftovers": 0}
    for child in out.iterdir():
        if LEFTOVER.match(child.name):
            seen["leftovers"] += 1
            seen["json_leftovers"] += child.name.startswith((".journal.json.", ".one.md."))
        elif child.name == "journal.json":
            assert decode(child.read_bytes()).bundle == bundle
            seen["json"] += 1
        elif child.name == "one.md":
            text = child.read_text("utf-8")
            assert text.count("\n## ") == len(bundle.entries)
            assert text.rstrip("\n").endswith(bundle.entries[-1].body.rstrip("\n"))
            seen["one"] += 1
        elif re.fullmatch(r"md( \(\d+\))?", child.name):
            assert {p.name: p.read_text("utf-8") for p in child.iterdir()} == files
            seen["md"] += 1
        else:
            raise AssertionError(f"unexpected file in the export folder: {child.name}")
    return seen


def export_lane(journal: Path, bundle: Bundle, out: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    files = expected_markdown(bundle)
    out.mkdir()
    totals = {"kills": 0, "mid_markdown": 0, "in_single_file": 0, "leftovers_seen": 0,
              "single_file_leftovers_seen": 0}
    for n in range(kills):
        worker = start_worker(WORKER, "export", str(journal), PASSPHRASE, str(out))
        if n == 1:  # just after a Markdown folder is complete, so one always is
            lines = kill_after(worker, 0.0, after=lambda line: line == "done md")
        elif n % 2:  # any moment, counted from a random point of the run, not a clock
            anchor = rng.choice(("json ", "done json", "one ", "done one", "p ", "done md"))
            lines = kill_after(worker, rng.uniform(0.0, 0.05),
                               after=lambda line, anchor=anchor: line.startswith(anchor))
        else:      # while a single file is being written (after encoding, at 70%)
            target = rng.choice(("json 70", "one 30"))
            lines = kill_after(worker, rng.uniform(0.0, 0.004),
                               after=lambda line, target=target: line == target)
        totals["kills"] += 1
        if lines and lines[-1].startswith("p ") and lines[-1] != "p 100":
            totals["mid_markdown"] += 1
        if lines and lines[-1].startswith(("json", "one", "done md", "done json")):
            totals["in_single_file"] += 1
        seen = check_export_folder(out, bundle, files)
        totals["leftovers_seen"] += seen["leftovers"]
        totals["single_file_leftovers_seen"] += seen["json_leftovers"]
    totals["complete_folders"] = check_export_folder(out, bundle, files)["md"]
    return totals


@pytest.mark.slow
def test_random_kills_during_export_leave_no_half_file(journal_file, tmp_path):
    journal, bundle = journal_file
    lanes = [tmp_path / "lane1", tmp_path / "lane2"]
    for lane in lanes:
        lane.mkdir()
        shutil.copy2(journal, lane / "journal.trustdesk")
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(export_lane, [lane / "journal.trustdesk" for lane in lanes],
                                [bundle] * 2,  # outside the data folders, as the guard asks
                                [lane.with_name(lane.name + "-out") for lane in lanes],
                                [EXPORT_KILLS // 2] * 2, [1618, 2236]))
    totals = {key: sum(result[key] for result in results) for key in results[0]}
    assert totals["kills"] == EXPORT_KILLS
    assert totals["mid_markdown"] > 0, f"some kills should land mid-export: {totals}"
    assert totals["leftovers_seen"] > 0 and totals["complete_folders"] > 0, totals
    assert totals["single_file_leftovers_seen"] > 0, totals
    print(json.dumps(totals))


# -- import ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def import_case(journal_file, tmp_path_factory, template_vault):
    """A journal holding 20 older versions of the file's entries, the file, and the
    snapshots before and after a complete import."""
    _journal, bundle = journal_file
    folder = tmp_path_factory.mktemp("import-case")
    base = folder / "base" / "journal.trustdesk"
    base.parent.mkdir()
    shutil.copy2(template_vault, base)
    with Vault.open(base, PASSPHRASE) as vault:
        store = Store.on(vault)
        store.journal.save_many(replace(entry, body="An older draft.",
                                        updated_at=entry.updated_at - timedelta(days=1))
                                for entry in bundle.entries[:20])
        before = store.exchange.snapshot()
    source = folder / "import.json"
    source.write_bytes(encode(bundle, exported_at=datetime.now().astimezone()))
    done = folder / "done" / "journal.trustdesk"
    done.parent.mkdir()
    shutil.copy2(base, done)
    with Vault.open(done, PASSPHRASE) as vault:
        store = Store.on(vault)
        result = store.exchange.import_file(source)
        after = store.exchange.snapshot()
    assert (result.entries.added, result.entries.updated) == (280, 20)
    assert after.entries == bundle.entries
    return base, source, before, after


def import_lane(case, folder: Path, kills: int, seed: int) -> dict:
    base, source, before, after = case
    rng = random.Random(seed)
    totals = {"kills": 0, "none": 0, "all": 0, "mid_transaction": 0}
    for n in range(kills):
        lane = folder / f"run{n}"
        lane.mkdir(parents=True)
        journal = lane / "journal.trustdesk"
        shutil.copy2(base, journal)
        worker = start_worker(WORKER, "import", str(journal), PASSPHRASE, str(source))
        if n == 1:  # after the end, so one run always holds all of the import
            lines = kill_after(worker, 0.0, after=lambda line: line == "done")
        elif n % 2:  # any moment, counted from a random point of the run, not a clock
            lines = kill_after(worker, rng.uniform(0.0, 0.05),
                               after=progress_at_least(rng.randint(0, 100)))
        else:      # a moment inside the writing transaction (40 to 100 percent)
            lines = kill_after(worker, rng.uniform(0.0, 0.005),
                               after=progress_at_least(rng.randint(41, 99)))
        totals["kills"] += 1
        progress = [int(line[2:]) for line in lines if line.startswith("p ")]
        if "done" not in lines and progress and 40 < progress[-1] < 100:
            totals["mid_transaction"] += 1
        with Vault.open(journal, PASSPHRASE) as vault:
            assert vault.check() == []
            now = Store.on(vault).exchange.snapshot()
        assert now in (before, after), "the journal must hold none or all of the import"
        totals["none" if now == before else "all"] += 1
        for info in list_backups(lane / "backups"):
            verify_backup(info.path, PASSPHRASE)
        shutil.rmtree(lane)
    return totals


@pytest.mark.slow
def test_random_kills_during_import_leave_none_or_all(import_case, tmp_path):
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(import_lane, [import_case] * 2,
                                [tmp_path / "a", tmp_path / "b"], [IMPORT_KILLS // 2] * 2,
                                [3141, 2718]))
    totals = {key: sum(result[key] for result in results) for key in results[0]}
    assert totals["kills"] == IMPORT_KILLS == totals["none"] + totals["all"]
    assert totals["none"] and totals["all"], f"kills should land on both sides: {totals}"
    assert totals["mid_transaction"] > 0, f"some kills should land mid-import: {totals}"
    print(json.dumps(totals))
