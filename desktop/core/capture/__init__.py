"""Scan capture: find the document in a phone photo, straighten and crop it, merge front and
back, and spot pictures a reviewer would send back (screen photos, screenshots, copies, edits).

Qt-free. OpenCV (the ``ocr`` extra) is used when it imports; otherwise a Pillow-only path does
the same with less robustness (see :mod:`desktop.core.capture.detect`).
"""
