"""The guide's chapters: they parse, say what the content brief asks, stay within
their lengths, and never repeat themselves."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from trustdesk.domain.guide.chapters import (
    FEAR_LABELS,
    GuideError,
    inline_text,
    linked_chapter,
    load_guide,
    parse_chapter,
    plain_blocks,
    plain_text,
    sentences,
    word_count,
)
from trustdesk.domain.worksheet import FEAR_CATEGORIES
from trustdesk.domain.worksheet_texts import load as load_worksheet_texts

GUIDE = load_guide()
CHAPTERS = GUIDE.chapters
NOT_A_DIAGNOSIS = re.compile(r"diagnos", re.IGNORECASE)
PHONE_LIKE = re.compile(r"\+?\d(?:[\s().-]*\d){2,}")
_LINK_TARGET = re.compile(r"\]\(([^)]*)\)")


def question_sections(chapter) -> dict[str, str]:
    """'## Question?' headings of a chapter and the Markdown under each."""
    parts = re.split(r"^## ", chapter.body, flags=re.MULTILINE)[1:]
    return {part.partition("\n")[0].strip(): part.partition("\n")[2] for part in parts}


def test_there_are_nine_chapters_in_reading_order_and_a_safety_note():
    assert [chapter.number for chapter in CHAPTERS] == list(range(1, 10))
    assert CHAPTERS[0].id == "01-welcome"
    assert CHAPTERS[-1].id == "09-questions-people-ask"
    assert GUIDE.safety.id == "safety" and GUIDE.safety.title == "If you are not safe"
    assert GUIDE.safety.number is None and GUIDE.safety.is_safety_note


@pytest.mark.parametrize("chapter", GUIDE.all(), ids=lambda c: c.id)
def test_every_chapter_has_its_front_matter_and_starts_with_its_title(chapter):
    assert chapter.title and chapter.summary and chapter.minutes >= 1
    assert chapter.body.startswith(f"# {chapter.title}\n")
    assert len(chapter.summary) <= 120, "the summary is one line on the contents card"
    if not chapter.is_safety_note:
        assert 1 <= len(chapter.prompts) <= 3
        assert all(prompt.endswith("?") for prompt in chapter.prompts)


def test_titles_and_prompts_are_all_different():
    titles = [chapter.title for chapter in GUIDE.all()]
    prompts = [prompt for chapter in CHAPTERS for prompt in chapter.prompts]
    assert len(set(titles)) == len(titles)
    assert len(set(prompts)) == len(prompts)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.id)
def test_stated_reading_time_matches_the_length(chapter):
    words_per_minute = chapter.words / chapter.minutes
    assert 130 <= words_per_minute <= 230, f"{chapter.words} words in {chapter.minutes} min"


def test_questions_chapter_answers_the_eleven_questions_in_80_to_200_words_each():
    """The brief's ten questions, and one about friends, family and work."""
    sections = question_sections(CHAPTERS[8])
    assert len(sections) == 11
    topics = ["regain trust", "trust issues", "trust again", "after a lie",
              "love someone", "broken relationship", "fall back in love",
              "trust in my relationship", "relationship without trust", "issues start",
              "family or someone at work"]
    headings = " | ".join(sections).lower()
    for topic in topics:
        assert topic in headings, topic
    for heading, text in sections.items():
        assert heading.endswith("?")
        assert 80 <= word_count(text) <= 200, (heading, word_count(text))


def test_no_sentence_is_repeated_across_chapters():
    where: dict[str, set[str]] = defaultdict(set)
    for chapter in GUIDE.all():
        for sentence in sentences(chapter.body):
            where[" ".join(sentence.casefold().split())].add(chapter.id)
    repeated = {sentence: ids for sentence, ids in where.items() if len(ids) > 1}
    assert repeated == {}


def test_the_not_a_diagnosis_statement_appears_once_in_the_welcome_chapter_only():
    welcome = CHAPTERS[0]
    assert len(NOT_A_DIAGNOSIS.findall(welcome.body)) == 1
    assert "not treatment" in plain_text(welcome.body)
    for chapter in GUIDE.all()[1:]:
        assert not NOT_A_DIAGNOSIS.search(chapter.body), chapter.id


def test_safety_note_lists_no_phone_numbers_and_says_the_app_cannot_call_anyone():
    text = plain_text(GUIDE.safety.body)
    assert not PHONE_LIKE.search(GUIDE.safety.body)
    for idea in ("local emergency services", "local crisis line", "professional",
                 "works offline", "cannot contact anyone", "look up"):
        assert idea in text.lower(), idea


@pytest.mark.parametrize("chapter", GUIDE.all(), ids=lambda c: c.id)
def test_chapters_link_only_to_other_chapters_and_name_no_websites(chapter):
    for target in _LINK_TARGET.findall(chapter.body):
        linked = linked_chapter(target)
        assert linked is not None and GUIDE.has(linked), target
    assert not re.search(r"https?:|www\.|\.(com|org|net)\b|@", chapter.body)
    assert not PHONE_LIKE.search(chapter.body)


def test_safety_note_is_linked_from_the_chapters_that_talk_about_danger():
    linking = [c.number for c in CHAPTERS if "](safety.md)" in c.body]
    assert {1, 4, 8, 9} <= set(linking)


def test_the_fears_chapter_offers_every_named_worksheet_fear_with_its_label():
    fears = CHAPTERS[5]
    named = tuple(key for key in FEAR_CATEGORIES if key != "other")
    assert fears.fears == named, "one 'Work through this fear' button per named fear"
    for key in fears.fears:
        assert f"## {FEAR_LABELS[key]}" in fears.body
    assert all(not chapter.fears for chapter in GUIDE.all() if chapter is not fears)


def test_the_fears_chapter_lists_all_eight_worksheet_fears_by_the_worksheets_names():
    texts = load_worksheet_texts()
    body = plain_text(CHAPTERS[5].body)
    for category in texts.categories:
        assert category.label in body, category.label
        if category.key in FEAR_LABELS:
            assert FEAR_LABELS[category.key] == category.label
    assert "eight" in body


def test_required_ideas_are_covered():
    """A light check that each chapter still carries the brief's key ideas."""
    expected = {
        1: ["courage", "strength, not a flaw", "joy", "journal", "worksheet"],
        2: ["skill", "practice", "honesty", "openness", "not alone",
            "When trust shouldn't come back", "Trusting the same person again",
            "rushed or blamed", "You set the pace"],
        3: ["projection", "self-fulfilling prophecy", "dangerous", "present",
            "If what happened was abuse", "Specialist services", "plan for safety"],
        4: ["always", "boundaries", "safety", "stability", "consistency",
            "doubt your own perceptions or decisions", "Explaining it away",
            "red flags", "threats", "checking your phone", "where you are",
            "controlling your money", "cutting you off", "pressure or force around sex",
            "rages that frighten you", "punishing you for saying no",
            "does not label anyone", "Fear that comes from how a person acts is itself "
            "a warning sign", "Both can be true", "not proof either way",
            "don't test it alone"],
        5: ["triggers", "defences", "therapist", "forgiving yourself", "accept you as you are",
            "You set the depth", "don't have to write down any details", "stop",
            "Ground yourself", "come back to this another day"],
        6: ["starting point", "practice", "every good change", "Something else"],
        7: ["alarm", "self-acceptance", "small steps", "curious", "warning sign",
            "The answer can be both", "safety step",
            "never the reason someone hurt you"],
        8: ["not failure", "cognitive behavioural therapy", "Talk therapy", "Gottman Method",
            "Counselling Psychology Review", "anonymity",
            "couples work isn't the place to start", "overheard",
            "free or low-cost", "Peer support groups"],
        9: ["the problem isn't your trust", "Couples work isn't the place to begin",
            "can't simply walk away", "parent of your child", "someone you work with"],
    }
    for number, ideas in expected.items():
        text = plain_text(CHAPTERS[number - 1].body)
        for idea in ideas:
            assert idea.lower() in text.lower(), (number, idea)


# -- the parser itself -------------------------------------------------------
GOOD = """---
title: A test
summary: One line.
minutes: 2
prompts:
  - First?
  - Second?
---
# A test

Some **bold** and *soft* words, a [link](safety.md) and don't.

- one item
- two items
"""


def test_parse_chapter_reads_front_matter_and_body():
    chapter = parse_chapter("03-a-test", GOOD)
    assert (chapter.id, chapter.number, chapter.title, chapter.minutes) == (
        "03-a-test", 3, "A test", 2)
    assert chapter.prompts == ("First?", "Second?")
    assert chapter.fears == ()
    assert chapter.body.startswith("# A test\n")
    assert plain_blocks(chapter.body) == [
        "A test", "Some bold and soft words, a link and don't.", "one item", "two items"]
    assert chapter.words == 2 + 9 + 2 + 2


@pytest.mark.parametrize(("text", "complaint"), [
    ("# no front matter\n", "must start"),
    ("---\ntitle: x\nsummary: y\nminutes: 2\n", "no closing"),
    ("---\ntitle: x\nsummary: y\nminutes: soon\n---\nbody\n", "whole number"),
    ("---\ntitle: x\nsummary: y\nminutes: 0\n---\nbody\n", "at least 1"),
    ("---\ntitle: x\nsummary: y\n---\nbody\n", "minutes"),
    ("---\ntitle: x\nminutes: 2\n---\nbody\n", "summary"),
    ("---\ntitle: x\nsummary: y\nminutes: 2\ncolour: red\n---\nbody\n", "unknown key"),
    ("---\ntitle: x\ntitle: z\nsummary: y\nminutes: 2\n---\nbody\n", "twice"),
    ("---\ntitle: x\nsummary: y\nminutes: 2\nfears:\n  - heights\n---\nbody\n", "unknown fear"),
    ("---\ntitle: x\nsummary: y\nminutes: 2\nprompts: one\n---\nbody\n", "list"),
    ("---\ntitle: x\nsummary: y\nminutes: 2\n---\n\n", "no text"),
])
def test_malformed_chapters_are_refused_with_the_file_name(text, complaint):
    with pytest.raises(GuideError, match=complaint) as caught:
        parse_chapter("05-broken", text)
    assert "05-broken.md" in str(caught.value)


def test_the_safety_note_may_leave_out_minutes_and_gets_an_estimate():
    note = parse_chapter("safety", "---\ntitle: Safe\nsummary: Now.\n---\n" + "word " * 400)
    assert note.number is None and note.minutes == 2 and note.prompts == ()


def test_inline_text_removes_markup_but_keeps_words():
    assert inline_text("**Counterweight:** *always* a [note](safety.md)") == (
        "Counterweight: always a note")
    assert inline_text("snake_case_name stays") == "snake_case_name stays"
    assert word_count("# Title\n\n1. It's **one** item.\n") == 4


def test_links_resolve_only_to_guide_files():
    assert linked_chapter("safety.md") == "safety"
    assert linked_chapter("08-when-to-get-more-help.md") == "08-when-to-get-more-help"
    for outside in ("https://example.org/a.md", "../other.md", "file:x.md", "notes.txt", ".md"):
        assert linked_chapter(outside) is None


def test_previous_and_next_follow_reading_order():
    ids = GUIDE.ids()
    assert GUIDE.previous(ids[0]) is None
    assert GUIDE.next(ids[0]).id == ids[1]
    assert GUIDE.previous(ids[4]).id == ids[3]
    assert GUIDE.next(ids[-1]) is None
    assert GUIDE.next("safety") is None and GUIDE.previous("safety") is None
    assert GUIDE.get("safety") is GUIDE.safety
    with pytest.raises(KeyError):
        GUIDE.get("10-missing")


# -- careful in both directions (issue 20) ----------------------------------------------
OLD_WORDING = {
    # One-way framings the guide no longer uses.
    "04-red-flags-and-false-alarms": ["because of what you fear they might do"],
    "07-step-by-step": ["Is there danger right now, or is an old wound speaking?",
                        "When you value yourself, other people's unkindness has less power"],
    # The source article's counter-truths, nearly word for word.
    "06-three-fears": ["nobody is flawless", "Admitting a mistake is acceptable",
                       "Nothing works out without practice", "Counterweight"],
}


@pytest.mark.parametrize("chapter_id", sorted(OLD_WORDING))
def test_one_way_and_borrowed_wording_is_gone(chapter_id):
    text = plain_text(GUIDE.get(chapter_id).body)
    for phrase in OLD_WORDING[chapter_id]:
        assert phrase.lower() not in text.lower(), phrase


def test_answers_about_fixing_or_mending_a_relationship_put_safety_first():
    sections = question_sections(CHAPTERS[8])
    for heading in ("How do I fix trust in my relationship?",
                    "How can I mend a broken relationship?"):
        first = sentences(sections[heading])[0].lower()
        assert "afraid" in first or "safety" in first, heading


def test_couples_work_is_never_offered_without_the_fear_or_control_caveat():
    caveat = re.compile(r"couples work isn't the place to (start|begin)", re.IGNORECASE)
    mentioning = [c for c in CHAPTERS if "couples work" in plain_text(c.body).lower()]
    assert {c.number for c in mentioning} == {8, 9}
    for chapter in mentioning:
        assert caveat.search(plain_text(chapter.body)), chapter.id


def test_the_safety_note_has_the_four_points_for_someone_who_is_watched_or_planning():
    text = plain_text(GUIDE.safety.body)
    for idea in ("Ctrl+L", "passphrase", "they can't see",          # checked or pressed
                 "before you leave", "help you plan",                # a risky time
                 "text or chat",                                     # when talking isn't safe
                 "without this app"):                                # numbers kept elsewhere
        assert idea in text, idea
