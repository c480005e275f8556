"""Test set-up: Qt offscreen before anything imports it; every test gets a clean settings store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
