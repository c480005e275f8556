"""The README stays true: CI runs its test command, and its codes table matches the data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = next(c for c in readme_commands() if "pytest" in c)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_codes_table_is_current() -> None:
    script = ROOT / "scripts" / "codes_table.py"
    result = subprocess.run([sys.executable, str(script), "--check"])
    assert result.returncode == 0, "README codes table is stale: run python scripts/codes_table.py"


def test_readme_names_every_system_package_the_window_checks() -> None:
    import json

    data = json.loads((ROOT / "resources" / "linux_packages.json").read_text(encoding="utf-8"))
    apt = next(c for c in readme_commands() if c.startswith("sudo apt install "))
    assert set(apt.split()[3:]) == set(data["libraries"].values())
