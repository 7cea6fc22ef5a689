"""The journal as Markdown: safe, dated, unique file names; a small front matter;
the title as a heading; or every entry in one file."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from tests.exchange_data import ANY_CHARACTER
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.markdown_export import (
    MAX_NAME_BYTES,
    entry_file_name,
    entry_markdown,
    journal_markdown,
    safe_name,
)

WHEN = datetime(2024, 5, 1, 21, 30)


def entry(title: str = "", body: str = "", **more) -> Entry:
    return Entry(id=more.pop("id", "e1"), written_at=more.pop("written_at", WHEN),
                 title=title, body=body, updated_at=WHEN, **more)


def test_file_names_are_date_time_and_heading():
    taken: set[str] = set()
    assert entry_file_name(entry("Coffee with Sam"), taken) == "2024-05-01 2130 Coffee with Sam.md"
    assert entry_file_name(entry(body="\n\nFirst line here\nsecond"), taken) == (
        "2024-05-01 2130 First line here.md")
    assert entry_file_name(entry(), taken) == "2024-05-01 2130 Untitled entry.md"


def test_file_names_are_unique_regardless_of_case():
    taken: set[str] = set()
    names = [entry_file_name(entry(title), taken) for title in ("Sam", "SAM", "sam", "Sam")]
    assert names == ["2024-05-01 2130 Sam.md", "2024-05-01 2130 SAM (2).md",
                     "2024-05-01 2130 sam (3).md", "2024-05-01 2130 Sam (4).md"]


def test_unsafe_characters_never_reach_a_file_name():
    taken: set[str] = set()
    name = entry_file_name(entry('../../etc/passwd: a\\b*c?"d"<e>|f\u202egnp.exe\x00'), taken)
    assert "/" not in name and "\\" not in name and "\u202e" not in name
    assert not any(ch in name for ch in ':*?"<>|\x00')
    assert name == "2024-05-01 2130 etc passwd a b c d e fgnp.exe.md"
    assert safe_name(" ... ") == "" and safe_name("...hidden") == "hidden"


@given(st.text(ANY_CHARACTER, max_size=400))
def test_any_heading_gives_a_short_safe_name(title):
    name = entry_file_name(entry(body=title), set())
    assert len(name.encode("utf-8", "surrogatepass")) <= MAX_NAME_BYTES
    assert name.startswith("2024-05-01 2130") and name.endswith(".md")
    assert not any(ch in name for ch in '/\\:*?"<>|') and name.isprintable()
    name.encode("utf-8")  # no lone surrogates


def test_one_entry_file_has_front_matter_heading_and_words():
    text = entry_markdown(entry("Coffee with Sam", "We talked.\n\nIt went well.",
                                checkin=CheckIn(6, None, 7), tags=("sam", "trust: slow")))
    assert text == ('---\ndate: 2024-05-01T21:30\nmood: 6\ntrust_self: 7\n'
                    'tags: ["sam", "trust: slow"]\n---\n\n# Coffee with Sam\n\n'
                    "We talked.\n\nIt went well.\n")


def test_an_entry_without_title_or_ratings_has_just_date_and_tags():
    assert entry_markdown(entry(body="Only words.")) == (
        "---\ndate: 2024-05-01T21:30\ntags: []\n---\n\nOnly words.\n")


def test_the_single_file_lists_entries_in_order_with_details():
    first = entry("Coffee", "We talked.", checkin=CheckIn(6, 3, None), tags=("sam",))
    second = entry(body="Quiet day.", id="e2", written_at=datetime(2024, 5, 2, 8, 5))
    text = journal_markdown([first, second], exported_at=datetime(2024, 6, 1, 10, 0), count=2)
    assert text.startswith("# Journal\n\nExported from TrustDesk on Saturday 1 June 2024 at "
                           "10:00: 2 entries.\n")
    assert "## Wednesday 1 May 2024, 21:30 · Coffee\n\n*Mood 6 · Trust in others 3 · Tags: sam*"\
        "\n\nWe talked.\n" in text
    assert "## Thursday 2 May 2024, 08:05\n\nQuiet day.\n" in text
    assert text.index("Coffee") < text.index("Quiet day.")
