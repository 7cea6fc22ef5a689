"""The spell-checking candidates side by side, as docs/spelling.md reports them.

    python bench/spelling_libraries.py [--hunspell DIR] [--json FILE]

For each candidate that can be imported here: the time to load English, which of a
list of common misspellings it misses, which correct (inflected, everyday) words it
flags, the time per lookup, the time to suggest (median and worst of six words) and
the first suggestions. Candidates:

- pyspellchecker (what TrustDesk uses: `trustdesk.domain.spelling.word_lists`);
- pyenchant (needs the system's libenchant-2 and a Hunspell dictionary);
- spylls (pure-Python Hunspell; reads the system's en_US .dic/.aff);
- "own reader": a minimal reader of Hunspell .dic/.aff written for this comparison
  (prefixes and suffixes expanded into a set at load; suggestions one edit away,
  no ranking), to see what writing our own would give before its hard parts
  (compounds, continuation classes, REP and phonetic suggestions).

The Hunspell dictionaries come from --hunspell (default /usr/share/hunspell; on
Debian `apt-get install hunspell-en-us`). A candidate that is not installed is
reported as such. Prints JSON; with --json also writes it.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MISSPELT = ["recieve", "definately", "seperate", "occured", "untill", "wierd", "accomodate",
            "beleive", "tommorow", "truely", "freind", "embarass", "goverment", "neccessary",
            "thier"]
CORRECT = ["trusting", "friendships", "reconnected", "receive", "definitely", "separate",
           "occurred", "untrustworthy", "apologised", "apologized", "reassurance", "hurtful",
           "misunderstandings", "rebuilding", "vulnerable", "journaling", "overthinking",
           "boundaries"]
SUGGESTED = MISSPELT[:6]


def measure(load: Callable[[], Any], check: Callable[[Any, str], bool],
            suggest: Callable[[Any, str], list[str]]) -> dict[str, Any]:
    started = time.perf_counter()
    checker = load()
    loaded = time.perf_counter() - started
    words = (MISSPELT + CORRECT) * 20
    started = time.perf_counter()
    for word in words:
        check(checker, word)
    lookup = (time.perf_counter() - started) / len(words)
    times, firsts = [], {}
    for word in SUGGESTED:
        started = time.perf_counter()
        found = list(suggest(checker, word))[:5]
        times.append(time.perf_counter() - started)
        firsts[word] = found
    return {
        "load_ms": round(loaded * 1000),
        "misspellings_missed": [w for w in MISSPELT if check(checker, w)],
        "correct_words_flagged": [w for w in CORRECT if not check(checker, w)],
        "lookup_us": round(lookup * 1e6, 1),
        "suggest_median_ms": round(statistics.median(times) * 1000, 1),
        "suggest_max_ms": round(max(times) * 1000, 1),
        "suggestions": firsts,
    }


# -- a minimal Hunspell reader (for the comparison only) -------------------------------
def read_hunspell(base: Path) -> set[str]:
    """Every word of `base`.dic with its prefixes and suffixes applied (single-letter
    flags, conditions, cross products; no compounds or continuation classes)."""
    rules: dict[str, tuple[str, bool, list[tuple[str, str, re.Pattern[str]]]]] = {}
    lines = base.with_suffix(".aff").read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) >= 4 and parts[0] in ("PFX", "SFX"):
            kind, flag = parts[0], parts[1]
            if flag not in rules:
                rules[flag] = (kind, parts[2] == "Y", [])
                continue
            strip, add = parts[2], parts[3].split("/")[0]
            condition = parts[4] if len(parts) > 4 else "."
            pattern = re.compile(("^" + condition) if kind == "PFX" else (condition + "$"))
            rules[flag][2].append(("" if strip == "0" else strip, "" if add == "0" else add,
                                   pattern))
    words: set[str] = set()
    dic = base.with_suffix(".dic").read_text(encoding="utf-8", errors="replace").splitlines()
    for line in dic[1:]:
        stem, _, flags = line.split("\t")[0].partition("/")
        words.add(stem.lower())
        suffixed: list[tuple[str, bool]] = [(stem, True)]
        for flag in flags:
            kind, cross, entries = rules.get(flag, ("", False, []))
            if kind != "SFX":
                continue
            for strip, add, pattern in entries:
                if pattern.search(stem) and (not strip or stem.endswith(strip)):
                    form = stem[:len(stem) - len(strip)] + add
                    words.add(form.lower())
                    suffixed.append((form, cross))
        for flag in flags:
            kind, cross, entries = rules.get(flag, ("", False, []))
            if kind != "PFX":
                continue
            for strip, add, pattern in entries:
                for form, form_cross in suffixed:
                    if form is not stem and not (cross and form_cross):
                        continue
                    if pattern.search(form) and (not strip or form.startswith(strip)):
                        words.add((add + form[len(strip):]).lower())
    return words


def own_suggestions(words: set[str], word: str) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz'"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
    edits |= {a + c + b for a, b in splits for c in letters}
    return sorted(edit for edit in edits if edit in words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    en_us = args.hunspell / "en_US"
    results: dict[str, Any] = {}
    try:
        from trustdesk.domain.spelling.checker import Checker
        from trustdesk.domain.spelling.word_lists import WordList

        results["pyspellchecker"] = measure(
            lambda: Checker(WordList("en")), lambda c, w: not c.is_misspelt(w),
            lambda c, w: c.suggestions(w))
    except ImportError:
        results["pyspellchecker"] = "not installed"
    try:
        import enchant  # type: ignore[import-not-found]

        results["pyenchant"] = measure(lambda: enchant.Dict("en_US"),
                                       lambda d, w: d.check(w), lambda d, w: d.suggest(w))
    except (ImportError, OSError) as exc:
        results["pyenchant"] = f"not available: {exc}"
    if en_us.with_suffix(".dic").exists():
        try:
            from spylls.hunspell import Dictionary  # type: ignore[import-not-found]

            results["spylls"] = measure(lambda: Dictionary.from_files(str(en_us)),
                                        lambda d, w: d.lookup(w), lambda d, w: d.suggest(w))
        except ImportError:
            results["spylls"] = "not installed"
        results["own reader"] = measure(lambda: read_hunspell(en_us),
                                        lambda s, w: w.lower() in s, own_suggestions)
    else:
        results["spylls"] = results["own reader"] = f"no {en_us}.dic"
    text = json.dumps(results, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
