"""TrustDesk's benchmark: ten years of daily journaling, measured side by side with
the floor that Qt and SQLite set on the same machine in the same run.

    python bench/run.py            the full benchmark (a few minutes)
    python bench/run.py --quick    a tiny journal and few runs: checks that it works

It prints a table and writes every figure, with the machine it ran on, to a JSON
file (default: bench/results/latest.json, or quick.json with --quick). It asserts
nothing: the "target" column is what we hold ourselves to, for people to read.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import history, tenyears  # noqa: E402
from bench.probes import PASSPHRASE  # noqa: E402
from bench.workload import compare_engines  # noqa: E402


def stats(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3), "runs": len(values)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (k - low), 3)


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


# -- the machine -----------------------------------------------------------------------
def machine() -> dict:
    import sqlcipher3
    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "pyside6": pyside_version,
            "qt": QtCore.qVersion(), "sqlite": sqlcipher3.sqlite_version}


# -- fresh processes -------------------------------------------------------------------
def probe(*args: str, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, str(HERE / "probes.py"), *args], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def launch_env(home: Path) -> dict:
    """A person's fresh session: their own home and data folders, offscreen Qt, and
    Python's compiled bytecode cached as an installed app has it."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TRUSTDESK_", "XDG_")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               TRUSTDESK_SMOKE_EXIT_AFTER_MS="0")
    return env


def launch_app(env: dict) -> tuple[float, float]:
    """`python -m trustdesk` to its first paint (the unlock screen): wall-clock ms, and
    the process's CPU ms by then (steadier on a busy machine)."""
    start = time.time()
    done = subprocess.run([sys.executable, "-m", "trustdesk"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    for line in done.stderr.splitlines():
        if line.startswith("trustdesk: first paint at "):
            words = line.split()
            return (float(words[4]) - start) * 1000, float(words[6])
    raise RuntimeError(f"the app reported no first paint:\n{done.stderr[-3000:]}")


def launch_bare(env: dict) -> tuple[float, float]:
    start = time.time()
    report = probe("bare", env=env)
    return (report["first_paint"] - start) * 1000, report["cpu_ms"]


def measure_launch(vault: Path, home: Path, runs: int) -> dict:
    """Alternating fresh processes, after one unmeasured run of each (disk cache,
    bytecode cache)."""
    data = home / ".local/share/TrustDesk"
    data.mkdir(parents=True)
    shutil.copy2(vault, data / vault.name)
    env = launch_env(home)
    launch_bare(env), launch_app(env)
    bare, app = [], []
    for _ in range(runs):
        bare.append(launch_bare(env))
        app.append(launch_app(env))
    wall = {name: [run[0] for run in runs_of] for name, runs_of in (("bare", bare), ("app", app))}
    cpu = {name: [run[1] for run in runs_of] for name, runs_of in (("bare", bare), ("app", app))}
    paired = [a / b for a, b in zip(wall["app"], wall["bare"], strict=True)]
    return {"bare_ms": stats(wall["bare"]), "app_ms": stats(wall["app"]),
            # Each app launch runs right after a bare one; the median of those pairs'
            # ratios is steadier than the ratio of medians when the machine's speed
            # drifts during the run. Both are kept; the table judges the paired one.
            "ratio_of_medians": round(statistics.median(wall["app"])
                                      / statistics.median(wall["bare"]), 3),
            "ratio": round(statistics.median(paired), 3),
            "bare_cpu_ms": stats(cpu["bare"]), "app_cpu_ms": stats(cpu["app"]),
            "cpu_ratio": round(statistics.median(cpu["app"]) / statistics.median(cpu["bare"]), 3)}


def measure_memory(data_dir: Path, runs: int) -> dict:
    bare = [probe("memory-bare")["peak_mb"] for _ in range(runs)]
    app = [probe("memory-app", str(data_dir))["peak_mb"] for _ in range(runs)]
    return {"bare_peak_mb": stats(bare), "app_peak_mb": stats(app),
            "extra_mb": round(statistics.median(app) - statistics.median(bare), 1)}


# -- in this process: storage only ---------------------------------------------------------
def measure_search(folder, marker: str, runs: int) -> dict:
    """The journal's search for `marker`, and the same word as a LIKE scan over
    titles and bodies: repeated on an open journal (warm page cache), and as the
    first query after unlocking (cold: every page it reads is decrypted first)."""
    from trustdesk.storage.fts import match_expression
    from trustdesk.storage.store import Store

    def fts(store: Store) -> int:
        return len(store.journal.search(marker))

    def like(store: Store) -> int:
        with store.vault.read() as conn:
            return len(conn.execute(
                "SELECT id FROM entries WHERE title LIKE ?1 OR body LIKE ?1 "
                "ORDER BY written_at DESC LIMIT 100", [f"%{marker}%"]).fetchall())

    def index_only(store: Store) -> int:
        # The LIKE query's twin: ids, newest first, found through the index instead.
        with store.vault.read() as conn:
            return len(conn.execute(
                "SELECT e.id FROM entries_fts JOIN entries e ON e.doc = entries_fts.rowid "
                "WHERE entries_fts MATCH ? ORDER BY e.written_at DESC LIMIT 100",
                [match_expression(marker)]).fetchall())

    def first_query(query: Callable[[Store], int]) -> float:
        store = folder.unlock(PASSPHRASE, check_pages=False)
        try:
            return timed(lambda: query(store), 1)[0][0]
        finally:
            store.close()

    cold_fts = [first_query(fts) for _ in range(runs)]
    cold_like = [first_query(like) for _ in range(runs)]
    store = folder.unlock(PASSPHRASE, check_pages=False)
    try:
        fts(store), like(store), index_only(store)
        warm_fts, hits = timed(lambda: fts(store), 50)
        warm_index, _ = timed(lambda: index_only(store), 50)
        warm_like, like_hits = timed(lambda: like(store), 10)
    finally:
        store.close()
    median = statistics.median
    return {"fts_ms": stats(warm_fts), "like_ms": stats(warm_like),
            "index_only_ms": stats(warm_index),
            "like_to_index_only": round(median(warm_like) / median(warm_index), 1),
            "fts_first_ms": stats(cold_fts), "like_first_ms": stats(cold_like),
            "fts_hits": hits, "like_hits": like_hits,
            "like_to_fts": round(median(warm_like) / median(warm_fts), 1),
            "like_to_fts_first": round(median(cold_like) / median(cold_fts), 1)}


# -- the report ---------------------------------------------------------------------------------
def rows(result: dict) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, within target?) for the terminal and the README."""
    r = result

    def span(s: dict, unit: str = "ms", digits: int = 1) -> str:
        return (f"{s['median']:.{digits}f} {unit} "
                f"({s['min']:.{digits}f}–{s['max']:.{digits}f})")

    def ok(flag: bool) -> str:
        return "yes" if flag else "NO"

    launch, unlock, search = r["launch"], r["unlock"], r["search"]
    memory, progress, autosave = r["memory"], r["progress"], r["autosave"]
    return [
        ("Launch: bare PySide6 window painted", span(launch["bare_ms"]), "", ""),
        ("Launch: TrustDesk unlock screen painted", span(launch["app_ms"]),
         "≤ 1.3 × bare", f"{launch['ratio']:.2f} × {ok(launch['ratio'] <= 1.3)}"),
        ("Launch: ratio of the medians (for comparison)", "", "",
         f"{launch['ratio_of_medians']:.2f} ×"),
        ("Launch: CPU time to first paint, TrustDesk ÷ bare window",
         f"{launch['app_cpu_ms']['median']:.0f} ÷ {launch['bare_cpu_ms']['median']:.0f} ms",
         "", f"{launch['cpu_ratio']:.2f} ×"),
        ("Unlock: key derivation alone", span(unlock["kdf_ms"]), "", ""),
        ("Unlock: passphrase given → Today page painted", span(unlock["total_ms"]), "", ""),
        ("Unlock: the same, beyond its own key derivation",
         span(unlock["beyond_kdf_ms"]), "≤ 150 ms",
         ok(unlock["beyond_kdf_ms"]["median"] <= 150)),
        (f"Today page painted after unlock ({r['today']['due_steps']} steps waiting)",
         span(r["today"]["after_unlock_ms"]), "≤ 50 ms",
         ok(r["today"]["after_unlock_ms"]["median"] <= 50)),
        ("Today page complete (prompt, On this day, reading)",
         span(r["today"]["complete_ms"]), "reported", ""),
        ("Today page shown again, read afresh and painted", span(r["today"]["again_ms"]),
         "", ""),
        (f"Search: a word in {search['fts_hits']} entries (FTS5), repeated",
         span(search["fts_ms"]), "≤ 10 ms", ok(search["fts_ms"]["median"] <= 10)),
        ("Search: the same as a LIKE scan, repeated", span(search["like_ms"]),
         "≥ 20 × slower", f"{search['like_to_fts']:.0f} × {ok(search['like_to_fts'] >= 20)}"),
        ("Search: the index alone, ids as the LIKE scan returns",
         span(search["index_only_ms"], digits=2),
         "", f"LIKE {search['like_to_index_only']:.0f} × slower"),
        ("Search: first query after unlocking (FTS5)", span(search["fts_first_ms"]),
         "≤ 10 ms", ok(search["fts_first_ms"]["median"] <= 10)),
        ("Search: first query after unlocking (LIKE)", span(search["like_first_ms"]),
         "≥ 20 × slower",
         f"{search['like_to_fts_first']:.0f} × {ok(search['like_to_fts_first'] >= 20)}"),
        ("Progress page, all time: visible part painted", span(progress["visible_ms"]), "", ""),
        ("Progress page, all time: all five charts painted", span(progress["all_charts_ms"]),
         "≤ 150 ms", ok(progress["all_charts_ms"]["median"] <= 150)),
        (f"Summary PDF, 12 months ({r['pdf']['pages']} pages)", span(r["pdf"]["ms"]),
         "≤ 1000 ms", ok(r["pdf"]["ms"]["median"] <= 1000)),
        ("Peak memory: bare window", span(memory["bare_peak_mb"], "MB"), "", ""),
        ("Peak memory: ten years open, every page visited", span(memory["app_peak_mb"], "MB"),
         "≤ bare + 80 MB", f"+{memory['extra_mb']:.0f} MB {ok(memory['extra_mb'] <= 80)}"),
        ("Autosave: save fired → commit done, history on, a version every save (p50 / p95)",
         f"{autosave['p50_ms']:.1f} / {autosave['p95_ms']:.1f} ms", "p95 ≤ 20 ms",
         ok(autosave["p95_ms"] <= 20)),
        ("Autosave: the same with history off (p50 / p95)",
         f"{autosave['history_off_p50_ms']:.1f} / {autosave['history_off_p95_ms']:.1f} ms",
         "", ""),
        ("Search index catching up when an edited entry is left, in the background "
         "(p50 / p95)", f"{autosave['index_p50_ms']:.1f} / {autosave['index_p95_ms']:.1f} ms",
         "reported", ""),
        (f"History: {r['history']['days_simulated']} days of writing, save p95 off → on",
         f"{r['history']['off']['p95_ms']:.1f} → {r['history']['kept_30_days']['p95_ms']:.1f} ms",
         "reported", ""),
        ("History: the same saves' CPU time, p95 off → on",
         f"{r['history']['off']['cpu_p95_ms']:.1f} → "
         f"{r['history']['kept_30_days']['cpu_p95_ms']:.1f} ms", "reported", ""),
        ("History: a save keeping a version ÷ one keeping none, interleaved (p50 / p95)",
         f"{r['history']['paired']['keeping_p50_ms']:.1f} ÷ "
         f"{r['history']['paired']['plain_p50_ms']:.1f} / "
         f"{r['history']['paired']['keeping_p95_ms']:.1f} ÷ "
         f"{r['history']['paired']['plain_p95_ms']:.1f} ms", "reported", ""),
        ("History: file growth, kept 30 days (versions kept)",
         f"+{r['history']['growth_from_history_mb']:.2f} MB "
         f"({r['history']['kept_30_days']['versions_at_end']})", "reported", ""),
        ("Same workload, SQLCipher ÷ plain SQLite", f"{r['engines']['ratio']:.2f} ×",
         "reported", ""),
    ]


def print_table(result: dict) -> None:
    table = rows(result)
    width = max(len(row[0]) for row in table)
    print(f"\n{'measure':<{width}}  {'median (min–max)':<28}  {'target':<15}  within")
    for what, measured, target, verdict in table:
        print(f"{what:<{width}}  {measured:<28}  {target:<15}  {verdict}")
    engines = result["engines"]
    print(f"\nSQLCipher ÷ plain SQLite by phase ({engines['entries']} entries): " + ", ".join(
        f"{phase} {ratio:.2f}×" for phase, ratio in engines["phase_ratio"].items()))
    print(f"SQLCipher with SQLite's default 2 MB page cache instead of the app's 32 MB: "
          f"{engines['small_cache_ratio']:.2f} × the app's time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a tiny journal and two runs each: checks the benchmark works")
    parser.add_argument("--runs", type=int, help="runs of each measurement (default 9; quick 2)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="where to write the figures")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 9)
    scale = 0.02 if args.quick else 1.0
    out = args.json or HERE / "results" / ("quick.json" if args.quick else "latest.json")
    shape = tenyears.Shape.scaled(scale)
    started = datetime.now()
    result: dict = {"mode": "quick" if args.quick else "full", "seed": args.seed,
                    "started": started.isoformat(timespec="seconds"), "machine": machine()}

    from trustdesk.storage.store import JournalFolder

    with tempfile.TemporaryDirectory(prefix="trustdesk-bench-") as tmp:
        work = Path(tmp)
        folder = JournalFolder(work / "data")
        print(f"Writing the journal: {shape.entries} entries of about {shape.words} words, "
              f"{shape.worksheets} worksheets, {shape.steps} small steps …", flush=True)
        start = time.perf_counter()
        store = folder.create(PASSPHRASE)
        written = tenyears.fill(store, shape, seed=args.seed, today=date.today())
        result["journal"] = {**vars(written), "seconds": round(time.perf_counter() - start, 2),
                             "file_mb": round(folder.vault_path.stat().st_size / 1e6, 1)}
        store.close()
        print("Searching …", flush=True)
        result["search"] = measure_search(folder, tenyears.MARKER, runs)

        print("Launching fresh processes …", flush=True)
        # Launch is the noisiest figure (a whole process each time): twice the runs.
        result["launch"] = measure_launch(folder.vault_path, work / "home", 2 * runs)
        print("Unlocking, Progress page, summary PDF, autosave …", flush=True)
        ui = probe("ui", str(folder.root), str(runs))
        result["unlock"] = {"kdf_ms": stats(ui["kdf_ms"]),
                            "kdf_in_unlock_ms": stats(ui["unlock_kdf_ms"]),
                            "total_ms": stats(ui["unlock_ms"]),
                            "beyond_kdf_ms": stats(ui["unlock_beyond_kdf_ms"])}
        result["today"] = {"after_unlock_ms": stats(ui["today_after_unlock_ms"]),
                           "again_ms": stats(ui["today_again_ms"]),
                           "complete_ms": stats(ui["today_complete_ms"]),
                           "due_steps": ui["today_due_steps"]}
        result["progress"] = {"visible_ms": stats(ui["progress_visible_ms"]),
                              "all_charts_ms": stats(ui["progress_all_charts_ms"])}
        result["pdf"] = {"ms": stats(ui["pdf_12_months_ms"]), "pages": ui["pdf_pages"]}
        saves, off = ui["autosave_ms"], ui["autosave_history_off_ms"]
        result["autosave"] = {"p50_ms": percentile(saves, 50), "p95_ms": percentile(saves, 95),
                              "max_ms": round(max(saves), 3), "saves": len(saves),
                              "versions_kept": ui["autosave_versions_kept"],
                              "history_off_p50_ms": percentile(off, 50),
                              "history_off_p95_ms": percentile(off, 95),
                              "index_p50_ms": percentile(ui["index_after_editing_ms"], 50),
                              "index_p95_ms": percentile(ui["index_after_editing_ms"], 95)}
        print("Measuring memory …", flush=True)
        result["memory"] = measure_memory(folder.root, max(1, min(runs, 3)))
        print("Plain SQLite against SQLCipher …", flush=True)
        result["engines"] = compare_engines(work / "engines", shape, seed=args.seed,
                                            runs=max(1, min(runs, 3)))
        print("Entry history: simulated writing, history off and on …", flush=True)
        result["history"] = history.measure(folder.vault_path, work / "history",
                                            days=4 if args.quick else 40, seed=args.seed)
    result["seconds"] = round((datetime.now() - started).total_seconds(), 1)
    result["table"] = [dict(zip(("measure", "measured", "target", "within"), row, strict=True))
                       for row in rows(result)]
    print_table(result)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nAll figures: {out}  ({result['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
