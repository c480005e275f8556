"""Field highlights: a dynamic ``severity`` property styled by ``resources/styles/app.qss``.

Tests read the property, never pixels. Changing a dynamic property does not restyle a widget by
itself, so the style is re-polished.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SEVERITIES = ("error", "warning", "info", "ok", "")


def set_severity(widget: QWidget, severity: str) -> None:
    """Mark ``widget`` (``""`` clears the mark) and restyle it if the value changed."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity: {severity}")
    set_style_property(widget, "severity", severity)


def set_style_property(widget: QWidget, name: str, value: str | bool) -> None:
    """Set a property the style sheet selects on (``[name="value"]``), restyling if it changed."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def severity_of(widget: QWidget) -> str:
    """The widget's current mark ("" when none)."""
    value = widget.property("severity")
    return value if isinstance(value, str) else ""
