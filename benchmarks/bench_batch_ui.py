"""The portfolio window while a 10,000-row sheet loads: the longest gap of the UI thread.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/bench_batch_ui.py SHEET

A 10 ms repeating timer on the UI thread records when it fires; a gap longer than 100 ms is a
freeze a person notices. Also counts the rows shown and the time until the table is complete.
Run by bench_batch.py with the sheet it generated (offscreen when there is no display).
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(sheet: str) -> None:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.portfolio_window import PortfolioWindow

    app = QApplication([])
    window = PortfolioWindow(None, "en")
    window.show()
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done: list[float] = []
    window.loaded.connect(lambda: (done.append(time.perf_counter()), app.quit()))
    start = time.perf_counter()
    timer.start()
    window.load([sheet])
    app.exec()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    worst = max(gaps, default=0) * 1000
    late = sum(g > 0.1 for g in gaps)
    print(f"window: {window.model.rowCount()} rows in {done[0] - start:.2f} s; longest UI gap "
          f"{worst:.0f} ms; gaps > 100 ms: {late} (of {len(gaps)} ticks)")  # fmt: skip
    window.table.sortByColumn(1, window.table.horizontalHeader().sortIndicatorOrder())
    t = time.perf_counter()
    window.table.sortByColumn(3, window.table.horizontalHeader().sortIndicatorOrder())
    app.processEvents()
    took = 1000 * (time.perf_counter() - t)
    print(f"window: sorting {window.model.rowCount()} rows by holder {took:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
