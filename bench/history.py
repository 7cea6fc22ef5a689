"""Entry history's cost on the ten-year journal: autosave with history on and off,
and how much the file grows, under a simulated but realistic way of writing.

    python bench/history.py [--quick] [--days N] [--json OUT]

On copies of the same ten-year journal (bench/tenyears.py), the same simulated
writing (40 days by default: longer than the 30 days versions are kept, so expiry
is in the figures) runs with history off, and with history kept 30 days. Each simulated day:
expired versions are deleted (as unlocking does), then a new entry is written for
20 minutes with a save every 30 seconds (versions at the session's first change and
every 10 minutes); every third day an older entry is revised for 5 minutes (a
version at the session's first save); every tenth day one of those revisions cuts a
long paragraph (a version before the large deletion). Saves go through
`JournalRepository.save` with the page's `session_start`, timed on this thread (the
UI round trip, timer to commit reported back, is `probes.py ui`), as wall time and
as the thread's CPU time: on a busy machine the wall time is mostly waiting (for the
disk's flush, for a core), and the CPU time shows what history itself adds. The
dates are the simulated clock's, given to the repository as the app's injected
clock would.

`run.py` calls `measure` at its end and puts the figures in its table. It asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import tenyears  # noqa: E402
from bench.probes import PASSPHRASE  # noqa: E402
from trustdesk.domain.journal import Entry  # noqa: E402
from trustdesk.storage.store import JournalFolder, Store  # noqa: E402

SAVE_EVERY = timedelta(seconds=30)
NEW_ENTRY_MINUTES = 20
REVISION_MINUTES = 5


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (k - low), 3)


def _sentences(store: Store, rng: random.Random) -> list[str]:
    """Sentences of the journal itself, for typing that reads like it."""
    bodies = [store.journal.get(row.id) for row in store.journal.rows(limit=60)]
    found = [part.strip() + "." for entry in bodies if entry is not None
             for part in entry.body.replace("\n", " ").split(".") if len(part.split()) > 3]
    rng.shuffle(found)
    return found


def simulate(store: Store, *, days: int, keep_days: int, start: datetime,
             seed: int) -> dict:
    """Write as described in the module docstring; returns save times and counts."""
    rng = random.Random(seed)
    journal = store.journal
    journal.history.set_keep_days(keep_days, now=start)
    sentences = _sentences(store, rng)
    older = [row.id for row in journal.rows(limit=365)]
    times: list[float] = []
    cpu: list[float] = []
    indexing: list[float] = []
    kept = 0

    def save(entry: Entry, session: datetime) -> None:
        nonlocal kept
        began, began_cpu = time.perf_counter(), time.thread_time()
        reason = journal.save(entry, session_start=session)
        cpu.append((time.thread_time() - began_cpu) * 1000)
        times.append((time.perf_counter() - began) * 1000)
        kept += reason is not None

    def leave() -> None:
        """The session ends: the search index catches up (the app does this in the
        background when the person leaves the entry)."""
        began = time.perf_counter()
        journal.index_pending()
        indexing.append((time.perf_counter() - began) * 1000)

    for day in range(days):
        evening = start + timedelta(days=day, hours=20)
        journal.history.prune(now=evening)
        entry = Entry.new(written_at=evening, now=lambda evening=evening: evening)
        moment = evening
        for _ in range(int(timedelta(minutes=NEW_ENTRY_MINUTES) / SAVE_EVERY)):
            moment += SAVE_EVERY
            entry = entry.edited(body=(entry.body + " " + rng.choice(sentences)).strip(),
                                 now=lambda moment=moment: moment)
            save(entry, evening)
        leave()
        if day % 3 == 0:
            session = moment + timedelta(minutes=30)
            old = journal.get(older[(day // 3) % len(older)])
            assert old is not None
            moment = session
            for step in range(int(timedelta(minutes=REVISION_MINUTES) / SAVE_EVERY)):
                moment += SAVE_EVERY
                body = old.body + " " + rng.choice(sentences)
                if day % 10 == 0 and step == 3:        # cut the longest paragraph
                    paragraphs = old.body.split("\n\n")
                    paragraphs.remove(max(paragraphs, key=len))
                    body = "\n\n".join(paragraphs)
                old = old.edited(body=body, now=lambda moment=moment: moment)
                save(old, session)
            leave()
    end = start + timedelta(days=days, hours=23)
    journal.history.prune(now=end)
    with store.vault.read() as conn:
        versions, text_bytes = conn.execute(
            "SELECT count(*), coalesce(sum(length(CAST(title AS BLOB)) "
            "+ length(CAST(body AS BLOB))), 0) FROM entry_versions").fetchone()
    return {"saves": len(times), "p50_ms": _percentile(times, 50),
            "p95_ms": _percentile(times, 95), "max_ms": round(max(times), 3),
            "cpu_p50_ms": _percentile(cpu, 50), "cpu_p95_ms": _percentile(cpu, 95),
            "index_on_leaving_p50_ms": _percentile(indexing, 50),
            "index_on_leaving_p95_ms": _percentile(indexing, 95),
            "versions_kept_while_writing": kept, "versions_at_end": versions,
            "version_text_kb": round(text_bytes / 1024, 1)}


def paired(store: Store, pairs: int) -> dict:
    """The cost of keeping a version, with the machine's load cancelled out: saves of
    one entry that keep a version (each the first of a session) alternate with saves
    of another that keep none (the same session), history on, `pairs` of each."""
    journal = store.journal
    first, second = (journal.get(row.id) for row in journal.rows(limit=2))
    assert first is not None and second is not None
    moment = max(first.updated_at or first.written_at, second.updated_at or second.written_at,
                 datetime.now().replace(microsecond=0)) + timedelta(minutes=1)
    session = moment
    journal.save(second.edited(body=second.body + " Then.", now=lambda: session),
                 session_start=session)        # the session's first save keeps one
    second = journal.get(second.id)
    assert second is not None
    keeping: list[float] = []
    plain: list[float] = []
    for n in range(pairs):                     # a second apart: within one interval
        moment += timedelta(seconds=1)
        for entry, times, start in ((first, keeping, None), (second, plain, session)):
            edited = entry.edited(body=f"{entry.body} {n}.", now=lambda moment=moment: moment)
            began = time.perf_counter()
            kept = journal.save(edited, session_start=start)
            times.append((time.perf_counter() - began) * 1000)
            assert (kept is not None) == (start is None), "the pattern didn't hold"
    return {"pairs": pairs, "keeping_p50_ms": _percentile(keeping, 50),
            "keeping_p95_ms": _percentile(keeping, 95), "plain_p50_ms": _percentile(plain, 50),
            "plain_p95_ms": _percentile(plain, 95)}


def _file_mb(path: Path) -> float:
    return round(path.stat().st_size / 1e6, 2)


def measure(journal_file: Path, work: Path, *, days: int, seed: int) -> dict:
    """Run the simulation on copies of the closed journal `journal_file`: history off,
    and kept 30 days. Returns the figures (file sizes after closing, in MB)."""
    start = datetime.combine(date.today() - timedelta(days=days + 1), datetime.min.time())
    result: dict = {"days_simulated": days, "file_before_mb": _file_mb(journal_file)}
    for name, keep_days in (("off", 0), ("kept_30_days", 30)):
        folder = JournalFolder(work / name)
        folder.root.mkdir(mode=0o700, parents=True)
        shutil.copy2(journal_file, folder.vault_path)
        store = folder.unlock(PASSPHRASE, check_pages=False)
        try:
            figures = simulate(store, days=days, keep_days=keep_days, start=start, seed=seed)
        finally:
            store.close()
        figures["file_after_mb"] = _file_mb(folder.vault_path)
        result[name] = figures
    folder = JournalFolder(work / "kept_30_days")
    store = folder.unlock(PASSPHRASE, check_pages=False)
    try:
        result["paired"] = paired(store, 10 if days < 10 else 150)
    finally:
        store.close()
    on, off = result["kept_30_days"], result["off"]
    result["growth_from_history_mb"] = round(on["file_after_mb"] - off["file_after_mb"], 2)
    per_day = on["versions_kept_while_writing"] / days
    result["versions_per_day"] = round(per_day, 2)
    if on["versions_at_end"]:
        average = on["version_text_kb"] / on["versions_at_end"]
        # A year's retention holds about a year of versions, of the same size.
        result["estimate_365_days_mb"] = round(per_day * 365 * average / 1024, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny journal, a few days")
    parser.add_argument("--days", type=int, help="days of writing to simulate (default 40)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="where to write the figures")
    args = parser.parse_args(argv)
    days = args.days or (4 if args.quick else 40)
    shape = tenyears.Shape.scaled(0.02 if args.quick else 1.0)
    out = args.json or HERE / "results" / ("history-quick.json" if args.quick
                                           else "history.json")
    with tempfile.TemporaryDirectory(prefix="trustdesk-history-") as tmp:
        folder = JournalFolder(Path(tmp) / "ten-years")
        print(f"Writing the journal: {shape.entries} entries …", flush=True)
        store = folder.create(PASSPHRASE)
        tenyears.fill(store, shape, seed=args.seed, today=date.today())
        store.close()
        print(f"Simulating {days} days of writing, history off and on …", flush=True)
        result = measure(folder.vault_path, Path(tmp), days=days, seed=args.seed)
    print(json.dumps(result, indent=2))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
