"""desktop/core never imports Qt or the UI: the CLI and the window are faces on one core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "desktop.ui")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(CORE)}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offenders == []


def test_running_a_check_loads_no_qt() -> None:
    code = (
        "import sys, desktop.cli;"
        "desktop.cli.main(['check', '--json', sys.argv[1]]);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "sys.exit(1 if bad else 0)"
    )
    example = CORE.parents[1] / "resources" / "examples" / "individual.json"
    result = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True)
    assert result.returncode == 0, result.stderr
