"""RedNotebook's data folder comes in a day at a time: its txt2tags markup as
Markdown, its categories as tags, in either YAML style RedNotebook has written."""

from __future__ import annotations

from datetime import datetime

from tests.import_data import by_day, read_sample
from trustdesk.domain.importers.rednotebook import to_markdown


def test_every_day_of_every_month_file_comes_in_at_noon():
    incoming = read_sample("rednotebook/data")
    assert incoming.source == "rednotebook" and incoming.label == "a RedNotebook journal"
    entries = by_day(incoming)
    assert sorted(entries) == ["2012-06-14", "2012-06-30", "2019-03-02", "2019-03-09",
                               "2019-03-15", "2019-03-31"], "the half-saved .new file is not read"
    assert entries["2019-03-09"].written_at == datetime(2019, 3, 9, 12, 0)
    assert incoming.report.skipped == () and incoming.report.duplicates == ()


def test_markup_becomes_markdown_and_categories_become_tags():
    day = by_day(read_sample("rednotebook/data"))["2019-03-02"]
    assert day.title == "Coffee with Sam"
    assert day.body == (
        "I almost cancelled **twice**. He was *early*, and he listened.\n\n"
        "- told him about the job\n- didn't apologise for it\n\n"
        "1. first step\n1. second step\n\n"
        "See [the article](https://example.org/trust) and [Picture cafe.jpg: not imported].\n\n"
        "- Work: Meeting with Anna went --badly-- fine")
    assert day.tags == ("friends", "trust", "work")


def test_the_old_flow_style_and_unicode():
    entries = by_day(read_sample("rednotebook/data"))
    assert entries["2012-06-14"].body == ("Old RedNotebook file, written by PyYAML before 5.1 "
                                          "in flow style.\nA second line with a 'quote' and "
                                          "a colon: here.")
    assert entries["2012-06-30"].tags == ("old",)
    assert entries["2019-03-31"].body == "Month end. 信任 grows slowly 🌱 — ça va."
    assert entries["2019-03-15"].tags == ("mood",) and entries["2019-03-15"].body == \
        "- Mood: calm"


def test_txt2tags_leaves_urls_and_plain_dashes_alone():
    assert to_markdown("see http://example.org//path -- and --gone--") == \
        "see http://example.org//path -- and ~~gone~~"
    assert to_markdown("== Part two ==\n``code``") == "## Part two\n`code`"
