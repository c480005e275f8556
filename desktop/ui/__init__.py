"""The PySide6 window: turns core findings into highlighted fields, cards and a status summary.

Nothing here decides what is valid; ``desktop.core`` does. Import Qt only from this package.
"""
