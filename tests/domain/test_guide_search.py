"""Searching the guide: every word must match, at the start of a word, and each hit
carries a short excerpt with the matched words marked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trustdesk.domain.guide.chapters import load_guide, parse_chapter
from trustdesk.domain.guide.search import EXCERPT_CHARS, parse_query, search

GUIDE = load_guide()


def chapter(number: int, body: str, title: str = "Plain title", summary: str = "A summary."):
    text = (f"---\ntitle: {title}\nsummary: {summary}\nminutes: 1\nprompts:\n  - Why?\n"
            f"---\n# {title}\n\n{body}\n")
    return parse_chapter(f"{number:02d}-test", text)


def marked(hit) -> list[str]:
    return [hit.excerpt[start:end] for start, end in hit.spans]


def test_a_word_finds_the_chapters_that_use_it_with_a_marked_excerpt():
    hits = search(GUIDE.all(), "boundaries")
    assert hits, "chapter 4 talks about boundaries"
    ids = [hit.chapter.id for hit in hits]
    assert "04-red-flags-and-false-alarms" in ids
    for hit in hits:
        assert hit.matches >= 1
        assert marked(hit) and all(word.lower().startswith("boundar") for word in marked(hit))
        assert len(hit.excerpt) <= EXCERPT_CHARS + 2


def test_words_match_at_the_start_of_words_and_ignore_case():
    chapters = [chapter(1, "Trusting is slow."), chapter(2, "Some distrust remains."),
                chapter(3, "We TRUST you.")]
    assert [hit.chapter.number for hit in search(chapters, "trust")] == [1, 3]
    assert marked(search(chapters, "trust")[0]) == ["Trusting"]


def test_every_word_must_appear_and_more_matches_rank_first():
    chapters = [chapter(1, "A lie told once. Partners matter."),
                chapter(2, "Only a lie here."),
                chapter(3, "A lie, another lie, a third lie; a partner hears it.")]
    hits = search(chapters, "lie partner")
    assert [hit.chapter.number for hit in hits] == [3, 1]
    assert hits[0].matches == 4


def test_the_excerpt_is_cut_around_the_first_match_at_word_boundaries():
    filler = " ".join(f"word{i}" for i in range(80))
    found = search([chapter(1, f"{filler} the needle sits here. {filler}")], "needle")[0]
    assert found.excerpt.startswith("…") and found.excerpt.endswith("…")
    assert "needle" in marked(found)
    assert len(found.excerpt) <= EXCERPT_CHARS + 2
    inner = found.excerpt.strip("…")
    assert all(piece.startswith("word") or piece in {"the", "needle", "sits", "here."}
               for piece in inner.split()), "never cut in the middle of a word"


def test_a_match_in_the_title_only_shows_the_summary():
    only_title = chapter(1, "Nothing relevant in the text.", title="Lanterns",
                         summary="About lanterns and light.")
    hit = search([only_title], "lantern")[0]
    assert hit.excerpt == "About lanterns and light."
    assert marked(hit) == ["lanterns"]


def test_queries_with_nothing_to_look_for_find_nothing():
    for empty in ("", "   ", "?!", "()"):
        assert search(GUIDE.all(), empty) == []


def test_special_characters_and_typographic_apostrophes_are_plain_text():
    chapters = [chapter(1, "Don't give up (yet). C++ is not here.")]
    assert search(chapters, "don’t")[0].chapter.number == 1
    assert search(chapters, "(yet")[0].chapter.number == 1
    assert search(chapters, "[.*") == []


def test_one_letter_words_are_ignored_when_longer_ones_are_given():
    assert parse_query("a lie I heard").terms == ("lie", "heard")
    assert parse_query("I").terms == ("i",)
    assert parse_query("Trust trust TRUST").terms == ("trust",)


def test_the_pattern_is_what_finds_matches():
    regex = parse_query("old alarm").regex()
    assert [m.group(0) for m in regex.finditer("An Old alarm, alarms, bold")] == [
        "Old", "alarm", "alarms"]


@given(st.text(max_size=40))
def test_search_never_fails_and_spans_stay_inside_the_excerpt(text):
    for hit in search(GUIDE.all(), text):
        for start, end in hit.spans:
            assert 0 <= start < end <= len(hit.excerpt)
