"""Scan reading (optional ``ocr`` extra): recognise the text on a certificate scan offline,
understand which document it is, and cross-check it against the typed record.

Importing this package is cheap; only :mod:`~desktop.core.ocr.engine` (used by
:mod:`~desktop.core.ocr.scan`) needs the extra. Everything else works on text lines.

For the window::

    engine.available()                 # cheap, UI thread: is the extra installed?
    scan.not_installed()               # info finding saying how to enable it
    scan.load()                        # worker, once (~1 s): raises engine.OcrUnavailable
    scan.read_scan(path) -> Reading    # worker, per scan (0.4–1.5 s): raises scan.ScanError
    crosscheck.crosscheck(record, {index: reading}, today, {index: file_name}) -> [Finding]
                                       # UI thread (milliseconds), after every edit
    reading.values()                   # fields to offer for "Read from scan"
    reading.name.box, reading.number.box   # where they are on the upright scan (pixels)
    compare.compare_names / compare_numbers  # Difference.at / at_scan for rich highlighting
"""
