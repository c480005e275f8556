"""Doctest collection over desktop/: skip the doctests that need the optional [ocr] extra."""

from __future__ import annotations

import importlib.util

OCR_EXTRA = ("pypinyin", "opencc")

collect_ignore: list[str] = []
if not all(importlib.util.find_spec(name) for name in OCR_EXTRA):
    collect_ignore.append("desktop/core/ocr/compare.py")


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--fuzz-long", action="store_true", help="run the fuzz tests with many more examples"
    )


def pytest_configure(config) -> None:
    """Hypothesis profiles: "ci" keeps the whole fuzz set to a few thousand examples (seconds),
    ``--fuzz-long`` runs about ten times more. Tests scale their own counts with fuzz_scale()."""
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # the [test] extra is not installed: no fuzz tests either
        return
    common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
    settings.register_profile("ci", max_examples=200, derandomize=True, **common)
    settings.register_profile("long", max_examples=2000, **common)
    settings.load_profile("long" if config.getoption("--fuzz-long") else "ci")
