"""What SQLCipher's memory security costs on a ten-year journal.

    python bench/memory_security.py            ten years, 5 runs of each (about 2 minutes)
    python bench/memory_security.py --quick    a tiny journal, 1 run: checks it works

`PRAGMA cipher_memory_security` is process-wide and can't be turned off once on, so
each measurement is a fresh process, alternating OFF and ON, on its own copy of the
same journal. Each process measures, through the app's repositories: unlocking
(key derivation and first read), reading (the whole list paged through, 200 entries
opened, 8 searches), and 100 autosaves of ~300-word entries (`journal.save`, the
write an autosave does on its background thread). It prints a table and writes the
figures to bench/results/memory_security.json (quick: memory_security-quick.json).
Asserts nothing; see bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import tenyears  # noqa: E402
from bench.probes import PASSPHRASE  # noqa: E402

QUERIES = ("trust", "friend", "afraid", "tired", "walk", "message", "sister", "quiet")
SAVES = 100


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def child(mode: str, path: str) -> int:
    """One fresh process: memory security as `mode` says, then the workload."""
    from trustdesk.storage import memory_security
    from trustdesk.storage.store import Store
    from trustdesk.storage.vault import Vault

    if mode == "off":  # the only way to leave it off: never let the app turn it on
        memory_security.enable = lambda: None
    start = time.perf_counter()
    vault = Vault.open(Path(path), PASSPHRASE)
    unlock = time.perf_counter() - start
    store = Store.on(vault)
    on = memory_security.is_enabled()
    journal = store.journal

    start = time.perf_counter()
    first_page = journal.rows()
    list_page = time.perf_counter() - start
    start = time.perf_counter()
    last = first_page[-1]
    while page := journal.rows(after=last):
        last = page[-1]
    ids = [row.id for row in journal.rows(limit=1000)]
    opens = []
    for entry_id in ids[::max(1, len(ids) // 200)][:200]:
        begun = time.perf_counter()
        journal.get(entry_id)
        opens.append(_ms(time.perf_counter() - begun))
    read = time.perf_counter() - start + list_page
    start = time.perf_counter()
    for word in QUERIES:
        journal.search(word)
    search = time.perf_counter() - start

    rng = random.Random(7)
    saves = []
    for number in range(SAVES):
        entry = journal.get(rng.choice(ids))
        edited = entry.edited(body=entry.body + f" One more thought, number {number}.")
        start = time.perf_counter()
        journal.save(edited)
        saves.append(_ms(time.perf_counter() - start))
    sheet_saves = []
    for number, sheet in enumerate(store.worksheets.all_worksheets()[:SAVES]):
        edited = dataclasses.replace(sheet, balanced_view=sheet.balanced_view + f" ({number})")
        start = time.perf_counter()
        store.worksheets.save(edited)
        sheet_saves.append(_ms(time.perf_counter() - start))
    start = time.perf_counter()
    store.close()
    lock = time.perf_counter() - start
    print(json.dumps({"mode": mode, "memory_security": on, "unlock_ms": _ms(unlock),
                      "list_page_ms": _ms(list_page), "read_ms": _ms(read), "open_entry_ms": opens,
                      "search_ms": _ms(search), "lock_ms": _ms(lock),
                      "autosave_ms": saves, "worksheet_save_ms": sheet_saves}))
    return 0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (k - low), 2)


def run_child(mode: str, journal: Path, work: Path) -> dict:
    copy = work / f"{mode}.trustdesk"
    shutil.copyfile(journal, copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(copy)],
                          capture_output=True, text=True, env=env, check=True, timeout=600)
    for file in work.glob(f"{mode}.trustdesk*"):
        file.unlink()
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["memory_security"] != (mode == "on"):
        raise SystemExit(f"memory security was not {mode} in the {mode} process")
    return result


def summarise(results: list[dict]) -> dict:
    figures: dict = {}
    for name in ("unlock_ms", "list_page_ms", "read_ms", "search_ms", "lock_ms"):
        figures[name] = round(statistics.median(r[name] for r in results), 1)
    for name, key in (("open_entry", "open_entry_ms"), ("autosave", "autosave_ms"),
                      ("worksheet_save", "worksheet_save_ms")):
        values = [t for r in results for t in r[key]]
        figures[f"{name}_p50_ms"] = percentile(values, 50)
        figures[f"{name}_p95_ms"] = percentile(values, 95)
    figures["saves"] = sum(len(r["autosave_ms"]) for r in results)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny journal, one run each")
    parser.add_argument("--runs", type=int, help="processes of each mode (default 5)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="where to write the figures")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)
    runs = args.runs or (1 if args.quick else 5)
    shape = tenyears.Shape.scaled(0.02 if args.quick else 1.0)
    out = args.json or HERE / "results" / (
        "memory_security-quick.json" if args.quick else "memory_security.json")

    from trustdesk.storage.store import JournalFolder

    with tempfile.TemporaryDirectory(prefix="trustdesk-bench-") as tmp:
        work = Path(tmp)
        folder = JournalFolder(work / "data")
        print(f"Writing the journal: {shape.entries} entries …", flush=True)
        store = folder.create(PASSPHRASE)
        tenyears.fill(store, shape, seed=args.seed, today=date.today())
        store.close()
        by_mode: dict[str, list[dict]] = {"off": [], "on": []}
        for run in range(runs):
            for mode in ("off", "on") if run % 2 == 0 else ("on", "off"):
                print(f"  run {run + 1}/{runs}: memory security {mode} …", flush=True)
                by_mode[mode].append(run_child(mode, folder.vault_path, work))
        size_mb = round(folder.vault_path.stat().st_size / 1e6, 1)
    off, on = summarise(by_mode["off"]), summarise(by_mode["on"])
    ratio = {name: round(on[name] / off[name], 2) if off[name] else None
             for name in off if name != "saves"}
    result = {"entries": shape.entries, "file_mb": size_mb, "runs": runs,
              "off": off, "on": on, "on_over_off": ratio,
              "load_average": [round(x, 2) for x in os.getloadavg()]}
    print(f"\n{"measure":<24}{'OFF':>10}{'ON':>10}{'ON/OFF':>9}")
    for name in off:
        if name != "saves" and ratio[name] is not None:
            print(f"{name:<24}{off[name]:>10}{on[name]:>10}{ratio[name]!s:>9}")
    print(f"({off['saves']} autosaves per mode, {runs} processes per mode, "
          f"{shape.entries} entries, {size_mb} MB)")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"Figures: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
