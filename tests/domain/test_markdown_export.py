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
OFFSET_DATE = WHEN.astimezone().isoformat(timespec="seconds")  # 2024-05-01T21:30:00+02:00


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
    assert text == (f'---\ndate: {OFFSET_DATE}\nmood: 6\ntrust_self: 7\n'
                    'tags: ["sam", "trust: slow"]\n---\n\n# Coffee with Sam\n\n'
                    "We talked.\n\nIt went well.\n")


def test_an_entry_without_title_or_ratings_has_just_date_and_tags():
    assert entry_markdown(entry(body="Only words.")) == (
        f"---\ndate: {OFFSET_DATE}\ntags: []\n---\n\nOnly words.\n")


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


def test_front_matter_dates_carry_seconds_and_the_offset_of_that_day():
    assert OFFSET_DATE.startswith("2024-05-01T21:30:00") and OFFSET_DATE[19] in "+-Z"
    assert datetime.fromisoformat(OFFSET_DATE).astimezone().replace(tzinfo=None) == WHEN


def test_titles_are_escaped_and_headings_in_the_words_sit_below_the_entry():
    body = "# Plan\nsteps\n## Detail\n```\n# not a heading\n```\nUnderlined\n---"
    text = entry_markdown(entry("C# *is* [fun]", body))
    assert "\n# C\\# \\*is\\* \\[fun\\]\n" in text
    assert text.endswith("## Plan\nsteps\n### Detail\n```\n# not a heading\n```\n"
                         "### Underlined\n")
    single = journal_markdown([entry("x_y", "# Plan\n###### Deep")],
                              exported_at=WHEN, count=1)
    assert "## Wednesday 1 May 2024, 21:30 · x\\_y\n" in single
    assert single.endswith("### Plan\n###### Deep\n"), "never deeper than ######"
