"""The shared label never reads what it shows as HTML, and only lets the mouse
select text where a page asks for it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from trustdesk.ui.widgets.labels import text_label


def test_words_that_look_like_html_are_shown_as_typed(qapp):
    label = text_label("<b>I</b> wrote <a href='x'>this</a>", "muted")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>I</b> wrote <a href='x'>this</a>"
    assert label.property("role") == "muted" and label.wordWrap()


def test_only_a_selectable_label_lets_the_mouse_select(qapp):
    assert text_label("a").textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    selectable = text_label("a", selectable=True, wrap=False)
    assert selectable.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert not selectable.wordWrap() and selectable.property("role") is None
