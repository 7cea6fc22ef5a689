"""Export and import through real vaults: every record round-trips exactly, merges
follow the rules (twice adds nothing, newer wins, older is ignored), jrnl journals
come in once, and a backup is made before anything changes."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.exchange_data import entries, generated_worksheets, steps, worksheets
from tests.journal_data import generated_entries
from trustdesk.domain.exchange.codec import VERSION, ImportProblem, decode
from trustdesk.domain.journal import Entry
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.store import JournalFolder, Store

JRNL_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"


def open_copy(template: Path, folder: Path) -> Store:
    folder.mkdir(mode=0o700)
    shutil.copy2(template, folder / "journal.trustdesk")
    return JournalFolder(folder).unlock(PASSPHRASE)


def wipe(store: Store) -> None:
    with store.vault.transaction() as conn:
        for table in ("small_steps", "worksheets", "entries", "tags"):
            conn.execute(f"DELETE FROM {table}")


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory, template_vault):
    root = tmp_path_factory.mktemp("exchange")
    source, target = open_copy(template_vault, root / "a"), open_copy(template_vault, root / "b")
    yield source, target, root
    source.close()
    target.close()


@st.composite
def journals(draw: st.DrawFn):
    journal = draw(st.lists(entries(), max_size=5, unique_by=lambda e: e.id))
    sheets = draw(st.lists(worksheets(), max_size=3, unique_by=lambda w: w.id))
    sheets = [replace(sheet, step=draw(st.one_of(st.none(), steps())))
              for sheet in sheets]
    return journal, sheets


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(journal=journals())
def test_export_then_import_round_trips_every_record_exactly(two_stores, journal):
    source, target, root = two_stores
    wipe(source)
    wipe(target)
    entry_list, sheets = journal
    step_ids = [sheet.step.id for sheet in sheets if sheet.step is not None]
    if len(set(step_ids)) != len(step_ids):
        return  # one step can't belong to two sheets
    source.journal.save_many(entry_list)
    for sheet in sheets:
        source.worksheets.save(sheet)
    path = root / "export.json"
    source.exchange.export_json(path, replace=True)
    result = target.exchange.import_file(path)
    before, after = source.exchange.snapshot(), target.exchange.snapshot()
    assert after == before
    assert len(before.entries) == len(entry_list) and len(before.worksheets) == len(sheets)
    assert result.entries.added == len(entry_list) and result.changed == (
        len(entry_list) + len(sheets) + len(step_ids))
    again = target.exchange.import_file(path)
    assert again.changed == 0 and target.exchange.snapshot() == before


def test_a_ten_day_journal_round_trips_with_worksheets_and_steps(store, tmp_path,
                                                                 template_vault):
    store.journal.save_many(generated_entries(10))
    for sheet in generated_worksheets(6, with_steps=4):
        store.worksheets.save(sheet)
    summary = store.exchange.export_json(tmp_path / "all.json")
    assert (summary.entries, summary.worksheets, summary.steps) == (10, 6, 4)
    other = open_copy(template_vault, tmp_path / "other")
    try:
        result = other.exchange.import_file(tmp_path / "all.json")
        assert result.describe() == ("Imported 10 entries: 10 new. Imported 6 worksheets: 6 "
                                     "new. Imported 4 small steps: 4 new.")
        assert other.exchange.snapshot() == store.exchange.snapshot()
        assert other.worksheets.follow_ups_due(datetime.now().date()) == \
            store.worksheets.follow_ups_due(datetime.now().date())
    finally:
        other.close()


def exported(store: Store, path: Path) -> Path:
    store.exchange.export_json(path, replace=True)
    return path


def test_importing_the_same_file_twice_adds_nothing(store, tmp_path):
    file = tmp_path / "in.json"
    donor = generated_entries(5, seed=3)
    data = json.loads(_file_with(donor))
    file.write_text(json.dumps(data), encoding="utf-8")
    first = store.exchange.import_file(file)
    second = store.exchange.import_file(file)
    assert (first.entries.added, first.entries.updated) == (5, 0)
    assert (second.entries.added, second.entries.updated, second.entries.unchanged) == (0, 0, 5)
    assert store.journal.count() == 5


def _file_with(entry_list: list[Entry]) -> str:
    from trustdesk.domain.exchange.codec import Bundle, encode

    return encode(Bundle(entries=tuple(entry_list)),
                  exported_at=datetime.now().astimezone()).decode()


def test_the_newer_version_wins_and_an_older_one_is_ignored(store, tmp_path):
    base = generated_entries(3, seed=5)
    store.journal.save_many(base)
    later = [replace(base[0], body="Edited elsewhere, later.", tags=("new",),
                     updated_at=base[0].updated_at + timedelta(hours=1)),
             replace(base[1], body="An older draft.",
                     updated_at=base[1].updated_at - timedelta(hours=1)),
             base[2]]
    (tmp_path / "in.json").write_text(_file_with(later), encoding="utf-8")
    result = store.exchange.import_file(tmp_path / "in.json")
    assert (result.entries.added, result.entries.updated, result.entries.unchanged) == (0, 1, 2)
    assert store.journal.get(base[0].id) == later[0]
    assert store.journal.get(base[1].id) == base[1]
    assert store.journal.all_tags() == sorted({*base[1].tags, *base[2].tags, "new"})


def test_a_newer_worksheet_and_step_replace_yours_an_older_one_does_not(store, tmp_path):
    sheet = generated_worksheets(1, with_steps=1)[0]
    saved = store.worksheets.save(sheet)
    stamp = saved.updated_at
    newer = replace(saved, thought="A changed thought.", updated_at=stamp + timedelta(days=1),
                    step=replace(saved.step, id="another-step", text="A different step.",
                                 updated_at=stamp + timedelta(days=1)))
    from trustdesk.domain.exchange.codec import Bundle, encode

    bundle = Bundle(worksheets=(newer,), steps=(newer.step,))
    (tmp_path / "new.json").write_bytes(encode(bundle, exported_at=datetime.now().astimezone()))
    result = store.exchange.import_file(tmp_path / "new.json")
    assert (result.worksheets.updated, result.steps.updated) == (1, 1)
    assert store.worksheets.get(saved.id) == newer
    assert [s.id for s in store.worksheets.steps()] == ["another-step"]
    older = replace(saved, thought="Old.", updated_at=stamp - timedelta(days=1),
                    step=replace(saved.step, updated_at=stamp - timedelta(days=1)))
    bundle = Bundle(worksheets=(older,), steps=(older.step,))
    (tmp_path / "old.json").write_bytes(encode(bundle, exported_at=datetime.now().astimezone()))
    result = store.exchange.import_file(tmp_path / "old.json")
    assert result.changed == 0
    assert store.worksheets.get(saved.id) == newer


def test_a_backup_is_made_before_an_import_changes_anything(store, data_dir, tmp_path):
    store.journal.save_many(generated_entries(2, seed=9))
    file = exported(store, tmp_path / "same.json")
    store.exchange.import_file(file)
    assert list_backups(data_dir / "backups") == [], "nothing changed: no backup needed"
    (tmp_path / "more.json").write_text(_file_with(generated_entries(4, seed=10)), "utf-8")
    store.exchange.import_file(tmp_path / "more.json")
    made = list_backups(data_dir / "backups")
    assert [info.kind for info in made] == ["before-import"]
    assert made[0].label() == "Before an import"
    from trustdesk.storage.backups.folder import inspect_backup

    assert inspect_backup(made[0].path, PASSPHRASE).counts["entries"] == 2


def test_a_jrnl_journal_comes_in_once(store):
    first = store.exchange.import_file(JRNL_SAMPLE)
    second = store.exchange.import_file(JRNL_SAMPLE)
    assert first.source == "jrnl" and first.describe() == "Imported 6 entries: 6 new."
    assert second.changed == 0 and store.journal.count() == 6
    assert "starred" in store.journal.all_tags()
    hits = store.journal.search("lait confiance")
    assert [hit.row.heading for hit in hits] == ["Café au lait et confiance — un petit pas"]


def test_an_invalid_file_changes_nothing(store, tmp_path, data_dir):
    store.journal.save_many(generated_entries(3, seed=2))
    before = store.exchange.snapshot()
    document = json.loads(_file_with(generated_entries(50, seed=4)))
    document["journal"][49]["trust_self"] = 12
    (tmp_path / "bad.json").write_text(json.dumps(document), "utf-8")
    with pytest.raises(ImportProblem, match=r"^entry 50 \(id 'gen00049'\): trust_self must"):
        store.exchange.import_file(tmp_path / "bad.json")
    assert store.exchange.snapshot() == before
    assert not (data_dir / "backups").exists()


def test_reading_an_import_file_names_what_is_wrong_with_the_file_itself(tmp_path, store):
    with pytest.raises(ImportProblem, match="isn't there any more"):
        store.exchange.read_import(tmp_path / "gone.json")
    with pytest.raises(ImportProblem, match=r"^This folder holds nothing TrustDesk reads"):
        store.exchange.read_import(tmp_path)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_the_export_is_the_documented_format_and_private(store, out):
    store.journal.save_many(generated_entries(3, seed=1))
    path = store.exchange.export_json(out / "out.json").path
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    document = json.loads(path.read_text("utf-8"))
    assert document["format"] == "trustdesk" and document["version"] == VERSION
    assert datetime.fromisoformat(document["exported_at"]).tzinfo is not None
    assert [e["id"] for e in document["journal"]] == [e.id for e in
                                                      store.journal.entries_between(None, None)]
    assert decode(path.read_bytes()).bundle == store.exchange.snapshot()
    assert sorted(p.name for p in out.iterdir()) == ["out.json"]


def test_markdown_exports_one_file_per_entry_or_one_file(store, out):
    store.journal.save_many(generated_entries(4, seed=6))
    folder = store.exchange.export_markdown(out / "md").path
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    files = sorted(folder.iterdir())
    assert len(files) == 4
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in files)
    stored = store.journal.entries_between(None, None)
    assert [f.name[:15] for f in files] == [f"{e.written_at:%Y-%m-%d %H%M}" for e in stored]
    assert files[0].read_text("utf-8").endswith(stored[0].body + "\n")
    single = store.exchange.export_markdown(out / "all.md", single_file=True).path
    text = single.read_text("utf-8")
    assert all(entry.body in text for entry in stored)
    assert sorted(p.name for p in out.iterdir()) == ["all.md", "md"]


def test_a_snoozed_and_a_skipped_step_round_trip_through_the_export(store, tmp_path,
                                                                    template_vault):
    from trustdesk.domain.steps import skip, snooze

    today = datetime.now().date()
    for sheet in generated_worksheets(3, with_steps=2):
        store.worksheets.save(sheet)
    first, second = [s for s in store.worksheets.steps() if s.worksheet_id][:2]
    store.worksheets.save_plan(snooze(first, today + timedelta(days=3), today))
    store.worksheets.save_plan(skip(second, today))
    document = json.loads(exported(store, tmp_path / "all.json").read_text("utf-8"))
    plans = {s["id"]: (s["snoozed_until"], s["skipped_on"]) for s in document["steps"]}
    assert plans[first.id] == ((today + timedelta(days=3)).isoformat(), None)
    assert plans[second.id] == (None, today.isoformat())
    other = open_copy(template_vault, tmp_path / "other")
    try:
        other.exchange.import_file(tmp_path / "all.json")
        assert other.exchange.snapshot() == store.exchange.snapshot()
        back = {s.id: s for s in other.worksheets.steps()}
        assert back[first.id].snoozed_until == today + timedelta(days=3)
        assert back[second.id].skipped_on == today
    finally:
        other.close()


def test_the_safety_card_travels_in_the_export_and_is_never_overwritten(
        store, tmp_path, template_vault):
    """Exported with everything else; imported into a journal without one; a journal
    that has its own card keeps it and the result says so."""
    from trustdesk.domain.safety_card import Contact, SafetyCard

    card = SafetyCard((Contact("Sam", "0123 456"), Contact("Crisis line", "111")),
                      "A walk by the river", "My sister's flat")
    store.settings.save_safety_card(card)
    path = store.exchange.export_json(tmp_path / "all.json").path
    document = json.loads(path.read_text("utf-8"))
    assert document["version"] == VERSION >= 4
    assert document["safety_card"]["people"][1] == {"name": "Crisis line", "number": "111"}
    other = open_copy(template_vault, tmp_path / "other")
    try:
        result = other.exchange.import_file(path)
        assert other.settings.load_safety_card() == card
        assert result.describe() == "Your safety card (people and numbers) was added."
        again = other.exchange.import_file(path)
        assert again.changed == 0 and "already in your journal" in again.describe()
        mine = SafetyCard((Contact("Alex", "999"),))
        other.settings.save_safety_card(mine)
        kept = other.exchange.import_file(path)
        assert other.settings.load_safety_card() == mine
        assert "was not imported; yours is unchanged" in kept.describe()
    finally:
        other.close()


def test_a_journal_without_a_card_exports_none(store, tmp_path):
    path = store.exchange.export_json(tmp_path / "none.json").path
    assert "safety_card" not in json.loads(path.read_text("utf-8"))


# -- the personal dictionary (format version 5) ---------------------------------------
def test_the_personal_dictionary_goes_out_and_merges_back_in(tmp_path, store,
                                                              template_vault):
    """Export writes the person's words; importing into a journal with words of its
    own adds only the missing ones (case aside) and removes none."""
    store.settings.add_personal_word("Priya")
    store.settings.add_personal_word("journaling")
    target = tmp_path / "export.json"
    store.exchange.export_json(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["version"] == VERSION >= 5
    assert document["personal_dictionary"] == ["Priya", "journaling"]

    other = open_copy(template_vault, tmp_path / "other")
    try:
        other.settings.add_personal_word("PRIYA")
        other.settings.add_personal_word("Aroha")
        result = other.exchange.import_file(target)
        assert other.settings.load_personal_words() == ["PRIYA", "Aroha", "journaling"]
        assert "1 word was added to your dictionary." in result.describe()
        again = other.exchange.import_file(target)
        assert again.changed == 0
        assert other.settings.load_personal_words() == ["PRIYA", "Aroha", "journaling"]
    finally:
        other.close()


def test_a_version_4_file_without_a_dictionary_still_imports(tmp_path, store):
    path = tmp_path / "v4.json"
    path.write_text(json.dumps({"format": "trustdesk", "version": 4,
                                "exported_at": "2025-03-02T20:15:00+01:00", "journal": []}),
                    encoding="utf-8")
    incoming = store.exchange.read_import(path)
    assert incoming.bundle.personal_words == ()


def test_a_dictionary_word_with_a_space_is_refused_by_name(tmp_path, store):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "trustdesk", "version": 5,
                                "exported_at": "2025-03-02T20:15:00+01:00", "journal": [],
                                "personal_dictionary": ["fine", "two words"]}),
                    encoding="utf-8")
    with pytest.raises(ImportProblem, match="personal_dictionary, word 2"):
        store.exchange.read_import(path)
