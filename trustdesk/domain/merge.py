"""How an import merges into the journal, and how its result is told.

Records are matched by id. A record whose id isn't there yet is added. For an id
already there, the version with the newer `updated_at` wins; on a tie, or when
yours is newer, yours stays ("unchanged"). So importing the same file twice adds
and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ADD, UPDATE, KEEP = "add", "update", "keep"


def decide(incoming: datetime | None, existing: datetime | None, *, exists: bool) -> str:
    """ADD when the id is new; UPDATE when the incoming version is strictly newer
    (a stamp beats no stamp); KEEP otherwise."""
    if not exists:
        return ADD
    if incoming is None:
        return KEEP
    if existing is None or incoming > existing:
        return UPDATE
    return KEEP


@dataclass
class Tally:
    """Counts for one kind of record."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, decision: str) -> None:
        if decision == ADD:
            self.added += 1
        elif decision == UPDATE:
            self.updated += 1
        else:
            self.unchanged += 1

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    @property
    def changed(self) -> int:
        return self.added + self.updated


_NOUNS = {"entries": ("entry", "entries"), "worksheets": ("worksheet", "worksheets"),
          "steps": ("small step", "small steps")}


def count_of(n: int, kind: str) -> str:
    one, many = _NOUNS[kind]
    return f"{n:,} {one if n == 1 else many}"


CARD_SENTENCES = {
    "added": "Your safety card (people and numbers) was added.",
    "kept": "Your journal already has a safety card, so the one in the file was not "
            "imported; yours is unchanged.",
}


@dataclass
class ImportResult:
    """What an import did, per kind of record. `source` is "trustdesk" or "jrnl"."""

    source: str = "trustdesk"
    entries: Tally = field(default_factory=Tally)
    worksheets: Tally = field(default_factory=Tally)
    steps: Tally = field(default_factory=Tally)
    # The safety card: "" (the file has none), "added", "same" (already here) or
    # "kept" (the journal's own card differs and stays; a card is never overwritten).
    card: str = ""
    # The personal dictionary: (words new to it, words in the file).
    words: tuple[int, int] = (0, 0)
    # Earlier versions of entries: (versions added to the history, versions in the file).
    versions: tuple[int, int] = (0, 0)
    # Updated entries whose earlier text was kept in their history (known once applied).
    replaced: int = 0

    @property
    def changed(self) -> int:
        return (self.entries.changed + self.worksheets.changed + self.steps.changed
                + (self.card == "added") + (self.words[0] > 0) + (self.versions[0] > 0))

    @property
    def total(self) -> int:
        return (self.entries.total + self.worksheets.total + self.steps.total
                + bool(self.card) + (self.words[1] > 0) + (self.versions[1] > 0))

    def describe(self) -> str:
        """One plain sentence per kind: "Imported 312 entries: 300 new, 12 updated." """
        if self.total == 0:
            return "The file has nothing in it to import."
        if self.changed == 0 and self.card == "kept":
            others = self._all(card=False)
            already = (f"Everything else in the file ({others}) is already in your "
                       "journal. " if others else "")
            return already + CARD_SENTENCES["kept"]
        if self.changed == 0:
            return (f"Everything in the file ({self._all()}) is already in your journal, "
                    "so nothing changed.")
        sentences = []
        for kind in ("entries", "worksheets", "steps"):
            tally: Tally = getattr(self, kind)
            if tally.total == 0:
                continue
            parts = [f"{tally.added:,} new" if tally.added else "",
                     f"{tally.updated:,} updated" if tally.updated else "",
                     f"{tally.unchanged:,} already here" if tally.unchanged else ""]
            sentences.append(f"Imported {count_of(tally.total, kind)}: "
                             f"{', '.join(part for part in parts if part)}.")
        sentences.append(self._replaced_sentence())
        sentences.append(CARD_SENTENCES.get(self.card, ""))
        sentences.append(self._words_sentence())
        sentences.append(self._versions_sentence())
        return " ".join(sentence for sentence in sentences if sentence)

    def _versions_sentence(self) -> str:
        added, in_file = self.versions
        if not in_file:
            return ""
        if not added:
            return ("The file's earlier versions of entries were already kept, or are "
                    "older than your journal keeps them.")
        kept = f"{added:,} earlier version{'s' if added != 1 else ''} of entries"
        return f"{kept} {'were' if added != 1 else 'was'} added to their history."

    def _replaced_sentence(self) -> str:
        if not self.replaced:
            return ""
        if self.replaced == 1:
            return "What the updated entry said before is kept in its history."
        return (f"What the {self.replaced:,} updated entries said before is kept in "
                "their history.")

    def _words_sentence(self) -> str:
        new = self.words[0]
        if not new:
            return ""
        if new == 1:
            return "1 word was added to your dictionary."
        return f"{new:,} words were added to your dictionary."

    def _all(self, *, card: bool = True) -> str:
        kinds = [count_of(getattr(self, kind).total, kind)
                 for kind in ("entries", "worksheets", "steps") if getattr(self, kind).total]
        if self.card and card:
            kinds.append("your safety card")
        if self.words[1]:
            kinds.append("your dictionary's words")
        if self.versions[1]:
            kinds.append("earlier versions of entries")
        if not kinds:
            return ""
        return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]


def describe_contents(entries: int, worksheets: int, steps: int) -> str:
    """ "312 journal entries and 4 worksheets": what a file holds, for a question."""
    kinds = [count_of(n, kind) for n, kind in ((entries, "entries"),
                                               (worksheets, "worksheets"), (steps, "steps"))
             if n]
    if not kinds:
        return "nothing"
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
