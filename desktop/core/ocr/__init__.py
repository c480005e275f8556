"""Scan reading (optional ``ocr`` extra): recognise the text on a certificate scan offline,
understand which document it is, and cross-check it against the typed record.

Everything except :mod:`desktop.core.ocr.engine` (and :mod:`~desktop.core.ocr.scan`, which uses it)
works on text lines alone and needs no engine. Importing this package is cheap.
"""
