"""Settings live inside the vault and survive locking."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import PASSPHRASE
from trustdesk.domain.settings import AppSettings
from trustdesk.storage.store import JournalFolder


def test_new_journal_has_default_settings(store):
    assert store.settings.load_app_settings() == AppSettings()


def test_settings_round_trip_through_a_lock(store, data_dir):
    chosen = replace(AppSettings(), theme="dark", text_scale=130, auto_lock_minutes=15)
    store.settings.save_app_settings(chosen)
    store.settings.set("guide.position", {"chapter": "03", "scroll": 420})
    store.close()
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert reopened.settings.load_app_settings() == chosen
        assert reopened.settings.get("guide.position") == {"chapter": "03", "scroll": 420}
        assert reopened.settings.get("never.set", "fallback") == "fallback"
    finally:
        reopened.close()


def test_bad_stored_values_fall_back_to_defaults(store):
    store.settings.set("app.theme", "neon")
    store.settings.set("app.text_scale", 130)
    store.settings.set("app.auto_lock_minutes", "soon")
    loaded = store.settings.load_app_settings()
    assert loaded == replace(AppSettings(), text_scale=130)


def test_the_safety_card_is_kept_encrypted_and_emptying_it_removes_it(store, data_dir):
    """The card survives a lock inside the journal, its words are in no file on disk
    in plaintext, and an emptied card leaves no row behind."""
    from tests.test_privacy import files_containing
    from trustdesk.domain.safety_card import Contact, SafetyCard

    marker = "QUOKKA-LIGHTHOUSE-5521"
    card = SafetyCard((Contact(f"Sam {marker}", "0123 456"),), "Music", "My sister's")
    assert store.settings.load_safety_card() == SafetyCard()
    store.settings.save_safety_card(card)
    store.close()
    assert files_containing(marker, data_dir) == []
    reopened = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        assert reopened.settings.load_safety_card() == card
        reopened.settings.save_safety_card(SafetyCard())
        assert reopened.settings.get("safety.card") is None
        assert reopened.settings.load_safety_card().is_empty
    finally:
        reopened.close()
