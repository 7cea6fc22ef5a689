"""Killing a real process (SIGKILL) at points it announces while it exports or imports
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
from tests.storage.killing import Worker, nth
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


def progress(line: str) -> int | None:
    """The percent of a progress line ("p 40"), None for other lines."""
    return int(line[2:]) if line.startswith("p ") else None


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


# Where an export can be cut, by the line the worker announces there.
EXPORT_WINDOWS: dict[str, Callable[[str], bool]] = {
    "preparing": lambda line: line.startswith(("json ", "one ")) and line[-3:] != "100",
    "single_file_written": lambda line: line in ("rename journal.json", "rename one.md"),
    "mid_markdown": lambda line: (progress(line) or 0) > 30 and progress(line) != 100,
    "markdown_written": lambda line: line.startswith("rename md"),
    "finished": lambda line: line.startswith("done "),
}


def export_lane(journal: Path, bundle: Bundle, out: Path, kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    files = expected_markdown(bundle)
    out.mkdir()
    totals = dict.fromkeys(EXPORT_WINDOWS, 0) | {
        "kills": 0, "leftovers_seen": 0, "single_file_leftovers_seen": 0}
    for n in range(kills):
        window = list(EXPORT_WINDOWS)[n % len(EXPORT_WINDOWS)]
        worker = Worker(WORKER, "export", str(journal), PASSPHRASE, str(out))
        lines = worker.run_until(nth(EXPORT_WINDOWS[window], rng.randint(1, 12)))
        totals["kills"] += 1
        totals[window] += 1
        seen = check_export_folder(out, bundle, files)
        if window == "single_file_written":
            assert seen["json_leftovers"] > 0, lines[-1]
        if window in ("mid_markdown", "markdown_written"):
            assert seen["leftovers"] > seen["json_leftovers"], lines[-1]
        totals["leftovers_seen"] += seen["leftovers"]
        totals["single_file_leftovers_seen"] += seen["json_leftovers"]
    totals["complete_folders"] = check_export_folder(out, bundle, files)["md"]
    return totals


@pytest.mark.slow
def test_kills_during_export_leave_no_half_file(journal_file, tmp_path):
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
    assert all(totals[window] for window in EXPORT_WINDOWS), f"every window is cut: {totals}"
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


def import_stop(window: str, rng: random.Random) -> Callable[[str], bool]:
    """Where to cut an import: in the backup before it, inside the writing
    transaction (after the backup's rename, before the second "p 100"), or after
    the commit (the second "p 100", or "done")."""
    if window == "backup":
        return nth(lambda line: progress(line) is not None, 1)
    if window == "after_commit":
        return (nth(lambda line: line == "p 100", 2) if rng.random() < 0.5
                else lambda line: line == "done")
    target, backed_up = rng.randint(41, 100), False

    def in_transaction(line: str) -> bool:
        nonlocal backed_up
        backed_up = backed_up or line.startswith("rename ")
        return backed_up and (progress(line) or 0) >= target
    return in_transaction


def import_lane(case, folder: Path, kills: int, seed: int) -> dict:
    base, source, before, after = case
    rng = random.Random(seed)
    totals = {"kills": 0, "none": 0, "all": 0, "backup": 0, "transaction": 0,
              "after_commit": 0}
    for n in range(kills):
        lane = folder / f"run{n}"
        lane.mkdir(parents=True)
        journal = lane / "journal.trustdesk"
        shutil.copy2(base, journal)
        window = ("backup", "transaction", "transaction", "after_commit")[n % 4]
        worker = Worker(WORKER, "import", str(journal), PASSPHRASE, str(source))
        lines = worker.run_until(import_stop(window, rng))
        totals["kills"] += 1
        totals[window] += 1
        with Vault.open(journal, PASSPHRASE) as vault:
            assert vault.check() == []
            now = Store.on(vault).exchange.snapshot()
        assert now in (before, after), "the journal must hold none or all of the import"
        assert now == (after if window == "after_commit" else before), (window, lines[-3:])
        totals["none" if now == before else "all"] += 1
        for info in list_backups(lane / "backups"):
            verify_backup(info.path, PASSPHRASE)
        shutil.rmtree(lane)
    return totals


@pytest.mark.slow
def test_kills_during_import_leave_none_or_all(import_case, tmp_path):
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(import_lane, [import_case] * 2,
                                [tmp_path / "a", tmp_path / "b"], [IMPORT_KILLS // 2] * 2,
                                [3141, 2718]))
    totals = {key: sum(result[key] for result in results) for key in results[0]}
    assert totals["kills"] == IMPORT_KILLS == totals["none"] + totals["all"]
    assert totals["none"] and totals["all"], f"kills should land on both sides: {totals}"
    assert totals["backup"] and totals["transaction"] and totals["after_commit"], totals
    print(json.dumps(totals))
