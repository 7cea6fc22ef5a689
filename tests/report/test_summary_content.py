"""What the printed summary says about the person's own words, read from a real
encrypted journal: the true number of entries when only the most recent are
quoted, their Markdown set as formatting (not as ** and ##) with paragraphs kept,
and the worksheet details, which appear only when chosen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.report.conftest import pdf_text, poppler
from trustdesk.domain.journal import CheckIn, Entry
from trustdesk.domain.period import Period
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.report import markdown
from trustdesk.report.summary import DEFAULT_SECTIONS, SummaryOptions, write_pdf
from trustdesk.storage.progress_data import ProgressSource

TODAY = date(2025, 6, 30)
JUNE = Period.custom(date(2025, 6, 1), TODAY)
EXCERPTS = SummaryOptions(sections=frozenset({"excerpts"}))


def gathered(store, options: SummaryOptions):
    """What the CLI and the print dialog read for `options`, from `store`."""
    source = ProgressSource.from_store(store)
    summary = source.summary(JUNE, TODAY)
    return summary, {
        "excerpts": source.excerpts(summary, options.excerpt_limit),
        "excerpt_total": source.excerpt_total(summary),
        "worksheets": source.finished_worksheets(summary),
    }


def test_the_summary_states_the_true_number_of_entries(store, tmp_path):
    """102 entries with words in June, the summary quotes the latest 30 and says so."""
    start = datetime(2025, 6, 1, 8)
    store.journal.save_many(
        Entry(id=f"e{i:03}", written_at=start + timedelta(hours=6 * i),
              body=f"Entry number {i}.") for i in range(102))
    store.journal.save(Entry(id="blank", written_at=start, body="   \n "))
    summary, personal = gathered(store, EXCERPTS)
    assert len(personal["excerpts"]) == 30 and personal["excerpt_total"] == 102
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, EXCERPTS, made_on=TODAY, **personal)
    text = pdf_text(path)
    assert "The 30 most recent of your 102 entries in this period" in text
    assert "Your 30 entries" not in text
    assert "Entry number 101." in text and "Entry number 71." not in text


def test_excerpts_show_markdown_as_formatting_and_keep_paragraphs(store, tmp_path):
    body = ("## Plans for the week\n\nI was **really proud** of *myself* today.\n\n"
            "- call Ana\n- rest on Sunday\n\nSecond paragraph stays apart.")
    store.journal.save(Entry(id="md", written_at=datetime(2025, 6, 3, 20), body=body,
                             checkin=CheckIn(mood=6)))
    summary, personal = gathered(store, EXCERPTS)
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary, EXCERPTS, made_on=TODAY, **personal)
    text = pdf_text(path)
    for shown in ("Plans for the week", "I was really proud of myself today.", "call Ana",
                  "rest on Sunday"):
        assert shown in text
    assert "**" not in text and "##" not in text and "- call" not in text
    lines = [line.strip() for line in
             poppler("pdftotext", "-enc", "UTF-8", str(path), "-").splitlines()]
    assert lines.index("Second paragraph stays apart.") > lines.index(
        "I was really proud of myself today.")
    fonts = poppler("pdffonts", str(path))
    assert "Bold" in fonts and ("Oblique" in fonts or "Italic" in fonts)


def test_markdown_is_parsed_into_styled_paragraphs_and_loads_nothing():
    paragraphs = markdown.parse("# Title\n\nSome **bold** and *soft* words "
                                "![a picture](http://example.org/x.png) and [a link](x.md).\n\n"
                                "1. first\n2. second\n\n> a quote\n\n<b>raw html</b>")
    kinds = [p.kind for p in paragraphs]
    assert kinds == ["heading", "p", "item", "item", "quote", "p"]
    body = paragraphs[1]
    assert body.text == "Some bold and soft words and a link."
    assert markdown.Run("bold", bold=True) in body.runs
    assert markdown.Run("soft", italic=True) in body.runs
    assert [p.marker for p in paragraphs[2:4]] == ["1.", "2."]
    # Raw HTML is shown as typed, never interpreted.
    assert paragraphs[-1].text == "<b>raw html</b>" and not any(r.bold for r in paragraphs[-1].runs)


def test_shortening_keeps_whole_paragraphs_then_cuts_at_a_word():
    paragraphs = markdown.parse("One short paragraph.\n\n" + "word " * 200)
    short, cut = markdown.shorten(paragraphs, 60)
    assert cut and short[0].text == "One short paragraph."
    assert short[1].text.endswith("word\u2026") and len(short[1].text) <= 41
    whole, cut = markdown.shorten(markdown.parse("a\n\nb"), 60)
    assert not cut and [p.text for p in whole] == ["a", "b"]


def sheet(n: int, *, done: bool = True) -> Worksheet:
    return Worksheet(
        id=f"w{n}", happened_on=date(2025, 6, 2 + n), category="rejection",
        thought=f"THOUGHT-{n}: they only tolerate me.", belief_before=80,
        balanced_view=f"BALANCED-{n}: they asked me along twice.\n\nI can ask again.",
        belief_after=40 if done else None,
        step=SmallStep(id=f"s{n}", text=f"STEP-{n}: ask to join lunch", due=date(2025, 6, 9),
                       outcome="no"))


def test_worksheet_details_are_off_by_default_and_printed_when_chosen(store, tmp_path):
    for n in range(3):
        store.worksheets.save(sheet(n, done=n != 2))
    assert "worksheet_details" not in DEFAULT_SECTIONS
    summary, personal = gathered(store, SummaryOptions())
    plain = tmp_path / "default.pdf"
    write_pdf(plain, summary, SummaryOptions(), made_on=TODAY, **personal)
    text = pdf_text(plain)
    assert "THOUGHT-" not in text and "BALANCED-" not in text and "Worksheet details" not in text

    chosen = SummaryOptions(sections=frozenset({"worksheet_details"}))
    detailed = tmp_path / "details.pdf"
    write_pdf(detailed, summary, chosen, made_on=TODAY, **personal)
    text = pdf_text(detailed)
    assert "Worksheet details" in text
    for n in (0, 1):
        assert f"THOUGHT-{n}: they only tolerate me." in text
        assert f"BALANCED-{n}: they asked me along twice." in text
        assert f"STEP-{n}: ask to join lunch" in text
    assert "THOUGHT-2" not in text                 # an unfinished draft is not printed
    assert text.index("THOUGHT-0") < text.index("BALANCED-0") < text.index("STEP-0") \
        < text.index("THOUGHT-1")
    assert "The feared outcome didn't happen." in text


def test_worksheet_details_can_be_named_with_a_hyphen():
    options = SummaryOptions.from_include("charts, worksheet-details")
    assert options.sections == {"charts", "worksheet_details"}
