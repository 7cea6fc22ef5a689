"""A 0 to 100 rating: a slider with the number beside it, and a clear "not rated
yet" state that is not the same as 0."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSlider, QSpinBox, QWidget

from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import link_button, set_state

NOT_RATED = "Not rated yet"


class RatingField(QWidget):
    """`value()` is an int 0..100 or None. `changed` fires only for the person's own
    edits (not for `set_value`). Keyboard: arrows move by 5, Page Up/Down by 10,
    or type the number; "Clear" goes back to not rated."""

    changed = Signal()

    def __init__(self, name: str, *, low: str = "", high: str = "",
                 reference: str = "", clearable: bool = True) -> None:
        super().__init__()
        self._value: int | None = None
        self._clearable = clearable
        self._quiet = False
        self.setAccessibleName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(10)
        self.slider.setValue(50)
        self.slider.setAccessibleName(name)
        self.slider.setMinimumWidth(180)
        self.slider.setProperty("role", "rating")
        self.number = QSpinBox()
        self.number.setRange(-1, 100)
        self.number.setSpecialValueText("–")
        self.number.setAccessibleName(f"{name}, as a number from 0 to 100")
        self.number.lineEdit().setAccessibleName(self.number.accessibleName())
        # Arrow buttons are hidden by app.qss (NoButtons collapses the text under a
        # stylesheet); Up/Down keys still step the number.
        self.number.setProperty("role", "ratingnumber")
        self.number.setMinimumWidth(64)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = text_label(NOT_RATED, "muted", wrap=False)
        self.state.setAccessibleDescription(f"{name}: state")
        self.clear_button = link_button("Clear", f"Clear {name.lower()}")
        grid.addWidget(self.slider, 0, 0, 1, 2)
        grid.addWidget(self.number, 0, 2)
        grid.addWidget(self.clear_button, 0, 3)
        grid.addWidget(self.state, 0, 3)  # shares the cell: one shows at a time
        if low or high:
            grid.addWidget(text_label(low, "scale", wrap=False), 1, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(text_label(high, "scale", wrap=False), 1, 1, Qt.AlignmentFlag.AlignRight)
        self.reference = text_label(reference, "muted")
        grid.addWidget(self.reference, 2, 0, 1, 4)
        self.reference.setVisible(bool(reference))
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for widget in (self.state, self.clear_button):  # no jump when they swap
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        self.slider.valueChanged.connect(self._from_slider)
        self.slider.sliderPressed.connect(lambda: self._from_slider(self.slider.value()))
        self.number.valueChanged.connect(self._from_number)
        self.clear_button.clicked.connect(self._clear)
        self._show()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show `value` without counting it as an edit."""
        self._value = value
        self._show()

    def set_reference(self, text: str) -> None:
        """A quiet line under the slider, e.g. what was rated at the start."""
        self.reference.setText(text)
        self.reference.setVisible(bool(text))

    # -- internals -------------------------------------------------------------
    def _from_slider(self, value: int) -> None:
        if not self._quiet:
            self._edit(value)

    def _from_number(self, value: int) -> None:
        if not self._quiet:
            self._edit(None if value < 0 else value)

    def _clear(self) -> None:
        self._edit(None)
        self.slider.setFocus()

    def _edit(self, value: int | None) -> None:
        if value == self._value:
            self._show()
            return
        self._value = value
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        self._quiet = True
        try:
            value = self._value
            rated = value is not None
            self.slider.setValue(value if value is not None else 50)
            self.number.setValue(value if value is not None else -1)
        finally:
            self._quiet = False
        set_state(self.slider, "rated", rated)
        self.state.setText("" if rated else NOT_RATED)
        self.clear_button.setVisible(rated and self._clearable)
        words = f"{self._value} out of 100" if rated else NOT_RATED.lower()
        self.slider.setAccessibleDescription(words)
