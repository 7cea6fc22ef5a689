"""Daylio's CSV exports come in whatever header layout, language and clock they were
written with; moods Daylio defines are rated, others are kept as a tag; rows that
can't be read are listed and the rest still comes in."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.import_data import by_day, read_sample
from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.domain.importers import daylio
from trustdesk.domain.importers.common import parse_mood_map

CURRENT = "daylio/daylio_export_2024_05_12.csv"
OLD_GERMAN = "daylio/daylio-2018-de.csv"


def test_the_current_layout_with_note_titles():
    incoming = read_sample(CURRENT)
    assert incoming.source == "daylio"
    entries = by_day(incoming)
    sunday = entries["2024-05-12"]
    assert (sunday.title, sunday.checkin.mood) == ("Sunday with Mum", 9)
    assert sunday.body == ("We walked by the river.\n"
                           "She asked about work and I told her the truth.")
    assert sunday.tags == ("family", "walk", "good meal")
    assert entries["2024-05-09"].body == "I was sure they would be angry.\nThey weren't."


def test_twelve_hour_times_and_rows_without_a_note_are_check_ins():
    entries = by_day(read_sample(CURRENT))
    assert entries["2024-05-11"].written_at == datetime(2024, 5, 11, 21, 5)
    assert entries["2024-05-10"].written_at == datetime(2024, 5, 10, 8, 15)
    check_in = entries["2024-05-11"]
    assert (check_in.title, check_in.body, check_in.checkin.mood) == ("", "", 7)
    assert [entries[day].checkin.mood for day in sorted(entries)] == [None, 1, 3, 5, 7, 9]


def test_bad_rows_are_listed_duplicates_reported_and_custom_moods_kept_unrated():
    incoming = read_sample(CURRENT)
    assert [one.line() for one in incoming.report.skipped] == [
        "row 8: the time '25:99' isn't a time of day", "row 9: has 3 of 8 columns"]
    assert [one.line() for one in incoming.report.duplicates] == [
        "row 10 is the same as row 3; kept once"]
    wistful = by_day(incoming)["2024-05-07"]
    assert wistful.checkin.mood is None and wistful.tags == ("mood:wistful", "reading")
    assert "Moods TrustDesk can't rate on its own: wistful (1). They are kept as tags " \
        "(\"mood:NAME\") and left unrated." in incoming.report.notes
    assert incoming.report.unrated_moods == ("wistful",)


def test_the_old_layout_with_localised_month_names_and_a_mood_mapping():
    incoming = read_sample(OLD_GERMAN, daylio_moods={"super": 10, "gut": 7})
    entries = by_day(incoming)
    assert sorted(entries) == ["2018-03-02", "2018-03-03", "2018-03-04"]
    assert entries["2018-03-02"].written_at == datetime(2018, 3, 2, 21, 15)
    assert entries["2018-03-02"].checkin.mood == 10
    assert entries["2018-03-02"].tags == ("freunde", "kino")
    assert entries["2018-03-03"].checkin.mood == 7 and entries["2018-03-03"].tags == ("sport",)
    assert entries["2018-03-04"].written_at == datetime(2018, 3, 4, 21, 30)  # "4 mars", 9:30 PM
    assert [one.line() for one in incoming.report.skipped] == [
        "row 5: the date 30. Februar 2018 doesn't exist",
        "row 6: the date 'Frühling' 2018 isn't a day and a month TrustDesk can read"]


def test_without_a_mapping_localised_moods_are_tags_not_guesses():
    entries = by_day(read_sample(OLD_GERMAN))
    assert entries["2018-03-02"].checkin.mood is None
    assert entries["2018-03-02"].tags[0] == "mood:super"


def test_utf16_with_a_byte_order_mark_and_no_note_title_column():
    entries = by_day(read_sample("daylio/daylio-powershell-utf16.csv"))
    assert entries["2023-01-02"].body == "New year, new notebook."
    assert entries["2023-01-02"].tags == ("coffee", "journaling")
    assert entries["2023-01-03"].checkin.mood == 5


def test_ids_are_stable_so_a_second_read_gives_the_same_entries():
    assert read_sample(CURRENT).bundle == read_sample(CURRENT).bundle


@pytest.mark.parametrize(("word", "month"), [("März", 3), ("févr.", 2), ("Sept", 9),
                                             ("de", None), ("Ju", None), ("agosto", 8)])
def test_month_names_in_the_languages_daylio_writes(word, month):
    assert daylio.month_number(word) == month


def test_a_mood_mapping_is_checked():
    assert parse_mood_map("Super=9, gut = 7") == {"super": 9, "gut": 7}
    with pytest.raises(ImportProblem, match="isn't like"):
        parse_mood_map("super=11")
