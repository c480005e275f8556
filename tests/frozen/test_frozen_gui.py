"""The built window: ``RealNamePrecheck --smoke-test`` in each language, offscreen.

The smoke test loads the example record and a generated scan, converts the scan, runs the checks
and saves a screenshot; it exits 1 naming what is missing (translation, style sheet, a codec).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_window_opens_and_converts_a_scan(gui: Path, tmp_path: Path, lang: str) -> None:
    shot = tmp_path / f"window-{lang}.png"
    result = subprocess.run(
        [str(gui), "--lang", lang, "--smoke-test", str(shot)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
        env=isolated_env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr or f"exit {result.returncode}"
    with Image.open(shot) as image:
        assert image.format == "PNG" and min(image.size) > 100
    # the smoke test's error report: in the profile's log (the windowed exe has no stderr)
    log = (tmp_path / "profile" / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "[redacted]" in log and "110101199003071234" not in log


def isolated_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, and settings written under ``home`` instead of the user's profile."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA", "USERPROFILE"):
        env[var] = str(home / "profile")
    env["REALNAME_PROFILE_DIR"] = str(home / "profile")  # Qt on Windows ignores APPDATA
    return env


def test_cli_gui_command_opens_the_window(cli: Path, tmp_path: Path) -> None:
    """The Qt-free command line hands ``gui`` over to the window executable."""
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [str(cli), "gui", "--lang", "en", "--smoke-test", str(shot)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
        env=isolated_env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.is_file()
