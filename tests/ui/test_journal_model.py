"""The journal list model over ten years of daily entries: checked by Qt's model
tester, paged as the view scrolls, and kept in order as entries are saved."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta

import pytest

from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from trustdesk.domain.journal import CheckIn, Entry, JournalFilter, row_of
from trustdesk.storage.store import JournalFolder
from trustdesk.ui.journal.list_delegate import EntryDelegate
from trustdesk.ui.journal.list_model import EXCERPT_ROLE, PAGE, ROW_ROLE, EntryListModel

TEN_YEARS = 3650
END = datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def repo(tmp_path_factory, template_vault):
    """A ten-year journal, generated once for this module in one transaction."""
    folder = tmp_path_factory.mktemp("ten-years")
    shutil.copy2(template_vault, folder / "journal.trustdesk")
    store = JournalFolder(folder).unlock(PASSPHRASE)
    store.journal.save_many(generated_entries(TEN_YEARS, end=END, words=40))
    yield store.journal
    store.close()


def test_browsing_passes_the_model_tester_and_pages_through_ten_years(qtmodeltester, repo):
    model = EntryListModel(repo)
    model.show_filter(JournalFilter())
    assert model.rowCount() == PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == TEN_YEARS
    keys = [model.entry_row(i).sort_key for i in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    assert len({model.entry_row(i).id for i in range(model.rowCount())}) == TEN_YEARS
    qtmodeltester.check(model)


def test_searching_and_filtering_pass_the_model_tester(qtmodeltester, repo):
    model = EntryListModel(repo)
    flt = JournalFilter(tag="sleep", start=date(2024, 1, 1), end=date(2024, 12, 31))
    model.show_filter(flt)
    assert 0 < model.rowCount() < PAGE and not model.canFetchMore()
    assert all(flt.matches(model.entry_row(i)) for i in range(model.rowCount()))
    qtmodeltester.check(model)
    model.show_hits(repo.search("shoulders", flt=flt), flt)
    assert model.searching and model.rowCount() > 0
    assert any(hit for _, hit in model.index(0).data(EXCERPT_ROLE))
    qtmodeltester.check(model)


def test_saved_rows_move_to_their_place_and_keep_the_model_consistent(qtmodeltester, qtlog,
                                                                      repo):
    model = EntryListModel(repo)
    model.show_filter(JournalFilter())
    qtmodeltester.check(model)  # the tester keeps watching (and fetching) from here on
    third = model.entry_row(2)
    entry = repo.get(third.id)
    newest = entry.edited(written_at=END - timedelta(minutes=1))
    model.apply_saved(row_of(newest))
    assert model.entry_row(0).id == third.id
    older = entry.edited(written_at=model.entry_row(50).written_at - timedelta(minutes=1))
    model.apply_saved(row_of(older))
    assert model.entry_row(50).id == third.id
    brand_new = Entry.new(written_at=END + timedelta(days=2), body="a new day")
    model.apply_saved(row_of(brand_new))
    assert model.entry_row(0).id == brand_new.id
    model.remove_id(brand_new.id)
    assert model.row_of_id(brand_new.id) == -1
    ids = [model.entry_row(i).id for i in range(model.rowCount())]
    assert len(ids) == len(set(ids)), "no row is ever listed twice"
    model.clear()
    assert model.rowCount() == 0
    assert not [m for m in qtlog.records if "FAIL" in m.message], "the model tester is content"


def test_a_row_saved_beyond_the_fetched_pages_waits_for_its_page(repo):
    model = EntryListModel(repo)
    model.show_filter(JournalFilter())
    ancient = Entry.new(written_at=datetime(1990, 1, 1), body="long ago")
    model.apply_saved(row_of(ancient))
    assert model.row_of_id(ancient.id) == -1 and model.rowCount() == PAGE
    model.apply_saved(row_of(ancient.edited(written_at=END)))
    assert model.row_of_id(ancient.id) == 0


def test_rows_leave_a_filtered_list_when_they_stop_matching(repo):
    flt = JournalFilter(tag="sleep")
    model = EntryListModel(repo)
    model.show_filter(flt)
    first = repo.get(model.entry_row(0).id)
    model.apply_saved(row_of(first.edited(tags="work")))
    assert model.row_of_id(first.id) == -1


def test_rows_without_a_preview_leave_out_the_empty_line(qapp, repo):
    """Rows with a preview share one height; a check-in only entry, or one whose
    title is all its text, has no preview line and is one line shorter, so its
    check-in sits right under the heading. A laid-out view follows the hints."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from trustdesk.ui.journal.list_delegate import GAP

    model = EntryListModel(repo)
    model.show_filter(JournalFilter())
    checkin_only = Entry.new(written_at=END + timedelta(days=1), checkin=CheckIn(mood=6))
    title_only = Entry.new(written_at=END + timedelta(days=2), body="Storm in the night",
                           checkin=CheckIn(trust_self=7), tags="sleep")
    for entry in (checkin_only, title_only):
        model.apply_saved(row_of(entry))
    assert [model.entry_row(i).preview for i in (0, 1)] == ["", ""]
    view = QListView()
    view.setModel(model)
    delegate = EntryDelegate(view)
    view.setItemDelegate(delegate)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    with_preview = [i for i in range(60) if model.entry_row(i).preview]
    without = [i for i in range(60) if not model.entry_row(i).preview]
    assert len(with_preview) >= 10 and without[:2] == [0, 1]
    full = {delegate.sizeHint(option, model.index(i)).height() for i in with_preview}
    assert len(full) == 1
    full_height = full.pop()
    assert full_height > 3 * view.fontMetrics().height()
    short = {delegate.sizeHint(option, model.index(i)).height() for i in without}
    assert short == {full_height - QFontMetrics(option.font).height() - GAP}
    view.resize(320, 600)
    view.show()
    qapp.processEvents()
    assert view.visualRect(model.index(0)).height() < \
        view.visualRect(model.index(with_preview[0])).height()
    assert isinstance(model.index(0).data(ROW_ROLE).heading, str)


def test_excerpts_are_cut_before_the_first_match_so_it_stays_in_view(qapp):
    from PySide6.QtGui import QFontMetrics

    from trustdesk.ui.journal.list_delegate import _lead_in

    metrics = QFontMetrics(qapp.font())
    pieces = (("a long run of words before anything matches at all in this entry ", False),
              ("trust", True), (" after", False))
    room = metrics.horizontalAdvance("x" * 12)
    cut = _lead_in(pieces, metrics, room)
    assert cut[0][0].startswith("…") and cut[0][0].endswith("entry ")
    assert metrics.horizontalAdvance(cut[0][0]) <= room
    assert cut[1:] == pieces[1:]
    assert _lead_in(pieces, metrics, 10_000) == pieces
    assert _lead_in((("trust", True),), metrics, 1) == (("trust", True),)
