"""The pure core: records, rules, number validators, checks and the image pipeline.

Nothing under ``desktop.core`` imports Qt; the CLI and the window are thin faces on it.
"""
