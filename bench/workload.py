"""What encryption costs: the same repository workload on a plain SQLite file and on
a SQLCipher vault, through the app's own repositories, on the same SQLite library
(sqlcipher3 without a key is plain SQLite). Both use the app's settings (WAL, full
sync, secure delete, 32 MiB page cache); a third run gives the vault SQLite's
default 2 MB cache, to show what the bigger cache buys. No Qt.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench import tenyears
from bench.probes import PASSPHRASE
from trustdesk.domain.period import Period
from trustdesk.storage.migrations import migrate
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.storage.store import Store
from trustdesk.storage.vault import Vault, _configure, connect_existing

SMALL_CACHE = "PRAGMA cache_size = -2000"     # SQLite's default
QUERIES = ("trust", "friend", "afraid", "tired", "walk", "message", "sister", "quiet")


def _plain(path: Path, *, create: bool) -> Store:
    if create:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    conn = connect_existing(path)
    if create:
        migrate(conn, current=0)
    _configure(conn)
    return Store.on(Vault(path, conn, PASSPHRASE))


def _cipher(path: Path, *, create: bool, small_cache: bool = False) -> Store:
    if create:
        Vault.create(path, PASSPHRASE).close()
    vault = Vault.open(path, PASSPHRASE)
    if small_cache:
        with vault.read() as conn:
            conn.execute(SMALL_CACHE)
    return Store.on(vault)


def _read_everything(store: Store) -> None:
    """The list paged through to the end, 200 entries opened, searches, progress."""
    journal = store.journal
    last = None
    while page := journal.rows(after=last):
        last = page[-1]
    for row in journal.rows(limit=200, offset=500):
        journal.get(row.id)
    for word in QUERIES:
        journal.search(word)
    ProgressSource.from_store(store).summary(Period("all_time"), date.today())


def _workload(open_store: Callable[..., Store], path: Path, shape: tenyears.Shape,
              seed: int) -> dict[str, float]:
    """Seconds per phase on a fresh file."""
    times: dict[str, float] = {}

    def phase(name: str, action: Callable[[], object]) -> None:
        start = time.perf_counter()
        action()
        times[name] = times.get(name, 0.0) + time.perf_counter() - start

    store = open_store(path, create=True)
    phase("write", lambda: tenyears.fill(store, shape, seed=seed, today=date.today()))
    store.close()
    store = open_store(path, create=False)
    phase("read, cold", lambda: _read_everything(store))
    phase("read, warm", lambda: _read_everything(store))
    rng = random.Random(seed)
    ids = [row.id for row in store.journal.rows(limit=1000)]

    def autosaves() -> None:
        for number in range(100):
            entry = store.journal.get(rng.choice(ids))
            store.journal.save(entry.edited(body=entry.body + f" Thought {number}."))

    phase("autosave ×100", autosaves)
    store.close()
    for file in path.parent.glob(path.name + "*"):
        file.unlink()
    return times


def compare_engines(folder: Path, shape: tenyears.Shape, *, seed: int, runs: int) -> dict:
    """Median seconds per phase for each engine, and the ratios."""
    folder.mkdir(parents=True, exist_ok=True)
    engines = {
        "plain": _plain,
        "sqlcipher": _cipher,
        "sqlcipher_small_cache": lambda path, create: _cipher(path, create=create,
                                                              small_cache=True),
    }
    medians: dict[str, dict[str, float]] = {}
    for name, open_store in engines.items():
        runs_of = [_workload(open_store, folder / f"{name}.db", shape, seed)
                   for _ in range(runs)]
        medians[name] = {phase: round(statistics.median(r[phase] for r in runs_of) * 1000, 1)
                         for phase in runs_of[0]}
    plain, cipher, small = (sum(medians[n].values()) for n in engines)
    return {
        "entries": shape.entries,
        "phase_ms": medians,
        "phase_ratio": {phase: round(medians["sqlcipher"][phase] / medians["plain"][phase], 2)
                        for phase in medians["plain"]},
        "ratio": round(cipher / plain, 2),
        "small_cache_ratio": round(small / cipher, 2),
    }
