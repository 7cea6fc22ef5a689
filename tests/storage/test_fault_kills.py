"""Killing a real process at random moments while it changes the passphrase or makes
backups never leaves a torn file: the journal opens with exactly one of the two
passphrases and passes both integrity checks; every backup with a final name is
complete and verified; nothing committed is lost."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, add_filler_rows
from tests.storage.killing import kill_after, start_worker
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.backups.snapshot import verify_backup
from trustdesk.storage.store import Store
from trustdesk.storage.vault import Vault

WORKER = "tests.storage.worker"
OTHER = "a whole new passphrase 42"
REKEY_KILLS = 64
BACKUP_KILLS = 40


def opens_with(path: Path, passphrase: str) -> dict[str, int] | None:
    """Row counts when `passphrase` opens `path` (whose checks must then be clean),
    None when it is the wrong passphrase."""
    try:
        with Vault.open(path, passphrase) as vault:
            assert vault.check() == []
            return vault.table_counts()
    except errors.WrongPassphrase:
        return None


@pytest.fixture
def busy_vault(data_dir: Path) -> Path:
    """The test journal with some rows, so a rekey rewrites a few dozen pages."""
    return add_filler_rows(data_dir / "journal.trustdesk", 200, "x" * 400)


def which_opens(path: Path, rng: random.Random) -> dict[str, dict[str, int]]:
    """The passphrases (of the two) that open `path` with clean checks, with the row
    counts seen, tried in a random order: a wrong guess first must not harm the file."""
    order = [PASSPHRASE, OTHER]
    rng.shuffle(order)
    return {p: counts for p in order if (counts := opens_with(path, p)) is not None}


def nth_line(n: int) -> Callable[[str], bool]:
    """A predicate that is true on the n-th line it is shown."""
    seen = iter(range(1, n + 1))
    return lambda _line: next(seen, n) >= n


def rekey_lane(path: Path, kills: int, seed: int) -> dict[str, int]:
    """Kill a rekeying worker `kills` times; after each kill exactly one passphrase
    must open the journal, with every row still there."""
    rng = random.Random(seed)
    with Vault.open(path, PASSPHRASE) as vault:
        expected = vault.table_counts()
    outcomes = {PASSPHRASE: 0, OTHER: 0}
    current = PASSPHRASE
    for n in range(kills):
        other = OTHER if current == PASSPHRASE else PASSPHRASE
        proc = start_worker(WORKER, "rekey", str(path), current, other)
        if n % 2:  # any moment of the first change
            kill_after(proc, rng.uniform(0.0, 0.4))
        else:      # right after a random number of finished changes, counted from
            # the worker's lines, so a loaded machine still gives both passphrases turns
            kill_after(proc, rng.uniform(0.0, 0.02), after=nth_line(rng.randint(1, 3)))
        working = which_opens(path, rng)
        assert len(working) == 1, list(working)
        current, counts = next(iter(working.items()))
        outcomes[current] += 1
        assert counts == expected
    return outcomes


@pytest.mark.slow
def test_random_kills_during_rekey_leave_exactly_one_passphrase_working(busy_vault):
    second = busy_vault.with_name("second.trustdesk")
    shutil.copy2(busy_vault, second)
    with ThreadPoolExecutor(2) as pool:  # two files, two lanes: half the wall time
        lanes = list(pool.map(rekey_lane, [busy_vault, second], [REKEY_KILLS // 2] * 2,
                              [2718, 1828]))
    outcomes = {key: sum(lane[key] for lane in lanes) for key in (PASSPHRASE, OTHER)}
    assert sum(outcomes.values()) == REKEY_KILLS
    assert all(outcomes.values()), f"the kills should land on both sides: {outcomes}"


@pytest.mark.slow
def test_random_kills_during_backups_leave_only_whole_verified_backups(busy_vault, tmp_path):
    rng = random.Random(3141)
    folder = tmp_path / "backups"
    seen_partial = 0
    for n in range(BACKUP_KILLS):
        proc = start_worker(WORKER, "backup", str(busy_vault), PASSPHRASE, str(folder))
        if n % 2:  # any moment
            kill_after(proc, rng.uniform(0.0, 0.9))
        else:      # counted from the worker's own lines, so a loaded machine still
            anchor = "backed up" if n % 4 == 0 else "backing up"  # finishes some
            kill_after(proc, rng.uniform(0.0, 0.02),               # and cuts some
                       after=lambda line, anchor=anchor: line == anchor)
        seen_partial += len(list(folder.glob("*.partial")))
        with Vault.open(busy_vault, PASSPHRASE) as vault:
            assert vault.check() == []
            counts = vault.table_counts()
            worker_rows = {k: v for k, v in Store.on(vault).settings.load_app_settings()
                           .as_mapping().items()}
        assert counts["settings"] >= 200 and worker_rows is not None
        for info in list_backups(folder):
            verify_backup(info.path, PASSPHRASE)  # raises if torn or damaged
    assert list_backups(folder), "some backups should have completed"
    assert seen_partial, "some kills should have landed mid-backup"
    shutil.rmtree(folder)
