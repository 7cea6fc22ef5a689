"""Killing a real process at points it announces while it changes the passphrase or makes
backups never leaves a torn file: the journal opens with exactly one of the two
passphrases and passes both integrity checks; every backup with a final name is
complete and verified; nothing committed is lost."""

from __future__ import annotations

import random
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, add_filler_rows
from tests.storage.killing import Worker, nth
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.backups.snapshot import verify_backup
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


def rekey_lane(path: Path, kills: int, seed: int) -> dict[str, int]:
    """Kill a rekeying worker `kills` times, each time at a point it announces: as
    its change number 1 to 4 starts or once it is done. After each kill exactly one
    passphrase opens the journal, the one the finished changes say, with every row
    still there."""
    rng = random.Random(seed)
    with Vault.open(path, PASSPHRASE) as vault:
        expected = vault.table_counts()
    outcomes = {PASSPHRASE: 0, OTHER: 0, "before_a_change": 0, "after_a_change": 0}
    current = PASSPHRASE
    for n in range(kills):
        other = OTHER if current == PASSPHRASE else PASSPHRASE
        point = "rekeying" if n % 2 else "rekeyed"
        changes = rng.randint(1, 4)
        lines = Worker(WORKER, "rekey", str(path), current, other).run_until(
            nth(lambda line, point=point: line == point, changes))
        done = lines.count("rekeyed")
        outcomes["before_a_change" if point == "rekeying" else "after_a_change"] += 1
        working = which_opens(path, rng)
        assert list(working) == [current if done % 2 == 0 else other], (lines, list(working))
        current, counts = next(iter(working.items()))
        outcomes[current] += 1
        assert counts == expected
    return outcomes


@pytest.mark.slow
def test_kills_during_rekey_leave_exactly_one_passphrase_working(busy_vault):
    second = busy_vault.with_name("second.trustdesk")
    shutil.copy2(busy_vault, second)
    with ThreadPoolExecutor(2) as pool:  # two files, two lanes: half the wall time
        lanes = list(pool.map(rekey_lane, [busy_vault, second], [REKEY_KILLS // 2] * 2,
                              [2718, 1828]))
    outcomes = {key: sum(lane[key] for lane in lanes) for key in lanes[0]}
    assert outcomes[PASSPHRASE] + outcomes[OTHER] == REKEY_KILLS
    assert all(outcomes.values()), f"the kills should land on both sides: {outcomes}"


BACKUP_POINTS = {"backing up": "before", "copied 100": "copied", "backed up": "rotated"}


def backup_window(line: str) -> str | None:
    """Which part of a backup an announced line is in."""
    if line.startswith("copied ") and line != "copied 100":
        return "mid_copy"
    return BACKUP_POINTS.get(line)


@pytest.mark.slow
def test_kills_during_backups_leave_only_whole_verified_backups(busy_vault, tmp_path):
    """Each kill lands at an announced point of a random backup of the run: before
    it, mid-copy (the `.partial` file is there), once it is verified and named, or
    after the rotation."""
    rng = random.Random(3141)
    folder = tmp_path / "backups"
    windows = dict.fromkeys(("before", "mid_copy", "copied", "rotated"), 0)
    partials: set[Path] = set()
    verified: set[Path] = set()
    for n in range(BACKUP_KILLS):
        window = list(windows)[n % len(windows)]
        lines = Worker(WORKER, "backup", str(busy_vault), PASSPHRASE, str(folder)).run_until(
            nth(lambda line, window=window: backup_window(line) == window, rng.randint(1, 3)))
        windows[window] += 1
        left = set(folder.glob("*.partial"))
        assert len(left - partials) == (window == "mid_copy"), (lines[-1], left - partials)
        partials = left
        with Vault.open(busy_vault, PASSPHRASE) as vault:
            assert vault.check() == []
            counts = vault.table_counts()
        assert counts["settings"] >= 200
        for info in list_backups(folder):
            if info.path not in verified:  # only this worker's: older ones were checked
                verify_backup(info.path, PASSPHRASE)  # raises if torn or damaged
                verified.add(info.path)
    assert list_backups(folder), "some backups should have completed"
    assert all(windows.values()), windows
    shutil.rmtree(folder)
