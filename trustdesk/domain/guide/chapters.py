"""The guide: chapters read from resources/guide/*.md, each with a small front matter.

A chapter file looks like this (the front matter is a tiny YAML subset, parsed here
so the app needs no YAML library):

    ---
    title: Can trust come back?
    summary: Why trust works like a skill.
    minutes: 3
    prompts:
      - Who has been reliable with you in a small way lately?
    fears:
      - failing
    ---
    # Can trust come back?
    ...Markdown...

Numbered files (`01-welcome.md` ...) are the chapters, in reading order; `safety.md`
is the "If you are not safe" note. Chapters link to each other with ordinary
Markdown links to the file name (`[If you are not safe](safety.md)`).

Plain Python: no Qt. Loading reads a few small files and is cached, so any thread
may call `load_guide()`; the returned objects are immutable.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from trustdesk import resources
from trustdesk.domain.markdown_plain import BLOCK_MARK, inline_text
from trustdesk.domain.worksheet import FEAR_CATEGORIES

GUIDE_FOLDER = "guide"
SAFETY_ID = "safety"
WORDS_PER_MINUTE = 180
_CHAPTER_FILE = re.compile(r"^(\d{2})-[a-z0-9-]+\.md$")
_LIST_KEYS = ("prompts", "fears")
_TEXT_KEYS = ("title", "summary", "minutes")

# How each fear category the guide offers is named on its button row. The keys are
# the worksheet's fear categories, so a request always names a category it knows;
# the labels are the worksheet's own (a test keeps the two the same).
FEAR_LABELS = {
    "failing": "Fear of failing",
    "embarrassment": "Fear of embarrassment",
    "being_wrong": "Fear of being wrong",
    "rejection": "Fear of rejection",
    "abandonment": "Fear of abandonment",
    "betrayal": "Fear of betrayal or lies",
    "control": "Fear of being controlled or manipulated",
}


class GuideError(ValueError):
    """A guide file that can't be read as a chapter. `str(error)` names the file."""


@dataclass(frozen=True)
class Chapter:
    """One chapter (or the safety note). `body` is the Markdown after the front matter."""

    id: str                      # the file name without ".md", e.g. "03-how-old-hurt-follows-you"
    number: int | None           # 1..n in reading order; None for the safety note
    title: str
    summary: str
    minutes: int
    prompts: tuple[str, ...]
    fears: tuple[str, ...]
    body: str

    @property
    def words(self) -> int:
        return word_count(self.body)

    @property
    def is_safety_note(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class Guide:
    """The numbered chapters in reading order, plus the safety note."""

    chapters: tuple[Chapter, ...]
    safety: Chapter

    def __post_init__(self) -> None:
        if not self.chapters:
            raise GuideError("The guide has no chapters.")

    @property
    def total(self) -> int:
        return len(self.chapters)

    def ids(self) -> tuple[str, ...]:
        """The numbered chapters' ids, in reading order (without the safety note)."""
        return tuple(chapter.id for chapter in self.chapters)

    def all(self) -> tuple[Chapter, ...]:
        """Every readable page: the chapters, then the safety note."""
        return (*self.chapters, self.safety)

    def get(self, chapter_id: str) -> Chapter:
        for chapter in self.all():
            if chapter.id == chapter_id:
                return chapter
        raise KeyError(chapter_id)

    def has(self, chapter_id: str) -> bool:
        return any(chapter.id == chapter_id for chapter in self.all())

    def previous(self, chapter_id: str) -> Chapter | None:
        index = self._index(chapter_id)
        return self.chapters[index - 1] if index is not None and index > 0 else None

    def next(self, chapter_id: str) -> Chapter | None:
        index = self._index(chapter_id)
        if index is None or index + 1 >= len(self.chapters):
            return None
        return self.chapters[index + 1]

    def next_unread(self, chapter_id: str, read: Collection[str]) -> Chapter | None:
        """The first chapter not in `read` after `chapter_id` in reading order, going
        round to the start; None when every chapter is read."""
        index = self._index(chapter_id)
        start = 0 if index is None else index + 1
        count = len(self.chapters)
        for step in range(count):
            chapter = self.chapters[(start + step) % count]
            if chapter.id not in read:
                return chapter
        return None

    def _index(self, chapter_id: str) -> int | None:
        ids = self.ids()
        return ids.index(chapter_id) if chapter_id in ids else None


# -- front matter ---------------------------------------------------------------
def split_front_matter(text: str, name: str = "chapter"
                       ) -> tuple[dict[str, str | list[str]], str]:
    """The front matter as a dict (lists for `prompts`/`fears`) and the Markdown body.

    Raises GuideError, naming `name`, for a missing or malformed front matter."""
    text = text.replace("\r\n", "\n").removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise GuideError(f"{name}: the file must start with a '---' front matter line.")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise GuideError(f"{name}: the front matter has no closing '---' line.") from None
    meta: dict[str, str | list[str]] = {}
    current_list: list[str] | None = None
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        if line.startswith("  - ") and current_list is not None:
            item = line[4:].strip()
            if not item:
                raise GuideError(f"{name}, line {number}: an empty list item.")
            current_list.append(item)
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key != line[: len(key)] or not key:
            raise GuideError(f"{name}, line {number}: expected 'key: value', got {line!r}.")
        if key in meta:
            raise GuideError(f"{name}, line {number}: {key!r} appears twice.")
        value = value.strip()
        if key in _LIST_KEYS:
            if value:
                raise GuideError(f"{name}, line {number}: {key!r} takes a list of '  - ' items.")
            current_list = []
            meta[key] = current_list
        elif key in _TEXT_KEYS:
            if not value:
                raise GuideError(f"{name}, line {number}: {key!r} is empty.")
            meta[key] = value
            current_list = None
        else:
            raise GuideError(f"{name}, line {number}: unknown key {key!r}.")
    body = "\n".join(lines[end + 1:]).strip("\n") + "\n"
    return meta, body


def parse_chapter(chapter_id: str, text: str) -> Chapter:
    """A Chapter from one file's text. `chapter_id` is the file name without '.md'."""
    name = f"{chapter_id}.md"
    meta, body = split_front_matter(text, name)
    for key in ("title", "summary"):
        if key not in meta:
            raise GuideError(f"{name}: the front matter needs a {key!r}.")
    match = re.match(r"^(\d{2})-", chapter_id)
    number = int(match.group(1)) if match else None
    prompts = tuple(meta.get("prompts", ()))
    fears = tuple(meta.get("fears", ()))
    unknown = [fear for fear in fears if fear not in FEAR_CATEGORIES]
    if unknown:
        raise GuideError(f"{name}: unknown fear categories {unknown}.")
    if "minutes" in meta:
        try:
            minutes = int(str(meta["minutes"]))
        except ValueError:
            raise GuideError(f"{name}: 'minutes' must be a whole number.") from None
        if minutes < 1:
            raise GuideError(f"{name}: 'minutes' must be at least 1.")
    elif number is not None:
        raise GuideError(f"{name}: a numbered chapter needs its reading 'minutes'.")
    else:
        minutes = max(1, round(word_count(body) / WORDS_PER_MINUTE))
    if not body.strip():
        raise GuideError(f"{name}: the chapter has no text.")
    return Chapter(id=chapter_id, number=number, title=str(meta["title"]),
                   summary=str(meta["summary"]), minutes=minutes, prompts=prompts,
                   fears=fears, body=body)


@cache
def load_guide() -> Guide:
    """The guide shipped with the app. Raises GuideError for a broken file and
    FileNotFoundError for a broken installation. Cached: the files never change."""
    folder = resources.path(GUIDE_FOLDER)
    chapters = []
    for path in sorted(folder.glob("*.md")):
        if _CHAPTER_FILE.match(path.name):
            chapters.append(parse_chapter(path.stem, path.read_text(encoding="utf-8")))
    safety_path = folder / f"{SAFETY_ID}.md"
    safety = parse_chapter(SAFETY_ID, safety_path.read_text(encoding="utf-8"))
    numbers = [chapter.number for chapter in chapters]
    if numbers != list(range(1, len(chapters) + 1)):
        raise GuideError(f"The chapters must be numbered 01, 02, ... without gaps: {numbers}.")
    return Guide(chapters=tuple(chapters), safety=safety)


# -- plain text -------------------------------------------------------------------
_WORD = re.compile(r"[\w'’]+")


def plain_blocks(markdown: str) -> list[str]:
    """The text of each paragraph, heading and list item, in reading order, as the
    reader sees it (markup removed; a paragraph's lines joined with spaces)."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in markdown.split("\n"):
        if not raw.strip():
            close()
            continue
        starts_block = BLOCK_MARK.match(raw)
        if starts_block:
            close()
            raw = raw[starts_block.end():]
        current.append(inline_text(raw.strip()))
        if starts_block and starts_block.group(0).lstrip().startswith("#"):
            close()
    close()
    return [block for block in blocks if block]


def plain_text(markdown: str) -> str:
    """The whole Markdown text as plain text, one block per line."""
    return "\n".join(plain_blocks(markdown))


def word_count(markdown: str) -> int:
    """Words a reader sees: runs of letters, digits and apostrophes, markup excluded."""
    return len(_WORD.findall(plain_text(markdown)))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”)]*\s+(?=[\"“(]?[A-Z0-9])")


def sentences(markdown: str) -> list[str]:
    """The sentences of a text (headings and list items count as one each)."""
    found: list[str] = []
    for block in plain_blocks(markdown):
        found.extend(part.strip() for part in _SENTENCE_END.split(block) if part.strip())
    return found


def linked_chapter(target: str) -> str | None:
    """The chapter id a Markdown link target names ('safety.md' -> 'safety'), or None
    for anything else (the guide never links outside itself)."""
    target = target.strip()
    if "/" in target or ":" in target or not target.endswith(".md"):
        return None
    return target.removesuffix(".md") or None
