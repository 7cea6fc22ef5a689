"""The window a person meets: welcome, unlock, the workspace, and locking."""

from __future__ import annotations

import stat

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from tests.conftest import PASSPHRASE
from tests.ui.conftest import open_window, unlock
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import theme
from trustdesk.ui.shell.gate import NoticeScreen, UnlockScreen, WelcomeScreen
from trustdesk.ui.shell.pages import PAGES
from trustdesk.ui.shell.workspace import Workspace
from trustdesk.ui.window_fit import MIN_SIZE


def test_first_launch_writes_nothing_until_the_passphrase_is_confirmed(qtbot, tmp_path):
    folder = tmp_path / "data"
    window = open_window(qtbot, folder)
    assert isinstance(window.current_screen(), WelcomeScreen)
    welcome = window.welcome
    qtbot.keyClicks(welcome.first, "lantern orbit pebble")
    qtbot.keyClicks(welcome.second, "lantern orbit pebbles")
    assert not welcome.create_button.isEnabled()
    assert welcome.error.text() == "The two passphrases don't match yet."
    assert "Strong" in welcome.hint.text() or "Fair" in welcome.hint.text()
    assert not folder.exists()

    welcome.second.clear()
    qtbot.keyClicks(welcome.second, "lantern orbit pebble")
    assert welcome.create_button.isEnabled()
    with qtbot.waitSignal(window.session.unlocked, timeout=10000):
        qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.current_screen(), Workspace)
    vault = folder / "journal.trustdesk"
    assert stat.S_IMODE(vault.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert welcome.first.text() == "" and welcome.second.text() == ""
    window.close()


def test_wrong_passphrase_clears_the_field_and_allows_a_retry(qtbot, window, capfd):
    screen = window.unlock_screen
    assert isinstance(window.current_screen(), UnlockScreen)
    qtbot.keyClicks(screen.passphrase, "not my passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.busy.isVisible(), "unlocking shows a busy indicator while it works"
    qtbot.waitUntil(lambda: not screen.busy.isVisible(), timeout=10000)
    assert screen.error.text() == "That passphrase doesn't unlock this journal."
    assert screen.passphrase.text() == ""
    assert window.session.store is None
    unlock(qtbot, window)
    assert window.session.is_unlocked()
    assert capfd.readouterr().err == ""


def test_sidebar_lists_only_pages_that_exist(unlocked):
    nav = unlocked.workspace.nav
    assert [nav.item(i).text() for i in range(nav.count())] == [p.title for p in PAGES]
    assert unlocked.workspace.status_line.text() == "Encrypted · saved"


def test_unlocking_builds_only_the_landing_page(qtbot, window):
    """Other pages are built when first shown. When the focus was still on the
    unlock screen as the workspace appeared (a session opened by a request rather
    than the Unlock button, as after a restore), the sidebar took it, selected its
    first row and built the Guide too (~50 ms)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.unlock_screen.passphrase.setFocus()
    with qtbot.waitSignal(window.session.unlocked, timeout=10000):
        window.unlock_screen.unlock_requested.emit(PASSPHRASE)
    workspace = window.workspace
    assert workspace.current_key() == "today"
    assert [type(page).__name__ for page in workspace.built_pages()] == ["TodayPage"]


def test_the_current_page_is_highlighted_in_the_sidebar(qtbot, unlocked):
    workspace = unlocked.workspace
    for key in [*workspace.page_keys(), workspace.page_keys()[0]]:
        workspace.show_page(key)
        row = workspace.page_keys().index(key)
        assert workspace.current_key() == key
        assert [workspace.nav.item(i).isSelected() for i in range(workspace.nav.count())] == [
            i == row for i in range(workspace.nav.count())]
        assert workspace.stack.currentWidget() is workspace.page(key)


def test_ctrl_l_locks_and_clears_every_page(qtbot, unlocked):
    workspace = unlocked.workspace
    for key in workspace.page_keys():
        workspace.show_page(key)
    built = workspace.built_pages()
    assert built
    with qtbot.waitSignal(unlocked.session.locked):
        qtbot.keyClick(unlocked, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(unlocked.current_screen(), UnlockScreen)
    assert unlocked.session.store is None and unlocked.workspace is None
    assert unlocked.unlock_screen.passphrase.text() == ""
    qtbot.waitUntil(lambda: all(not _alive(page) for page in built))
    unlock(qtbot, unlocked)
    assert unlocked.session.is_unlocked()


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_lock_button_locks(qtbot, unlocked):
    with qtbot.waitSignal(unlocked.session.locked):
        qtbot.mouseClick(unlocked.workspace.lock_button, Qt.MouseButton.LeftButton)
    assert not unlocked.session.is_unlocked()


def test_theme_and_text_size_apply_at_once_and_are_kept_in_the_vault(qtbot, unlocked, qapp):
    page = unlocked.workspace.show_page("settings")
    base = qapp.font().pointSizeF()
    page.appearance.theme_box.setCurrentIndex(page.appearance.theme_box.findData("dark"))
    window_color = qapp.palette().color(QPalette.ColorRole.Window).name().upper()
    assert window_color == theme.colors("dark")["window"].name().upper()
    page.appearance.size_box.setCurrentIndex(page.appearance.size_box.findData(150))
    assert abs(qapp.font().pointSizeF() - base * 1.5) < 0.2

    unlocked.session.request_lock()
    theme.apply(qapp, theme="light", text_scale=100)
    unlock(qtbot, unlocked)
    assert theme.current_mode() == "dark"
    assert abs(qapp.font().pointSizeF() - base * 1.5) < 0.2
    settings = unlocked.session.store.settings.load_app_settings()
    assert (settings.theme, settings.text_scale) == ("dark", 150)


def test_second_window_on_the_same_folder_says_it_is_open_elsewhere(qtbot, unlocked, data_dir):
    before = (data_dir / "journal.trustdesk").read_bytes()
    second = open_window(qtbot, data_dir)
    screen = second.current_screen()
    assert isinstance(screen, NoticeScreen)
    assert "already open in another TrustDesk window" in screen.text.text()
    second.close()
    assert (data_dir / "journal.trustdesk").read_bytes() == before
    assert unlocked.session.is_unlocked()


def test_closing_the_window_releases_the_folder(qtbot, unlocked, data_dir):
    unlocked.close()
    JournalFolder(data_dir).lock().release()


def test_window_has_a_sensible_minimum_size(window):
    assert (window.minimumWidth(), window.minimumHeight()) == MIN_SIZE


def test_every_control_has_an_accessible_name(unlocked, window):
    unlocked.workspace.show_page("settings")
    screens = [window.welcome, window.unlock_screen, unlocked.workspace]
    for screen in screens:
        for widget in screen.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox):
                assert widget.accessibleName(), widget
            elif isinstance(widget, QAbstractButton):
                assert widget.accessibleName() or widget.text().strip(), widget


def test_unlock_screen_is_keyboard_first(window):
    assert window.unlock_screen.passphrase.hasFocus() or not window.isActiveWindow()
    assert window.unlock_screen.passphrase.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_data_on_disk_after_unlock_is_only_the_vault_and_its_side_files(unlocked, data_dir):
    names = {p.name for p in data_dir.iterdir()}
    assert names <= {"journal.trustdesk", "journal.trustdesk-wal", "journal.trustdesk-shm",
                     "trustdesk.lock", "window.ini", "backups"}
    assert PASSPHRASE.encode() not in b"".join(
        p.read_bytes() for p in data_dir.iterdir() if p.is_file())
