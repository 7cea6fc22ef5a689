"""Keyboard and mouse rules for the whole app, in one application-wide event filter.

- The mouse wheel changes a date, number, slider or combo box only while it has
  focus; over an unfocused one the wheel scrolls the page as if it weren't there
  (scrolling a worksheet over "By when?" once moved a small step's date silently).
- A date or date-and-time field is one Tab stop: Tab leaves it instead of walking
  through its day, month, year and time; the arrow keys move between those parts.
- A click on a slider's track sets the value there (Qt's default only steps a page
  towards the click), and the handle can be dragged on from there.
- Typing a digit into a number field that shows its "empty" text (a rating's "–")
  replaces that text instead of being refused after it.
- Whoever watches for the person's input (auto-lock, `watch_input`) hears of each
  key, click, move, wheel or touch, and may swallow it. One Python filter for both:
  each application-wide Python filter costs a trip into Python for every event of
  every widget (two made building the Today page after unlocking ~40% slower).

Installed while the passphrase is typed (`prepare`, from ui/app.py's warm-up), and
at the latest when a journal is unlocked (ui/shell/workspace.py): a Python filter on
the whole application sees every event, and the first events of some kinds to reach
one make PySide build the Python enums of nearly every Qt class (50-100 ms), which
must fall neither before the first paint nor into unlocking. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import override
from weakref import WeakMethod

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QListWidget,
    QScrollBar,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)

WHEEL_GUARDED = (QAbstractSpinBox, QAbstractSlider, QComboBox)

_installed: list[InputGuard] = []

# Input that shows the person is there (what auto-lock counts as activity).
INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})
_watchers: list[WeakMethod[Callable[[], bool]]] = []


def watch_input(callback: Callable[[], bool]) -> None:
    """Call the bound method `callback()` on each input event (see INPUT) anywhere
    in the app, while its object lives; when it returns True the event is
    swallowed. Installs the guard if needed."""
    install()
    if not any(ref() == callback for ref in _watchers):
        _watchers.append(WeakMethod(callback))


def unwatch_input(callback: Callable[[], bool]) -> None:
    _watchers[:] = [ref for ref in _watchers if ref() is not None and ref() != callback]


def _input_seen() -> bool:
    """Tell every watcher; True if one swallows the event."""
    swallowed = False
    for ref in list(_watchers):
        watcher = ref()
        if watcher is None or (isinstance(owner := getattr(watcher, "__self__", None), QObject)
                               and not shiboken6.isValid(owner)):
            _watchers.remove(ref)
        elif watcher():
            swallowed = True
    return swallowed


def install() -> None:
    """Install the guard on the application, once."""
    app = QApplication.instance()
    if app is not None and not _installed:
        guard = InputGuard(app)
        app.installEventFilter(guard)
        _installed.append(guard)


def prepare() -> None:
    """Install the guard and let it see a list widget made and dropped (the
    sidebar's kind), so PySide's one-off enum building happens now, while the
    person types, not when the workspace is built after unlocking."""
    install()
    probe = QListWidget()
    probe.deleteLater()


def _guarded(widget: QObject) -> bool:
    return isinstance(widget, WHEEL_GUARDED) and not isinstance(widget, QScrollBar)


class InputGuard(QObject):
    """The application-wide filter (see the module's docstring)."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if _watchers and kind in INPUT and _input_seen():
            return True
        if kind == QEvent.Type.Wheel:
            return _guarded(watched) and self._wheel(watched, event)
        if kind == QEvent.Type.KeyPress:
            if isinstance(watched, QSpinBox):
                self._replace_empty_text(watched, event)
                return False
            return isinstance(watched, QDateTimeEdit) and self._tab(watched, event)
        if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QSlider) \
                and type(watched).mousePressEvent is QSlider.mousePressEvent:
            # Only sliders that leave clicks to Qt: the check-in's rating bar (a
            # QSlider for screen readers) handles its own clicks on its numbers.
            return self._jump_to_click(watched, event)
        # Not WheelFocus: Qt gives focus on a wheel before any filter sees the wheel.
        if kind == QEvent.Type.Polish and _guarded(watched) \
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False

    @staticmethod
    def _wheel(widget: QWidget, event: QEvent) -> bool:
        """Hand the wheel to the scroll area around an unfocused control."""
        if widget.hasFocus():
            return False
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent.viewport(), event)
        return True

    @staticmethod
    def _replace_empty_text(box: QSpinBox, event: QKeyEvent) -> None:
        """A digit typed while the field shows its special "empty" text replaces it."""
        if box.specialValueText() and box.value() == box.minimum() \
                and event.text().isdigit():
            box.selectAll()

    @staticmethod
    def _jump_to_click(slider: QSlider, event: QMouseEvent) -> bool:
        """Move the value to a left click on the track, then press the handle where
        it now is, so a drag goes on from there; a click on the handle is left to
        Qt. True when the original press was replaced."""
        if event.button() != Qt.MouseButton.LeftButton or not slider.isEnabled():
            return False
        option = QStyleOptionSlider()
        slider.initStyleOption(option)
        style = slider.style()
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderHandle, slider)
        point = event.position().toPoint()
        if handle.contains(point):
            return False
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderGroove, slider)
        if slider.orientation() == Qt.Orientation.Horizontal:
            start, span, at = groove.x(), groove.width() - handle.width(), point.x()
            at -= handle.width() // 2
        else:
            start, span, at = groove.y(), groove.height() - handle.height(), point.y()
            at -= handle.height() // 2
        value = QStyle.sliderValueFromPosition(slider.minimum(), slider.maximum(),
                                               at - start, max(1, span),
                                               slider.invertedAppearance())
        slider.setValue(value)
        slider.initStyleOption(option)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderHandle, slider)
        centre = QPointF(handle.center())
        press = QMouseEvent(QEvent.Type.MouseButtonPress, centre,
                            QPointF(slider.mapToGlobal(handle.center())), event.button(),
                            event.buttons(), event.modifiers())
        QApplication.sendEvent(slider, press)
        return True

    @staticmethod
    def _tab(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
        """Tab and Shift+Tab leave a date field at once."""
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        forward = key == Qt.Key.Key_Tab and \
            not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        target = _next_tab_stop(edit, forward=forward)
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason if forward
                            else Qt.FocusReason.BacktabFocusReason)
        return True


def _next_tab_stop(widget: QWidget, *, forward: bool) -> QWidget | None:
    """The widget Tab (or Shift+Tab) reaches after `widget` and its children, as
    QWidget.focusNextPrevChild chooses it."""
    window = widget.window()
    candidate = widget
    while True:
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is widget or candidate is None:
            return None
        if widget.isAncestorOf(candidate) or candidate.focusProxy() is not None:
            continue
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isEnabled() \
                and candidate.isVisibleTo(window) and candidate.window() is window:
            return candidate
