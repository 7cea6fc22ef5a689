"""What one language's word list costs: memory, loading, lookups and suggestions.

    python bench/word_list.py [--language en] [--json FILE]

Runs in this (fresh) process: resident memory before `word_lists.load`, after it
(steady, from /proc/self/statm) and at its peak while loading (ru_maxrss), the time
to load, the time per `knows` lookup (known words, misspellings and British
spellings, best of 5 rounds of 2,000 each) and the time to suggest for English
misspellings (short and long, some only two edits from a word, one with no word
within two), median of 5, with what was suggested. Prints JSON; with --json also
writes it. `PYTHONPATH=<older checkout> python <copy of this script outside the
checkout>` measures an older word list the same way.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOOKED_UP = {
    "known": ["the", "receive", "friendships", "reconnected", "don't"],
    "misspelt": ["recieve", "definately", "zqxjvvk", "seperate", "untill"],
    "british": ["realised", "colourful", "centre", "travelled", "programme"],
}
# (misspelling, how many edits from the nearest known word; 0: none within two)
SUGGESTED = [("teh", 1), ("recieve", 1), ("seperate", 1), ("definately", 1),
             ("tomorow", 1), ("acommodate", 1), ("responsibilitys", 1),
             ("misunderstandng", 1), ("conscienciousness", 1), ("embarasment", 2),
             ("acomodation", 2), ("beleiveing", 2), ("zqxjvvk", 0)]


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(language: str) -> dict[str, Any]:
    from trustdesk.domain.spelling import word_lists

    gc.collect()
    before = _rss_mb()
    started = time.perf_counter()
    words = word_lists.load(language)
    loaded = time.perf_counter() - started
    gc.collect()
    result: dict[str, Any] = {
        "language": language,
        "rss_before_mb": round(before, 1),
        "steady_mb": round(_rss_mb() - before, 1),
        "peak_mb": round(_peak_mb() - before, 1),
        "load_ms": round(loaded * 1000),
    }
    if language != "en":
        return result
    rounds = 2000
    knows: dict[str, float] = {}
    for kind, looked_up in LOOKED_UP.items():
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(rounds):
                for word in looked_up:
                    words.knows(word)
            best = min(best, (time.perf_counter() - started) / rounds / len(looked_up))
        knows[kind] = round(best * 1e6, 2)
    result["knows_us"] = knows
    suggested: dict[str, Any] = {}
    for word, distance in SUGGESTED:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            found = words.suggestions(word)
            times.append(time.perf_counter() - started)
        suggested[word] = {"edits": distance, "ms": round(statistics.median(times) * 1000, 1),
                           "found": found}
    result["suggestions"] = suggested
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", default="en")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    text = json.dumps(measure(args.language), indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
