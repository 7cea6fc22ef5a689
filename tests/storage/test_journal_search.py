"""Full-text search: prefixes, accents, ranking, marked excerpts, filters, and any
typed text at all being safe."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import Entry, JournalFilter
from trustdesk.storage.fts import match_expression, search_terms
from trustdesk.storage.journal_repo import _filter_sql, parse_excerpt, search_sql
from trustdesk.storage.store import JournalFolder

HOSTILE = ['"', '""', "'", 'say "hi', "AND", "OR", "NOT", "a AND", "NOT b", "(", ")",
           "(trust", "-trust", "-", "*", "**", "trust*", "^trust", "title:trust", "NEAR(a b)",
           "a + b", "🙂", "🙂 trust", "\x00", "trust\x00", "{}", "[", "\\", ";DROP TABLE x",
           "", "   ", "\n\t", "%", "_", "ḿ", "\u0301", "\ud800", "a" * 5000, "x " * 500]


def at(day: int, **fields) -> Entry:
    return Entry.new(written_at=datetime(2024, 5, day, 21, 0), **fields)


@pytest.fixture(scope="module")
def repo(tmp_path_factory, template_vault):
    folder = tmp_path_factory.mktemp("search")
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    store = JournalFolder(folder).unlock(PASSPHRASE)
    store.journal.save_many([
        at(1, title="Coffee with Mara", body="We met at the café near the station.",
           tags="friends"),
        at(2, body="I felt trusted at work today. Trusting is easier on good days.",
           tags="work"),
        at(3, title="Trust", body="A long talk about trust, trust and more trust.",
           tags="partner"),
        at(4, body="Naïve hope? Maybe. Die Straße war leer. 信任需要时间。 שלום 🌱",
           tags="work"),
        at(5, body="Nothing special happened; I rested.", tags="sleep"),
    ])
    yield store.journal
    store.close()


def ids(hits) -> list[int]:
    return [hit.row.written_at.day for hit in hits]


def test_each_word_is_a_prefix_and_all_must_match(repo):
    assert set(ids(repo.search("trus"))) == {2, 3}
    assert ids(repo.search("trus work")) == [2]
    assert repo.search("trust banana") == []


def test_accents_fold_both_ways(repo):
    assert ids(repo.search("cafe")) == [1]
    assert ids(repo.search("CAFÉ")) == [1]
    assert ids(repo.search("naive")) == [4]


def test_cjk_and_right_to_left_words_are_found(repo):
    assert ids(repo.search("信任")) == [4]
    assert ids(repo.search("שלום")) == [4]


def test_titles_and_many_mentions_rank_first(repo):
    assert ids(repo.search("trust"))[0] == 3


def test_excerpts_mark_the_matching_words(repo):
    hit = repo.search("station")[0]
    assert ("station", True) in hit.excerpt
    assert "café near the" in hit.excerpt_text
    trusted = repo.search("trust")
    marked = {text.lower() for hit in trusted for text, matched in hit.excerpt if matched}
    assert {"trusted", "trusting", "trust"} <= marked


def test_search_respects_the_tag_and_date_filters(repo):
    assert ids(repo.search("trust", flt=JournalFilter(tag="work"))) == [2]
    assert ids(repo.search("trust", flt=JournalFilter(start=date(2024, 5, 3)))) == [3]
    assert repo.search("trust", flt=JournalFilter(end=date(2024, 5, 1))) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_raise(repo, text):
    assert isinstance(repo.search(text), list)


def test_a_quoted_operator_is_just_a_word(repo):
    # AND is searched as the word "and": only day 3 has both "trust" and "and".
    assert ids(repo.search('"trust" AND')) == [3]
    assert ids(repo.search("trusted OR rested")) == []  # as an operator: days 2 and 5
    assert set(ids(repo.search("(trust"))) == {2, 3}
    assert set(ids(repo.search("-trust*"))) == {2, 3}
    assert ids(repo.search("cafe 🙂")) == [1]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60))
def test_any_text_at_all_is_a_safe_query(repo, text):
    hits = repo.search(text)
    assert all(hit.row.id for hit in hits)


def test_ranking_is_left_to_fts5_so_only_returned_rows_get_excerpts(repo):
    """No temporary sort: FTS5 orders by rank itself and stops at the LIMIT."""
    where, args = _filter_sql(JournalFilter(tag="work", start=date(2024, 1, 1)))
    with repo._vault.read() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(
            "EXPLAIN QUERY PLAN " + search_sql(where), ['"trust"*', *args, 10]))
    assert "TEMP B-TREE FOR ORDER BY" not in plan and "entries_fts VIRTUAL TABLE" in plan


def test_match_expression_quotes_every_word():
    assert match_expression('say "hi" -now') == '"say"* """hi"""* "-now"*'
    assert match_expression("🙂 !!") is None
    assert match_expression("") is None
    assert len(search_terms("w " * 100)) == 12


def test_excerpt_markers_split_into_pieces():
    assert parse_excerpt("a \x02b\x03 c") == (("a ", False), ("b", True), (" c", False))
    assert parse_excerpt("") == ()


def test_an_excerpt_reads_as_words_without_markdown_marks(store):
    """A hit's excerpt is FTS5's snippet of the stored text; the marks are set in it
    as in the list, and the matched word is still the one marked."""
    store.journal.save(Entry.new(title="A calmer week", body=(
        "## What helped\n\nI told Sam, and **nothing bad happened**. It was *loud*.\n\n"
        "- Walked to the station")))
    (hit,) = store.journal.search("nothing")
    assert hit.excerpt_text == ("What helped\n\nI told Sam, and nothing bad happened. "
                                "It was loud.\n\nWalked to the station")
    assert [text for text, matched in hit.excerpt if matched] == ["nothing"]
